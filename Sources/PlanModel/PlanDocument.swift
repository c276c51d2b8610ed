/// The plan document's identity, as in its header (số hiệu, ngày ban hành …).
public struct PlanDocument: Hashable, Sendable, Codable {
  /// Số hiệu (`22/KH-UBND`).
  public var number: String
  /// The full title.
  public var title: String
  /// Loại văn bản (`Kế hoạch`).
  public var documentType: String
  /// Ngày ban hành.
  public var issued: Day
  /// Ngày có hiệu lực, if stated.
  public var effective: Day?
  /// Cơ quan ban hành.
  public var issuer: String
  /// Người ký.
  public var signer: String
  /// The signer's position, if stated.
  public var signerTitle: String?
  /// Lĩnh vực.
  public var field: String?
  /// Where it was issued (`Nghệ An`).
  public var place: String?
  /// The preamble: legal basis (Căn cứ …) and opening text.
  public var preamble: RichText
  /// Where the public text of the document can be read.
  public var sourceURL: String?
  /// Where it is defined (`plan.md`).
  public var source: SourceRef
  /// The issuer as the document's header prints it, line by line
  /// (`ỦY BAN NHÂN DÂN`, `TỈNH NGHỆ AN`); empty: the issuer in capitals.
  public var issuerHeader: [String]
  /// Which part of the plan the site publishes, when not all of it
  /// (`Mục III.1`): counts and missing deadlines then say so.
  public var publishedPart: String?
  /// How the plan names its collectives, by collective id
  /// (`all-agencies: "Các sở, ngành"`); the others keep plansite's words.
  public var collectiveLabels: [String: String]

  public init(
    number: String, title: String, documentType: String, issued: Day, effective: Day?,
    issuer: String, signer: String, signerTitle: String?, field: String?, place: String?,
    preamble: RichText, sourceURL: String?, source: SourceRef, issuerHeader: [String] = [],
    publishedPart: String? = nil, collectiveLabels: [String: String] = [:]
  ) {
    self.issuerHeader = issuerHeader
    self.publishedPart = publishedPart
    self.collectiveLabels = collectiveLabels
    self.number = number
    self.title = title
    self.documentType = documentType
    self.issued = issued
    self.effective = effective
    self.issuer = issuer
    self.signer = signer
    self.signerTitle = signerTitle
    self.field = field
    self.place = place
    self.preamble = preamble
    self.sourceURL = sourceURL
    self.source = source
  }
}
