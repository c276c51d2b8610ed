import PlanModel
import SiteRenderer

/// Where a build reads and writes, and how strict it is.
public struct BuildConfiguration: Sendable {
  /// The content folder (`Content`).
  public var contentDirectory: String
  /// The templates folder (`Templates`).
  public var templatesDirectory: String
  /// The output folder (`Site`).
  public var outputDirectory: String
  /// Whether warnings stop the build like errors (`--strict`).
  public var strict: Bool
  /// The date "overdue" is computed for; fixed so builds are reproducible.
  public var today: Day
  /// Whether draft reports are published too (`--drafts`, and `serve`).
  public var includesDrafts: Bool
  /// Whether the site is served from the root of its address (`serve`'s
  /// preview server): the 404 page then links from `/`, not to `base_url`,
  /// which would take the editor to the published site.
  public var servedFromRoot = false
  /// Which code renders the templates (the same bytes either way).
  public var templateEngine: TemplateSet.Engine = .compiled
  /// Whether changed pages are published before the files made from the
  /// whole plan (`SiteRenderer.planWidePaths`), in two atomic swaps: the
  /// page an editor is looking at appears without waiting for a 40 MB
  /// `plan.json` (`watch` and `serve`).
  public var publishesPagesFirst = false
  /// Whether what a build worked with (the parsed files, the plan, the
  /// renderer, the jobs) is left for the process's exit to free rather
  /// than freed when the build returns: a one-shot `plansite build` exits
  /// right after, and tearing down a 10,000-task plan object by object took
  /// 0.13–0.16 s on one core at the end of every build.
  public var leavesMemoryToExit = false

  public init(
    contentDirectory: String = "Content", templatesDirectory: String = "Templates",
    outputDirectory: String = "Site", strict: Bool = false, today: Day,
    includesDrafts: Bool = false
  ) {
    self.includesDrafts = includesDrafts
    self.contentDirectory = Self.folder(contentDirectory)
    self.templatesDirectory = Self.folder(templatesDirectory)
    self.outputDirectory = Self.folder(outputDirectory)
    self.strict = strict
    self.today = today
  }

  /// A folder as typed, without trailing slashes (`Site/` is `Site`: the
  /// output's spare and database sit beside it by name, and messages add
  /// their own `/`).
  public static func folder(_ path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    return String(trimmed)
  }
}
