import SiteCore

/// Checks one task against the registries and groups, on its own.
///
/// Everything the check reads besides the task's draft is in `Context`, so
/// a task checked again (a patched validation, see `EarlierValidation`)
/// gives what the whole validation would.
struct TaskChecker: Sendable {
  /// How many years after the plan a deadline is taken for a mistyped year.
  /// (Plans look as far as "tầm nhìn đến năm 2050".)
  static let farYears = 30

  /// What a task's check reads besides its draft.
  struct Context: Sendable {
    var groups: [PlanDraft.GroupDraft]
    /// Folders of groups dropped for a bad or repeated id: their tasks are
    /// not reported again as having no group.
    var rejectedFolders: Set<String>
    var indicators: [Indicator]
    var agencies: [Agency]
    var communes: [Commune]
    var incomplete: Set<PlanDraft.Registry>
    /// The day the plan was issued, when its file says.
    var issued: Day?
  }

  private let incomplete: Set<PlanDraft.Registry>
  private let rejectedFolders: Set<String>
  private let groupsByID: [String: PlanDraft.GroupDraft]
  private let groupsByFolder: [String: PlanDraft.GroupDraft]
  private let groupCandidates: [Suggestion.Candidate]
  private let indicatorIDs: Set<IndicatorID>
  private let indicatorCandidates: [Suggestion.Candidate]
  private let resolver: AssigneeResolver
  private let issued: Day?

  init(_ context: Context) {
    incomplete = context.incomplete
    issued = context.issued
    rejectedFolders = context.rejectedFolders
    let groups = context.groups
    groupsByID = Dictionary(groups.map { ($0.group.id.rawValue, $0) }) { a, _ in a }
    groupsByFolder = Dictionary(groups.map { ($0.folder, $0) }) { a, _ in a }
    groupCandidates = groups.map {
      Suggestion.Candidate(id: $0.group.id.rawValue, name: $0.group.title)
    }
    indicatorIDs = Set(context.indicators.map(\.id))
    indicatorCandidates = context.indicators.map {
      Suggestion.Candidate(id: $0.id.rawValue, name: $0.name)
    }
    resolver = AssigneeResolver(
      agencies: context.agencies, communes: context.communes,
      checkAgencies: !context.incomplete.contains(.agencies),
      checkCommunes: !context.incomplete.contains(.communes))
  }

  /// The task (nil when it has no group), with its own problems reported to `report`.
  func check(_ draft: PlanDraft.TaskDraft, _ report: DiagnosticCollector) -> PlanTask? {
    let group: GroupID?
    if let ref = draft.groupRef {
      if let found = groupsByID[ref.value] {
        group = found.group.id
      } else {
        if !incomplete.contains(.groups) {
          report.report(unknownReference(.group, ref, among: groupCandidates))
        }
        group = nil
      }
    } else if let found = groupsByFolder[draft.folder] {
      group = found.group.id
    } else if incomplete.contains(.groups) || rejectedFolders.contains(draft.folder) {
      group = nil
    } else {
      let folder = draft.folder.isEmpty ? "tasks/" : "tasks/\(draft.folder)/"
      report.error(
        vi: "nhiệm vụ '\(draft.id.value)' không thuộc nhóm nhiệm vụ nào",
        en: "task '\(draft.id.value)' is not in a task group", at: draft.source.location,
        notes: [
          Diagnostic.Note(
            vi: "thêm tệp '_group.md' (có 'id' và 'title') vào \(folder), hoặc chuyển nhiệm vụ "
              + "vào thư mục của một nhóm, hoặc thêm dòng 'group: <mã nhóm>'",
            en: "add a '_group.md' file (with 'id' and 'title') to \(folder), "
              + "or move the task into a group folder, or add 'group: <group id>'")
        ])
      group = nil
    }

    var assignments: [Assignment] = []
    for assignmentDraft in draft.assignments {
      let assignees = resolver.resolve(assignmentDraft.to, report)
      assignments.append(
        Assignment(
          assignees: assignees, role: assignmentDraft.role, text: assignmentDraft.text,
          deadline: assignmentDraft.deadline?.value, source: assignmentDraft.source,
          label: assignmentDraft.label))
    }

    var taskIndicators: [IndicatorID] = []
    for ref in draft.indicatorRefs {
      let id = IndicatorID(ref.value)
      if indicatorIDs.contains(id) {
        taskIndicators.append(id)
      } else if !incomplete.contains(.indicators) {
        report.report(unknownReference(.indicator, ref, among: indicatorCandidates))
      }
    }

    checkStatusConsistency(draft, report)
    checkDeadlines(draft, report)
    guard let group else { return nil }
    return PlanTask(
      id: TaskID(draft.id.value), slug: Slug.make(from: draft.id.value), group: group,
      title: draft.title, body: draft.body, assignments: assignments,
      deadline: draft.deadline?.value, status: draft.status?.value,
      progress: draft.progress?.value,
      indicators: taskIndicators, source: draft.source)
  }

  private func checkStatusConsistency(_ draft: PlanDraft.TaskDraft, _ report: DiagnosticCollector) {
    guard let progress = draft.progress?.value, let status = draft.status,
      let mismatch = StatusProgressCheck.mismatch(
        status.value, progress, in: .task(id: draft.id.value))
    else { return }
    report.warning(mismatch.message, at: status.location, notes: [mismatch.note])
  }

  /// Warns about a deadline before the plan was issued or decades after
  /// (a year mistyped: 2016 or 2062 for 2026, which turn a task done late
  /// or on time), and about an assignment whose own deadline falls after
  /// its task's.
  private func checkDeadlines(_ draft: PlanDraft.TaskDraft, _ report: DiagnosticCollector) {
    if let issued {
      for deadline in [draft.deadline].compactMap(\.self) + draft.assignments.compactMap(\.deadline)
      {
        let day = deadline.value
        if day < issued {
          report.warning(
            vi: "thời hạn \(day.vietnamese) trước ngày ban hành kế hoạch (\(issued.vietnamese))",
            en: "the deadline \(day.iso) is before the plan was issued (\(issued.iso))",
            at: deadline.location,
            notes: [
              Diagnostic.Note(vi: "kiểm tra lại năm của thời hạn", en: "check the deadline's year")
            ])
        } else if day.year > issued.year + Self.farYears {
          report.warning(
            vi: "thời hạn \(day.vietnamese) hơn \(Self.farYears) năm sau ngày ban hành kế hoạch "
              + "(\(issued.vietnamese))",
            en: "the deadline \(day.iso) is more than \(Self.farYears) years after the plan was "
              + "issued (\(issued.iso))",
            at: deadline.location,
            notes: [
              Diagnostic.Note(vi: "kiểm tra lại năm của thời hạn", en: "check the deadline's year")
            ])
        }
      }
    }
    guard let taskDeadline = draft.deadline else { return }
    for assignment in draft.assignments {
      guard let own = assignment.deadline, own.value > taskDeadline.value else { continue }
      report.warning(
        vi: "thời hạn của dòng phân công (\(own.value.vietnamese)) muộn hơn thời hạn của "
          + "nhiệm vụ '\(draft.id.value)' (\(taskDeadline.value.vietnamese))",
        en: "the assignment's deadline (\(own.value.iso)) is after the deadline of task "
          + "'\(draft.id.value)' (\(taskDeadline.value.iso))",
        at: own.location,
        notes: [
          Diagnostic.Note(
            vi: "kiểm tra lại với văn bản: thời hạn của một dòng phân công thường không muộn "
              + "hơn thời hạn của cả nhiệm vụ",
            en: "check the plan's text: an assignment is usually due no later than its task"),
          Diagnostic.Note(
            vi: "thời hạn của nhiệm vụ ở đây", en: "the task's deadline is here",
            at: taskDeadline.location),
        ])
    }
  }
}
