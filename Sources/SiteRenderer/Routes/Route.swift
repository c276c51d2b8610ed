import PlanModel
import SiteCore

/// Every page of the site, and the one place its URL is decided.
///
/// URLs are Vietnamese without diacritics (DESIGN.md, "Output"). Links
/// between pages are always relative and always end in `index.html`, so the
/// site works from any sub-path and when opened straight from disk.
public enum Route: Hashable, Sendable {
  case home
  /// A task group's list of tasks; long lists are split into pages (page 1 first).
  case group(GroupID, page: Int = 1)
  case task(TaskID)
  case agencies
  case agency(AgencyID)
  /// An agency's duties in one task group, when its page lists too many to show them all.
  case agencyGroup(AgencyID, GroupID, page: Int = 1)
  case communes
  case commune(CommuneID)
  /// A commune's duties in one task group, when its page lists too many to show them all.
  case communeGroup(CommuneID, GroupID, page: Int = 1)
  /// The duties addressed to a collective of communes (all communes, all
  /// xã …) in one task group: listed once, not on every commune's page.
  case collectiveGroup(Collective, GroupID, page: Int = 1)
  case indicators
  case search
  case data
  /// The reporting periods and what has been reported.
  case reports
  /// One reporting period: who reported, what changed (long lists go on to later pages).
  case period(PeriodID, page: Int = 1)
  /// One report of one agency or commune (200 entries a page).
  case report(PeriodID, Reporter, page: Int = 1)
  case notFound

  /// The output path of the page.
  public var path: String {
    switch self {
    case .home: "index.html"
    case .group(let id, let page): "nhom/\(Slug.make(from: id.rawValue))/" + Self.page(page)
    case .task(let id): "nhiem-vu/\(Slug.make(from: id.rawValue))/index.html"
    case .agencies: "co-quan/index.html"
    case .agency(let id): "co-quan/\(id.rawValue)/index.html"
    case .agencyGroup(let id, let group, let page):
      "co-quan/\(id.rawValue)/nhom/\(Slug.make(from: group.rawValue))/" + Self.page(page)
    case .communes: "xa-phuong/index.html"
    case .commune(let id): "xa-phuong/\(id.rawValue)/index.html"
    case .communeGroup(let id, let group, let page):
      "xa-phuong/\(id.rawValue)/nhom/\(Slug.make(from: group.rawValue))/" + Self.page(page)
    case .collectiveGroup(let collective, let group, let page):
      "xa-phuong/giao-chung/\(collective.rawValue)/\(Slug.make(from: group.rawValue))/"
        + Self.page(page)
    case .indicators: "chi-tieu/index.html"
    case .search: "tim-kiem/index.html"
    case .data: "du-lieu/index.html"
    case .reports: "bao-cao/index.html"
    case .period(let id, let page): "bao-cao/\(id.rawValue)/" + Self.page(page)
    case .report(let period, let reporter, let page):
      "bao-cao/\(period.rawValue)/\(reporter.id)/" + Self.page(page)
    case .notFound: "404.html"
    }
  }

  /// `index.html` for the first page of a list, `trang-2/index.html` after.
  private static func page(_ number: Int) -> String {
    number <= 1 ? "index.html" : "trang-\(number)/index.html"
  }

  /// Every template some page needs, partials the renderer uses directly included.
  public static let pageTemplates = [
    "index", "group", "task", "agencies", "agency", "communes", "commune", "duties", "indicators",
    "search", "data", "reports", "period", "report", "404", "partials/header", "partials/footer",
    "partials/duty", "partials/task-item", "partials/task-list",
  ]
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

  /// A linker writing absolute addresses under `base` (`https://…/`): for
  /// the 404 page, which a server shows at any address.
  public init(absolute base: String) {
    root = base
  }

  /// The relative address of `route` from the current page.
  public func href(_ route: Route) -> String { root + route.path }

  /// The relative address of any output path from the current page.
  public func href(path: String) -> String { root + path }
}
