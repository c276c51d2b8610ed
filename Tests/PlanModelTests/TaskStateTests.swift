import PlanModel
import SiteCore
import Testing

/// Where a task stands after its reports (`ReportIndex.state`): a body
/// that supports may show work begun, only the bodies that lead or carry
/// out the task decide that it is done, and each period's state reads the
/// reports up to that period.
@Suite struct TaskStateTests {
  static func day(_ iso: String) throws -> Day { try #require(Day(iso: iso)) }

  func index() throws -> (ReportIndex, Plan) {
    var draft = Drafts.draft(tasks: [
      ("1.1", [(["so-a"], .lead), (["so-b"], .support)]),
      ("1.2", [(["all-xa"], .implement)]),
      ("1.3", [(["so-a"], .lead)]),
    ])
    let periods = try [("p1", "2025-01-01", "2025-06-30"), ("p2", "2025-07-01", "2025-12-31")]
      .map { id, start, end in
        PlanDraft.PeriodDraft(
          period: ReportingPeriod(
            id: PeriodID(id), name: id, start: try Self.day(start), end: try Self.day(end),
            due: try Self.day(end), source: Drafts.ref("reports/schedule.yaml")),
          idLocation: SourceLocation(file: "Content/reports/schedule.yaml"),
          endLocation: SourceLocation(file: "Content/reports/schedule.yaml"),
          dueLocation: SourceLocation(file: "Content/reports/schedule.yaml"))
      }
    draft.schedule = PlanDraft.ScheduleDraft(
      periods: periods, reporterRefs: nil, compilerRef: nil,
      source: Drafts.ref("reports/schedule.yaml"))
    func report(
      _ period: String, _ reporter: String, _ date: String,
      _ updates: [(task: String, status: TaskStatus?, progress: Int?, doneOn: String?)]
    ) throws -> PlanDraft.ReportDraft {
      let path = "reports/\(period)/\(reporter).yaml"
      let at = SourceLocation(file: "Content/" + path)
      return PlanDraft.ReportDraft(
        periodRef: Drafts.located(period), reporterRef: Drafts.located(reporter),
        date: Located(try Self.day(date), at: at),
        isDraft: false, document: nil, sourceURL: nil, summary: .empty,
        tasks: try updates.map { update in
          PlanDraft.TaskUpdateDraft(
            task: Drafts.located(update.task),
            status: update.status.map { Located($0, at: at) },
            progress: update.progress.map {
              Located($0, at: at)
            },
            doneOn: try update.doneOn.map {
              Located(try Self.day($0), at: at)
            },
            text: RichText(markdown: "Đã làm.", html: "<p>Đã làm.</p>\n"), source: Drafts.ref(path))
        }, indicators: [], source: Drafts.ref(path))
    }
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
}
