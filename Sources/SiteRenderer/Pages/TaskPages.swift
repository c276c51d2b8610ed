import PlanModel
import SiteCore

/// A group of tasks: its heading, its text, its tasks (a page of them when
/// the group is long).
enum GroupPage: PageKind {
  static let template = "group"

  struct Input: Encodable, Sendable, Equatable {
    let group: TaskGroup
    let planName: String
    let rows: [Shared<TaskRow>]
    let summary: StatusSummary
    let page: Int
    let pageCount: Int
    let taskCount: Int
  }

  /// How many pages the group's list fills.
  static func pageCount(_ group: TaskGroup) -> Int {
    max(1, (group.tasks.count + SiteModel.rowsPerPage - 1) / SiteModel.rowsPerPage)
  }

  /// The inputs of every page of the group's list.
  ///
  /// What the pages share (the group's roll-up and count) is worked out
  /// once: per page it made a group of `n` tasks cost n²/200, 0.86 s of a
  /// 30,000-task build.
  static func inputs(_ id: GroupID, _ model: SiteModel) -> [Input] {
    guard let group = model.plan.group(id) else { return [] }
    // The rows, which hold each task's shown status, rather than the tasks
    // copied out of the plan (a row for each task of the plan).
    let rows = group.tasks.compactMap { model.row($0) }
    let summary = StatusSummary(rows.map { $0.shown })
    return (1...pageCount(group)).map { page in
      let slice = group.tasks.dropFirst((page - 1) * SiteModel.rowsPerPage).prefix(
        SiteModel.rowsPerPage)
      return Input(
        group: group, planName: model.planName, rows: slice.compactMap { model.row($0) },
        summary: summary, page: page, pageCount: pageCount(group), taskCount: rows.count)
    }
  }

  static func view(_ input: Input, _ tools: PageTools) -> PageContent {
    let group = input.group
    let fields: [String: Any] = [
      "group": [
        "number": group.id.rawValue,
        "title": group.title,
        "intro_html": group.intro.html,
        "task_count": input.taskCount,
      ],
      "items_html": tools.fragments.taskItems(input.rows, link: tools.link),
      "has_tasks": !input.rows.isEmpty,
      "rollup": input.summary.view(),
      "is_first_page": input.page == 1,
      "pager": Paging.view(page: input.page, of: input.pageCount, link: tools.link) {
        .group(group.id, page: $0)
      },
    ]
    let suffix = input.page > 1 ? " (trang \(input.page)/\(input.pageCount))" : ""
    return PageContent(
      title: "\(group.id.rawValue). \(group.title)" + suffix,
      description: "Nhóm nhiệm vụ \(group.id.rawValue) của \(input.planName): \(group.title)",
      trail: input.page > 1
        ? [("\(group.id.rawValue). \(group.title.clipped(to: 60))", .group(group.id))] : [],
      fields: fields)
  }
}

/// Links between the pages of a long list ("Trang trước", "Trang sau").
enum Paging {
  static func view(page: Int, of count: Int, link: Linker, route: (Int) -> Route) -> [String: Any] {
    guard count > 1 else { return ["has_pages": false] }
    var view: [String: Any] = [
      "has_pages": true, "page": page, "page_count": count,
      "pages": (1...count).map { number -> [String: Any] in
        ["number": number, "href": link.href(route(number)), "current": number == page]
      },
    ]
    if page > 1 { view["previous_href"] = link.href(route(page - 1)) }
    if page < count { view["next_href"] = link.href(route(page + 1)) }
    return view
  }
}

/// One task: its statement, status, deadline, who must do what, and what
/// each of them has reported.
enum TaskPage: PageKind {
  static let template = "task"

  struct Input: Encodable, Sendable, Equatable {
    let task: Shared<PlanTask>
    let state: TaskState
    let shown: ShownStatus
    let groupID: GroupID
    let groupTitle: String
    /// Who each assignment names, in order.
    let assignees: [[AssigneeName]]
    let indicators: [IndicatorLink]
    let previous: TaskLink?
    let next: TaskLink?
    /// What the reports said of the task, oldest first (shared with the
    /// plan's data: `SiteModel.timeline`).
    let timeline: Shared<[TimelineEntry]>
    /// Every body holding the task, with its own latest status (when the
    /// plan has reports).
    let holders: [HolderStatus]
    /// Whether the plan has a reporting schedule (the page then states how
    /// a task's status is derived).
    let hasReporting: Bool
    /// The part of the plan the site publishes, when not all of it.
    let publishedPart: String?

    /// Digested as a list of its fields (see `FieldWriter`): one per task.
    ///
    /// A stored property added must be added here too (`ListCodingTests`
    /// counts them).
    func encode(to encoder: Encoder) throws {
      var fields = FieldWriter(encoder)
      try fields.encode(task)
      try fields.encode(state)
      try fields.encode(shown)
      try fields.encode(groupID)
      try fields.encode(groupTitle)
      try fields.encode(assignees)
      try fields.encode(indicators)
      try fields.encode(optional: previous)
      try fields.encode(optional: next)
      try fields.encode(timeline)
      try fields.encode(holders)
      try fields.encode(hasReporting)
      try fields.encode(optional: publishedPart)
    }
  }

  /// What a report says of itself, the same for each of its entries:
  /// held once, with its digest, for all of them (`SiteModel.standing`).
  ///
  /// An entry digested its report's names and period whole, and a report
  /// of a commune has thousands of entries: the history's digests were 6 %
  /// of a build after a one-task edit at 10,000 tasks with reports.
  struct ReportHead: Encodable, Sendable, Equatable {
    let reporter: Reporter
    let reporterName: String
    let period: PeriodID
    let periodName: String
    let date: Day
    let document: String?
    let isDraft: Bool

    func encode(to encoder: Encoder) throws {
      var fields = FieldWriter(encoder)
      try fields.encode(reporter)
      try fields.encode(reporterName)
      try fields.encode(period)
      try fields.encode(periodName)
      try fields.encode(date)
      try fields.encode(optional: document)
      try fields.encode(isDraft)
    }
  }

  /// Digested as a list of its fields, not a keyed container.
  ///
  /// A task addressed to every commune has hundreds of entries and
  /// holders, and the keyed form made them most of the digest of a site
  /// with reports. A field added must be added to `encode(to:)` too
  /// (`ListCodingTests` counts them).
  struct TimelineEntry: Encodable, Sendable, Equatable {
    /// The entry's report, shared by all its entries.
    let head: Shared<ReportHead>
    let status: TaskStatus?
    let progress: Int?
    let doneOn: Day?
    let text: RichText

    var reporter: Reporter { head.value.reporter }
    var reporterName: String { head.value.reporterName }
    var period: PeriodID { head.value.period }
    var periodName: String { head.value.periodName }
    var date: Day { head.value.date }
    var document: String? { head.value.document }
    var isDraft: Bool { head.value.isDraft }

    func encode(to encoder: Encoder) throws {
      var fields = FieldWriter(encoder)
      try fields.encode(head)
      try fields.encode(optional: status)
      try fields.encode(optional: progress)
      try fields.encode(optional: doneOn)
      try fields.encode(text)
    }
  }

  /// A body that holds tasks, with its name: made once per body
  /// (`SiteModel.bodies`) and shared by each task page listing it.
  struct BodyName: Encodable, Sendable, Equatable {
    let reporter: Reporter
    let name: String

    init(_ reporter: Reporter, _ name: String) {
      self.reporter = reporter
      self.name = name
    }

    func encode(to encoder: Encoder) throws {
      var fields = FieldWriter(encoder)
      try fields.encode(reporter)
      try fields.encode(name)
    }
  }

  /// Digested as a list of its fields (see `TimelineEntry`).
  ///
  /// The body and the head of its latest report are shared values,
  /// digested once for all the pages that show them: a task addressed to
  /// every commune has a hundred holders, and each holder's name, roles
  /// and report period, encoded whole on each of 10,000 task pages, were
  /// a tenth of a build after a one-task edit with reports.
  struct HolderStatus: Encodable, Sendable, Equatable {
    let body: Shared<BodyName>
    let roles: RoleSet
    let shown: ShownStatus
    /// The head of the holder's latest report on the task.
    let report: Shared<ReportHead>?

    var reporter: Reporter { body.value.reporter }
    var name: String { body.value.name }
    var reportDate: Day? { report?.value.date }
    var reportPeriod: PeriodID? { report?.value.period }

    func encode(to encoder: Encoder) throws {
      var fields = FieldWriter(encoder)
      try fields.encode(body)
      try fields.encode(roles)
      try fields.encode(shown)
      try fields.encode(optional: report)
    }
  }

  static func input(_ id: TaskID, _ model: SiteModel) -> Input? {
    let plan = model.plan
    guard let shared = model.shared(id), let group = plan.group(shared.value.group) else {
      return nil
    }
    let task = shared.value
    let siblings = group.tasks
    let position = model.positionsInGroup[id]
    func link(_ offset: Int) -> TaskLink? {
      guard let position, siblings.indices.contains(position + offset) else { return nil }
      let other = siblings[position + offset]
      // The title read in place, not the task copied out.
      return plan.title(of: other).map { TaskLink(id: other, title: $0) }
    }
    let timeline = model.timeline(id)
    var holders: [HolderStatus] = []
    if model.reports.hasReports {
      let words = model.reports.latestWords(on: id)
      let bodies = model.bodies
      let heads = model.reportHeads
      holders = plan.holderPlaces(of: task).compactMap { holder in
        guard bodies.indices.contains(holder.place) else { return nil }
        let body = bodies[holder.place]
        let reporter = body.value.reporter
        let latest = words[reporter]
        let report = latest.map { ReportHead.of($0.entry, heads, plan) }
        return HolderStatus(
          body: body, roles: holder.roles,
          shown: model.own(latest, deadline: plan.deadline(of: task, for: reporter)),
          report: report)
      }
      // Who answers for the task first: leads, then those who carry it
      // out, then those who support (each in the plan's order). Gathered
      // rank by rank rather than sorted: sorting moved the hundred holders
      // of a task addressed to every commune about (1.5 % of a build).
      let ranks = holders.map { holder in
        holder.roles.contains(.lead) ? 0 : holder.roles.contains(.implement) ? 1 : 2
      }
      holders = (0...2).flatMap { rank in
        holders.indices.lazy.filter { ranks[$0] == rank }.map { holders[$0] }
      }
    }
    return Input(
      task: shared, state: model.state(id), shown: model.shown(task), groupID: group.id,
      groupTitle: group.title,
      assignees: task.assignments.map { $0.assignees.map { AssigneeName($0, in: plan) } },
      indicators: task.indicators.compactMap { plan.indicator($0) }.map {
        IndicatorLink(id: $0.id, name: $0.name)
      },
      previous: link(-1), next: link(1), timeline: timeline, holders: holders,
      hasReporting: plan.schedule != nil, publishedPart: plan.document.publishedPart)
  }

  static func view(_ input: Input, _ tools: PageTools) -> PageContent {
    let link = tools.link
    let task = input.task.value
    let assignments: [[String: Any]] = zip(task.assignments, input.assignees).map {
      assignment, names in
      var item: [String: Any] = [
        "role": assignment.role.rawValue,
        "role_label": assignment.role.label,
        "assignees": names.enumerated().map { index, name in
          var view = name.view(link: link)
          // Names are separated by text, not only by spacing, for copy and screen readers.
          view["separator"] = index + 1 < names.count ? "; " : ""
          return view
        },
        "text_html": assignment.text.html,
      ]
      if let label = assignment.label {
        item["label"] = label
        item["has_label"] = true
      }
      if let deadline = assignment.deadline { item["deadline"] = deadline.vietnamese }
      return item
    }
    var status: [String: Any] = [:]
    input.shown.add(to: &status)
    var taskView: [String: Any] = [
      "id": task.id.rawValue,
      "title": task.title,
      "body_html": task.body.html,
      "has_body": !task.body.isEmpty,
      "status": status,
      "from_reports": input.state.source == .reports,
      "deciding": input.state.deciding,
      "deciding_done": input.state.decidingDone,
      // A mean of some of the bodies: say of how many, and that the others
      // are not counted (rather than counted as 0 %).
      "progress_partial": input.state.status != nil && input.state.progressIsPartial,
      "progress_mean": input.state.progress ?? 0,
      "progress_from": input.state.progressFrom,
      "progress_missing": input.state.deciding - input.state.progressFrom,
      "group_number": input.groupID.rawValue,
      "group_title": input.groupTitle,
      "group_href": link.href(.group(input.groupID)),
      "has_reporting": input.hasReporting,
      "no_deadline": input.publishedPart == nil
        ? "Chưa quy định" : "Không nêu trong phần đã đăng",
    ]
    if let deadline = task.deadline { taskView["deadline"] = deadline.vietnamese }
    if let doneOn = input.state.doneOn { taskView["done_on"] = doneOn.vietnamese }
    let indicators = input.indicators.map { $0.view(link: link) }
    let timeline = timelineView(input, link: link)
    var fields: [String: Any] = [
      "task": taskView,
      "assignments": assignments,
      "indicators": indicators,
      "has_indicators": !indicators.isEmpty,
      "timeline": timeline,
      "has_timeline": !timeline.isEmpty,
    ]
    if !input.holders.isEmpty {
      fields["holders"] = holdersView(input.holders, link: link)
      fields["uses_filter"] = true
    }
    if let previous = input.previous { fields["previous"] = previous.view(link: link) }
    if let next = input.next { fields["next"] = next.view(link: link) }
    return PageContent(
      title: "Nhiệm vụ \(task.id.rawValue)",
      description: task.title.clipped(to: 200),
      trail: [
        ("\(input.groupID.rawValue). \(input.groupTitle.clipped(to: 60))", .group(input.groupID))
      ],
      fields: fields)
  }

  /// The timeline, newest first, in cards and per-period groups.
  ///
  /// A card for each entry of a body the task names, and for each period
  /// one item gathering the entries of bodies the task reaches only
  /// through a collective (`UBND các xã, phường`), as a table under a
  /// disclosure. A task addressed to every commune
  /// would otherwise show a card per commune and period (about 90 cards
  /// a period at 130 communes); the holders table above keeps each one's
  /// latest status.
  private static func timelineView(_ input: Input, link: Linker) -> [[String: Any]] {
    let named = input.task.value.assignments.flatMap(\.assignees)
    let assignees = Set(named)
    var collectives: [String] = []
    for case .collective(let collective) in named
    where !collectives.contains(collective.label) {
      collectives.append(collective.label)
    }
    func entryView(_ entry: TimelineEntry) -> [String: Any] {
      var item = [String: Any](
        room: 20,
        [
          "date": entry.date.vietnamese,
          "reporter_name": entry.reporterName,
          "reporter_href": link.href(Self.route(of: entry.reporter)),
          "period_name": entry.periodName,
          "report_href": link.href(.report(entry.period, entry.reporter)),
          "text_html": entry.text.html,
          "has_text": !entry.text.isEmpty,
        ])
      UpdateFields.add(
        status: entry.status, progress: entry.progress, doneOn: entry.doneOn, to: &item)
      if let document = entry.document {
        item["document"] = document
        item["has_document"] = true
      }
      if entry.isDraft { item["is_draft"] = true }
      return item
    }
    var items: [[String: Any]] = []
    // Each period's gathered entries, newest first, and where their item goes.
    var gathered: [PeriodID: (index: Int, entries: [TimelineEntry])] = [:]
    for entry in input.timeline.value.reversed() {
      if assignees.contains(entry.reporter.assignee) {
        items.append(entryView(entry))
      } else if gathered[entry.period] != nil {
        gathered[entry.period]?.entries.append(entry)
      } else {
        gathered[entry.period] = (items.count, [entry])
        items.append([:])
      }
    }
    for (index, entries) in gathered.values {
      guard let newest = entries.first else { continue }
      let counts: [[String: Any]] = TaskStatus.allCases.reversed().compactMap { status in
        let count = entries.filter { $0.status == status }.count
        return count > 0 ? ["key": status.rawValue, "label": status.label, "count": count] : nil
      }
      items[index] = [
        "is_group": true,
        "date": newest.date.vietnamese,
        "period_name": newest.periodName,
        "collectives": collectives.joined(separator: "; "),
        "count": entries.count,
        "counts": counts,
        "rows": entries.map(entryView),
      ]
    }
    return items
  }

  /// The table of every body holding the task, with counts by status.
  private static func holdersView(_ holders: [HolderStatus], link: Linker) -> [String: Any] {
    let communes = holders.filter { if case .commune = $0.reporter { true } else { false } }
    func counts(_ list: [HolderStatus]) -> [[String: Any]] {
      Rollup.displayOrder.compactMap { status in
        let count = list.filter { $0.shown.status == status }.count
        return count > 0 ? ["key": status.rawValue, "label": status.label, "count": count] : nil
      }
    }
    let rows: [[String: Any]] = holders.map { holder in
      var row = [String: Any](
        room: 16,
        [
          "name": holder.name,
          "href": link.href(route(of: holder.reporter)),
          "roles": holder.roles.roles.map(\.label).joined(separator: ", "),
          "kind": { if case .commune = holder.reporter { "commune" } else { "agency" } }(),
        ])
      holder.shown.add(to: &row)
      if let date = holder.reportDate, let period = holder.reportPeriod {
        row["report_date"] = date.vietnamese
        row["report_href"] = link.href(.report(period, holder.reporter))
        row["has_report"] = true
      }
      return row
    }
    var view: [String: Any] = ["rows": rows, "count": holders.count, "counts": counts(holders)]
    if let judged = holders.compactMap(\.shown.judgedOn).max() {
      view["judged_on"] = judged.vietnamese
    }
    if !communes.isEmpty {
      let done = communes.filter { $0.shown.status == .done || $0.shown.status == .doneLate }.count
      let unreported = communes.filter { $0.reportDate == nil }.count
      // Of the communes only, out of their own number: the counts beside
      // it and the heading's total include the agencies.
      // "0/2 chưa báo cáo" is left unsaid.
      view["commune_summary"] =
        "Xã, phường: \(done)/\(communes.count) đã báo cáo hoàn thành"
        + (unreported > 0 ? ", \(unreported)/\(communes.count) chưa báo cáo" : "")
    }
    return view
  }

  /// What the reports said of a task, oldest first.
  ///
  /// `heads` holds each of the plan's reports' heads, in the plan's order.
  static func timeline(
    _ id: TaskID, _ plan: Plan, _ reports: ReportIndex, heads: [Shared<ReportHead>]
  ) -> [TimelineEntry] {
    // Each field read in place: reading the report and the update whole
    // copied both (every string of each retained) for each entry.
    reports.timeline(id).map { entry in
      let word = entry.word
      return TimelineEntry(
        head: ReportHead.of(entry, heads, plan),
        status: word.status, progress: word.progress, doneOn: word.doneOn, text: entry.text)
    }
  }

  /// The page of a reporter.
  static func route(of reporter: Reporter) -> Route {
    switch reporter {
    case .agency(let id): .agency(id)
    case .commune(let id): .commune(id)
    }
  }
}

/// The page for addresses the site does not have.
enum NotFoundPage: PageKind {
  static let template = "404"

  struct Input: Encodable, Sendable {
    let baseURL: String?
  }

  static func view(_ input: Input, _ tools: PageTools) -> PageContent {
    PageContent(
      title: "Không tìm thấy trang", description: "Trang bạn tìm không có trên trang này.",
      trail: [],
      fields: [
        "agencies_href": tools.link.href(.agencies), "communes_href": tools.link.href(.communes),
      ])
  }
}

/// Small text helpers for titles and descriptions.
enum Text {
  /// `Phường Thành Vinh` → `phường Thành Vinh`.
  static func lowercasedFirst(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.lowercased() + text.dropFirst()
  }
}

extension TaskPage.ReportHead {
  /// The head of `entry`'s report: the one made for it among `heads` (each
  /// of the plan's reports' heads, in the plan's order).
  static func of(
    _ entry: ReportIndex.Entry, _ heads: [Shared<Self>], _ plan: Plan
  ) -> Shared<Self> {
    let number = entry.reportNumber
    return heads.indices.contains(number) ? heads[number] : Shared(Self(entry.report, plan))
  }

  /// The head of `report`, named as `plan` names its reporter and period.
  init(_ report: Report, _ plan: Plan) {
    self.init(
      reporter: report.reporter, reporterName: plan.name(of: report.reporter),
      period: report.period,
      periodName: plan.periodName(of: report.period) ?? report.period.rawValue,
      date: report.date, document: report.document, isDraft: report.isDraft)
  }
}
