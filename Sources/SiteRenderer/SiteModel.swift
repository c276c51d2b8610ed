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
  let rows: [TaskID: TaskRow]

  init(plan: Plan, today: Day) {
    self.plan = plan
    self.today = today
    duties = DutyIndex(plan: plan)
    var rows: [TaskID: TaskRow] = [:]
    for task in plan.tasks { rows[task.id] = TaskRow(task, today: today) }
    self.rows = rows
  }

  /// The row of a task (every task of the plan has one).
  func row(_ id: TaskID) -> TaskRow? { rows[id] }

  /// A plain sentence naming the plan: `kế hoạch 22/KH-UBND`.
  var planName: String {
    "\(plan.document.documentType.lowercased()) \(plan.document.number)"
  }
}
