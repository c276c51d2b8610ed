import PlanModel
import SiteCore
import Testing

/// Builds small drafts for model tests.
enum Drafts {
  static func ref(_ path: String, line: Int = 1) -> SourceRef {
    SourceRef(path: path, location: SourceLocation(file: "Content/" + path, line: line))
  }

  static func located(_ text: String, line: Int = 1) -> Located<String> {
    Located(text, at: SourceLocation(file: "Content/tasks/g/t.md", line: line, column: 1))
  }

  static func draft(tasks: [(id: String, assignments: [([String], Assignment.Role)])]) -> PlanDraft
  {
    var draft = PlanDraft()
    draft.site = SiteSettings(title: "Thử")
    draft.document = PlanDocument(
      number: "1/KH", title: "Thử", documentType: "Kế hoạch", issued: .unixEpoch, effective: nil,
      issuer: "UBND", signer: "A", signerTitle: nil, field: nil, place: nil, preamble: .empty,
      sourceURL: nil, source: ref("plan.md"))
    draft.agencies = ["so-a", "so-b"].map {
      PlanDraft.Entry(
        Agency(id: AgencyID($0), name: $0, kind: .so, source: ref("agencies.yaml")),
        idLocation: SourceLocation(file: "Content/agencies.yaml"))
    }
    draft.communes = [("xa-1", Commune.Kind.xa), ("xa-2", .xa), ("phuong-1", .phuong)].map {
      PlanDraft.Entry(
        Commune(id: CommuneID($0.0), name: $0.0, kind: $0.1, source: ref("communes.yaml")),
        idLocation: SourceLocation(file: "Content/communes.yaml"))
    }
    draft.groups = [
      PlanDraft.GroupDraft(
        group: TaskGroup(
          id: GroupID("1"), slug: "1", title: "Nhóm", intro: .empty, tasks: [],
          source: ref("tasks/g/_group.md")),
        idLocation: SourceLocation(file: "Content/tasks/g/_group.md"), folder: "g")
    ]
    draft.tasks = tasks.map { task in
      PlanDraft.TaskDraft(
        id: located(task.id), folder: "g", groupRef: nil, title: "Nhiệm vụ \(task.id)",
        body: .empty,
        assignments: task.assignments.map { to, role in
          PlanDraft.AssignmentDraft(
            to: to.map { located($0) }, role: role, text: .empty, deadline: nil,
            source: ref("tasks/g/\(task.id).md"))
        },
        deadline: nil, status: nil, progress: nil, indicatorRefs: [],
        source: ref("tasks/g/\(task.id).md"))
    }
    return draft
  }

  static func day(_ iso: String) throws -> Day { try #require(Day(iso: iso)) }

  /// A schedule of `periods` (id, start, end; due on the end).
  static func schedule(_ periods: [(String, String, String)]) throws -> PlanDraft.ScheduleDraft {
    let at = SourceLocation(file: "Content/reports/schedule.yaml")
    return PlanDraft.ScheduleDraft(
      periods: try periods.map { id, start, end in
        PlanDraft.PeriodDraft(
          period: ReportingPeriod(
            id: PeriodID(id), name: id, start: try day(start), end: try day(end),
            due: try day(end), source: ref("reports/schedule.yaml")),
          idLocation: at, endLocation: at, dueLocation: at)
      }, reporterRefs: nil, compilerRef: nil, source: ref("reports/schedule.yaml"))
  }

  /// A report of `reporter` for `period`, with its entries on lines 1, 2 and on.
  static func report(
    _ period: String, _ reporter: String, _ date: String,
    _ updates: [(task: String, status: TaskStatus?, progress: Int?, doneOn: String?)]
  ) throws -> PlanDraft.ReportDraft {
    let path = "reports/\(period)/\(reporter).yaml"
    return PlanDraft.ReportDraft(
      periodRef: located(period), reporterRef: located(reporter),
      date: Located(try day(date), at: SourceLocation(file: "Content/" + path)),
      isDraft: false, document: nil, sourceURL: nil, summary: .empty,
      tasks: try updates.enumerated().map { line, update in
        let at = SourceLocation(file: "Content/" + path, line: line + 1)
        return PlanDraft.TaskUpdateDraft(
          task: Located(update.task, at: at), status: update.status.map { Located($0, at: at) },
          progress: update.progress.map { Located($0, at: at) },
          doneOn: try update.doneOn.map { Located(try day($0), at: at) },
          text: RichText(markdown: "Đã làm.", html: "<p>Đã làm.</p>\n"),
          source: ref(path, line: line + 1))
      }, indicators: [], source: ref(path))
  }
}
