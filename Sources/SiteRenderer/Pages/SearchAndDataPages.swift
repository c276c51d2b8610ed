import PlanModel
import SiteCore

extension SiteRenderer {
  /// The search page.
  ///
  /// Without JavaScript it is a plain directory: links to every agency, commune and task.
  func searchPage() -> PageContent {
    let link = Linker(from: Route.search.path)
    let communeKinds: [[String: Any]] = Commune.Kind.allCases.compactMap { kind in
      let members = plan.communes.filter { $0.kind == kind }
      guard !members.isEmpty else { return nil }
      return [
        "label": kind.pluralLabel,
        "items": members.map { ["name": $0.name, "href": link.href(.commune($0.id))] },
      ]
    }
    let groups: [[String: Any]] = plan.groups.compactMap { group in
      let tasks = group.tasks.compactMap { plan.task($0) }
      guard !tasks.isEmpty else { return nil }
      return [
        "label": "\(group.id.rawValue). \(Self.clip(group.title, 90))",
        "items": tasks.map {
          [
            "name": "\($0.id.rawValue). \(Self.clip($0.title, 110))",
            "href": link.href(.task($0.id)),
          ]
        },
      ]
    }
    return PageContent(
      title: "Tìm kiếm",
      description:
        "Tìm cơ quan, xã phường, nhiệm vụ của \(plan.document.documentType.lowercased()) \(plan.document.number); gõ có dấu hoặc không dấu.",
      trail: [],
      fields: [
        "agencies": plan.agencies.map { ["name": $0.name, "href": link.href(.agency($0.id))] },
        "commune_kinds": communeKinds,
        "task_groups": groups,
        "index_src": link.href(path: Self.searchIndexPath),
      ])
  }

  /// The open-data page: every file and every field, from `DataDictionary`.
  func dataPage() -> PageContent {
    let link = Linker(from: Route.data.path)
    func fileView(_ file: DataDictionary.File, href: String?) -> [String: Any] {
      var view: [String: Any] = [
        "name": file.name, "title": file.title, "meaning": file.meaning,
        "anchor": "tep-" + Slug.make(from: file.name),
        "fields": file.fields.map { ["name": $0.name, "meaning": $0.meaning] },
      ]
      if let href { view["href"] = href }
      return view
    }
    let csv = DataDictionary.csvFiles.map {
      fileView($0, href: link.href(path: "du-lieu/\($0.name)"))
    }
    return PageContent(
      title: "Dữ liệu mở",
      description:
        "Toàn bộ \(plan.document.documentType.lowercased()) \(plan.document.number) dưới dạng JSON và CSV, kèm mô tả từng trường.",
      trail: [],
      fields: [
        "json_href": link.href(path: "du-lieu/plan.json"),
        "schema_version": Self.dataSchemaVersion,
        "csv_files": csv,
        "agency_file": fileView(DataDictionary.agencyDuties, href: nil),
        "status_date": options.today.vietnamese,
      ])
  }

  /// `sitemap.xml` and `robots.txt`, which need the site's absolute address.
  ///
  /// Returns no files (and a note saying so) when `base_url` is not set.
  public func siteIndexFiles() -> (files: [OutputFile], note: Message?) {
    guard let base = plan.site.baseURL else {
      return (
        [],
        Message(
          vi: "chưa tạo sitemap.xml và robots.txt: site.yaml chưa có base_url (địa chỉ đầy đủ "
            + "của trang)",
          en: "sitemap.xml and robots.txt were not written: site.yaml has no base_url")
      )
    }
    var xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    for route in routes where route != .notFound {
      let path = route.path.hasSuffix("index.html") ? String(route.path.dropLast(10)) : route.path
      xml += "  <url><loc>\((base + path).htmlEscaped)</loc></url>\n"
    }
    xml += "</urlset>\n"
    let robots = "User-agent: *\nAllow: /\nSitemap: \(base)sitemap.xml\n"
    return (
      [OutputFile(path: "sitemap.xml", text: xml), OutputFile(path: "robots.txt", text: robots)],
      nil
    )
  }
}
