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
  /// A documentation file the site does not use (`README.md`, `SOURCES.md`).
  case documentation
  /// Anything else.
  case unexpected

  init(path: String) {
    // Substrings, not Strings: every build classifies every file (10,000
    // in a large plan) just to check whether anything changed.
    let parts = path.split(separator: "/")
    switch parts.count {
    case 1:
      switch path {
      case "site.yaml": self = .site
      case "plan.md": self = .plan
      case "agencies.yaml": self = .agencies
      case "communes.yaml": self = .communes
      case "indicators.yaml": self = .indicators
      default: self = path.hasSuffix(".md") || path.hasSuffix(".txt") ? .documentation : .unexpected
      }
    default:
      let name = parts[parts.count - 1]
      if parts[0] == "sections", parts.count == 2, name.hasSuffix(".md") {
        self = .section
      } else if parts[0] == "tasks", name.hasSuffix(".md") {
        let folder = parts[1..<(parts.count - 1)].joined(separator: "/")
        self = name == "_group.md" ? .group(folder: folder) : .task(folder: folder)
      } else {
        self = .unexpected
      }
    }
  }

  /// The files every content folder must have.
  static let requiredFiles = ["site.yaml", "plan.md", "agencies.yaml", "communes.yaml"]
}

/// What one content file contributes to the plan, with its own diagnostics.
///
/// Files are parsed independently of each other (and in parallel); only
/// `PlanValidator` looks across files.
struct ParsedFile: Sendable {
  enum Content: Sendable {
    case site(SiteSettings)
    case plan(PlanDocument)
    case section(PlanDraft.Entry<PlanSection>)
    case agencies([PlanDraft.Entry<Agency>])
    case communes([PlanDraft.Entry<Commune>])
    case indicators([PlanDraft.IndicatorDraft])
    case group(PlanDraft.GroupDraft)
    case task(PlanDraft.TaskDraft)
    case nothing
  }

  var content: Content
  var diagnostics: [Diagnostic]
}
