import SiteCore

/// A validation kept by a process that validates again (`watch`, `serve`),
/// for the next validation to patch when only a few tasks changed.
public struct EarlierValidation: Sendable {
  /// The settings it was made with (a patch must use the same).
  let today: Day?
  let includeDrafts: Bool
  /// How many tasks the draft had. (Not the drafts themselves: holding
  /// them would make the next patched load copy them all; it hands over
  /// the ones it replaced.)
  let taskCount: Int
  /// What checking a task read (registries, groups, indicators).
  let checker: TaskChecker
  /// The valid plan without its schedule and reports.
  let base: Plan
  /// Every problem found before the reports were checked (warnings only).
  let diagnosticsBeforeReports: [Diagnostic]
  /// What the report checks read and found.
  let reportChecks: ReportChecks?

  init(
    validator: PlanValidator, taskCount: Int, checker: TaskChecker, base: Plan,
    diagnosticsBeforeReports: [Diagnostic], reportChecks: ReportChecks?
  ) {
    self.reportChecks = reportChecks
    today = validator.today
    includeDrafts = validator.includeDrafts
    self.taskCount = taskCount
    self.checker = checker
    self.base = base
    self.diagnosticsBeforeReports = diagnosticsBeforeReports
  }
}

extension PlanValidator {
  /// Validates `draft`, which differs from the draft `earlier` validated
  /// only in the tasks at `changedTasks` (positions in `draft.tasks`, with
  /// the drafts they replaced) and the reports at `changedReports`
  /// (positions in `draft.reports`), by patching `earlier`.
  ///
  /// Returns nil unless each changed task keeps its id, folder and group,
  /// and is found valid on its own, without any warning, before and after;
  /// the caller then validates in full. Only the reports are checked again
  /// (they read the tasks), and only when the tasks look different to
  /// their checks or reports changed (`ReportChecks`: then, if no task
  /// looks different, only the changed reports are checked on their own
  /// again, and all across reports). The result is what a full
  /// validation gives: ids, groups and the order of tasks are unchanged,
  /// every other task's problems are the ones found before, and the
  /// changed tasks have none.
  public func validate(
    _ draft: PlanDraft, patching earlier: consuming EarlierValidation,
    changedTasks: [(index: Int, before: PlanDraft.TaskDraft)], changedReports: [Int] = []
  ) -> (plan: Plan?, diagnostics: [Diagnostic], earlier: EarlierValidation?)? {
    guard earlier.today == today, earlier.includeDrafts == includeDrafts,
      draft.tasks.count == earlier.taskCount
    else { return nil }
    let checker = earlier.checker
    var replaced: [(index: Int, task: PlanTask)] = []
    for (index, before) in changedTasks {
      guard draft.tasks.indices.contains(index) else { return nil }
      let after = draft.tasks[index]
      guard before.id.value == after.id.value, before.folder == after.folder,
        before.groupRef?.value == after.groupRef?.value
      else { return nil }
      let beforeReport = DiagnosticCollector()
      let afterReport = DiagnosticCollector()
      guard checker.check(before, beforeReport) != nil, beforeReport.diagnostics.isEmpty,
        let task = checker.check(after, afterReport), afterReport.diagnostics.isEmpty
      else { return nil }
      replaced.append((index, task))
    }
    let diagnosticsBeforeReports = earlier.diagnosticsBeforeReports
    let earlierChecks = earlier.reportChecks
    var base = (consume earlier).base
    var changed: [(draft: Int, plan: Int)] = []
    for (index, task) in replaced {
      guard let place = base.replace(task) else { return nil }
      changed.append((index, place))
    }
    let (plan, reportDiagnostics, checks) = withReports(
      base, draft, patching: earlierChecks.map { ($0, changed, changedReports) })
    let diagnostics = diagnosticsBeforeReports + reportDiagnostics
    guard let plan, !diagnostics.hasErrors else { return (nil, diagnostics, nil) }
    return (
      plan, diagnostics,
      EarlierValidation(
        validator: self, taskCount: draft.tasks.count, checker: checker, base: base,
        diagnosticsBeforeReports: diagnosticsBeforeReports, reportChecks: checks)
    )
  }
}
