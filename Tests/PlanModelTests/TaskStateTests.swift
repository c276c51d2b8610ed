import PlanModel
import SiteCore
import Testing

/// Where a task stands after its reports (`ReportIndex.state`): a body
/// that supports may show work begun, only the bodies that lead or carry
/// out the task decide that it is done, and each period's state reads the
/// reports up to that period.
@Suite struct TaskStateTests {
  static func day(_ iso: String) throws -> Day { try Drafts.day(iso) }

  func index() throws -> (ReportIndex, Plan) {
    var draft = Drafts.draft(tasks: [
      ("1.1", [(["so-a"], .lead), (["so-b"], .support)]),
      ("1.2", [(["all-xa"], .implement)]),
      ("1.3", [(["so-a"], .lead)]),
    ])
    draft.schedule = try Drafts.schedule([
      ("p1", "2025-01-01", "2025-06-30"), ("p2", "2025-07-01", "2025-12-31"),
    ])
    let report = Drafts.report
    draft.reports = [
      try report("p1", "so-b", "2025-06-28", [("1.1", .inProgress, 30, nil)]),
      try report("p1", "xa-1", "2025-06-29", [("1.2", .done, nil, "2025-06-20")]),
      try report("p2", "xa-2", "2025-12-30", [("1.2", .done, nil, nil)]),
      try report("p1", "so-a", "2025-06-29", [("1.3", .done, nil, nil)]),
      try report("p2", "so-a", "2025-12-31", [("1.1", nil, nil, nil), ("1.3", .done, nil, nil)]),
    ]
    let result = PlanValidator(today: try Self.day("2026-01-15")).validate(draft)
    #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
    let plan = try #require(result.plan)
    return (ReportIndex(plan: plan), plan)
  }

  @Test func aSupportingBodyShowsWorkBegunButDoesNotDecide() throws {
    let (index, plan) = try index()
    let task = try #require(plan.task(TaskID("1.1")))
    let state = index.state(of: task)
    #expect(state.status == .inProgress)
    #expect(state.progress == nil)  // the lead said nothing of its progress
    #expect(state.deciding == 1)
    #expect(state.decidingDone == 0)
    #expect(state.asOf == (try Self.day("2025-12-31")))  // a text-only entry dates the state
    #expect(index.state(of: task, through: PeriodID("p1")).asOf == (try Self.day("2025-06-28")))
  }

  @Test func aTaskIsDoneWhenEveryDecidingBodySaysSo() throws {
    let (index, plan) = try index()
    let task = try #require(plan.task(TaskID("1.2")))
    let state = index.state(of: task)
    #expect(state.status == .done)
    #expect(state.progress == 100)
    #expect(state.deciding == 2)
    #expect(state.decidingDone == 2)
    // The later of xa-1's stated day and xa-2's report date.
    #expect(state.doneOn == (try Self.day("2025-12-30")))
    let first = index.state(of: task, through: PeriodID("p1"))
    #expect(first.status == .inProgress)
    #expect(first.decidingDone == 1)
    #expect(first.doneOn == nil)
  }

  /// "Done" repeated in a later report (a status filled down in a form)
  /// keeps the day of the first report that said it: the body had done
  /// it by then.
  @Test func aRepeatedDoneKeepsTheFirstDay() throws {
    let (index, plan) = try index()
    let task = try #require(plan.task(TaskID("1.3")))
    #expect(index.state(of: task).doneOn == (try Self.day("2025-06-29")))
    #expect(index.doneDay(.agency(AgencyID("so-a")), on: task.id) == (try Self.day("2025-06-29")))
    #expect(index.doneDay(.agency(AgencyID("so-a")), on: TaskID("1.1")) == nil)
  }

  /// The states of a task after several periods at once (one working
  /// space, emptied after each) are its states after each period asked
  /// alone, in any order of the periods, an unknown one included.
  @Test func statesAfterSeveralPeriodsAreEachPeriodsState() throws {
    let (index, plan) = try index()
    let orders: [[PeriodID]] = [
      [PeriodID("p1"), PeriodID("p2")], [PeriodID("p2"), PeriodID("p1"), PeriodID("p2")],
      [PeriodID("p1"), PeriodID("nowhere"), PeriodID("p1")], [],
    ]
    var differ = 0
    for task in plan.tasks {
      for periods in orders {
        let alone = periods.map { index.state(of: task, through: $0) }
        #expect(index.states(of: task, through: periods) == alone, "\(task.id) \(periods)")
        if Set(alone.map(\.status)).count > 1 { differ += 1 }
      }
    }
    // Some task changes between the periods, so a state left over from
    // one period would show.
    #expect(differ > 0)
  }

  /// An index of some tasks (a focused model's, for the pages of the tasks
  /// an editor just saved) says of them what the whole index says, and
  /// nothing of the others.
  @Test func anIndexOfSomeTasksAgreesWithTheWholeIndexOnThem() throws {
    let (whole, plan) = try index()
    let bodies: [Reporter] =
      plan.agencies.map { .agency($0.id) } + plan.communes.map { .commune($0.id) }
    for task in plan.tasks {
      let some = ReportIndex(plan: plan, tasks: [task.id])
      #expect(some.state(of: task) == whole.state(of: task))
      #expect(
        some.state(of: task, through: PeriodID("p1"))
          == whole.state(of: task, through: PeriodID("p1")))
      #expect(some.timeline(task.id).map(\.report.key) == whole.timeline(task.id).map(\.report.key))
      #expect(
        some.timeline(task.id).map(\.update.source) == whole.timeline(task.id).map(\.update.source))
      #expect(!some.timeline(task.id).isEmpty)
      for body in bodies {
        #expect(
          some.latest(body, on: task.id)?.report.key == whole.latest(body, on: task.id)?.report.key)
        #expect(some.doneDay(body, on: task.id) == whole.doneDay(body, on: task.id))
        #expect(some.reports(of: body).map(\.key) == whole.reports(of: body).map(\.key))
      }
      for other in plan.tasks where other.id != task.id {
        #expect(some.timeline(other.id).isEmpty)
      }
    }
  }
}
