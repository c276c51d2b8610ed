import PlanModel
import SiteCore
import Testing

/// What a body's reports say of its done tasks, checked across them.
///
/// A done date given again and different, and a done date before an
/// earlier report that still said the task was not done. Each body's
/// reports are read on their own (on all cores); the warnings come in the
/// order of the reports (by period, then date) and of their lines.
@Suite struct DoneRunTests {
  @Test func doneDateWarningsComeInReportOrderAcrossBodies() throws {
    var draft = Drafts.draft(tasks: [
      ("1.1", [(["so-a", "so-b"], .lead)]),
      ("1.2", [(["so-a", "so-b"], .lead)]),
    ])
    draft.schedule = try Drafts.schedule([
      ("p1", "2025-01-01", "2025-06-30"), ("p2", "2025-07-01", "2025-12-31"),
    ])
    draft.reports = [
      try Drafts.report(
        "p2", "so-a", "2025-12-30",
        [("1.1", .done, 100, "2025-11-01"), ("1.2", .done, 100, "2025-05-01")]),
      try Drafts.report("p2", "so-b", "2025-12-29", [("1.2", .done, 100, "2025-03-01")]),
      try Drafts.report(
        "p1", "so-a", "2025-06-28",
        [("1.1", .done, 100, "2025-06-10"), ("1.2", .inProgress, 50, nil)]
      ),
      try Drafts.report("p1", "so-b", "2025-06-29", [("1.2", .inProgress, 20, nil)]),
    ]
    let result = PlanValidator(today: try Drafts.day("2026-01-15")).validate(draft)
    #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
    let found = result.diagnostics.filter {
      $0.message.vi.contains("đã được báo cáo hoàn thành ngày")
        || $0.message.vi.contains("trước báo cáo ngày")
    }
    .map { "\($0.location.file):\($0.location.line ?? 0) \($0.message.en)" }
    #expect(
      found == [
        "Content/reports/p2/so-b.yaml:1 the done date 2025-03-01 is before the same reporter's "
          + "report of 2025-06-29, which still said 'Đang thực hiện'",
        "Content/reports/p2/so-a.yaml:1 task '1.1' was reported done on 2025-06-10, and now on "
          + "2025-11-01",
        "Content/reports/p2/so-a.yaml:2 the done date 2025-05-01 is before the same reporter's "
          + "report of 2025-06-28, which still said 'Đang thực hiện'",
      ])
  }
}
