import SiteCore
import Testing

@testable import PlanModel

/// A save that changes only tasks keeps the report checks' result when the
/// tasks look the same to them (`ReportChecks`), and the result is always
/// what a full validation finds.
@Suite struct ReportChecksTests {
  /// Two tasks, two periods; so-a says 1.2 is done without a date in p2
  /// (a warning once 1.2 has a deadline before that report), so-b reports
  /// on 1.2, which it holds with so-a.
  static func draft() throws -> PlanDraft {
    var draft = Drafts.draft(tasks: [
      ("1.1", [(["so-a"], .lead)]),
      ("1.2", [(["so-a"], .lead), (["so-b"], .support)]),
    ])
    draft.document?.issued = try Drafts.day("2025-01-10")
    draft.schedule = try Drafts.schedule([
      ("p1", "2025-01-01", "2025-06-30"), ("p2", "2025-07-01", "2025-12-31"),
    ])
    draft.reports = [
      try Drafts.report("p1", "so-a", "2025-06-28", [("1.1", .inProgress, 40, nil)]),
      try Drafts.report(
        "p2", "so-a", "2025-12-30", [("1.1", .inProgress, 60, nil), ("1.2", .done, 100, nil)]),
      try Drafts.report("p2", "so-b", "2025-12-29", [("1.2", .inProgress, 50, nil)]),
    ]
    return draft
  }

  /// Each edit of task 1.2's file, and whether the checks' view of the
  /// tasks stays the same (so their earlier result is taken).
  static let edits: [(String, Bool)] = [
    ("title", true), ("body", true), ("assignment text", true),
    ("deadline", false), ("assignment deadline", false), ("assignee", false),
    ("hand-written status", false),
  ]

  @Test(arguments: edits)
  func aPatchedValidationFindsWhatAFullOneFinds(edit: String, sameView: Bool) throws {
    let validator = PlanValidator(today: try Drafts.day("2026-01-15"))
    let before = try Self.draft()
    let first = validator.validate(before, keeping: true)
    #expect(!first.diagnostics.hasErrors, "\(first.diagnostics)")
    let earlier = try #require(first.earlier)
    let checks = try #require(earlier.reportChecks)

    var after = before
    var task = after.tasks[1]
    let text = RichText(markdown: "Sửa.", html: "<p>Sửa.</p>\n")
    switch edit {
    case "title": task.title = "Nhiệm vụ đã sửa tên"
    case "body": task.body = text
    case "assignment text": task.assignments[0].text = text
    case "deadline":
      task.deadline = Located(try Drafts.day("2025-09-30"), at: SourceLocation(file: "t.md"))
    case "assignment deadline":
      task.assignments[0].deadline = Located(
        try Drafts.day("2025-09-30"), at: SourceLocation(file: "t.md"))
    case "assignee": task.assignments[1].to = [Drafts.located("xa-1")]
    default:
      task.status = Located(.inProgress, at: SourceLocation(file: "t.md", line: 3))
      task.progress = Located(50, at: SourceLocation(file: "t.md", line: 4))
    }
    after.tasks[1] = task

    let full = validator.validate(after)
    let patchedOrNil = validator.validate(
      after, patching: earlier, changedTasks: [(1, before.tasks[1])])
    let patched = try #require(patchedOrNil, "\(full.diagnostics.map(\.message.en))")
    #expect(patched.diagnostics == full.diagnostics)
    #expect(patched.plan?.reports == full.plan?.reports)
    #expect(patched.plan?.schedule == full.plan?.schedule)
    #expect(patched.plan?.tasks == full.plan?.tasks)

    if let plan = full.plan {
      let patch = try #require(checks.patched(plan, after, changed: [(1, 1)]))
      if case .same = patch { #expect(sameView) } else { #expect(!sameView) }
    }
    // The edits that change what the checks see change what they find.
    switch edit {
    case "deadline", "assignment deadline":
      #expect(full.diagnostics.count == first.diagnostics.count + 1)
    case "assignee", "hand-written status": #expect(full.diagnostics.hasErrors)
    default: #expect(full.diagnostics == first.diagnostics)
    }
  }

  /// Each edit of so-a's p2 report (with an edit of task 1.2's title in
  /// the last case): a patched validation re-checks the changed report on
  /// its own and takes the others' findings, and so-b's across its
  /// reports; it finds what a full one does.
  @Test(arguments: [
    "text", "progress goes down", "done at 60%", "unknown task", "report and task",
  ])
  func aPatchedValidationOfAReportEditFindsWhatAFullOneFinds(edit: String) throws {
    let validator = PlanValidator(today: try Drafts.day("2026-01-15"))
    var before = try Self.draft()
    // so-b's progress on 1.2 goes down from p1 to p2: a finding across
    // reports in a body no edit touches (kept, `BodyRuns`).
    before.reports.append(
      try Drafts.report("p1", "so-b", "2025-06-27", [("1.2", .inProgress, 70, nil)]))
    let keptWarning = "the progress of task '1.2' goes down from 70% to 50%"
    let first = validator.validate(before, keeping: true)
    let earlier = try #require(first.earlier)
    var after = before
    var changedTasks: [(index: Int, before: PlanDraft.TaskDraft)] = []
    switch edit {
    case "text":
      after.reports[1].tasks[0].text = RichText(markdown: "Đã xong phần việc.", html: "<p>x</p>\n")
    case "progress goes down":
      after.reports[1] = try Drafts.report(
        "p2", "so-a", "2025-12-30", [("1.1", .inProgress, 30, nil), ("1.2", .done, 100, nil)])
    case "done at 60%":
      after.reports[1] = try Drafts.report(
        "p2", "so-a", "2025-12-30", [("1.1", .done, 60, nil), ("1.2", .done, 100, nil)])
    case "unknown task":
      after.reports[1] = try Drafts.report(
        "p2", "so-a", "2025-12-30", [("1.9", .inProgress, 60, nil), ("1.2", .done, 100, nil)])
    default:
      after.reports[1] = try Drafts.report(
        "p2", "so-a", "2025-12-30", [("1.1", .inProgress, 30, nil), ("1.2", .done, 100, nil)])
      after.tasks[1].title = "Nhiệm vụ đã sửa tên"
      changedTasks = [(1, before.tasks[1])]
    }
    let full = validator.validate(after)
    let patched = try #require(
      validator.validate(
        after, patching: earlier, changedTasks: changedTasks, changedReports: [1]))
    #expect(patched.diagnostics == full.diagnostics)
    #expect(patched.plan?.reports == full.plan?.reports)
    #expect(patched.plan?.tasks == full.plan?.tasks)
    #expect(first.diagnostics.contains { $0.message.en == keptWarning })
    #expect(patched.diagnostics.contains { $0.message.en == keptWarning } || edit == "unknown task")
    switch edit {
    case "text": #expect(full.diagnostics == first.diagnostics)
    case "unknown task": #expect(full.diagnostics.hasErrors)
    default: #expect(full.diagnostics.count > first.diagnostics.count, "\(edit)")
    }
    // Told that no report changed, the same validation takes the earlier
    // result: which reports changed is the caller's to say (the patched
    // load's).
    if edit == "progress goes down" {
      let again = try #require(first.earlier)
      let told = try #require(validator.validate(after, patching: again, changedTasks: []))
      #expect(told.diagnostics == first.diagnostics)
    }
  }
}
