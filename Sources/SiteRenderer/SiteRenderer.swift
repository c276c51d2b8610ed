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
    /// Whether the jobs keep the inputs their digests were taken of, for
    /// the next renderer of the process (`reusable(after:)`): on in
    /// `watch` and `serve`, off in one-shot builds, which have no next.
    public var keepsPageInputs: Bool
    /// Whether the site is served from the root of its address (the
    /// preview server): the 404 page links from `/` rather than to
    /// `base_url`, the published site.
    public var servedFromRoot: Bool

    public init(
      today: Day, reusesFragments: Bool = true, keepsPageInputs: Bool = false,
      servedFromRoot: Bool = false
    ) {
      self.today = today
      self.reusesFragments = reusesFragments
      self.keepsPageInputs = keepsPageInputs
      self.servedFromRoot = servedFromRoot
    }
  }

  public let templates: TemplateSet
  let model: SiteModel
  let fragments: Fragments
  let layout: LayoutInput
  /// Each feed's input by its path.
  let feeds: [String: Feeds.Input]
  /// The digest every page shares: templates and layout.
  let pageBase: ContentHash
  /// Where the 404 page's links start, when not next to it: it is served
  /// at whatever address was asked for.
  let notFoundBase: String?
  /// The last renderer's kept inputs by path, when it had the same
  /// templates and layout (else none can be reused).
  private let earlierInputs: [String: KeptInput]
  private let keepsInputs: Bool

  /// - Parameter earlier: what an earlier renderer of the same process
  ///   computed (`reusable`): values equal to its values take their digests
  ///   from it instead of encoding them again (`watch`, `serve`).
  public init(
    plan: Plan, templates: TemplateSet, options: Options, reusing earlier: Reusable? = nil
  ) {
    self.init(plan: plan, templates: templates, options: options, reusing: earlier, focus: nil)
  }

  /// A renderer of the whole plan, or with `focus` of those tasks' pages alone.
  private init(
    plan: Plan, templates: TemplateSet, options: Options, reusing earlier: Reusable?,
    focus: Set<TaskID>?
  ) {
    self.templates = templates
    let model = SiteModel(plan: plan, today: options.today, reusing: earlier, focus: focus)
    self.model = model
    fragments = Fragments(templates: templates, enabled: options.reusesFragments)
    layout = LayoutInput(plan: plan, templates: templates)
    feeds =
      focus == nil
      ? Dictionary(Feeds.inputs(model).map { ($0.path, $0) }) { first, _ in first } : [:]
    var base = templates.hash
    base.update(Digest.of(layout).value)
    pageBase = base
    earlierInputs = earlier?.pageBase == base ? earlier?.inputs ?? [:] : [:]
    keepsInputs = options.keepsPageInputs
    notFoundBase = options.servedFromRoot ? "/" : plan.site.baseURL
  }

  /// The plan rendered.
  public var plan: Plan { model.plan }

  /// The values with digests this renderer computed, for the next one
  /// (see `init(plan:templates:options:reusing:)`), with the inputs `jobs`
  /// kept (`Options.keepsPageInputs`).
  public func reusable(after jobs: [OutputJob]) -> Reusable {
    Reusable(
      tasks: model.tasks, rows: model.rows, timelines: model.timelines,
      inputs: Dictionary(jobs.compactMap { job in job.kept.map { (job.path, $0) } }) {
        first, _ in first
      },
      pageBase: pageBase)
  }

  /// Values with their digests, kept from one build to the next in a
  /// process that builds many times.
  ///
  /// A value equal to the kept one has the same encoding, hence the same
  /// digest: every string of the model is NFC (files are decoded to NFC,
  /// paths are normalized when read), so `==` on strings is equality of
  /// their bytes, and the model's tasks and rows hold no floating-point
  /// numbers (whose `==` would equate `0.0` and `-0.0`). The same holds
  /// for the page inputs kept here (only kinds whose input is `Equatable`
  /// are kept, and a test walks them for floating-point fields); they are
  /// reused only under the same templates and layout (`pageBase`).
  public struct Reusable: Sendable {
    let tasks: [TaskID: Shared<PlanTask>]
    let rows: [TaskID: Shared<TaskRow>]
    let timelines: [TaskID: Shared<[TaskPage.TimelineEntry]>]
    /// Each file's input and digest, by path.
    let inputs: [String: KeptInput]
    let pageBase: ContentHash
  }

  /// The pages that each make a group of files, in a fixed order.
  ///
  /// A task group's pages; an agency's or commune's page with its
  /// task-group pages and files; the reports page with the site's feed.
  var units: [Route] {
    let plan = model.plan
    var routes: [Route] = [.home]
    routes += plan.groups.map { .group($0.id) }
    routes += plan.tasks.map { .task($0.id) }
    routes.append(.agencies)
    routes += plan.agencies.map { .agency($0.id) }
    routes.append(.communes)
    routes += plan.communes.map { .commune($0.id) }
    let duties = model.duties
    for collective in SharedList.communal {
      let present = Set(
        duties.duties(of: collective).compactMap { model.row($0.task)?.value.group })
      routes += plan.groups.filter { present.contains($0.id) }.map {
        .collectiveGroup(collective, $0.id)
      }
    }
    routes += [.indicators, .search, .data]
    if let schedule = plan.schedule {
      routes.append(.reports)
      routes += schedule.periods.map { .period($0.id) }
      routes += plan.reports.map { .report($0.period, $0.reporter) }
    }
    routes.append(.notFound)
    return routes
  }

  /// Every file of the site, in a fixed order: pages with the files that
  /// go with them, the whole-plan data, the site index files, the assets.
  public func outputs() -> [OutputJob] {
    // The whole-plan data's digest (every task's history and every
    // report: seconds at 10,000 tasks with reports) is worked out while
    // the pages' are, not after them on one core.
    let model = model
    let (data, pages) = Parallel.both(
      { Shared(PlanData.input(model)) },
      { Parallel.map(units, chunk: 32) { route in pageJobs(route) }.flatMap { $0 } })
    let keyedData = PlanData.keyedFiles.map { file in
      let make = file.make
      return OutputJob(
        path: file.path, digest: Self.digest(file.path, data.digest),
        keyedPieces: { earlier, sink in make(PlanData(data.value), earlier, sink) })
    }
    // The other data files are made from the part that is not per task
    // (`PlanData.Rest`) alone, and so depend on its digest alone: an edit
    // of one task's title does not make the table of every report entry
    // again (70 MB at 10,000 tasks with reports) to find it unchanged.
    let rest = PlanData.Input(tasks: [], rest: data.value.rest)
    let planData = PlanData.files.map { file in
      let make = file.make
      return OutputJob(
        path: file.path, digest: Self.digest(file.path, rest.rest.digest),
        streaming: { sink in make(PlanData(rest), sink) })
    }
    let assets = templates.assets.map { asset in
      OutputJob(path: asset.path, digest: ContentHash(asset.bytes)) { asset.bytes }
    }
    let pagePaths = pages.map(\.path).filter { $0.hasSuffix(".html") && $0 != Route.notFound.path }
    return pages + keyedData + planData + siteIndexJobs(pagePaths) + assets
  }

  /// The pages of the tasks `ids` and of the reports `reports`: what an
  /// editor or a clerk who just saved their files is looking at (`watch`
  /// and `serve` publish them first).
  ///
  /// They are made from a model of those tasks alone (a report's page
  /// reads the plan and the report, no task's state), without the lists
  /// and indexes the rest of the site needs, so that they are ready soon
  /// after the plan is validated; the jobs are the same (path, digest,
  /// bytes) as those `outputs()` lists for them, which a test checks for
  /// both kinds. Ids and keys not in the plan make no page.
  public static func pagesOfEdits(
    tasks ids: [TaskID], reports: [Report.Key] = [], plan: Plan, templates: TemplateSet,
    options: Options, reusing earlier: Reusable? = nil
  ) -> [OutputJob] {
    let renderer = SiteRenderer(
      plan: plan, templates: templates, options: options, reusing: earlier, focus: Set(ids))
    return ids.flatMap { renderer.pageJobs(.task($0)) }
      + reports.flatMap { renderer.pageJobs(.report($0.period, $0.reporter, page: 1)) }
  }

  /// The ids of the tasks whose content files are among `sources` (paths
  /// in the content folder), in plan order.
  ///
  /// This reads every task: a caller that knows which tasks a save
  /// replaced names them instead (at 30,000 tasks, whose memory the rest
  /// of a build has pushed out of the processor's caches, this took 30 ms).
  public static func tasks(in sources: Set<String>, of plan: Plan) -> [TaskID] {
    // Read in place: `filter` would copy every task of a large plan.
    plan.tasks.withUnsafeBufferPointer { tasks in
      tasks.indices.filter { sources.contains(tasks[$0].source.path) }.map { tasks[$0].id }
    }
  }

  /// The keys of the reports whose content files are among `sources`, in
  /// plan order.
  public static func reports(in sources: Set<String>, of plan: Plan) -> [Report.Key] {
    plan.reports.filter { sources.contains($0.source.path) }.map(\.key)
  }

  /// The files a unit makes: its page, and what goes with it.
  private func pageJobs(_ route: Route) -> [OutputJob] {
    switch route {
    case .home: return [page(HomePage.self, HomePage.input(model), at: route)]
    case .group(let id, _):
      return GroupPage.inputs(id, model).map {
        page(GroupPage.self, $0, at: .group(id, page: $0.page))
      }
    case .task(let id):
      let model = model
      return page(TaskPage.self, at: route) { TaskPage.input(id, model) }.map { [$0] } ?? []
    case .agencies: return [page(AgenciesPage.self, AgenciesPage.input(model), at: route)]
    case .agency(let id):
      let listing = DutyListing.agency(id, model)
      let grouped = listing.grouped(model.plan)
      guard let input = AgencyPage.input(id, listing: listing, grouped: grouped, model) else {
        return []
      }
      let csv = AgencyFiles.csvPath(id)
      let json = AgencyFiles.jsonPath(id)
      let calendar = AgencyFiles.calendarPath(id)
      let files = Shared(
        AgencyFiles.input(input.agency, model),
        reusing: earlierInputs[csv]?.input as? Shared<AgencyFiles.Input>)
      return [page(AgencyPage.self, input, at: route)]
        + bodyGroupPages(.agency(id), listing, grouped)
        + [
          OutputJob(
            path: csv, digest: Self.digest(csv, files.digest),
            kept: keepsInputs ? KeptInput(input: files, digest: files.digest) : nil
          ) {
            AgencyFiles(input: files.value).csv().bytes
          },
          OutputJob(path: json, digest: Self.digest(json, files.digest)) {
            AgencyFiles(input: files.value).json().serialized
          },
          OutputJob(path: calendar, digest: Self.digest(calendar, files.digest)) {
            AgencyFiles(input: files.value).calendar().bytes
          },
        ] + feedJobs(Feeds.agencyPath(id))
    case .communes: return [page(CommunesPage.self, CommunesPage.input(model), at: route)]
    case .commune(let id):
      guard let commune = model.plan.commune(id) else { return [] }
      let (shown, totals, shared) = CommunePage.listing(commune, model)
      let grouped = shown.grouped(model.plan)
      let input = CommunePage.input(
        commune, shown: shown, grouped: grouped, totals: totals, shared: shared, model)
      return [page(CommunePage.self, input, at: route)]
        + bodyGroupPages(.commune(id), shown, grouped) + feedJobs(Feeds.communePath(id))
    case .collectiveGroup(let collective, let group, _):
      let part = DutyListing.collective(collective, model).only(group)
      return DutyGroupPart.pages(part, group: group, model).map {
        page(
          SharedGroupPage.self, SharedGroupPage.input(collective, part: $0, model),
          at: .collectiveGroup(collective, group, page: $0.page))
      }
    case .indicators: return [page(IndicatorsPage.self, IndicatorsPage.input(model), at: route)]
    case .search: return [page(SearchPage.self, SearchPage.input(model), at: route)]
    case .data: return [page(DataPage.self, DataPage.input(model), at: route)]
    case .reports:
      return [page(ReportsPage.self, ReportsPage.input(model), at: route)]
        + feedJobs(Feeds.sitePath)
    case .period(let id, _):
      return PeriodPage.pages(id, model).map {
        page(PeriodPage.self, $0, at: .period(id, page: $0.page))
      }
    case .report(let period, let reporter, _):
      return ReportPage.pages(period, reporter, model).map {
        page(ReportPage.self, $0, at: .report(period, reporter, page: $0.page))
      }
    case .notFound:
      return [
        page(NotFoundPage.self, NotFoundPage.Input(baseURL: notFoundBase), at: route)
      ]
    case .agencyGroup, .communeGroup: return []
    }
  }

  /// The task-group pages of an agency or commune whose own page lists
  /// too many duties to show them all.
  private func bodyGroupPages(
    _ reporter: Reporter, _ listing: DutyListing, _ grouped: DutyListing.Grouped
  ) -> [OutputJob] {
    BodyGroupPage.inputs(reporter, listing, grouped, model).map {
      page(BodyGroupPage.self, $0, at: BodyGroupPage.route($0))
    }
  }

  /// The feed at `path`, when feeds are written.
  private func feedJobs(_ path: String) -> [OutputJob] {
    guard let input = feeds[path] else { return [] }
    let digest = Digest.of(input)
    return [
      OutputJob(path: path, digest: Self.digest(path, digest)) { Array(Feeds.xml(input).utf8) }
    ]
  }

  /// A page's job: its digest covers the templates, the layout, the page's
  /// path and its input.
  private func page<Kind: PageKind>(_ kind: Kind.Type, _ input: Kind.Input, at route: Route)
    -> OutputJob
  {
    let renderer = self
    return OutputJob(path: route.path, digest: pageDigest(route, input)) {
      () throws(DiagnosticError) in try renderer.render(kind, input, at: route)
    }
  }

  /// A page's job whose input can be compared: the last renderer's digest
  /// is reused when the input is equal to the one it kept.
  private func page<Kind: PageKind>(_ kind: Kind.Type, _ input: Kind.Input, at route: Route)
    -> OutputJob where Kind.Input: Equatable
  {
    let renderer = self
    let (digest, kept) = reusedDigest(route, input)
    return OutputJob(path: route.path, digest: digest, kept: kept) {
      () throws(DiagnosticError) in try renderer.render(kind, input, at: route)
    }
  }

  /// The page's digest, taken from the last renderer when it kept an equal
  /// input at the same path, and what to keep for the next.
  private func reusedDigest<Input: Encodable & Sendable & Equatable>(
    _ route: Route, _ input: Input
  ) -> (ContentHash, KeptInput?) {
    let digest: ContentHash
    if let earlier = earlierInputs[route.path], let kept = earlier.input as? Input, kept == input {
      digest = earlier.digest
    } else {
      digest = pageDigest(route, input)
    }
    return (digest, keepsInputs ? KeptInput(input: input, digest: digest) : nil)
  }

  /// A page's digest: the templates, the layout, the page's path and its input.
  private func pageDigest(_ route: Route, _ input: some Encodable) -> ContentHash {
    var digest = pageBase
    digest.update(route.path)
    digest.update(Digest.of(input).value)
    return digest
  }

  /// A page's job that keeps only its input's digest and makes the input
  /// again when the page is rendered: for pages whose inputs are large
  /// (a task's report timeline and holders), so that a build does not hold
  /// every page's input in memory at once (unless it keeps them for the
  /// next build of the process, `Options.keepsPageInputs`).
  private func page<Kind: PageKind>(
    _ kind: Kind.Type, at route: Route, making input: @escaping @Sendable () -> Kind.Input?
  ) -> OutputJob? where Kind.Input: Equatable {
    guard let first = input() else { return nil }
    let renderer = self
    let (digest, kept) = reusedDigest(route, first)
    return OutputJob(path: route.path, digest: digest, kept: kept) {
      () throws(DiagnosticError) in
      guard let again = input() else {
        throw DiagnosticError(
          .error(
            vi: "lỗi nội bộ: trang \(route.path) không còn dữ liệu khi dựng",
            en: "internal error: the page \(route.path) has no input when rendered",
            at: SourceLocation(file: route.path)))
      }
      return try renderer.render(kind, again, at: route)
    }
  }

  /// Renders one page from its input.
  func render<Kind: PageKind>(_ kind: Kind.Type, _ input: Kind.Input, at route: Route)
    throws(DiagnosticError) -> [UInt8]
  {
    // The 404 page is served at whatever address was asked for: relative
    // links would point below it, so with base_url (or from the preview
    // server's root) it links absolutely.
    let link =
      route == .notFound
      ? notFoundBase.map { Linker(absolute: $0) } ?? Linker(from: route.path)
      : Linker(from: route.path)
    let tools = PageTools(link: link, fragments: fragments)
    let content = Kind.view(input, tools)
    let fields = layout.pageFields(route: route, page: content, tools: tools, digest: pageBase)
    return try templates.bytes(fields, with: Kind.template)
  }

  static func digest(_ path: String, _ input: ContentHash) -> ContentHash {
    var digest = ContentHash()
    digest.update(path)
    digest.update(input.value)
    return digest
  }

  /// Why files that need the site's absolute address (`sitemap.xml`,
  /// `robots.txt`, the feeds) are missing, when they are.
  public static func notes(_ plan: Plan) -> [Message] {
    var notes: [Message] = []
    let drafts = plan.reports.filter(\.isDraft).count
    if drafts > 0 {
      notes.append(
        Message(
          vi: "bản dựng có \(drafts) báo cáo nháp: đừng sao chép thư mục này lên máy chủ; "
            + "chạy 'plansite build' (không có --drafts) để có bản công bố",
          en: "this build includes \(drafts) draft report(s): do not copy it to the web server; "
            + "run 'plansite build' (without --drafts) for the public site"))
    }
    if plan.site.license == nil {
      notes.append(
        Message(
          vi: "trang Dữ liệu mở chưa nêu giấy phép sử dụng dữ liệu: khi đơn vị đã chọn giấy "
            + "phép, ghi vào site.yaml (license: \"tên giấy phép\" hoặc đường dẫn (URL) của nó)",
          en: "the open data page names no licence for the data: once the publisher has chosen "
            + "one, write it in site.yaml (license: \"its name\" or its address)"))
    }
    guard plan.site.baseURL == nil else { return notes }
    notes.append(
      Message(
        vi: "chưa tạo sitemap.xml và robots.txt: site.yaml chưa có base_url (địa chỉ đầy đủ "
          + "của trang)",
        en: "sitemap.xml and robots.txt were not written: site.yaml has no base_url"))
    return notes + (Feeds.note(plan).map { [$0] } ?? [])
  }

  /// `sitemap.xml` and `robots.txt`, when the site's address is known.
  private func siteIndexJobs(_ paths: [String]) -> [OutputJob] {
    guard let base = model.plan.site.baseURL else { return [] }
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
