import PlanModel
import SiteCore

/// The validated plan with what many pages derive from it, computed once
/// per build: who holds which duties, what the reports say, the status each
/// task shows on the build date, and the row each task is listed as.
///
/// Only the functions that assemble page inputs read it; page views see
/// their input alone.
final class SiteModel: Sendable {
  let plan: Plan
  let duties: DutyIndex
  let reports: ReportIndex
  /// The bodies that must report each period (none in a focused model:
  /// only report and body pages ask, never a task's).
  private let expectedReporters: [Reporter]
  /// The build date statuses are judged on.
  let today: Day
  /// Where each task stands.
  let states: [TaskID: TaskState]
  /// Where each task stood after each period's reports, in the plan's task
  /// order (empty without reports): every period page compares them.
  let periodStates: [PeriodID: [TaskState]]
  /// Each task as lists show it.
  let rows: [TaskID: Shared<TaskRow>]
  /// Each task with its digest, computed once for all the pages and data
  /// files that show it.
  let tasks: [TaskID: Shared<PlanTask>]
  /// What the reports said of each task, made once for its page and the
  /// plan's data (`TaskPage.timeline`).
  let timelines: [TaskID: Shared<[TaskPage.TimelineEntry]>]
  /// Each report's head, in the plan's order (`TaskPage.ReportHead`).
  let reportHeads: [Shared<TaskPage.ReportHead>]
  /// Each body that holds tasks with its name, by its place
  /// (`Plan.bodyPlace(of:)`): a task page's holders share them.
  let bodies: [Shared<TaskPage.BodyName>]
  /// Each report with its digest, made once for its pages and the plan's
  /// data (a commune's report has thousands of entries; empty in a focused
  /// model, whose pages show none).
  let sharedReports: [Report.Key: Shared<Report>]
  /// How many duties each commune has (named, by kind, for all).
  let communeDutyCounts: [CommuneID: Int]
  /// Each task's assignments' own deadlines, in order (rows need them
  /// hundreds of thousands of times: looked up, not copied out of the task).
  let assignmentDeadlines: [TaskID: [Day?]]
  /// For each kind of commune, every shared task's status for a commune
  /// that has not reported on it (most specific collective wins).
  let kindDefaults: [Commune.Kind: [TaskID: ShownStatus]]
  /// The summary of each kind's defaults: the roll-up of every commune of
  /// that kind that neither reported nor is named on a shared task.
  let kindSummaries: [Commune.Kind: StatusSummary]
  /// The lists shared by each collective of communes (without a commune's
  /// own count of reported tasks).
  let sharedLists: [Collective: SharedList]
  /// Each task's place in its group's list (for the links to the previous
  /// and next task, without searching a thousand-task group each time).
  let positionsInGroup: [TaskID: Int]

  /// How many rows a list page shows before it is split into pages, and
  /// how many duties an agency's or commune's page shows before it lists
  /// them task group by task group on pages of their own.
  static let rowsPerPage = 200

  /// - Parameter focus: when given, a model of these tasks only: what
  ///   their own pages read (the plan, the reports, each task's state,
  ///   digest and place in its group), and none of what lists need. Only
  ///   those tasks' pages, and reports' pages (which read no task's
  ///   state), can be made from it (`SiteRenderer.pagesOfEdits`), and tests
  ///   check they are the pages the whole model makes.
  init(
    plan: Plan, today: Day, reusing earlier: SiteRenderer.Reusable? = nil,
    focus: Set<TaskID>? = nil
  ) {
    self.plan = plan
    self.today = today
    // Who holds what, and where each task stands: independent, so worked
    // out at the same time (the first is mostly one thread's work).
    let (holding, standing) =
      if let focus {
        (
          Self.holding(focusedOn: focus, plan),
          Self.standing(
            plan, focus.sorted().compactMap { plan.task($0) }, focused: true, today: today,
            reusing: earlier)
        )
      } else {
        Parallel.both(
          { Self.holding(plan) },
          { Self.standing(plan, plan.tasks, focused: false, today: today, reusing: earlier) })
      }
    let duties = holding.duties
    self.duties = duties
    expectedReporters =
      focus == nil ? ReportIndex.expectedReporters(plan, duties: duties) : []
    communeDutyCounts = holding.communeDutyCounts
    sharedLists = holding.sharedLists
    positionsInGroup = holding.positionsInGroup
    assignmentDeadlines = holding.assignmentDeadlines
    let reports = standing.reports
    self.reports = reports
    states = standing.states
    periodStates = standing.periodStates
    let rows = standing.rows
    self.rows = rows
    tasks = standing.tasks
    timelines = standing.timelines
    reportHeads = standing.heads
    bodies =
      plan.agencies.map { Shared(TaskPage.BodyName(.agency($0.id), $0.name)) }
      + plan.communes.map { Shared(TaskPage.BodyName(.commune($0.id), $0.fullName)) }
    sharedReports =
      focus == nil
      ? Dictionary(zip(plan.reports.map(\.key), Parallel.map(plan.reports) { Shared($0) })) {
        first, _ in first
      } : [:]
    let unreported = ShownStatus(
      TaskState(
        status: nil, progress: nil, doneOn: nil, asOf: nil, source: .none, deciding: 0,
        decidingDone: 0), deadline: nil, today: today)
    // For each collective of communes, the status each of its tasks shows
    // for a commune that has not reported on it (the same for every such
    // commune): the start of every commune's roll-up.
    var defaults: [Collective: [TaskID: ShownStatus]] = [:]
    for collective in Collective.allCases where collective != .allAgencies {
      var statuses: [TaskID: ShownStatus] = [:]
      for duty in duties.duties(of: collective) {
        statuses[duty.task] = reports.hasReports ? unreported : rows[duty.task]?.value.shown
      }
      defaults[collective] = statuses
    }
    var kinds: [Commune.Kind: [TaskID: ShownStatus]] = [:]
    for kind in Commune.Kind.allCases {
      var statuses: [TaskID: ShownStatus] = [:]
      for collective in DutyIndex.collectives(reaching: kind).reversed() {
        statuses.merge(defaults[collective] ?? [:]) { _, new in new }
      }
      kinds[kind] = statuses
    }
    kindDefaults = kinds
    kindSummaries = kinds.mapValues { StatusSummary(Array($0.values)) }
  }

  /// Who holds which duties, and what follows from that alone.
  private static func holding(_ plan: Plan) -> (
    duties: DutyIndex, communeDutyCounts: [CommuneID: Int], sharedLists: [Collective: SharedList],
    positionsInGroup: [TaskID: Int], assignmentDeadlines: [TaskID: [Day?]]
  ) {
    let duties = DutyIndex(plan: plan)
    return (
      duties,
      Dictionary(zip(plan.communes.map(\.id), duties.dutyCounts(of: plan.communes))) {
        first, _ in first
      },
      Dictionary(
        SharedList.communal.compactMap { collective in
          SharedList(collective, plan: plan, duties: duties).map { (collective, $0) }
        }
      ) { first, _ in first },
      Dictionary(plan.groups.flatMap { $0.tasks.enumerated().map { ($1, $0) } }) {
        first, _ in first
      },
      Dictionary(plan.tasks.map { ($0.id, $0.assignments.map(\.deadline)) }) { first, _ in first }
    )
  }

  /// Who holds what, for a model of a few tasks: their places in their
  /// groups alone.
  private static func holding(focusedOn focus: Set<TaskID>, _ plan: Plan) -> (
    duties: DutyIndex, communeDutyCounts: [CommuneID: Int], sharedLists: [Collective: SharedList],
    positionsInGroup: [TaskID: Int], assignmentDeadlines: [TaskID: [Day?]]
  ) {
    var positions: [TaskID: Int] = [:]
    for id in focus {
      guard let task = plan.task(id), let group = plan.group(task.group) else { continue }
      positions[id] = group.tasks.firstIndex(of: id)
    }
    return (DutyIndex(), [:], [:], positions, [:])
  }

  /// What the reports say, where each of `tasks` stands (all of the plan's,
  /// or, `focused`, those of a focused model, whose report index holds
  /// their entries alone), and each task and row with its digest; for the
  /// whole plan, where every task stood after each period.
  private static func standing(
    _ plan: Plan, _ tasks: [PlanTask], focused: Bool, today: Day,
    reusing earlier: SiteRenderer.Reusable?
  )
    -> (
      reports: ReportIndex, states: [TaskID: TaskState], periodStates: [PeriodID: [TaskState]],
      rows: [TaskID: Shared<TaskRow>], tasks: [TaskID: Shared<PlanTask>],
      timelines: [TaskID: Shared<[TaskPage.TimelineEntry]>],
      heads: [Shared<TaskPage.ReportHead>]
    )
  {
    let reports = ReportIndex(plan: plan, tasks: focused ? Set(tasks.map(\.id)) : nil)
    let states = Parallel.map(tasks, chunk: 64) { reports.state(of: $0) }
    var periodStates: [PeriodID: [TaskState]] = [:]
    if !focused, reports.hasReports {
      // Task by task, each task's states after every period at once.
      let periods = (plan.schedule?.periods ?? []).map(\.id)
      let byTask = Parallel.map(plan.tasks, chunk: 64) {
        reports.states(of: $0, through: periods)
      }
      for (index, period) in periods.enumerated() {
        periodStates[period] = byTask.map { $0[index] }
      }
    }
    let rows = Parallel.map(Array(zip(tasks, states)), chunk: 64) { task, state in
      Shared(
        TaskRow(task, shown: ShownStatus(state, deadline: task.deadline, today: today)),
        reusing: earlier?.rows[task.id])
    }
    let shared = Parallel.map(tasks, chunk: 64) { Shared($0, reusing: earlier?.tasks[$0.id]) }
    let heads = Parallel.map(plan.reports) { Shared(TaskPage.ReportHead($0, plan)) }
    let timelines = Parallel.map(tasks, chunk: 64) {
      Shared(
        TaskPage.timeline($0.id, plan, reports, heads: heads),
        reusing: earlier?.timelines[$0.id])
    }
    let ids = tasks.map(\.id)
    return (
      reports, Dictionary(zip(ids, states)) { first, _ in first }, periodStates,
      Dictionary(zip(ids, rows)) { first, _ in first },
      Dictionary(zip(ids, shared)) { first, _ in first },
      Dictionary(zip(ids, timelines)) { first, _ in first }, heads
    )
  }

  /// The bodies that must report in `period`.
  func expected(in period: PeriodID) -> [Reporter] { expectedReporters }

  /// A task with its digest.
  func shared(_ id: TaskID) -> Shared<PlanTask>? { tasks[id] }

  /// What the reports said of a task, oldest first, with its digest.
  func timeline(_ id: TaskID) -> Shared<[TaskPage.TimelineEntry]> {
    timelines[id] ?? Shared([])
  }

  /// A report with its digest (the one made with the model if it is of
  /// the same file: two files naming one period and body would share a key).
  func shared(_ report: Report) -> Shared<Report> {
    if let shared = sharedReports[report.key], shared.value.source == report.source {
      return shared
    }
    return Shared(report)
  }

  /// The row of a task (every task of the plan has one).
  func row(_ id: TaskID) -> Shared<TaskRow>? { rows[id] }

  /// Where a task stands.
  func state(_ id: TaskID) -> TaskState {
    states[id]
      ?? TaskState(
        status: nil, progress: nil, doneOn: nil, asOf: nil, source: .none, deciding: 0,
        decidingDone: 0)
  }

  /// The status a task shows.
  func shown(_ task: PlanTask) -> ShownStatus {
    ShownStatus(state(task.id), deadline: task.deadline, today: today)
  }

  /// What `reporter` itself last reported on `task`, judged against
  /// `deadline`; nil in a plan without reports (rows then show the task's
  /// own status).
  func own(_ reporter: Reporter, on task: TaskID, deadline: Day?) -> ShownStatus? {
    guard reports.hasReports else { return nil }
    return own(reports.latestWord(reporter, on: task), deadline: deadline)
  }

  /// `own(_:on:deadline:)` from the body's latest word, already looked up
  /// (a task page looks up its holders' words once for all of them).
  func own(_ latest: ReportIndex.Latest?, deadline: Day?) -> ShownStatus {
    // Read from the entry itself, not its report: asked for every body
    // on every task page and duty row.
    let said = latest?.entry.word
    let word = TaskState.word(status: said?.status, progress: said?.progress)
    let state = TaskState(
      status: word.status, progress: word.progress, doneOn: latest?.doneDay,
      asOf: said?.date, source: latest == nil ? .none : .reports, deciding: 0,
      decidingDone: 0)
    return ShownStatus(state, deadline: deadline, today: today)
  }

  /// A plain sentence naming the plan: `kế hoạch 22/KH-UBND`.
  var planName: String {
    "\(plan.document.documentType.lowercased()) \(plan.document.number)"
  }
}

/// A status as a page shows it: which, how far, and as of when.
struct ShownStatus: Encodable, Sendable, Hashable {
  let status: DisplayStatus
  /// The task's progress; when `partial`, the mean of only some of its
  /// deciding bodies, which neither a badge nor a roll-up's mean shows
  /// (the task page states it, and of whom).
  let progress: Int?
  let partial: Bool
  /// The date of the report it comes from (số liệu tính đến ngày …).
  let asOf: Day?
  /// The build date, when the status is judged on it (Quá hạn).
  let judgedOn: Day?

  init(_ state: TaskState, deadline: Day?, today: Day) {
    status = state.display(deadline: deadline, today: today)
    // A mean of only some of the deciding bodies is not the task's
    // progress: "Quá hạn 100%" read as all but late, when three of six
    // had not reported. The task page states that mean and of whom.
    partial = state.progressIsPartial
    progress = state.progress
    asOf = state.asOf
    judgedOn = status.isJudgedOnToday ? today : nil
  }

  /// Digested as a list of its fields: every row of every list has one.
  func encode(to encoder: Encoder) throws {
    var fields = FieldWriter(encoder)
    try fields.encode(status)
    try fields.encode(optional: progress)
    try fields.encode(partial)
    try fields.encode(optional: asOf)
    try fields.encode(optional: judgedOn)
  }

  /// The fields of a status badge: `status_key`, `status_label`,
  /// `progress`, `as_of`, `judged_on`.
  func add(to item: inout [String: Any]) {
    item["status_key"] = status.rawValue
    item["status_label"] = status.label
    if let progress, status != .unreported, !partial {
      item["progress"] = progress
      item["has_progress"] = true
    }
    if let asOf { item["as_of"] = asOf.vietnamese }
    if let judgedOn { item["judged_on"] = judgedOn.vietnamese }
  }
}
