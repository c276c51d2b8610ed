import PlanModel
import SiteCore

/// The validated plan with what many pages derive from it, computed once
/// per build: who holds which duties, the status each task shows on the
/// build date, and the row each task is listed as.
///
/// Only the functions that assemble page inputs read it; page views see
/// their input alone.
struct SiteModel: Sendable {
  let plan: Plan
  let duties: DutyIndex
  /// The build date statuses are judged on.
  let today: Day
  /// Each task as lists show it.
  let rows: [TaskID: Shared<TaskRow>]
  /// Each task with its digest, computed once for all the pages and data
  /// files that show it.
  let tasks: [TaskID: Shared<PlanTask>]

  init(plan: Plan, today: Day) {
    self.plan = plan
    self.today = today
    duties = DutyIndex(plan: plan)
    var rows: [TaskID: Shared<TaskRow>] = [:]
    for task in plan.tasks { rows[task.id] = Shared(TaskRow(task, today: today)) }
    self.rows = rows
    let shared = Parallel.map(plan.tasks, chunk: 64) { Shared($0) }
    tasks = Dictionary(zip(plan.tasks.map(\.id), shared)) { first, _ in first }
  }

  /// A task with its digest.
  func shared(_ id: TaskID) -> Shared<PlanTask>? { tasks[id] }

  /// The row of a task (every task of the plan has one).
  func row(_ id: TaskID) -> Shared<TaskRow>? { rows[id] }

  /// A plain sentence naming the plan: `kế hoạch 22/KH-UBND`.
  var planName: String {
    "\(plan.document.documentType.lowercased()) \(plan.document.number)"
  }
}
