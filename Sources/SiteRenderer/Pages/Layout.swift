import PlanModel
import SiteCore

/// What every page's frame shows: the site's name and settings, the plan's number, the assets'
/// addresses.
///
/// One value per build; part of every page's digest.
struct LayoutInput: Encodable, Sendable {
  let site: SiteSettings
  let documentNumber: String
  let documentType: String
  /// Whether the plan has a reporting schedule (the navigation then has "Báo cáo").
  let hasReports: Bool
  /// Whether some report shown is a draft (every page then says so).
  let showsDrafts: Bool
  /// Published path of each asset by its name (`site.css`), sorted by name.
  let assets: [AssetPath]

  struct AssetPath: Encodable, Sendable {
    let name: String
    let path: String
  }

  init(plan: Plan, templates: TemplateSet) {
    site = plan.site
    documentNumber = plan.document.number
    documentType = plan.document.documentType
    hasReports = plan.schedule != nil
    showsDrafts = plan.reports.contains(where: \.isDraft)
    assets = templates.assetPaths.sorted { $0.key < $1.key }.map {
      AssetPath(name: $0.key, path: $0.value)
    }
  }

  /// The fields the header and footer may use, for a page at `route`: the
  /// site-wide fields and the navigation, nothing of the page itself.
  func chromeFields(route: Route, link: Linker) -> [String: Any] {
    var fields: [String: Any] = [
      "lang": site.language,
      "site_title": site.title,
      "root": link.root,
      "home_href": link.href(.home),
      "search_href": link.href(.search),
      "search_index_path": SiteRenderer.searchIndexPath,
      "plan_number": documentNumber,
      "document_type": documentType,
      "nav": Self.navigation(current: route, link: link, reports: hasReports),
      "is_sample": site.isSample,
      "shows_drafts": showsDrafts,
    ]
    if let publisher = site.publisher { fields["publisher"] = publisher }
    if let note = site.footerNote { fields["footer_note"] = note }
    for asset in assets {
      fields["asset_" + Self.assetKey(asset.name)] = link.href(path: asset.path)
    }
    return fields
  }

  /// Every page's fields: the page's own, the site-wide ones, and the
  /// header and footer rendered from the site-wide ones alone.
  func pageFields(
    route: Route, page: PageContent, tools: PageTools, digest: ContentHash
  ) -> [String: Any] {
    let link = tools.link
    // The same for every page of a navigation section at one folder depth
    // (the header and footer are cached on the same grounds, below).
    let section = Self.navigationSection(of: route)
    let chrome = tools.fragments.fields(
      Fragments.FragmentKey(kind: "chrome|" + section.path, digest: digest.value, root: link.root)
    ) { chromeFields(route: section, link: link) }
    var fields = page.fields
    for (key, value) in chrome { fields[key] = value }
    fields["page_title"] = page.title
    fields["is_home"] = route == .home
    fields["description"] = page.description.isEmpty ? site.description : page.description
    fields["og_title"] = route == .home ? site.title : page.title + " · " + site.title
    if let base = site.baseURL {
      let path = route.path.hasSuffix("index.html") ? String(route.path.dropLast(10)) : route.path
      fields["canonical_url"] = base + path
      fields["og_url"] = base + path
    }
    var crumbs: [[String: Any]] = []
    if route != .home {
      crumbs.append(["label": "Trang chủ", "href": link.href(.home)])
      for step in page.trail {
        crumbs.append(["label": step.label, "href": link.href(step.route)])
      }
    }
    fields["breadcrumbs"] = crumbs
    fields["has_breadcrumbs"] = !crumbs.isEmpty
    // Header and footer see only the site-wide fields, so one rendering per
    // folder depth and navigation section is right for every page.
    let key = { (kind: String) in
      Fragments.FragmentKey(kind: kind + "|" + section.path, digest: digest.value, root: link.root)
    }
    fields["header_html"] = tools.fragments.fragment(key("header")) {
      tools.fragments.templates.render(chrome, with: "partials/header") ?? ""
    }
    fields["footer_html"] = tools.fragments.fragment(key("footer")) {
      tools.fragments.templates.render(chrome, with: "partials/footer") ?? ""
    }
    return fields
  }

  /// The names the header and footer may use (checked when templates load).
  static let chromeFieldNames: Set<String> = [
    "lang", "site_title", "root", "home_href", "search_href", "search_index_path", "plan_number",
    "document_type", "nav", "publisher", "footer_note", "label", "href", "current", "is_sample",
    "shows_drafts",
  ]

  /// The navigation entry a page belongs to.
  static func navigationSection(of route: Route) -> Route {
    switch route {
    case .agency, .agencyGroup: .agencies
    case .commune, .communeGroup, .collectiveGroup: .communes
    case .group, .task: .home
    case .period, .report: .reports
    default: route
    }
  }

  /// `site.css` → `site_css`, the field name of an asset's address.
  static func assetKey(_ name: String) -> String {
    String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
  }

  private static func navigation(current: Route, link: Linker, reports: Bool) -> [[String: Any]] {
    let section = navigationSection(of: current)
    var items: [(String, Route)] = [
      ("Kế hoạch", .home), ("Cơ quan", .agencies), ("Xã, phường", .communes),
      ("Chỉ tiêu", .indicators),
    ]
    if reports { items.append(("Báo cáo", .reports)) }
    items += [("Tìm kiếm", .search), ("Dữ liệu", .data)]
    return items.map { label, route in
      ["label": label, "href": link.href(route), "current": route == section]
    }
  }
}
