import PlanModel
import SiteCore

/// The reporting periods and how many bodies reported in each (`bao-cao/`).
enum ReportsPage: PageKind {
  static let template = "reports"

  struct Input: Encodable, Sendable {
    let planName: String
    let compiler: String?
    let periods: [PeriodCounts]
    let reportCount: Int
    let latestReport: Day?
    let hasFeed: Bool
    /// Today, when a count of missing reports is shown (judged on it).
    let judgedOn: Day?
    /// The periods whose due date has passed.
    let due: Set<PeriodID>
  }

  struct PeriodCounts: Encodable, Sendable {
    let period: ReportingPeriod
    let expected: Int
    let onTime: Int
    let late: Int
    let missing: Int
    let notDue: Int
  }

  static func input(_ model: SiteModel) -> Input {
    let periods = (model.plan.schedule?.periods ?? []).map { period in
      let expected = model.expected(in: period.id)
      let submissions = expected.map { model.reports.submission(period, $0, today: model.today) }
      func count(_ test: (ReportIndex.Submission) -> Bool) -> Int { submissions.filter(test).count }
      return PeriodCounts(
        period: period, expected: expected.count,
        onTime: count { if case .onTime = $0 { true } else { false } },
        late: count { if case .late = $0 { true } else { false } },
        missing: count { $0 == .missing }, notDue: count { $0 == .notDue })
    }
    return Input(
      planName: model.planName,
      compiler: model.plan.schedule?.compiler.flatMap { model.plan.agency($0)?.name },
      periods: periods, reportCount: model.plan.reports.count,
      latestReport: model.reports.latestDate,
      hasFeed: Feeds.isWritten(model.plan),
      judgedOn: periods.contains { $0.missing > 0 } ? model.today : nil,
      due: Set(periods.map(\.period).filter { $0.due < model.today }.map(\.id)))
  }

  static func view(_ input: Input, _ tools: PageTools) -> PageContent {
    let periods: [[String: Any]] = input.periods.map { counts in
      let period = counts.period
      return [
        "name": period.name, "href": tools.link.href(.period(period.id)),
        "start": period.start.vietnamese, "end": period.end.vietnamese,
        "due": period.due.vietnamese, "expected": counts.expected, "on_time": counts.onTime,
        "late": counts.late, "missing": counts.missing, "not_due": counts.notDue,
        "has_missing": counts.missing > 0, "is_due": input.due.contains(period.id),
      ]
    }
    var fields: [String: Any] = [
      "periods": periods, "has_periods": !periods.isEmpty, "report_count": input.reportCount,
      "has_reports": input.reportCount > 0, "plan_name": input.planName,
    ]
    if let compiler = input.compiler { fields["compiler"] = compiler }
    if let latest = input.latestReport { fields["latest_report"] = latest.vietnamese }
    if let judgedOn = input.judgedOn { fields["judged_on"] = judgedOn.vietnamese }
    if input.hasFeed { fields["feed_href"] = tools.link.href(path: Feeds.sitePath) }
    return PageContent(
      title: "Báo cáo",
      description: "Báo cáo kết quả thực hiện \(input.planName) của các cơ quan, xã, phường.",
      trail: [], fields: fields)
  }
}

/// One reporting period: who reported on time, late or not at all, what
/// was completed, what fell overdue, what changed (`bao-cao/<kỳ>/`).
enum PeriodPage: PageKind {
  static let template = "period"

  struct Input: Encodable, Sendable {
    let period: ReportingPeriod
    let planName: String
    let previous: ReportingPeriod?
    let submissions: [Submission]
    let completed: [Change]
    let newlyOverdue: [Change]
    let changes: [Change]
    let distribution: [Distribution]
    let judgedOn: Day?
    /// Whether the period's due date has passed.
    let isDue: Bool
    let page: Int
    let pageCount: Int
    /// The full lengths of the completed, newly overdue and changed lists.
    let totals: [Int]
  }

  struct Submission: Encodable, Sendable {
    let reporter: Reporter
    let name: String
    let submission: ReportIndex.Submission
    let document: String?
    let isDraft: Bool
  }

  struct Change: Encodable, Sendable {
    let task: TaskID
    let title: String
    let from: DisplayStatus?
    let to: DisplayStatus
    let date: Day?
  }

  struct Distribution: Encodable, Sendable {
    let name: String
    let current: Bool
    let summary: StatusSummary
  }

  /// The period's pages: everything on the first, with each long list's
  /// first `rowsPerPage` items; the rest of the lists on the pages after.
  static func pages(_ id: PeriodID, _ model: SiteModel) -> [Input] {
    guard let full = input(id, model) else { return [] }
    let size = SiteModel.rowsPerPage
    let longest = max(full.completed.count, full.newlyOverdue.count, full.changes.count)
    let count = max(1, (longest + size - 1) / size)
    return (1...count).map { page in
      func slice(_ list: [Change]) -> [Change] {
        Array(list.dropFirst((page - 1) * size).prefix(size))
      }
      return Input(
        period: full.period, planName: full.planName, previous: full.previous,
        submissions: full.submissions, completed: slice(full.completed),
        newlyOverdue: slice(full.newlyOverdue), changes: slice(full.changes),
        distribution: full.distribution, judgedOn: full.judgedOn, isDue: full.isDue, page: page,
        pageCount: count,
        totals: [full.completed.count, full.newlyOverdue.count, full.changes.count])
    }
  }

  private static func input(_ id: PeriodID, _ model: SiteModel) -> Input? {
    let plan = model.plan
    guard let schedule = plan.schedule,
      let index = schedule.periods.firstIndex(where: { $0.id == id })
    else { return nil }
    let period = schedule.periods[index]
    let previous = index > 0 ? schedule.periods[index - 1] : nil
    let submissions = model.expected(in: id).map { reporter in
      let report = model.reports.report(id, reporter)
      return Submission(
        reporter: reporter, name: plan.name(of: reporter),
        submission: model.reports.submission(period, reporter, today: model.today),
        document: report?.document, isDraft: report?.isDraft ?? false)
    }
    // Tasks read in place, by index: a copy of each (every field
    // retained) for each period and each comparison was most of the work.
    let tasks = plan.tasks
    func state(_ index: Int, through period: ReportingPeriod) -> TaskState {
      model.periodStates[period.id]?[index]
        ?? model.reports.state(of: tasks[index], through: period.id)
    }
    func display(_ index: Int, through period: ReportingPeriod) -> (DisplayStatus, TaskState) {
      let state = state(index, through: period)
      let judged = min(period.end, model.today)
      return (state.display(deadline: tasks[index].deadline, today: judged), state)
    }
    func change(_ index: Int, from before: DisplayStatus?, to now: DisplayStatus, date: Day?)
      -> Change
    {
      Change(task: tasks[index].id, title: tasks[index].title, from: before, to: now, date: date)
    }
    var completed: [Change] = []
    var overdue: [Change] = []
    var changes: [Change] = []
    for index in tasks.indices {
      let (now, state) = display(index, through: period)
      let before = previous.map { display(index, through: $0).0 }
      if now == .done || now == .doneLate, before != .done, before != .doneLate {
        completed.append(change(index, from: before, to: now, date: state.doneOn))
      }
      // Shown overdue now and not at the previous period's end: its
      // deadline passed in this period, or (periods that overlap, a year
      // after its fourth quarter; a first report after the deadline) it
      // passed earlier and only this period's reports show it not done.
      if now == .overdue, before != .overdue, let deadline = tasks[index].deadline {
        overdue.append(change(index, from: before, to: now, date: deadline))
      }
      if let before, before != now {
        changes.append(change(index, from: before, to: now, date: state.asOf))
      }
    }
    let distribution = schedule.periods.map { other in
      Distribution(
        name: other.name, current: other.id == id,
        summary: StatusSummary(
          tasks.indices.map { index in
            ShownStatus(
              state(index, through: other), deadline: tasks[index].deadline,
              today: min(other.end, model.today))
          }))
    }
    return Input(
      period: period, planName: model.planName, previous: previous, submissions: submissions,
      completed: completed, newlyOverdue: overdue, changes: changes, distribution: distribution,
      judgedOn: submissions.contains { $0.submission == .missing } || !overdue.isEmpty
        ? model.today : nil,
      isDue: period.due < model.today, page: 1, pageCount: 1,
      totals: [completed.count, overdue.count, changes.count])
  }

  static func view(_ input: Input, _ tools: PageTools) -> PageContent {
    let link = tools.link
    let period = input.period
    func line(_ item: Submission) -> [String: Any] {
      var view: [String: Any] = [
        "name": item.name, "href": link.href(TaskPage.route(of: item.reporter)),
      ]
      switch item.submission {
      case .onTime(let day), .late(let day):
        view["date"] = day.vietnamese
        view["report_href"] = link.href(.report(period.id, item.reporter))
      default: break
      }
      if let document = item.document {
        view["document"] = document
        view["has_document"] = true
      }
      if item.isDraft { view["is_draft"] = true }
      return view
    }
    let onTime = input.submissions.filter {
      if case .onTime = $0.submission { true } else { false }
    }
    let late = input.submissions.filter { if case .late = $0.submission { true } else { false } }
    let missing = input.submissions.filter { $0.submission == .missing }
    let notDue = input.submissions.filter { $0.submission == .notDue }
    func change(_ item: Change) -> [String: Any] {
      var view: [String: Any] = [
        "id": item.task.rawValue, "title": item.title, "href": link.href(.task(item.task)),
        "to_key": item.to.rawValue, "to_label": item.to.label,
      ]
      if let from = item.from {
        view["from_key"] = from.rawValue
        view["from_label"] = from.label
      }
      if let date = item.date {
        view["date"] = date.vietnamese
        view["has_date"] = true
      }
      return view
    }
    let bars: [[String: Any]] = input.distribution.map { item in
      var view = item.summary.view()
      view["name"] = item.name
      view["current"] = item.current
      let counts = Rollup.displayOrder.map { ($0, item.summary.rollup.count($0)) }
      view["cells"] = counts.map(\.1)
      // Each count with its column's name, which a phone shows beside it.
      view["counts"] = counts.map { key, count -> [String: Any] in
        ["label": key.label, "count": count]
      }
      return view
    }
    var fields: [String: Any] = [
      "period": [
        "name": period.name, "start": period.start.vietnamese, "end": period.end.vietnamese,
        "due": period.due.vietnamese, "name_in_sentence": Text.lowercasedFirst(period.name),
        "plan_name": input.planName,
      ],
      "is_due": input.isDue,
      "has_on_time": !onTime.isEmpty, "has_late": !late.isEmpty, "has_missing": !missing.isEmpty,
      "has_not_due": !notDue.isEmpty,
      "completed_count": input.totals.first ?? 0,
      "newly_overdue_count": input.totals.dropFirst().first ?? 0,
      "is_first_page": input.page == 1,
      "first_page_href": link.href(.period(period.id)),
      "pager": Paging.view(page: input.page, of: input.pageCount, link: link) {
        .period(period.id, page: $0)
      },
      "status_columns": Rollup.displayOrder.map { ["key": $0.rawValue, "label": $0.label] },
      "on_time": onTime.map(line), "late": late.map(line), "missing": missing.map(line),
      "not_due": notDue.map(line),
      "on_time_count": onTime.count, "late_count": late.count, "missing_count": missing.count,
      "not_due_count": notDue.count, "expected_count": input.submissions.count,
      "completed": input.completed.map(change), "has_completed": !input.completed.isEmpty,
      "newly_overdue": input.newlyOverdue.map(change),
      "has_newly_overdue": !input.newlyOverdue.isEmpty,
      "changes": input.changes.map(change), "has_changes": !input.changes.isEmpty,
      "distribution": bars,
    ]
    if let previous = input.previous {
      fields["previous"] = ["name": previous.name, "href": link.href(.period(previous.id))]
    }
    if let judgedOn = input.judgedOn { fields["judged_on"] = judgedOn.vietnamese }
    let suffix = input.page > 1 ? " (trang \(input.page)/\(input.pageCount))" : ""
    return PageContent(
      title: period.reportsTitle + suffix,
      description:
        "Tình hình gửi báo cáo và kết quả thực hiện \(input.planName), kỳ \(period.name).",
      trail: [("Báo cáo", .reports)], fields: fields)
  }
}

/// One report of one agency or commune (`bao-cao/<kỳ>/<đơn vị>/`).
enum ReportPage: PageKind {
  static let template = "report"

  struct Input: Encodable, Sendable {
    /// The whole report, digested once for all its pages and the plan's data.
    ///
    /// A page's own entries, encoded again for each page, were
    /// the largest part of a build's digests in a plan whose communes all
    /// report. An edit of one entry makes the report's pages again.
    let shared: Shared<Report>
    let reporterName: String
    let period: ReportingPeriod
    /// Which of the report's entries this page shows, and their tasks' titles.
    let lines: Range<Int>
    let titles: [String]
    /// Each line's deadline for the reporter, when it had passed by the
    /// report's date with the task not done (Thời hạn đã qua).
    let passedDeadlines: [Day?]
    let figures: [Figure]
    let page: Int
    let pageCount: Int

    var report: Report { shared.value }
    var taskCount: Int { report.tasks.count }

    /// Digested as a list of its fields (see `FieldWriter`).
    ///
    /// A stored property added must be added here too (`ListCodingTests`
    /// counts them).
    func encode(to encoder: Encoder) throws {
      var fields = FieldWriter(encoder)
      try fields.encode(shared)
      try fields.encode(reporterName)
      try fields.encode(period)
      try fields.encode(lines)
      try fields.encode(titles)
      try fields.encode(passedDeadlines)
      try fields.encode(figures)
      try fields.encode(page)
      try fields.encode(pageCount)
    }
    /// This page's entries with their tasks' titles.
    var tasks: [Line] {
      zip(zip(report.tasks[lines], titles), passedDeadlines).map {
        Line(update: $0.0, title: $0.1, passedDeadline: $1)
      }
    }
  }

  /// Digested as a list of its fields: a commune's report has thousands.
  struct Line: Encodable, Sendable {
    let update: TaskUpdate
    let title: String
    let passedDeadline: Day?

    func encode(to encoder: Encoder) throws {
      var fields = FieldWriter(encoder)
      try fields.encode(update)
      try fields.encode(title)
      try fields.encode(optional: passedDeadline)
    }
  }

  struct Figure: Encodable, Sendable {
    let figure: IndicatorReport
    let name: String
    let unit: String
  }

  /// The report's pages: its entries `rowsPerPage` a page; the summary and
  /// the figures on the first.
  static func pages(_ period: PeriodID, _ reporter: Reporter, _ model: SiteModel) -> [Input] {
    guard let report = model.reports.report(period, reporter),
      let schedulePeriod = model.plan.period(period)
    else { return [] }
    let shared = model.shared(report)
    let size = SiteModel.rowsPerPage
    let count = max(1, (report.tasks.count + size - 1) / size)
    let figures = report.indicators.map { figure in
      let indicator = model.plan.indicator(figure.indicator)
      return Figure(figure: figure, name: indicator?.name ?? "", unit: indicator?.unit ?? "")
    }
    return (1...count).map { page in
      let lines = min((page - 1) * size, report.tasks.count)..<min(page * size, report.tasks.count)
      return Input(
        shared: shared, reporterName: model.plan.name(of: reporter), period: schedulePeriod,
        lines: lines,
        // Read from the plan and the report alone, no task's state: the
        // page of a report just saved is made from a model of no task
        // (`SiteRenderer.pagesOfEdits`).
        titles: report.tasks[lines].map { model.plan.title(of: $0.task) ?? "" },
        // A report of "Đang thực hiện 60%" dated after the deadline is
        // overdue as it speaks (the body's page says "Quá hạn").
        // Only a line that could be overdue looks its deadline up (the
        // task read in place, not copied out of the plan).
        passedDeadlines: report.tasks[lines].map { update in
          var deadline: Day?
          let shown = DisplayStatus(
            status: TaskState.word(status: update.status, progress: update.progress).status,
            today: report.date
          ) {
            deadline = model.plan.deadline(of: update.task, for: reporter)
            return deadline
          }
          return shown == .overdue ? deadline : nil
        },
        figures: page == 1 ? figures : [], page: page, pageCount: count)
    }
  }

  static func view(_ input: Input, _ tools: PageTools) -> PageContent {
    let link = tools.link
    let report = input.report
    let tasks: [[String: Any]] = input.tasks.map { line in
      let update = line.update
      var item: [String: Any] = [
        "id": update.task.rawValue, "title": line.title, "href": link.href(.task(update.task)),
        "text_html": update.text.html, "has_text": !update.text.isEmpty,
      ]
      if let deadline = line.passedDeadline { item["passed_deadline"] = deadline.vietnamese }
      UpdateFields.add(
        status: update.status, progress: update.progress, doneOn: update.doneOn, to: &item)
      return item
    }
    let figures: [[String: Any]] = input.figures.map { item in
      [
        "name": item.name, "unit": item.unit, "period": item.figure.period,
        "value": item.figure.value.shown,
        "href": link.href(.indicators) + "#" + item.figure.indicator.rawValue,
      ]
    }
    // A commune mid-sentence is "xã Tân Phú" (its kind is no part of its
    // name); an agency's name keeps its capital ("Sở Tài chính").
    let reporterInSentence: String
    if case .commune = report.reporter {
      reporterInSentence = Text.lowercasedFirst(input.reporterName)
    } else {
      reporterInSentence = input.reporterName
    }
    // Without a document number the heading names the period, which the
    // phone's first screen shows nowhere else above the fold.
    let heading = report.document ?? input.period.reportsTitle
    var view: [String: Any] = [
      "heading": heading,
      "reporter_name": input.reporterName, "reporter_in_sentence": reporterInSentence,
      "reporter_href": link.href(TaskPage.route(of: report.reporter)),
      "period_name": input.period.name, "period_href": link.href(.period(input.period.id)),
      "date": report.date.vietnamese, "due": input.period.due.vietnamese,
      "is_late": report.date > input.period.due, "is_draft": report.isDraft,
      "summary_html": report.summary.html, "has_summary": !report.summary.isEmpty,
    ]
    if let document = report.document {
      view["document"] = document
      view["has_document"] = true
    }
    if let url = report.sourceURL {
      view["source_url"] = url
      view["source_host"] = WebAddress.host(of: url) ?? url
    }
    let suffix = input.page > 1 ? " (trang \(input.page)/\(input.pageCount))" : ""
    let title = "\(heading) – \(input.reporterName)" + suffix
    return PageContent(
      title: title,
      description: "Báo cáo kỳ \(input.period.name) của \(reporterInSentence).",
      trail: [("Báo cáo", .reports), (input.period.name, .period(input.period.id))],
      fields: [
        "report": view, "tasks": tasks, "has_tasks": !tasks.isEmpty, "task_count": input.taskCount,
        "is_first_page": input.page == 1,
        "pager": Paging.view(page: input.page, of: input.pageCount, link: link) {
          .report(input.period.id, report.reporter, page: $0)
        },
        "figures": figures,
        "has_figures": !figures.isEmpty,
      ])
  }
}

extension ReportingPeriod {
  /// "Báo cáo 9 tháng năm 2026": the period's page, and a report of it
  /// that has no document number.
  fileprivate var reportsTitle: String { "Báo cáo \(Text.lowercasedFirst(name))" }
}
