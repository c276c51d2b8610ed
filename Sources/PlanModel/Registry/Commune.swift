/// A commune-level unit (xã, phường, đặc khu) that plans assign duties to.
public struct Commune: Hashable, Sendable, Codable {
  /// The three kinds of commune-level unit since the 2025 reform.
  public enum Kind: String, CaseIterable, Sendable, Codable {
    case xa
    case phuong
    case dacKhu = "dac-khu"

    /// The word written before the name: `Xã`, `Phường`, `Đặc khu`.
    public var label: String {
      switch self {
      case .xa: "Xã"
      case .phuong: "Phường"
      case .dacKhu: "Đặc khu"
      }
    }

    /// The plural heading: `Các xã`, `Các phường`, `Các đặc khu`.
    public var pluralLabel: String {
      switch self {
      case .xa: "Các xã"
      case .phuong: "Các phường"
      case .dacKhu: "Các đặc khu"
      }
    }
  }

  /// The registry id (`phuong-thanh-vinh`); also the folder of its page.
  public var id: CommuneID
  /// The proper name (`Thành Vinh`), or a name that already carries its kind.
  public let name: String
  /// Xã, phường or đặc khu.
  public let kind: Kind
  /// The national statistics code (mã ĐVHC), if known.
  public var gsoCode: String?
  /// The former units merged into it in 2025, if recorded.
  public var formedFrom: [String]
  /// Where the entry is defined.
  public var source: SourceRef

  public init(
    id: CommuneID, name: String, kind: Kind, gsoCode: String? = nil, formedFrom: [String] = [],
    source: SourceRef
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.gsoCode = gsoCode
    self.formedFrom = formedFrom
    self.source = source
    fullName = Self.fullName(name: name, kind: kind)
  }

  /// `Phường Thành Vinh`; a name that already starts with its kind is kept.
  public let fullName: String

  private static func fullName(name: String, kind: Kind) -> String {
    let lower = name.lowercased()
    for known in Kind.allCases where lower.hasPrefix(known.label.lowercased() + " ") {
      return known.label + name.dropFirst(known.label.count)
    }
    return "\(kind.label) \(name)"
  }
}
