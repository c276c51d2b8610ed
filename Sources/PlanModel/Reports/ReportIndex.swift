import SiteCore

/// What the reports say, indexed for the pages: each body's latest word on
/// each task, each task's history and state, who sent what in each period,
/// and the figures given for each indicator.
public struct ReportIndex: Sendable {
  /// One report's entry on one task.
  ///
  /// A class: entries are sorted, indexed by task and by body, and handed
  /// to hundreds of pages, and copying one as a struct would copy every
  /// field of its report and update (a retain each).
  public final class Entry: Sendable {
    /// The report, from the one copy all its entries share (a report with
    /// entries on a thousand tasks is not held a thousand times).
    public var report: Report { _read { yield shared.value } }
    /// The report's entry on the task, from the report.
    public var update: TaskUpdate { _read { yield shared.value.tasks[index] } }
    /// Single fields of the report and the update, each read through the
    /// shared report's storage: in a release build's profile, reading
    /// `report.period` through the accessor above copied the whole report
    /// first (every string and list retained), for each entry of each
    /// task's timeline.
    public var period: PeriodID { shared.value.period }
    public var document: String? { shared.value.document }
    public var isDraft: Bool { shared.value.isDraft }
    public var task: TaskID { shared.value.tasks[index].task }
    public var text: RichText { shared.value.tasks[index].text }
    private let shared: SharedReport
    /// The update's place in the report's `tasks`.
    private let index: Int
    /// The report's period's place in the schedule (unscheduled: last).
    let rank: Int
    /// The reporting body's place (`Plan.bodyPlace(of:)`, or
    /// after the listed bodies for one the plan does not list).
    let place: Int
    /// The place by which a task's history orders entries of one day
    /// (unscheduled: first).
    var sortRank: Int { rank == Int.max ? 0 : rank }
    /// What a task's state reads of the entry, held in the entry: the
    /// state is worked out for every task after each period, and reading
    /// these through the report copied the whole update each time (a
    /// quarter of that work when every commune reports).
    public let word: Word
    /// The body that sent the report (entries are sorted and gathered by it).
    public let reporter: Reporter
    /// The report's place in the plan's `reports`.
    public let reportNumber: Int

    /// The entry's status, progress and done date, and its report's date.
    public struct Word: Sendable {
      public let status: TaskStatus?
      public let progress: Int?
      public let doneOn: Day?
      public let date: Day
      /// `TaskUpdate.statesStanding` of the entry.
      public let statesStanding: Bool
    }

    init(report: SharedReport, number: Int, index: Int, rank: Int, place: Int) {
      shared = report
      reportNumber = number
      self.index = index
      self.rank = rank
      self.place = place
      let update = report.value.tasks[index]
      reporter = report.value.reporter
      word = Word(
        status: update.status, progress: update.progress, doneOn: update.doneOn,
        date: report.value.date, statesStanding: update.statesStanding)
    }
  }

  /// A report held once for all its entries.
  final class SharedReport: Sendable {
    let value: Report
    init(_ value: Report) { self.value = value }
  }

  /// Whether a body sent its report for a period, and when.
  public enum Submission: Hashable, Sendable, Codable {
    /// Sent by the due date.
    case onTime(Day)
    /// Sent after the due date.
    case late(Day)
    /// Not sent, and the due date has passed.
    case missing
    /// Not sent yet, and not yet due.
    case notDue
  }

  private let plan: Plan
  private var byTask: [TaskID: [Entry]] = [:]
  private var byReporter: [Reporter: [Report]] = [:]
  private var byPeriodReporter: [PeriodID: [Reporter: Report]] = [:]
  private var figures: [IndicatorID: [(figure: IndicatorReport, report: Report)]] = [:]
  /// Each task's latest entry stating a status or a progress, by body,
  /// with the day the body did the task when that word is "done".
  ///
  /// Keyed by task first: it is made on all cores, one task at a time
  /// (hundreds of thousands of entries in a plan whose communes all report).
  private var latestByTask: [TaskID: [Reporter: Latest]] = [:]
  /// Each period's place in the schedule.
  private let ranks: [PeriodID: Int]
  /// For each task with entries, the places of the bodies that decide
  /// whether it is done (see `TaskState`), worked out once: a task
  /// addressed to all communes has a hundred holders, and its state is
  /// asked for once a period.
  private var deciders: [TaskID: [Int]] = [:]
  /// The places of reporting bodies the plan does not list (after the
  /// plan's agencies and communes; see `Plan.bodyPlace(of:)`).
  private var unlisted: [Reporter: Int] = [:]
  /// The date of the latest report (the data's cut-off), if any.
  public let latestDate: Day?

  /// The index of `plan`'s reports; with `tasks`, of their entries on
  /// those tasks alone (every report is still indexed by body, period and
  /// figure): what the pages of those tasks read, without the hundreds of
  /// thousands of entries the whole site needs when every commune reports
  /// (a focused model, `watch`'s and `serve`'s first step).
  public init(plan: Plan, tasks: Set<TaskID>? = nil) {
    self.plan = plan
    let order = Dictionary(
      (plan.schedule?.periods ?? []).enumerated().map { ($1.id, $0) },
      uniquingKeysWith: { first, _ in first })
    ranks = order
    let listed = plan.agencies.count + plan.communes.count
    for report in plan.reports where plan.bodyPlace(of: report.reporter) == nil {
      if unlisted[report.reporter] == nil { unlisted[report.reporter] = listed + unlisted.count }
    }
    let unlisted = unlisted
    // The entries are made on all cores, a report at a time, and only
    // gathered by task here.
    let reportEntries = Parallel.map(Array(plan.reports.indices)) { number in
      let report = plan.reports[number]
      let rank = order[report.period] ?? Int.max
      // Every unlisted body has its place (given above): the last `??` is never taken.
      let place = plan.bodyPlace(of: report.reporter) ?? unlisted[report.reporter] ?? 0
      let shared = SharedReport(report)
      let lines =
        if let tasks {
          report.tasks.indices.filter { tasks.contains(report.tasks[$0].task) }
        } else {
          Array(report.tasks.indices)
        }
      return lines.map {
        Entry(report: shared, number: number, index: $0, rank: rank, place: place)
      }
    }
    for (report, entries) in zip(plan.reports, reportEntries) {
      byReporter[report.reporter, default: []].append(report)
      byPeriodReporter[report.period, default: [:]][report.reporter] = report
      for entry in entries { byTask[entry.task, default: []].append(entry) }
      for figure in report.indicators {
        figures[figure.indicator, default: []].append((figure, report))
      }
    }
    // Oldest first: by date, then the period's place in the schedule (an
    // unscheduled one first), then the reporter. On all cores, and with
    // each entry's rank rather than a lookup per comparison: a task
    // addressed to every commune has hundreds of entries. Each body's
    // latest word on the task is taken in the same pass.
    let reportedIDs = Array(byTask.keys)
    let unsorted = byTask
    let sorted = Parallel.map(reportedIDs, chunk: 64) { task in
      let entries = (unsorted[task] ?? []).sorted { first, second in
        if first.word.date != second.word.date { return first.word.date < second.word.date }
        let (one, two) = (first.sortRank, second.sortRank)
        if one != two { return one < two }
        return first.reporter < second.reporter
      }
      // By the body's place, not in dictionaries keyed by body: a task
      // addressed to every commune has a hundred bodies reporting, each
      // several times, and hashing the body for each entry was most of
      // this pass. (A body has one place, and a place one body.)
      let places = entries.reduce(0) { max($0, $1.place + 1) }
      var latest = [Int](repeating: -1, count: places)
      var done = [DoneRun?](repeating: nil, count: places)
      var reporting: [Int] = []
      for (index, entry) in entries.enumerated() where entry.word.statesStanding {
        if latest[entry.place] < 0 { reporting.append(entry.place) }
        latest[entry.place] = index
        done[entry.place] = DoneRun(after: done[entry.place], entry.word)
      }
      var words: [Reporter: Latest] = [:]
      words.reserveCapacity(reporting.count)
      for place in reporting {
        let entry = entries[latest[place]]
        words[entry.reporter] = Latest(entry: entry, doneDay: done[place]?.day)
      }
      return (entries, words)
    }
    byTask = Dictionary(uniqueKeysWithValues: zip(reportedIDs, sorted.map(\.0)))
    latestByTask = Dictionary(
      uniqueKeysWithValues: zip(reportedIDs, sorted.map(\.1)).filter { !$0.1.isEmpty })
    let entries = byTask
    // Looked up, not filtered from every task: a focused model (serve's
    // first step) must not pay for the whole plan.
    let reported = entries.keys.compactMap { plan.task($0) }
    let deciding = Parallel.map(reported, chunk: 64) { plan.deciderPlaces(of: $0) }
    deciders = Dictionary(zip(reported.map(\.id), deciding)) { first, _ in first }
    latestDate = plan.reports.map(\.date).max()
  }

  /// Whether any report is published.
  public var hasReports: Bool { !plan.reports.isEmpty }

  /// How many places bodies have: the plan's agencies and communes, then
  /// the unlisted bodies that reported.
  private var placeCount: Int { plan.agencies.count + plan.communes.count + unlisted.count }

  /// Every entry on `task`, oldest first.
  public func timeline(_ task: TaskID) -> [Entry] { byTask[task] ?? [] }

  /// A body's reports, in schedule order.
  public func reports(of reporter: Reporter) -> [Report] { byReporter[reporter] ?? [] }

  /// The report of `reporter` for `period`, if sent.
  public func report(_ period: PeriodID, _ reporter: Reporter) -> Report? {
    byPeriodReporter[period]?[reporter]
  }

  /// The latest entry of `reporter` on `task` that states a status or a
  /// progress (an entry with only a text keeps the earlier status).
  public func latest(_ reporter: Reporter, on task: TaskID) -> Entry? {
    latestWord(reporter, on: task)?.entry
  }

  /// The day `reporter` did `task`, when its latest word is "done" (see
  /// `DoneRun`).
  public func doneDay(_ reporter: Reporter, on task: TaskID) -> Day? {
    latestWord(reporter, on: task)?.doneDay
  }

  /// `latest(_:on:)` and `doneDay(_:on:)` in one lookup.
  public func latestWord(_ reporter: Reporter, on task: TaskID) -> Latest? {
    latestByTask[task]?[reporter]
  }

  /// A body's latest word on a task: the entry, and the day it did the task
  /// when that word is "done".
  public struct Latest: Sendable {
    public let entry: Entry
    public let doneDay: Day?
  }

  /// Every body's latest word on `task`, by body: looked up once for all
  /// its holders (a task addressed to all communes has a hundred).
  public func latestWords(on task: TaskID) -> [Reporter: Latest] {
    latestByTask[task] ?? [:]
  }

  /// A body's reports in a row saying a task is done, and the day it was.
  ///
  /// The day is the latest done date one of them gives, else the date of
  /// the first of them (oldest first). A "done" repeated in later
  /// reports (a status filled down in a form) does not move the day to
  /// their dates, nor does a later report giving only a text.
  struct DoneRun {
    private var first: Day?
    private var given: Day?

    /// The run after `earlier` and one more entry that states a status or
    /// a progress: a status other than done ends it.
    init(after earlier: DoneRun?, _ word: Entry.Word) {
      guard word.status == .done else { return }
      first = earlier?.first ?? word.date
      given = word.doneOn ?? earlier?.given
    }

    /// The day, when the run is on.
    var day: Day? { given ?? first }
  }

  /// `latest(_:on:)` among the reports of the periods `included` accepts
  /// (a report form's earlier periods; an import's periods but its own).
  public func latest(
    _ reporter: Reporter, on task: TaskID, in included: (PeriodID) -> Bool
  ) -> Entry? {
    timeline(task).last {
      $0.reporter == reporter && $0.word.statesStanding && included($0.period)
    }
  }

  /// The tasks `reporter` has stated a status or a progress on (looked up
  /// once for a body's whole listing, not once per duty).
  public func reportedTasks(of reporter: Reporter) -> Set<TaskID> {
    var tasks = Set<TaskID>()
    for report in reports(of: reporter) {
      for update in report.tasks where update.statesStanding {
        tasks.insert(update.task)
      }
    }
    return tasks
  }

  /// The figures the reports give for an indicator, with their reports.
  public func figures(for indicator: IndicatorID) -> [(figure: IndicatorReport, report: Report)] {
    figures[indicator] ?? []
  }

  /// Where `task` stands (see `TaskState` for the rule).
  public func state(of task: PlanTask) -> TaskState {
    state(of: task, from: timeline(task.id), through: Int.max)
  }

  /// Where `task` stood after the reports of `period` and the periods before
  /// it (in the schedule's order).
  public func state(of task: PlanTask, through period: PeriodID) -> TaskState {
    var scratch = Scratch(placeCount)
    return state(of: task, through: period, timeline(task.id), &scratch)
  }

  /// `state(of:through:)` for each of `periods`, in order: the task's
  /// entries read once after another while they are in the cache, and the
  /// working space made once (every task after each period, for the period
  /// pages: each pass over all the entries of a plan whose communes all
  /// report was 1 % of a build).
  public func states(of task: PlanTask, through periods: [PeriodID]) -> [TaskState] {
    var scratch = Scratch(placeCount)
    let entries = timeline(task.id)
    return periods.map { state(of: task, through: $0, entries, &scratch) }
  }

  private func state(
    of task: PlanTask, through period: PeriodID, _ entries: [Entry], _ scratch: inout Scratch
  ) -> TaskState {
    guard let last = ranks[period] else {
      return state(of: task, from: entries, through: Int.max, &scratch)
    }
    if hasReports, !entries.contains(where: { $0.rank <= last }) {
      return TaskState(
        status: nil, progress: nil, doneOn: nil, asOf: nil, source: .none, deciding: 0,
        decidingDone: 0)
    }
    return state(of: task, from: entries, through: last, &scratch)
  }

  /// Each body's latest entry stating a status or a progress (indexes into
  /// a task's entries, by the body's place; -1: none) and its run of
  /// "done"; left empty again after each use.
  private struct Scratch {
    var latestStanding: [Int]
    var runs: [DoneRun?]

    init(_ places: Int) {
      latestStanding = [Int](repeating: -1, count: places)
      runs = [DoneRun?](repeating: nil, count: places)
    }
  }

  private func state(of task: PlanTask, from entries: [Entry], through last: Int) -> TaskState {
    var scratch = Scratch(placeCount)
    return state(of: task, from: entries, through: last, &scratch)
  }

  /// The state from the entries of the periods ranked `last` or earlier.
  private func state(
    of task: PlanTask, from entries: [Entry], through last: Int, _ scratch: inout Scratch
  ) -> TaskState {
    guard let latestEntry = entries.last(where: { $0.rank <= last }) else {
      return TaskState(written: task)
    }
    let deciding = deciders[task.id] ?? []
    var standing: [Int] = []
    for (index, entry) in entries.enumerated() where entry.rank <= last {
      if entry.word.statesStanding {
        if scratch.latestStanding[entry.place] < 0 { standing.append(entry.place) }
        scratch.latestStanding[entry.place] = index
        scratch.runs[entry.place] = DoneRun(after: scratch.runs[entry.place], entry.word)
      }
    }
    defer {
      for place in standing {
        scratch.latestStanding[place] = -1
        scratch.runs[place] = nil
      }
    }
    // Read through the scratch itself: a copy of its array held on would
    // make emptying it copy the array.
    let decidingUpdates = deciding.map { place in
      scratch.latestStanding[place] < 0 ? nil : entries[scratch.latestStanding[place]].word
    }
    let doneCount = decidingUpdates.filter { $0?.status == .done }.count
    let standingUpdates = standing.compactMap { place in
      scratch.latestStanding[place] < 0 ? nil : entries[scratch.latestStanding[place]].word
    }
    let anyWork = standingUpdates.contains {
      $0.status == .inProgress || $0.status == .done || ($0.progress ?? 0) > 0
    }
    let anyStatus = standingUpdates.contains { $0.status != nil }
    let status: TaskStatus?
    if !deciding.isEmpty, doneCount == deciding.count {
      status = .done
    } else if anyWork {
      status = .inProgress
    } else if anyStatus {
      status = .notStarted
    } else {
      status = nil
    }
    var progress: Int?
    var progressFrom = 0
    if status == .done {
      progress = 100
      progressFrom = deciding.count
    } else {
      let values = decidingUpdates.compactMap { update -> Int? in
        guard let update else { return nil }
        if update.status == .done { return 100 }
        // "Chưa thực hiện" without a figure is 0 %, not "no report".
        if update.status == .notStarted { return update.progress ?? 0 }
        return update.progress
      }
      if !values.isEmpty {
        progress = Int((Double(values.reduce(0, +)) / Double(values.count)).rounded())
        progressFrom = values.count
      }
    }
    var doneOn: Day?
    if status == .done {
      doneOn = deciding.compactMap { scratch.runs[$0]?.day }.max()
    }
    return TaskState(
      status: status, progress: progress, doneOn: doneOn, asOf: latestEntry.word.date,
      source: .reports, deciding: deciding.count, decidingDone: doneCount,
      progressFrom: progressFrom)
  }

  /// The bodies that must report each period: those the schedule names,
  /// or every body holding an assignment (none without a schedule).
  ///
  /// Given the plan's duty index, which the site's model makes anyway:
  /// making another here was 1.3 % of a one-shot build with reports, on
  /// the longest of the model's two halves.
  public static func expectedReporters(_ plan: Plan, duties: DutyIndex) -> [Reporter] {
    guard let schedule = plan.schedule else { return [] }
    if let named = schedule.reporters {
      var agencies = Set<AgencyID>()
      var communes = Set<CommuneID>()
      for assignee in named {
        switch assignee {
        case .agency(let id): agencies.insert(id)
        case .commune(let id): communes.insert(id)
        case .collective(let collective):
          if collective.includesAgencies {
            agencies.formUnion(plan.agencies.map(\.id))
          } else {
            communes.formUnion(plan.communes.filter { collective.includes($0.kind) }.map(\.id))
          }
        }
      }
      return plan.agencies.filter { agencies.contains($0.id) }.map { .agency($0.id) }
        + plan.communes.filter { communes.contains($0.id) }.map { .commune($0.id) }
    }
    return plan.agencies.filter { !duties.duties(of: $0.id).isEmpty }.map { .agency($0.id) }
      + plan.communes.filter { duties.hasDuties($0) }.map { .commune($0.id) }
  }

  /// Whether `reporter` sent its report for `period`, judged on `today`.
  public func submission(_ period: ReportingPeriod, _ reporter: Reporter, today: Day) -> Submission
  {
    if let report = report(period.id, reporter) {
      return report.date > period.due ? .late(report.date) : .onTime(report.date)
    }
    return today > period.due ? .missing : .notDue
  }
}
