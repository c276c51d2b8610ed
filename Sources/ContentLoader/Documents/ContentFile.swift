import PlanModel
import SiteCore

/// What a file in `Content/` is, decided by its path alone.
enum ContentFileKind: Equatable {
  case site
  case plan
  case agencies
  case communes
  case indicators
  case section
  /// A `_group.md` in `tasks/<folder>/`.
  case group(folder: String)
  /// A task file in `tasks/<folder>/` (folder `""` for `tasks/` itself).
  case task(folder: String)
  /// The reporting schedule, `reporting.yaml`.
  case reporting
  /// A report: `reports/<period>/<reporter>.md`.
  case report(period: String, reporter: String)
  /// A note for editors the site does not use (`README.md`, `SOURCES.md`).
  case documentation
  /// Anything else.
  case unexpected

  init(path: String) {
    // Every build classifies every file (10,000 in a large plan), also one
    // with nothing to do, so the path is cut at its first and last '/' by
    // UTF-8 bytes ('/' is ASCII, so these are character boundaries too).
    let slash = UInt8(ascii: "/")
    guard let first = path.utf8.firstIndex(of: slash), let last = path.utf8.lastIndex(of: slash)
    else {
      switch path {
      case "site.yaml": self = .site
      case "plan.md": self = .plan
      case "agencies.yaml": self = .agencies
      case "communes.yaml": self = .communes
      case "indicators.yaml": self = .indicators
      case "reporting.yaml": self = .reporting
      default: self = Self.documentationFiles.contains(path) ? .documentation : .unexpected
      }
      return
    }
    let top = path[..<first]
    let name = path[path.index(after: last)...]
    if top == "sections", first == last, name.hasSuffix(".md") {
      self = .section
    } else if top == "tasks", name.hasSuffix(".md") {
      let folder = first == last ? "" : String(path[path.index(after: first)..<last])
      if name == "_group.md" {
        self = .group(folder: folder)
      } else if name.utf8.count <= 9, Self.groupFileNames.contains(name.lowercased()) {
        // `group.md`, `_Group.md`: the group's file misnamed, not a task
        // (see `misnamed`).
        self = .unexpected
      } else {
        self = .task(folder: folder)
      }
    } else if top == "reports", name.hasSuffix(".md"), first != last {
      let period = String(path[path.index(after: first)..<last])
      guard !period.contains("/") else {
        self = .unexpected
        return
      }
      self = .report(period: period, reporter: String(name.dropLast(3)))
    } else {
      self = .unexpected
    }
  }

  /// The part of `path` written differently from the content file it was
  /// surely meant to be, and how it should be written: a folder
  /// (`Tasks` → `tasks`, `Báo cáo` → `reports`) or the file itself
  /// (`1-3.MD`, `1-5.md.txt`, `Indicators.yaml`); nil when `path` is not
  /// such a file.
  ///
  /// Only case, diacritics, spaces, the Vietnamese names of the folders
  /// and the extension are read past: a file that merely looks like one
  /// (`agencie.yaml`) is not surely meant.
  static func misnamed(_ path: String) -> (wrong: String, right: String)? {
    var folders = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard let name = folders.popLast() else { return nil }
    var fixedFolders = folders
    if let top = folders.first {
      let folded = top.foldedForSearch.map { $0 == " " || $0 == "_" ? "-" : $0 }
      fixedFolders[0] = folderNames[String(folded)] ?? top
    }
    let fixedName = Self.fixedName(name, atTop: folders.isEmpty)
    let fixed = (fixedFolders + [fixedName]).joined(separator: "/")
    guard fixed != path else { return nil }
    switch ContentFileKind(path: fixed) {
    case .unexpected, .documentation: return nil
    default: break
    }
    // The first part written differently: the folder to rename, or the file.
    if let index = folders.indices.first(where: { folders[$0] != fixedFolders[$0] }) {
      return (
        folders[...index].joined(separator: "/"),
        (folders[..<index] + [fixedFolders[index]]).joined(separator: "/")
      )
    }
    return (path, fixed)
  }

  /// The content folders by their names folded (lowercase, no diacritics,
  /// `-` for spaces), with the Vietnamese names editors give them.
  private static let folderNames = [
    "tasks": "tasks", "nhiem-vu": "tasks", "nhiemvu": "tasks", "sections": "sections",
    "muc": "sections", "cac-muc": "sections", "reports": "reports", "bao-cao": "reports",
    "baocao": "reports",
  ]

  /// Names a group's file is given by mistake, lowercased.
  private static let groupFileNames: Set<String> = ["_group.md", "group.md", "_nhom.md", "nhom.md"]

  /// A file name with the extension content files have (`.md`, `.yaml`,
  /// lowercase), and at the top of the folder lowercase as a whole.
  private static func fixedName(_ name: String, atTop: Bool) -> String {
    if !atTop, groupFileNames.contains(fixedName(name, atTop: true)) { return "_group.md" }
    var base = name
    let lower = name.lowercased()
    for (wrong, right) in [
      (".md.txt", ".md"), (".markdown", ".md"), (".md", ".md"), (".yaml.txt", ".yaml"),
      (".yml", ".yaml"), (".yaml", ".yaml"),
    ] where lower.hasSuffix(wrong) {
      base = String(name.dropLast(wrong.count)) + right
      break
    }
    return atTop ? base.lowercased() : base
  }

  /// The files every content folder must have.
  static let requiredFiles = ["site.yaml", "plan.md", "agencies.yaml", "communes.yaml"]

  /// The files the site reads at the top of the content folder.
  static let knownRootFiles = requiredFiles + ["indicators.yaml", "reporting.yaml"]

  /// Notes for editors at the top of the content folder, which the site
  /// does not read (documented in docs/content.md).
  static let documentationFiles: Set<String> = ["README.md", "SOURCES.md"]
}

/// What one content file contributes to the plan, with its own diagnostics.
///
/// Files are parsed independently of each other (and in parallel); only
/// `PlanValidator` looks across files. A parsed file is Codable so the
/// build database can keep it: a file whose size and time did not change
/// is not read or parsed again.
public struct ParsedFile: Sendable, Codable {
  enum Content: Sendable, Codable {
    case site(SiteSettings)
    case plan(PlanDocument)
    case section(PlanDraft.Entry<PlanSection>)
    case agencies([PlanDraft.Entry<Agency>])
    case communes([PlanDraft.Entry<Commune>])
    case indicators([PlanDraft.IndicatorDraft])
    case group(PlanDraft.GroupDraft)
    case task(PlanDraft.TaskDraft)
    case schedule(PlanDraft.ScheduleDraft)
    case report(PlanDraft.ReportDraft)
    case nothing
  }

  var content: Content
  /// The file's own problems (errors and warnings).
  public internal(set) var diagnostics: [Diagnostic]
  /// The hash of the file's bytes, when it could be read.
  public internal(set) var hash: ContentHash?
}

// Both stored as lists, not keyed containers: the synthesized coding of an
// enum reads its keys first (`allKeys`), which stepped over the whole
// payload (a task, or a report of hundreds of lines) before reading it, for
// every file an incremental build reads back from the build database. A
// case or field added fails to compile (the switches are exhaustive) or
// fails `ParsedFileCodingTests` until it is written here.
extension ParsedFile {
  public init(from decoder: Decoder) throws {
    var fields = try FieldReader(decoder)
    content = try fields.decode(Content.self)
    diagnostics = try fields.decode([Diagnostic].self)
    hash = try fields.decode(optional: ContentHash.self)
  }

  public func encode(to encoder: Encoder) throws {
    var fields = FieldWriter(encoder)
    try fields.encode(content)
    try fields.encode(diagnostics)
    try fields.encode(optional: hash)
  }
}

extension ParsedFile.Content {
  /// Each case's number in the stored form (never reused).
  private enum Tag: Int, Codable {
    case site, plan, section, agencies, communes, indicators, group, task, schedule, report
    case nothing
  }

  init(from decoder: Decoder) throws {
    var fields = try FieldReader(decoder)
    switch try fields.decode(Tag.self) {
    case .site: self = .site(try fields.decode(SiteSettings.self))
    case .plan: self = .plan(try fields.decode(PlanDocument.self))
    case .section: self = .section(try fields.decode(PlanDraft.Entry<PlanSection>.self))
    case .agencies: self = .agencies(try fields.decode([PlanDraft.Entry<Agency>].self))
    case .communes: self = .communes(try fields.decode([PlanDraft.Entry<Commune>].self))
    case .indicators: self = .indicators(try fields.decode([PlanDraft.IndicatorDraft].self))
    case .group: self = .group(try fields.decode(PlanDraft.GroupDraft.self))
    case .task: self = .task(try fields.decode(PlanDraft.TaskDraft.self))
    case .schedule: self = .schedule(try fields.decode(PlanDraft.ScheduleDraft.self))
    case .report: self = .report(try fields.decode(PlanDraft.ReportDraft.self))
    case .nothing: self = .nothing
    }
  }

  func encode(to encoder: Encoder) throws {
    let (tag, payload): (Tag, (any Encodable)?) =
      switch self {
      case .site(let value): (.site, value)
      case .plan(let value): (.plan, value)
      case .section(let value): (.section, value)
      case .agencies(let value): (.agencies, value)
      case .communes(let value): (.communes, value)
      case .indicators(let value): (.indicators, value)
      case .group(let value): (.group, value)
      case .task(let value): (.task, value)
      case .schedule(let value): (.schedule, value)
      case .report(let value): (.report, value)
      case .nothing: (.nothing, nil)
      }
    var fields = FieldWriter(encoder)
    try fields.encode(tag)
    if let payload { try fields.encode(payload) }
  }
}
