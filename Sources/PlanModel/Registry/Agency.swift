/// A provincial agency (sở, ngành, ban) that plans assign duties to.
public struct Agency: Hashable, Sendable, Codable {
  /// What kind of body an agency is; the agency list is grouped by it.
  public enum Kind: String, CaseIterable, Sendable, Codable {
    case vanPhong = "van-phong"
    case so
    case thanhTra = "thanh-tra"
    case ban
    case lucLuong = "luc-luong"
    case trungUong = "trung-uong"
    case donViSuNghiep = "don-vi-su-nghiep"
    case doanThe = "doan-the"
    case khac

    /// The heading for this kind on the agency list.
    public var label: String {
      switch self {
      case .vanPhong: "Văn phòng"
      case .so: "Sở"
      case .thanhTra: "Thanh tra"
      case .ban: "Ban quản lý"
      case .lucLuong: "Lực lượng vũ trang, công an"
      case .trungUong: "Cơ quan Trung ương trên địa bàn"
      case .donViSuNghiep: "Đơn vị sự nghiệp"
      case .doanThe: "Mặt trận Tổ quốc, đoàn thể"
      case .khac: "Cơ quan, đơn vị khác"
      }
    }
  }

  /// The registry id (`so-tai-chinh`); also the folder of its page.
  public var id: AgencyID
  /// The official name (`Sở Tài chính`).
  public var name: String
  /// A common abbreviation, if any (`STC`).
  public var shortName: String?
  /// What kind of body it is.
  public var kind: Kind
  /// A short note shown on its page (mergers, renames).
  public var note: String?
  /// Where the entry is defined.
  public var source: SourceRef
  /// Its public contact, shown on its page so a citizen knows whom to ask.
  public var contact: Contact

  /// An agency's public contact details; each optional.
  public struct Contact: Hashable, Sendable, Codable {
    public var address: String?
    public var phone: String?
    public var email: String?
    public var website: String?

    public init(
      address: String? = nil, phone: String? = nil, email: String? = nil, website: String? = nil
    ) {
      self.address = address
      self.phone = phone
      self.email = email
      self.website = website
    }

    public var isEmpty: Bool { address == nil && phone == nil && email == nil && website == nil }
  }

  public init(
    id: AgencyID, name: String, shortName: String? = nil, kind: Kind, note: String? = nil,
    source: SourceRef, contact: Contact = Contact()
  ) {
    self.contact = contact
    self.id = id
    self.name = name
    self.shortName = shortName
    self.kind = kind
    self.note = note
    self.source = source
  }
}
