import PlanModel
import SiteCore

extension SiteRenderer {
  /// The fields every page's layout uses, merged with the page's own.
  func layout(for route: Route, page: PageContent) -> [String: Any] {
    let link = Linker(from: route.path)
    let site = plan.site
    var fields = page.fields
    fields["lang"] = site.language
    fields["site_title"] = site.title
    fields["page_title"] = page.title
    fields["is_home"] = route == .home
    fields["description"] = page.description.isEmpty ? site.description : page.description
    fields["root"] = link.root
    fields["home_href"] = link.href(.home)
    fields["search_href"] = link.href(.search)
    fields["search_index_path"] = Self.searchIndexPath
    fields["og_title"] = route == .home ? site.title : page.title + " · " + site.title
    fields["plan_number"] = plan.document.number
    fields["document_type"] = plan.document.documentType
    if let publisher = site.publisher { fields["publisher"] = publisher }
    if let note = site.footerNote { fields["footer_note"] = note }
    for (name, published) in templates.assetPaths {
      fields["asset_" + Self.assetKey(name)] = link.href(path: published)
    }
    if let base = site.baseURL {
      let path = route.path.hasSuffix("index.html") ? String(route.path.dropLast(10)) : route.path
      fields["canonical_url"] = base + path
      fields["og_url"] = base + path
    }
    fields["nav"] = navigation(current: route, link: link)
    var crumbs: [[String: Any]] = []
    if route != .home {
      crumbs.append(["label": "Trang chủ", "href": link.href(.home)])
      for step in page.trail {
        crumbs.append(["label": step.label, "href": link.href(step.route)])
      }
    }
    fields["breadcrumbs"] = crumbs
    fields["has_breadcrumbs"] = !crumbs.isEmpty
    // Header and footer depend only on the folder depth and the current
    // section, so each is rendered once per build for each of those.
    let section = Self.navigationSection(of: route)
    fields["header_html"] = fragments.chrome.fragment("header|\(link.root)|\(section.path)") {
      templates.render(fields, with: "partials/header") ?? ""
    }
    fields["footer_html"] = fragments.chrome.fragment("footer|\(link.root)") {
      templates.render(fields, with: "partials/footer") ?? ""
    }
    return fields
  }

  /// The navigation entry a page belongs to.
  static func navigationSection(of route: Route) -> Route {
    switch route {
    case .agency: .agencies
    case .commune: .communes
    case .group, .task: .home
    default: route
    }
  }

  /// `site.css` → `site_css`, the field name of an asset's address.
  static func assetKey(_ name: String) -> String {
    String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
  }

  private func navigation(current: Route, link: Linker) -> [[String: Any]] {
    let section = Self.navigationSection(of: current)
    let items: [(String, Route)] = [
      ("Kế hoạch", .home), ("Cơ quan", .agencies), ("Xã, phường", .communes),
      ("Chỉ tiêu", .indicators), ("Tìm kiếm", .search), ("Dữ liệu", .data),
    ]
    return items.map { label, route in
      ["label": label, "href": link.href(route), "current": route == section]
    }
  }
}
