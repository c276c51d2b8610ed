import SiteCore

/// The roles a body holds in a task, as bits (`Plan.holders(of:)`): stored
/// and digested as one number, listed in `Assignment.Role.allCases` order.
public struct RoleSet: Hashable, Sendable, Codable {
  let bits: UInt8

  init(bits: UInt8) { self.bits = bits & 7 }

  public init(_ roles: [Assignment.Role]) {
    self.init(bits: roles.reduce(0) { $0 | Self.bit($1) })
  }

  static func bit(_ role: Assignment.Role) -> UInt8 {
    switch role {
    case .lead: 1
    case .support: 2
    case .implement: 4
    }
  }

  public func contains(_ role: Assignment.Role) -> Bool { bits & Self.bit(role) != 0 }

  /// The roles, in `Assignment.Role.allCases` order (each combination made once).
  public var roles: [Assignment.Role] { Self.lists[Int(bits)] }

  private static let lists: [[Assignment.Role]] = (0..<8).map { bits in
    Assignment.Role.allCases.filter { bits & Int(bit($0)) != 0 }
  }

  public init(from decoder: Decoder) throws {
    self.init(bits: try decoder.singleValueContainer().decode(UInt8.self))
  }

  public func encode(to encoder: Encoder) throws {
    var single = encoder.singleValueContainer()
    try single.encode(bits)
  }
}

/// One "- Agency: what to do" line of the plan: who, in which role, what.
public struct Assignment: Hashable, Sendable, Codable {
  /// The part an assignee plays.
  public enum Role: String, CaseIterable, Sendable, Codable {
    /// Chủ trì: leads and answers for the result.
    case lead
    /// Phối hợp: works with the lead.
    case support
    /// Thực hiện: carries it out within its own remit.
    case implement

    /// `Chủ trì`, `Phối hợp`, `Thực hiện`.
    public var label: String {
      switch self {
      case .lead: "Chủ trì"
      case .support: "Phối hợp"
      case .implement: "Thực hiện"
      }
    }
  }

  /// The assignees, as written (`[so-tai-chinh]`, `[all-agencies, all-communes]`).
  public var assignees: [Assignee]
  /// Their role.
  public var role: Role
  /// What they must do.
  public var text: RichText
  /// A deadline for this assignment only, overriding the task's.
  public var deadline: Day?
  /// Where the assignment is written.
  public var source: SourceRef
  /// Who is assigned, in the plan's own words ("Các sở, ngành và UBND các
  /// xã, phường"), shown verbatim; `assignees` still drive the pages.
  public var label: String?

  public init(
    assignees: [Assignee], role: Role, text: RichText, deadline: Day? = nil, source: SourceRef,
    label: String? = nil
  ) {
    self.label = label
    self.assignees = assignees
    self.role = role
    self.text = text
    self.deadline = deadline
    self.source = source
  }
}

/// Stored and digested as a list of its fields (see `PlanTask`).
extension Assignment {
  public init(from decoder: Decoder) throws {
    var fields = try FieldReader(decoder)
    assignees = try fields.decode([Assignee].self)
    role = try fields.decode(Role.self)
    text = try fields.decode(RichText.self)
    deadline = try fields.decode(optional: Day.self)
    source = try fields.decode(SourceRef.self)
    label = try fields.decode(optional: String.self)
  }

  public func encode(to encoder: Encoder) throws {
    var fields = FieldWriter(encoder)
    try fields.encode(assignees)
    try fields.encode(role)
    try fields.encode(text)
    try fields.encode(optional: deadline)
    try fields.encode(source)
    try fields.encode(optional: label)
  }
}

/// Who an assignment is addressed to: one agency or commune, or a collective.
public enum Assignee: Hashable, Sendable, Codable {
  case agency(AgencyID)
  case commune(CommuneID)
  case collective(Collective)

  // Stored and digested as a list of the case and the id
  // (`["agency", "so-noi-vu"]`), not the synthesized keyed container
  // inside a keyed container: an assignee is in every duty a page lists,
  // and that form made assignees 1.3 % of a clean build's CPU.
  public init(from decoder: Decoder) throws {
    var fields = try FieldReader(decoder)
    let kind = try fields.decode(String.self)
    let id = try fields.decode(String.self)
    switch kind {
    case "agency": self = .agency(AgencyID(id))
    case "commune": self = .commune(CommuneID(id))
    case "collective":
      guard let collective = Collective(rawValue: id) else {
        throw DecodingError.dataCorrupted(
          .init(codingPath: decoder.codingPath, debugDescription: "unknown collective \(id)"))
      }
      self = .collective(collective)
    default:
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "unknown assignee \(kind)"))
    }
  }

  public func encode(to encoder: Encoder) throws {
    let (kind, id) =
      switch self {
      case .agency(let id): ("agency", id.rawValue)
      case .commune(let id): ("commune", id.rawValue)
      case .collective(let collective): ("collective", collective.rawValue)
      }
    var fields = FieldWriter(encoder)
    try fields.encode(kind)
    try fields.encode(id)
  }
}

/// The groups plans address at once ("các sở, ngành", "UBND các xã, phường").
public enum Collective: String, CaseIterable, Sendable, Codable {
  case allAgencies = "all-agencies"
  case allCommunes = "all-communes"
  case allXa = "all-xa"
  case allPhuong = "all-phuong"
  case allDacKhu = "all-dac-khu"

  /// How the plan names the collective.
  public var label: String {
    switch self {
    case .allAgencies: "Các sở, ban, ngành"
    case .allCommunes: "UBND các xã, phường"
    case .allXa: "UBND các xã"
    case .allPhuong: "UBND các phường"
    case .allDacKhu: "UBND các đặc khu"
    }
  }

  /// Other ways editors write it (`tat-ca-xa`, `cac-so-nganh`), for
  /// suggestions only.
  public var otherWordings: [String] {
    switch self {
    case .allAgencies: ["Các sở, ngành", "Tất cả các sở", "Các sở ban ngành", "Tất cả sở ngành"]
    case .allCommunes:
      ["Các xã, phường", "Tất cả các xã, phường", "Tất cả xã phường", "Các địa phương"]
    case .allXa: ["Các xã", "Tất cả các xã", "Tất cả xã"]
    case .allPhuong: ["Các phường", "Tất cả các phường", "Tất cả phường"]
    case .allDacKhu: ["Các đặc khu", "Tất cả các đặc khu"]
    }
  }

  /// Whether the collective includes every agency.
  public var includesAgencies: Bool { self == .allAgencies }

  /// Whether the collective includes communes of `kind`.
  public func includes(_ kind: Commune.Kind) -> Bool {
    switch self {
    case .allAgencies: false
    case .allCommunes: true
    case .allXa: kind == .xa
    case .allPhuong: kind == .phuong
    case .allDacKhu: kind == .dacKhu
    }
  }
}
