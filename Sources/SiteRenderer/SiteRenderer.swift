import PlanModel
import SiteCore

/// Turns a validated plan into the site's files: the "render" step.
///
/// `outputs()` lists every file of the site as an `OutputJob`: its path,
/// the digest of the value it is made from, and a way to make it. Pages are
/// made by a `PageKind`: an input assembled from the plan, then a view that
/// reads that input alone. Nothing here touches the disk.
public struct SiteRenderer: Sendable {
  /// Build-time settings that change what pages say.
  public struct Options: Sendable {
    /// The date statuses are computed for ("quá hạn" is relative to it).
    public var today: Day
    /// Whether fragments shared by many pages (rows, header, footer, the
    /// commune pages' common lists) are rendered once and reused.
    ///
    /// Turning it off renders every page from scratch: the slow reference
    /// the tests compare the fast path with.
    public var reusesFragments: Bool

    public init(today: Day, reusesFragments: Bool = true) {
      self.today = today
      self.reusesFragments = reusesFragments
    }
  }

  public let templates: TemplateSet
  let model: SiteModel
  let fragments: Fragments
  let layout: LayoutInput
  /// The digest every page shares: templates and layout.
  let pageBase: ContentHash

  public init(plan: Plan, templates: TemplateSet, options: Options) {
    self.templates = templates
    model = SiteModel(plan: plan, today: options.today)
    fragments = Fragments(templates: templates, enabled: options.reusesFragments)
    layout = LayoutInput(plan: plan, templates: templates)
    var base = templates.hash
    base.update(Digest.of(layout).value)
    pageBase = base
  }

  /// The plan rendered.
  public var plan: Plan { model.plan }

  /// Every page route, in a fixed order.
  public var routes: [Route] { Route.all(for: model.plan) }

  /// Every file of the site, in a fixed order: pages, the files of each
  /// agency, the whole-plan data, the site index files, the assets.
  public func outputs() -> [OutputJob] {
    let shared = CommunePage.sharedLists(model)
    let pages = Parallel.map(routes, chunk: 64) { route in pageJobs(route, sharedLists: shared) }
    let data = Shared(PlanData.input(model))
    let planData = PlanData.files.map { file in
      let make = file.make
      return OutputJob(path: file.path, digest: Self.digest(file.path, data.digest)) {
        make(PlanData(data.value))
      }
    }
    let assets = templates.assets.map { asset in
      OutputJob(path: asset.path, digest: ContentHash(asset.bytes)) { asset.bytes }
    }
    return pages.flatMap { $0 } + planData + siteIndexJobs() + assets
  }

  /// The page at `route`, and for an agency its CSV and calendar.
  private func pageJobs(
    _ route: Route, sharedLists: [Collective: Shared<[DutyRow]>]
  ) -> [OutputJob] {
    switch route {
    case .home: return [page(HomePage.self, HomePage.input(model), at: route)]
    case .group(let id):
      return GroupPage.input(id, model).map { [page(GroupPage.self, $0, at: route)] } ?? []
    case .task(let id):
      return TaskPage.input(id, model).map { [page(TaskPage.self, $0, at: route)] } ?? []
    case .agencies: return [page(AgenciesPage.self, AgenciesPage.input(model), at: route)]
    case .agency(let id):
      guard let input = AgencyPage.input(id, model) else { return [] }
      let files = Shared(AgencyFiles.input(input, model))
      let csv = AgencyFiles.csvPath(id)
      let calendar = AgencyFiles.calendarPath(id)
      return [
        page(AgencyPage.self, input, at: route),
        OutputJob(path: csv, digest: Self.digest(csv, files.digest)) {
          AgencyFiles(input: files.value).csv().bytes
        },
        OutputJob(path: calendar, digest: Self.digest(calendar, files.digest)) {
          AgencyFiles(input: files.value).calendar().bytes
        },
      ]
    case .communes: return [page(CommunesPage.self, CommunesPage.input(model), at: route)]
    case .commune(let id):
      return CommunePage.input(id, model, shared: sharedLists).map {
        [page(CommunePage.self, $0, at: route)]
      } ?? []
    case .indicators: return [page(IndicatorsPage.self, IndicatorsPage.input(model), at: route)]
    case .search: return [page(SearchPage.self, SearchPage.input(model), at: route)]
    case .data: return [page(DataPage.self, DataPage.input(model), at: route)]
    case .notFound: return [page(NotFoundPage.self, NotFoundPage.Input(), at: route)]
    }
  }

  /// A page's job: its digest covers the templates, the layout, the page's
  /// path and its input.
  private func page<Kind: PageKind>(_ kind: Kind.Type, _ input: Kind.Input, at route: Route)
    -> OutputJob
  {
    var digest = pageBase
    digest.update(route.path)
    digest.update(Digest.of(input).value)
    let renderer = self
    return OutputJob(path: route.path, digest: digest) { () throws(DiagnosticError) in
      try renderer.render(kind, input, at: route)
    }
  }

  /// Renders one page from its input.
  func render<Kind: PageKind>(_ kind: Kind.Type, _ input: Kind.Input, at route: Route)
    throws(DiagnosticError) -> [UInt8]
  {
    let tools = PageTools(link: Linker(from: route.path), fragments: fragments)
    let content = Kind.view(input, tools)
    let fields = layout.pageFields(route: route, page: content, tools: tools, digest: pageBase)
    guard let html = templates.render(fields, with: Kind.template) else {
      throw DiagnosticError(
        .error(
          vi: "thiếu mẫu trang '\(Kind.template).mustache'",
          en: "missing page template '\(Kind.template).mustache'",
          at: SourceLocation(file: "\(Kind.template).mustache")))
    }
    return Array(html.utf8)
  }

  static func digest(_ path: String, _ input: ContentHash) -> ContentHash {
    var digest = ContentHash()
    digest.update(path)
    digest.update(input.value)
    return digest
  }

  /// Why `sitemap.xml` and `robots.txt` are missing, when they are (they
  /// need the site's absolute address).
  public var siteIndexNote: Message? {
    guard model.plan.site.baseURL == nil else { return nil }
    return Message(
      vi: "chưa tạo sitemap.xml và robots.txt: site.yaml chưa có base_url (địa chỉ đầy đủ "
        + "của trang)",
      en: "sitemap.xml and robots.txt were not written: site.yaml has no base_url")
  }

  /// `sitemap.xml` and `robots.txt`, when the site's address is known.
  private func siteIndexJobs() -> [OutputJob] {
    guard let base = model.plan.site.baseURL else { return [] }
    let paths = routes.filter { $0 != .notFound }.map(\.path)
    struct Input: Encodable {
      let base: String
      let paths: [String]
    }
    let digest = Digest.of(Input(base: base, paths: paths))
    return [
      OutputJob(path: "sitemap.xml", digest: Self.digest("sitemap.xml", digest)) {
        var xml =
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths {
          let shown = path.hasSuffix("index.html") ? String(path.dropLast(10)) : path
          xml += "  <url><loc>\((base + shown).htmlEscaped)</loc></url>\n"
        }
        return Array((xml + "</urlset>\n").utf8)
      },
      OutputJob(path: "robots.txt", digest: Self.digest("robots.txt", digest)) {
        Array("User-agent: *\nAllow: /\nSitemap: \(base)sitemap.xml\n".utf8)
      },
    ]
  }
}
