import PlanModel
import SiteCore

/// Turns a validated plan into the site's files: the "render" step.
///
/// Pure: it reads the plan and the loaded templates and returns bytes; it
/// never touches the disk. Each page can be rendered on its own (and in
/// parallel), which is what parallel and incremental builds rely on.
public struct SiteRenderer: Sendable {
  /// Build-time settings that change what pages say.
  public struct Options: Sendable {
    /// The date statuses are computed for ("quá hạn" is relative to it).
    public var today: Day
    /// Whether fragments shared by many pages (rows, header, footer, the commune pages' common
    /// lists) are rendered once and reused.
    ///
    /// Turning it off renders every page from scratch: the slow reference the tests compare the
    /// fast path with.
    public var reusesFragments: Bool

    public init(today: Day, reusesFragments: Bool = true) {
      self.today = today
      self.reusesFragments = reusesFragments
    }
  }

  public let plan: Plan
  public let templates: TemplateSet
  public let options: Options
  let duties: DutyIndex
  let fragments: Fragments

  /// The caches of rendered fragments, shared by the pages of one build.
  struct Fragments: Sendable {
    let lists: SharedFragments
    let items: FragmentCache
    let chrome: FragmentCache

    init(enabled: Bool) {
      lists = SharedFragments(enabled: enabled)
      items = FragmentCache(enabled: enabled)
      chrome = FragmentCache(enabled: enabled)
    }
  }

  public init(plan: Plan, templates: TemplateSet, options: Options) throws {
    self.plan = plan
    self.templates = templates
    self.options = options
    let duties = DutyIndex(plan: plan)
    self.duties = duties
    fragments = Fragments(enabled: options.reusesFragments)
  }

  /// Every page route, in a fixed order.
  public var routes: [Route] { Route.all(for: plan) }

  /// Renders one page.
  public func render(_ route: Route) throws -> OutputFile {
    let context = self.context(for: route)
    guard let html = templates.render(context, with: route.template) else {
      throw DiagnosticError(
        .error(
          vi: "thiếu mẫu trang '\(route.template).mustache'",
          en: "missing page template '\(route.template).mustache'",
          at: SourceLocation(file: "\(route.template).mustache")))
    }
    return OutputFile(path: route.path, text: html)
  }

  /// The static assets (CSS, JS, images) to publish.
  public var assets: [OutputFile] { templates.assets }

  func context(for route: Route) -> [String: Any] {
    let page: PageContent
    switch route {
    case .home: page = homePage()
    case .group(let id): page = groupPage(id)
    case .task(let id): page = taskPage(id)
    case .agencies: page = agenciesPage()
    case .agency(let id): page = agencyPage(id)
    case .communes: page = communesPage()
    case .commune(let id): page = communePage(id)
    case .indicators: page = indicatorsPage()
    case .search: page = searchPage()
    case .data: page = dataPage()
    case .notFound: page = notFoundPage()
    }
    return layout(for: route, page: page)
  }
}
