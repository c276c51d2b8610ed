import SiteCore

/// Cross-checks a `PlanDraft` and builds the `Plan`: unique ids, ids safe as
/// folder names, every reference resolved, every task assigned.
///
/// It reports every problem it finds in one pass; a plan is returned only
/// when there is no error (warnings are allowed through).
public struct PlanValidator: Sendable {
  /// The build date: a report dated later is an error (no check when nil).
  public var today: Day?
  /// Whether draft reports are part of the plan (`serve`, `build --drafts`).
  public var includeDrafts: Bool

  public init(today: Day? = nil, includeDrafts: Bool = false) {
    self.today = today
    self.includeDrafts = includeDrafts
  }

  public func validate(_ draft: PlanDraft) -> (plan: Plan?, diagnostics: [Diagnostic]) {
    let validated = validate(draft, keeping: false)
    return (validated.plan, validated.diagnostics)
  }

  /// Validates, and with `keeping` also returns what a later validation of
  /// a patched draft can start from (when the plan is valid).
  public func validate(_ draft: PlanDraft, keeping: Bool) -> (
    plan: Plan?, diagnostics: [Diagnostic], earlier: EarlierValidation?
  ) {
    let report = DiagnosticCollector()
    let agencies = uniqueEntries(draft.agencies, kind: .agency, id: { $0.id.rawValue }, report)
    let communes = uniqueEntries(draft.communes, kind: .commune, id: { $0.id.rawValue }, report)
    checkRegistryClashes(agencies: draft.agencies, communes: draft.communes, report)
    // Sections and groups come in the order of their file and folder
    // names, read as people number them: `10-phu-luc.md` after `2-…`.
    let sections = uniqueEntries(
      draft.sections.sorted { NaturalOrder.less($0.idLocation.file, $1.idLocation.file) },
      kind: .section, id: { $0.id.rawValue }, planNumber: true, report)

    let groupEntries = draft.groups.sorted { NaturalOrder.less($0.folder, $1.folder) }.map {
      PlanDraft.Entry($0, idLocation: $0.idLocation)
    }
    let groups = uniqueEntries(
      groupEntries, kind: .group, id: { $0.group.id.rawValue }, planNumber: true, report)
    checkSlugCollisions(
      groups.map { ($0.group.slug, $0.group.id.rawValue, $0.idLocation) }, kind: .group,
      folder: "nhom", report)

    var indicators: [Indicator] = []
    let agencyIDs = Set(agencies.map(\.id))
    let agencyCandidates = agencies.map {
      Suggestion.Candidate(id: $0.id.rawValue, name: $0.name)
    }
    let indicatorEntries = draft.indicators.map {
      PlanDraft.Entry($0, idLocation: $0.idLocation)
    }
    for entry in uniqueEntries(
      indicatorEntries, kind: .indicator, id: { $0.indicator.id.rawValue }, report)
    {
      var indicator = entry.indicator
      if let ref = entry.ownerRef {
        let id = AgencyID(ref.value)
        if agencyIDs.contains(id) {
          indicator.owner = id
        } else if !draft.incomplete.contains(.agencies) {
          report.report(unknownReference(.agency, ref, among: agencyCandidates))
        }
      }
      if let issued = draft.document?.issued {
        checkFarYears(indicator, issued: issued, at: entry.idLocation, report)
      }
      indicators.append(indicator)
    }

    // A group dropped for a bad or repeated id is reported once; its tasks
    // are not reported again as having no group.
    let rejectedFolders = Set(draft.groups.map(\.folder)).subtracting(groups.map(\.folder))
    let checker = TaskChecker(
      TaskChecker.Context(
        groups: groups, rejectedFolders: rejectedFolders, indicators: indicators,
        agencies: agencies, communes: communes, incomplete: draft.incomplete,
        issued: draft.document?.issued))
    let tasks = validateTasks(draft.tasks, checker, report)

    // Reports are checked against what validated so far, even when other
    // files have errors, so an editor sees every problem in one run.
    guard let site = draft.site, let document = draft.document else {
      return (nil, report.diagnostics, nil)
    }
    var orderedTasks: [PlanTask] = []
    var finalGroups: [TaskGroup] = []
    var byGroup: [GroupID: [PlanTask]] = [:]
    for task in tasks { byGroup[task.group, default: []].append(task) }
    let sortedMembers = Parallel.map(groups) { group in
      (byGroup[group.group.id] ?? []).sorted { $0.id < $1.id }
    }
    for (draftGroup, members) in zip(groups, sortedMembers) {
      var group = draftGroup.group
      group.tasks = members.map(\.id)
      orderedTasks += members
      finalGroups.append(group)
    }
    let base = Plan(
      site: site, document: document, sections: sections, groups: finalGroups,
      tasks: orderedTasks, agencies: agencies, communes: communes, indicators: indicators)
    let beforeReports = report.diagnostics
    let (plan, reportDiagnostics, checks) = withReports(base, draft)
    let diagnostics = beforeReports + reportDiagnostics
    guard let plan, !diagnostics.hasErrors else { return (nil, diagnostics, nil) }
    let earlier =
      keeping
      ? EarlierValidation(
        validator: self, taskCount: draft.tasks.count, checker: checker, base: base,
        diagnosticsBeforeReports: beforeReports, reportChecks: checks) : nil
    return (plan, diagnostics, earlier)
  }

  /// The plan with its reporting schedule and reports, checked against
  /// `base` (the plan without them), or nil when they have errors; and
  /// what the checks found, for a later validation that differs only in
  /// tasks or reports (see `ReportChecks`).
  ///
  /// With `earlier`, the checks of a draft that differed from `draft` only
  /// in the tasks at `changed` (places in the draft and in the plan) and
  /// the reports at `changedReports` (places in `draft.reports`). When
  /// those tasks look the same to the checks, their result is taken if no
  /// report changed, else each unchanged report's own findings are, and
  /// what the checks across reports found in each body whose reports are
  /// the same.
  func withReports(
    _ base: Plan, _ draft: PlanDraft,
    patching earlier: (
      checks: ReportChecks, changed: [(draft: Int, plan: Int)], changedReports: [Int]
    )? = nil
  ) -> (plan: Plan?, diagnostics: [Diagnostic], checks: ReportChecks?) {
    // No schedule and no report: nothing to check, and no need to make
    // the view of 10,000 tasks every build of a plan that has none.
    if draft.schedule == nil, draft.reports.isEmpty { return (base, [], nil) }
    var draft = draft
    // The tasks as the checks saw them before, when still the same.
    let view: (tasks: [PlanTask], taskDrafts: [PlanDraft.TaskDraft])?
    var reusing: (checks: ReportChecks, changedReports: Set<Int>)?
    switch earlier.flatMap({ $0.checks.patched(base, draft, changed: $0.changed) }) {
    case .same(let checks):
      let changedReports = Set(earlier?.changedReports ?? [])
      if changedReports.isEmpty { return (base.with(checks), checks.diagnostics, checks) }
      view = (checks.tasks, checks.taskDrafts)
      reusing = (checks, changedReports)
    case .seen(let tasks, let taskDrafts): view = (tasks, taskDrafts)
    case nil: view = nil
    }
    let seen = view.map { base.forReportChecks($0.tasks) } ?? base.forReportChecks
    draft.tasks = view?.taskDrafts ?? draft.tasks.map(\.forReportChecks)
    let report = DiagnosticCollector()
    // A task left out for its own errors (reported at its file) is not
    // reported again in every report that names it.
    if base.tasks.count < draft.tasks.count { draft.incomplete.insert(.tasks) }
    let reporting = ReportValidation(
      plan: seen, draft: draft, taskTitles: base.tasks.map(\.title), today: today,
      report: report, holders: HolderTable(seen))
    let schedule = reporting.schedule()
    let (reports, checked, runs) = reporting.reports(
      schedule: schedule, includingDrafts: includeDrafts, reusing: reusing)
    guard !report.hasErrors else { return (nil, report.diagnostics, nil) }
    let checks = ReportChecks(
      tasks: seen.tasks, taskDrafts: draft.tasks, schedule: schedule, reports: reports,
      checkedReports: checked, bodyRuns: runs, diagnostics: report.diagnostics)
    return (base.with(checks), checks.diagnostics, checks)
  }

  // MARK: - Tasks

  private func validateTasks(
    _ drafts: [PlanDraft.TaskDraft], _ checker: TaskChecker, _ report: DiagnosticCollector
  ) -> [PlanTask] {
    let taskEntries = drafts.map { PlanDraft.Entry($0, idLocation: $0.id.location) }
    let unique = uniqueEntries(
      taskEntries, kind: .task, id: { $0.id.value }, planNumber: true, report)
    checkSlugCollisions(
      unique.map { (Slug.make(from: $0.id.value), $0.id.value, $0.id.location) }, kind: .task,
      folder: "nhiem-vu", report)

    // Each task is checked on its own (on all cores); its problems are
    // then reported in task order, as one pass would.
    let checked = Parallel.map(unique, chunk: 64) { draft in
      let own = DiagnosticCollector()
      return (checker.check(draft, own), own.diagnostics)
    }
    var tasks: [PlanTask] = []
    for (task, diagnostics) in checked {
      report.report(contentsOf: diagnostics)
      if let task { tasks.append(task) }
    }
    return tasks
  }

  /// Warns about a target or result for a year decades after the plan
  /// (`2062` typed for `2026`): the chart would draw it, and a target
  /// would never be judged.
  private func checkFarYears(
    _ indicator: Indicator, issued: Day, at location: SourceLocation,
    _ report: DiagnosticCollector
  ) {
    for (point, kind) in indicator.targets.map({ ($0, Message(vi: "mục tiêu", en: "a target")) })
      + indicator.actuals.map({ ($0, Message(vi: "số liệu", en: "a result")) })
    {
      guard let year = point.year, year > issued.year + TaskChecker.farYears else { continue }
      report.warning(
        vi: "chỉ tiêu '\(indicator.id.rawValue)' có \(kind.vi) năm \(point.period), hơn "
          + "\(TaskChecker.farYears) năm sau ngày ban hành kế hoạch (\(issued.vietnamese))",
        en: "indicator '\(indicator.id.rawValue)' has \(kind.en) for \(point.period), more than "
          + "\(TaskChecker.farYears) years after the plan was issued (\(issued.iso))",
        at: location,
        notes: [Diagnostic.Note(vi: "kiểm tra lại năm", en: "check the year")])
    }
  }

  // MARK: - Ids

  /// Keeps the first entry of each id, reporting later duplicates and ids
  /// that are not safe as folder names.
  private func uniqueEntries<Value>(
    _ entries: [PlanDraft.Entry<Value>], kind: RegistryKind, id: (Value) -> String,
    planNumber: Bool = false, _ report: DiagnosticCollector
  ) -> [Value] {
    let ids = entries.map { id($0.value) }
    let valid = Parallel.map(ids, chunk: 256) { raw in
      planNumber ? IDRules.isPlanNumber(raw) : Slug.isRegistryID(raw)
    }
    var firstSeen: [String: SourceLocation] = [:]
    firstSeen.reserveCapacity(entries.count)
    var result: [Value] = []
    result.reserveCapacity(entries.count)
    for (entry, (raw, isValid)) in zip(entries, zip(ids, valid)) {
      if !isValid {
        report.error(
          vi: "không dùng được '\(raw)' làm mã \(kind.name.vi)",
          en: "\(kind.name.en) id '\(raw)' cannot be used as an id", at: entry.idLocation,
          notes: [planNumber ? IDRules.planNumberNote(for: raw) : IDRules.registryNote(for: raw)])
        continue
      }
      if let first = firstSeen[raw] {
        // A copy a file manager made (`1-1 - Copy.md`) may sort before its
        // original: the copy is then the one to name.
        let copy = first.file != entry.idLocation.file && CopyName.isCopy(first.file)
        let (duplicate, original) = copy ? (first, entry.idLocation) : (entry.idLocation, first)
        report.error(
          vi: "mã \(kind.name.vi) '\(raw)' bị trùng", en: "duplicate \(kind.name.en) id '\(raw)'",
          at: duplicate,
          notes: [
            copy
              ? Diagnostic.Note(
                vi: "'\(raw)' cũng được khai báo ở đây, trong tệp gốc",
                en: "'\(raw)' is also defined here, in the original file", at: original)
              : Diagnostic.Note(
                vi: "'\(raw)' đã được khai báo lần đầu ở đây", en: "'\(raw)' is first defined here",
                at: original),
            CopyName.isCopy(duplicate.file) && duplicate.file != original.file
              ? Diagnostic.Note(
                vi: "tệp này có vẻ là bản sao do máy tính tạo: xóa tệp nếu không cần, hoặc đổi "
                  + "tên và đổi mã bên trong",
                en: "this file looks like a copy made by the computer: delete it if it is not "
                  + "needed, or rename it and change the id inside")
              : Diagnostic.Note(
                vi: "mỗi \(kind.name.vi) cần một mã riêng",
                en: "give each \(kind.name.en) its own id"),
          ])
        continue
      }
      firstSeen[raw] = entry.idLocation
      result.append(entry.value)
    }
    return result
  }

  private func checkRegistryClashes(
    agencies: [PlanDraft.Entry<Agency>], communes: [PlanDraft.Entry<Commune>],
    _ report: DiagnosticCollector
  ) {
    let reserved = Set(Collective.allCases.map(\.rawValue))
    let chooseAnother = Diagnostic.Note(vi: "chọn một mã khác", en: "choose another id")
    var agencyLocations: [String: SourceLocation] = [:]
    for entry in agencies {
      let raw = entry.value.id.rawValue
      agencyLocations[raw] = agencyLocations[raw] ?? entry.idLocation
      if reserved.contains(raw) {
        report.error(
          vi: "'\(raw)' là mã dành cho một nhóm chung, không dùng làm mã cơ quan được",
          en: "'\(raw)' is reserved for a collective and cannot be an agency id",
          at: entry.idLocation, notes: [chooseAnother])
      }
    }
    for entry in communes {
      let raw = entry.value.id.rawValue
      // The folder of the lists shared by all communes (xa-phuong/giao-chung/).
      if raw == "giao-chung" {
        report.error(
          vi:
            "'giao-chung' là tên thư mục của các việc giao chung, không dùng làm mã xã, phường được",
          en: "'giao-chung' is the folder of the shared duties and cannot be a commune id",
          at: entry.idLocation, notes: [chooseAnother])
      }
      if reserved.contains(raw) {
        report.error(
          vi: "'\(raw)' là mã dành cho một nhóm chung, không dùng làm mã xã, phường được",
          en: "'\(raw)' is reserved for a collective and cannot be a commune id",
          at: entry.idLocation, notes: [chooseAnother])
      }
      if let agencyLocation = agencyLocations[raw] {
        report.error(
          vi: "'\(raw)' vừa là mã cơ quan vừa là mã xã, phường",
          en: "'\(raw)' is both an agency id and a commune id", at: entry.idLocation,
          notes: [
            Diagnostic.Note(
              vi: "cơ quan được khai báo ở đây", en: "the agency is defined here",
              at: agencyLocation),
            Diagnostic.Note(
              vi: "danh sách 'to:' dùng chung cả hai loại mã, nên mỗi mã phải khác nhau",
              en: "'to:' lists use both kinds of id, so each must be unique"),
          ])
      }
    }
  }

  private func checkSlugCollisions(
    _ items: [(slug: String, id: String, location: SourceLocation)], kind: RegistryKind,
    folder: String, _ report: DiagnosticCollector
  ) {
    var bySlug: [String: (id: String, location: SourceLocation)] = [:]
    for item in items {
      if let first = bySlug[item.slug] {
        let page = "\(folder)/\(item.slug)/index.html"
        report.error(
          vi: "\(kind.name.vi) '\(item.id)' sẽ ghi đè lên trang của \(kind.name.vi) '\(first.id)': "
            + page,
          en: "\(kind.name.en) '\(item.id)' would be written to the same page as \(kind.name.en) "
            + "'\(first.id)': \(page)",
          at: item.location,
          notes: [
            Diagnostic.Note(
              vi: "\(kind.name.vi) '\(first.id)' được khai báo ở đây",
              en: "\(kind.name.en) '\(first.id)' is defined here", at: first.location),
            Diagnostic.Note(
              vi: "hai số hiệu chỉ khác nhau ở dấu câu hoặc chữ hoa, chữ thường thì dùng chung một "
                + "trang; hãy đánh số lại một trong hai",
              en: "ids that differ only in punctuation or case share a page; renumber one"),
          ])
      } else {
        bySlug[item.slug] = (item.id, item.location)
      }
    }
  }
}
