import SiteCore

/// The report checks' view of the tasks, and what the checks found from it,
/// kept for the next save that changes only tasks or reports (`watch`,
/// `serve`).
///
/// The checks (`ReportValidation`) are given the plan and the task drafts
/// as `forReportChecks` makes them, in every validation, full or patched:
/// each task without its title, its body and the text of its assignments,
/// none of which a report line can contradict. What the checks can read of
/// a task is therefore exactly what is kept here, and a patched validation
/// whose tasks look the same to the checks has the same result without
/// running them again (at 10,000 tasks with reports, most of the 0.6 s a
/// save took).
/// A check that began to read a blanked field would find it blank in every
/// build, clean too (a wrong message the tests show), never a stale one.
///
/// Titles are the one exception: a report line naming an unknown task is
/// offered the closest tasks by title. That finding is an error, and a
/// validation with errors is never kept, so no kept result read a title.
struct ReportChecks: Sendable {
  /// The tasks as the checks read them.
  let tasks: [PlanTask]
  /// The task drafts as the checks read them.
  let taskDrafts: [PlanDraft.TaskDraft]
  let schedule: ReportingSchedule?
  let reports: [Report]
  /// What checking each report draft on its own found, by its place in the
  /// draft: a later save that changes a few reports and no task the checks
  /// read has only those checked again (and the checks across reports).
  let checkedReports: [ReportValidation.CheckedReport]
  /// What the checks across reports found in each body's reports, taken
  /// by a later validation for a body whose reports are the same.
  let bodyRuns: [Reporter: ReportValidation.BodyRuns]
  /// Warnings only: checks that found an error are not kept.
  let diagnostics: [Diagnostic]

  /// What a later draft, differing only in some tasks, asks of the checks.
  enum Patch {
    /// Those tasks look the same to the checks: this is their result.
    case same(ReportChecks)
    /// They do not: the tasks and drafts as the checks now see them.
    case seen(tasks: [PlanTask], taskDrafts: [PlanDraft.TaskDraft])
  }

  /// These checks for a draft that differs only in some tasks.
  ///
  /// `changed` gives those tasks' places in the draft and in the plan, and
  /// `base` is the new plan without reports; nil if the places do not fit.
  /// The rest of the draft (schedule, registries, and reports other than
  /// those the caller says changed) must be the one the checks were made
  /// for: a patched validation follows a patched load, which changed task
  /// and report files only and says which.
  func patched(_ base: Plan, _ draft: PlanDraft, changed: [(draft: Int, plan: Int)]) -> Patch? {
    guard tasks.count == base.tasks.count, taskDrafts.count == draft.tasks.count else {
      return nil
    }
    var views: [(draft: Int, plan: Int, task: PlanTask, taskDraft: PlanDraft.TaskDraft)] = []
    for (inDraft, inPlan) in changed {
      guard taskDrafts.indices.contains(inDraft), tasks.indices.contains(inPlan) else { return nil }
      views.append(
        (inDraft, inPlan, base.tasks[inPlan].forReportChecks, draft.tasks[inDraft].forReportChecks))
    }
    // Compared before anything is copied: the lists hold every task.
    if views.allSatisfy({
      self.tasks[$0.plan] == $0.task && self.taskDrafts[$0.draft] == $0.taskDraft
    }) {
      return .same(self)
    }
    var tasks = tasks
    var taskDrafts = taskDrafts
    for view in views {
      tasks[view.plan] = view.task
      taskDrafts[view.draft] = view.taskDraft
    }
    return .seen(tasks: tasks, taskDrafts: taskDrafts)
  }
}

extension Plan {
  /// The plan with the schedule and reports `checks` found.
  func with(_ checks: ReportChecks) -> Plan {
    var plan = self
    plan.schedule = checks.schedule
    plan.reports = checks.reports
    return plan
  }

  /// The plan as the report checks see it (see `ReportChecks`).
  var forReportChecks: Plan { forReportChecks(tasks.map(\.forReportChecks)) }

  /// The plan with `tasks`, its tasks as the report checks see them.
  func forReportChecks(_ tasks: [PlanTask]) -> Plan {
    Plan(
      site: site, document: document, sections: sections, groups: groups,
      tasks: tasks, agencies: agencies, communes: communes,
      indicators: indicators, schedule: schedule, reports: reports)
  }
}

extension PlanTask {
  /// The task without the words a report cannot contradict.
  var forReportChecks: PlanTask {
    var task = self
    task.title = ""
    task.body = .empty
    task.assignments = assignments.map {
      var assignment = $0
      assignment.text = .empty
      assignment.label = nil
      return assignment
    }
    return task
  }
}

extension PlanDraft.TaskDraft {
  /// The draft as the report checks see it: what the file itself says of
  /// the task's status (its assignments are read resolved, in the plan).
  var forReportChecks: PlanDraft.TaskDraft {
    var draft = self
    draft.title = ""
    draft.body = .empty
    draft.assignments = []
    return draft
  }
}
