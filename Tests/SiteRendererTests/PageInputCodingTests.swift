import PlanModel
import SiteCore
import Testing

@testable import SiteRenderer

/// The page inputs digested as lists of their fields (a task's history and
/// holders, a report's lines, a status) write every stored property: one
/// added to a type fails here until its `encode(to:)` writes it, and each
/// field written changes the digest.
@Suite struct PageInputCodingTests {
  static func shown(_ progress: Int?, on day: Day, from: Int = 1) -> ShownStatus {
    let state = TaskState(
      status: .inProgress, progress: progress, doneOn: nil, asOf: day, source: .reports,
      deciding: 1, decidingDone: 0, progressFrom: progress == nil ? 0 : from)
    return ShownStatus(state, deadline: day, today: day.next)
  }

  @Test func everyStoredPropertyIsDigested() throws {
    let day = try #require(Day(year: 2026, month: 6, day: 30))
    let shown = Self.shown(40, on: day)
    #expect(
      Mirror(reflecting: shown).children.map(\.label) == [
        "status", "progress", "partial", "asOf", "judgedOn",
      ])
    #expect(Digest.of(shown) != Digest.of(Self.shown(50, on: day)))
    #expect(Digest.of(shown) != Digest.of(Self.shown(40, on: day, from: 0)))
    #expect(Digest.of(shown) != Digest.of(Self.shown(nil, on: day)))

    let head = TaskPage.ReportHead(
      reporter: .agency(AgencyID("so-noi-vu")), reporterName: "Sở Nội vụ",
      period: PeriodID("2026-6t"), periodName: "6 tháng đầu năm 2026", date: day,
      document: "Báo cáo số 1/BC", isDraft: false)
    #expect(
      Mirror(reflecting: head).children.map(\.label) == [
        "reporter", "reporterName", "period", "periodName", "date", "document", "isDraft",
      ])
    let otherHead = TaskPage.ReportHead(
      reporter: head.reporter, reporterName: head.reporterName, period: head.period,
      periodName: head.periodName, date: day, document: nil, isDraft: false)
    #expect(Digest.of(head) != Digest.of(otherHead))
    let entry = TaskPage.TimelineEntry(
      head: Shared(head), status: .inProgress, progress: 40, doneOn: nil, text: .empty)
    #expect(
      Mirror(reflecting: entry).children.map(\.label) == [
        "head", "status", "progress", "doneOn", "text",
      ])
    // The head counts through its digest.
    let other = TaskPage.TimelineEntry(
      head: Shared(otherHead), status: .inProgress, progress: 40, doneOn: nil, text: .empty)
    #expect(Digest.of(entry) != Digest.of(other))
    let otherProgress = TaskPage.TimelineEntry(
      head: Shared(head), status: .inProgress, progress: 50, doneOn: nil, text: .empty)
    #expect(Digest.of(entry) != Digest.of(otherProgress))

    let body = Shared(TaskPage.BodyName(.commune(CommuneID("xa-a")), "Xã A"))
    #expect(Mirror(reflecting: body.value).children.map(\.label) == ["reporter", "name"])
    #expect(Digest.of(body.value) != Digest.of(TaskPage.BodyName(body.value.reporter, "Xã B")))
    let holder = TaskPage.HolderStatus(
      body: body, roles: RoleSet([.implement]), shown: shown, report: Shared(head))
    #expect(
      Mirror(reflecting: holder).children.map(\.label) == ["body", "roles", "shown", "report"])
    let variants = [
      TaskPage.HolderStatus(
        body: Shared(TaskPage.BodyName(body.value.reporter, "Xã B")), roles: holder.roles,
        shown: shown, report: holder.report),
      TaskPage.HolderStatus(
        body: body, roles: RoleSet([.implement, .lead]), shown: shown, report: holder.report),
      TaskPage.HolderStatus(
        body: body, roles: holder.roles, shown: Self.shown(50, on: day), report: holder.report),
      TaskPage.HolderStatus(body: body, roles: holder.roles, shown: shown, report: nil),
      TaskPage.HolderStatus(
        body: body, roles: holder.roles, shown: shown, report: Shared(otherHead)),
    ]
    for variant in variants { #expect(Digest.of(holder) != Digest.of(variant)) }

    let update = TaskUpdate(
      task: TaskID("1-3"), status: .done, progress: 100, doneOn: day, text: .empty,
      source: SourceRef(path: "reports/a.md", location: SourceLocation(file: "reports/a.md")))
    let line = ReportPage.Line(update: update, title: "Nhiệm vụ", passedDeadline: nil)
    #expect(
      Mirror(reflecting: line).children.map(\.label) == ["update", "title", "passedDeadline"])
    #expect(
      Digest.of(line)
        != Digest.of(ReportPage.Line(update: update, title: "Khác", passedDeadline: nil)))
    #expect(
      Digest.of(line)
        != Digest.of(ReportPage.Line(update: update, title: "Nhiệm vụ", passedDeadline: day)))
  }
}
