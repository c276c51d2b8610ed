import PlanModel
import SiteCore

/// Every page of the site, and the one place its URL is decided.
///
/// URLs are Vietnamese without diacritics (DESIGN.md, "Output"). Links
/// between pages are always relative and always end in `index.html`, so the
/// site works from any sub-path and when opened straight from disk.
public enum Route: Hashable, Sendable {
  case home
  case group(GroupID)
  case task(TaskID)
  case agencies
  case agency(AgencyID)
  case communes
  case commune(CommuneID)
  case indicators
  case search
  case data
  case notFound

  /// The output path of the page.
  public var path: String {
    switch self {
    case .home: "index.html"
    case .group(let id): "nhom/\(Slug.make(from: id.rawValue))/index.html"
    case .task(let id): "nhiem-vu/\(Slug.make(from: id.rawValue))/index.html"
    case .agencies: "co-quan/index.html"
    case .agency(let id): "co-quan/\(id.rawValue)/index.html"
    case .communes: "xa-phuong/index.html"
    case .commune(let id): "xa-phuong/\(id.rawValue)/index.html"
    case .indicators: "chi-tieu/index.html"
    case .search: "tim-kiem/index.html"
    case .data: "du-lieu/index.html"
    case .notFound: "404.html"
    }
  }

  /// The template that renders the page (a file in `Templates/`, without `.mustache`).
  public var template: String {
    switch self {
    case .home: "index"
    case .group: "group"
    case .task: "task"
    case .agencies: "agencies"
    case .agency: "agency"
    case .communes: "communes"
    case .commune: "commune"
    case .indicators: "indicators"
    case .search: "search"
    case .data: "data"
    case .notFound: "404"
    }
  }

  /// Every template some page needs, partials the renderer uses directly included.
  public static let pageTemplates = [
    "index", "group", "task", "agencies", "agency", "communes", "commune", "indicators", "search",
    "data", "404", "partials/header", "partials/footer", "partials/duty", "partials/duty-list",
    "partials/task-item", "partials/task-list",
  ]

  /// Every page of `plan`, in a fixed order.
  public static func all(for plan: Plan) -> [Route] {
    var routes: [Route] = [.home, .agencies, .communes, .indicators, .search, .data, .notFound]
    routes += plan.groups.map { .group($0.id) }
    routes += plan.tasks.map { .task($0.id) }
    routes += plan.agencies.map { .agency($0.id) }
    routes += plan.communes.map { .commune($0.id) }
    return routes
  }
}

/// Relative links from one page to another.
public struct Linker: Sendable {
  /// `../` repeated once per folder the current page is in.
  public let root: String

  /// A linker for links written on the page at `path`.
  public init(from path: String) {
    let depth = path.split(separator: "/").count - 1
    root = String(repeating: "../", count: max(0, depth))
  }

  /// The relative address of `route` from the current page.
  public func href(_ route: Route) -> String { root + route.path }

  /// The relative address of any output path from the current page.
  public func href(path: String) -> String { root + path }
}
