import SiteCore

/// The checks of the reporting schedule and of the reports: every reference
/// resolves, a reporter reports only on what it holds, one fact is written
/// in one place.
struct ReportValidation {
  /// The plan and its task drafts as the checks see them (`forReportChecks`:
  /// see `ReportChecks`).
  let plan: Plan
  let draft: PlanDraft
  /// The tasks' titles in plan order, read only to suggest a task for an
  /// unknown id (an error).
  let taskTitles: [String]
  /// The build date (a report dated later is an error), if known.
  let today: Day?
  let report: DiagnosticCollector
  /// Who holds which of `plan`'s tasks, asked for each line.
  let holders: HolderTable

  // MARK: - reporting.yaml

  func schedule() -> ReportingSchedule? {
    guard let schedule = draft.schedule else { return nil }
    var seen: [String: SourceLocation] = [:]
    var periods: [ReportingPeriod] = []
    // The period ending last so far: one listed after it must not end earlier.
    var latest: ReportingPeriod?
    for entry in schedule.periods {
      let raw = entry.period.id.rawValue
      guard Slug.isRegistryID(raw) else {
        report.error(
          vi: "không dùng được '\(raw)' làm mã kỳ báo cáo",
          en: "period id '\(raw)' cannot be used as an id", at: entry.idLocation,
          notes: [IDRules.registryNote(for: raw)])
        continue
      }
      if let first = seen[raw] {
        report.error(
          vi: "mã kỳ báo cáo '\(raw)' bị trùng", en: "duplicate period id '\(raw)'",
          at: entry.idLocation,
          notes: [
            Diagnostic.Note(
              vi: "'\(raw)' đã được khai báo lần đầu ở đây", en: "'\(raw)' is first defined here",
              at: first)
          ])
        continue
      }
      seen[raw] = entry.idLocation
      if let latest, entry.period.end < latest.end {
        // The site compares each period with the one before it.
        report.error(
          vi: "kỳ '\(raw)' (kết thúc \(entry.period.end.vietnamese)) đứng sau kỳ "
            + "'\(latest.id.rawValue)' (kết thúc \(latest.end.vietnamese)): các kỳ phải theo thứ "
            + "tự, kỳ cũ trước",
          en: "period '\(raw)' (ending \(entry.period.end.iso)) comes after period "
            + "'\(latest.id.rawValue)' (ending \(latest.end.iso)): periods must be in order, "
            + "oldest first",
          at: entry.idLocation,
          notes: [
            Diagnostic.Note(
              vi: "chuyển kỳ '\(raw)' lên trước kỳ '\(latest.id.rawValue)' trong reporting.yaml "
                + "(trang của mỗi kỳ so sánh với kỳ đứng trước nó)",
              en: "move '\(raw)' above '\(latest.id.rawValue)' in reporting.yaml (each period's "
                + "page compares it with the period before it)")
          ])
      } else {
        latest = entry.period
      }
      periods.append(entry.period)
    }
    var reporters: [Assignee]?
    if let refs = schedule.reporterRefs {
      let resolver = AssigneeResolver(
        agencies: plan.agencies, communes: plan.communes,
        checkAgencies: !draft.incomplete.contains(.agencies),
        checkCommunes: !draft.incomplete.contains(.communes))
      reporters = resolver.resolve(refs, report)
    }
    var compiler: AgencyID?
    if let ref = schedule.compilerRef {
      if plan.agency(AgencyID(ref.value)) != nil {
        compiler = AgencyID(ref.value)
      } else if !draft.incomplete.contains(.agencies) {
        report.report(unknownReference(.agency, ref, among: agencyCandidates))
      }
    }
    return ReportingSchedule(
      periods: periods, reporters: reporters, compiler: compiler, source: schedule.source)
  }

  private var agencyCandidates: [Suggestion.Candidate] {
    plan.agencies.map { Suggestion.Candidate(id: $0.id.rawValue, name: $0.name) }
  }

  // MARK: - Reports

  /// The valid reports, in schedule order then by reporter; and what
  /// checking each report draft on its own found, by its place in
  /// `draft.reports` (kept for the next validation: `ReportChecks`).
  ///
  /// Without `includingDrafts` draft reports are left out of the plan: a
  /// report still under review never stops the public site from being
  /// built. They are still checked on their own, and their problems said
  /// as warnings (`Diagnostic.leavingDraftOut`).
  ///
  /// - Parameter earlier: checks of a draft that differed from this one
  ///   only in the reports at `changedReports` (places in
  ///   `draft.reports`), with the same view of the tasks: every other
  ///   report's own findings are taken from them, and what the checks
  ///   across reports found in each body whose reports are the same
  ///   (`BodyRuns`); the rest of those checks run on every report.
  func reports(
    schedule: ReportingSchedule?, includingDrafts: Bool,
    reusing earlier: (checks: ReportChecks, changedReports: Set<Int>)? = nil
  ) -> (reports: [Report], checked: [CheckedReport], runs: [Reporter: BodyRuns]) {
    // Only findings made for a draft with as many reports, place by place.
    let kept = earlier.flatMap {
      $0.checks.checkedReports.count == draft.reports.count ? $0 : nil
    }
    let own = Parallel.map(Array(draft.reports.indices), chunk: 4) { place in
      if let kept, !kept.changedReports.contains(place) { return kept.checks.checkedReports[place] }
      return check(draft.reports[place], schedule: schedule)
    }
    let shown = draft.reports.indices.filter { includingDrafts || !draft.reports[$0].isDraft }
    var reports = gathered(shown, own, schedule: schedule, foldersSaid: [])
    if !includingDrafts {
      let collector = DiagnosticCollector()
      let drafts = reporting(to: collector)
      _ = drafts.gathered(
        draft.reports.indices.filter { draft.reports[$0].isDraft }, own, schedule: schedule,
        foldersSaid: Set(shown.map { draft.reports[$0].periodRef.value }))
      report.report(contentsOf: collector.diagnostics.map(\.leavingDraftOut))
    }
    let order = Dictionary(
      (schedule?.periods ?? []).enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    reports.sort {
      (order[$0.period] ?? 0, $0.reporter, $0.date) < (order[$1.period] ?? 0, $1.reporter, $1.date)
    }
    let runs = checkAcrossReports(reports, schedule: schedule, kept: kept?.checks.bodyRuns ?? [:])
    return (reports, own, runs)
  }

  /// What checking one report draft on its own found: the report, if it
  /// is valid, and the problems, in the order they were found.
  struct CheckedReport: Sendable {
    let report: Report?
    let diagnostics: [Diagnostic]
  }

  /// `draft` checked on its own.
  private func check(_ draft: PlanDraft.ReportDraft, schedule: ReportingSchedule?)
    -> CheckedReport
  {
    let collector = DiagnosticCollector()
    let checking = reporting(to: collector)
    return CheckedReport(
      report: checking.report(draft, schedule: schedule), diagnostics: collector.diagnostics)
  }

  /// The same checks, saying their problems to `collector`.
  private func reporting(to collector: DiagnosticCollector) -> ReportValidation {
    ReportValidation(
      plan: plan, draft: draft, taskTitles: taskTitles, today: today, report: collector,
      holders: holders)
  }

  /// The reports at `places` in `draft.reports` as `own` found them
  /// (each checked on its own), with their problems reported in file
  /// order; a folder that is no period is said once, at its first report,
  /// unless it is in `foldersSaid`.
  private func gathered(
    _ places: [Int], _ own: [CheckedReport], schedule: ReportingSchedule?,
    foldersSaid: Set<String>
  ) -> [Report] {
    let drafts = places.map { draft.reports[$0] }
    // A commune-wide period has a report from each of a hundred communes.
    var folders: [String: [Int]] = [:]
    if !self.draft.incomplete.contains(.periods) {
      for (index, draft) in drafts.enumerated()
      where !foldersSaid.contains(draft.periodRef.value)
        && !(schedule?.periods.contains { $0.id.rawValue == draft.periodRef.value } ?? false)
      {
        folders[draft.periodRef.value, default: []].append(index)
      }
    }
    var reports: [Report] = []
    for (index, place) in places.enumerated() {
      if let others = folders[drafts[index].periodRef.value], others.first == index {
        reportUnknownPeriod(drafts[index], schedule: schedule, files: others.map { drafts[$0] })
      }
      report.report(contentsOf: own[place].diagnostics)
      if let valid = own[place].report { reports.append(valid) }
    }
    return reports
  }

  private func report(_ draft: PlanDraft.ReportDraft, schedule: ReportingSchedule?) -> Report? {
    // A folder that is no period is reported once for all its files (`reports`).
    let period = schedule?.periods.first { $0.id.rawValue == draft.periodRef.value }
    let reporter = resolveReporter(draft.reporterRef)
    let body = reporter.flatMap { plan.bodyPlace(of: $0) }
    guard let date = draft.date else { return nil }
    if let period { checkDate(date, of: period, in: schedule) }
    var tasks: [TaskUpdate] = []
    var seen: [String: SourceLocation] = [:]
    // Sized once: a commune's report has thousands of lines.
    tasks.reserveCapacity(draft.tasks.count)
    seen.reserveCapacity(draft.tasks.count)
    for entry in draft.tasks {
      if let first = seen[entry.task.value] {
        report.error(
          vi: "nhiệm vụ '\(entry.task.value)' được báo cáo hai lần trong cùng một báo cáo",
          en: "task '\(entry.task.value)' is reported twice in one report", at: entry.task.location,
          notes: [
            Diagnostic.Note(
              vi: "lần đầu ở đây; gộp hai mục làm một", en: "first here; merge the two entries",
              at: first)
          ])
        continue
      }
      seen[entry.task.value] = entry.task.location
      if let update = taskUpdate(entry, reporter: reporter, body: body) {
        checkDoneDate(entry, reportDate: date.value, period: period)
        tasks.append(update)
      }
    }
    let indicators = figures(
      draft, period: period, reporter: reporter, compiler: schedule?.compiler)
    guard let period, let reporter else { return nil }
    return Report(
      period: period.id, reporter: reporter, date: date.value, isDraft: draft.isDraft,
      document: draft.document, sourceURL: draft.sourceURL, summary: draft.summary, tasks: tasks,
      indicators: indicators, source: draft.source)
  }

  private func reportUnknownPeriod(
    _ draft: PlanDraft.ReportDraft, schedule: ReportingSchedule?, files: [PlanDraft.ReportDraft]
  ) {
    var alsoNote: [Diagnostic.Note] = []
    if files.count > 1 {
      let names = files.map { $0.source.path.split(separator: "/").last.map(String.init) ?? "" }
      let shown = names.prefix(5).joined(separator: ", ") + (names.count > 5 ? ", …" : "")
      alsoNote.append(
        Diagnostic.Note(
          vi: "lỗi này áp dụng cho cả \(files.count) báo cáo trong thư mục: \(shown)",
          en: "this applies to all \(files.count) reports in the folder: \(shown)"))
    }
    guard let schedule else {
      report.error(
        vi: "báo cáo thuộc kỳ '\(draft.periodRef.value)' nhưng chưa có lịch báo cáo "
          + "(reporting.yaml)",
        en: "the report is for period '\(draft.periodRef.value)' but there is no reporting "
          + "schedule (reporting.yaml)",
        at: draft.periodRef.location,
        notes: [
          Diagnostic.Note(
            vi: "tạo tệp reporting.yaml khai báo các kỳ báo cáo (xem docs/content.md)",
            en: "create reporting.yaml declaring the reporting periods (see docs/content.md)")
        ] + alsoNote)
      return
    }
    let candidates = schedule.periods.map {
      Suggestion.Candidate(id: $0.id.rawValue, name: $0.name)
    }
    var notes = [
      Diagnostic.Note(
        vi: "đặt báo cáo trong thư mục của một kỳ đã khai báo trong reporting.yaml: "
          + schedule.periods.map(\.id.rawValue).joined(separator: ", "),
        en: "put the report in the folder of a period declared in reporting.yaml: "
          + schedule.periods.map(\.id.rawValue).joined(separator: ", "))
    ]
    // A period renamed in reporting.yaml leaves its folder behind: it is
    // the one period without a folder whose reports would be dated as
    // these are (from the month the period ends, as its reports are).
    let folders = Set(self.draft.reports.map(\.periodRef.value))
    let dates = files.compactMap { $0.date?.value }
    let renamed = schedule.periods.filter { period in
      let lastMonth = Day(year: period.end.year, month: period.end.month, day: 1) ?? period.start
      return !folders.contains(period.id.rawValue) && !dates.isEmpty
        && dates.allSatisfy {
          $0 >= lastMonth && Self.misdating($0, of: period, in: schedule) == nil
        }
    }
    if renamed.count == 1, let period = renamed.first {
      notes.insert(
        Diagnostic.Note(
          vi: "có phải là kỳ '\(period.id.rawValue)' (\(period.name))? Kỳ đó chưa có thư mục "
            + "báo cáo nào, và ngày báo cáo hợp với kỳ đó: đổi tên thư mục thành "
            + "reports/\(period.id.rawValue)/, hoặc đổi lại mã kỳ trong reporting.yaml",
          en: "did you mean '\(period.id.rawValue)' (\(period.name))? It has no report folder, "
            + "and these reports' dates fall in it: rename the folder to "
            + "reports/\(period.id.rawValue)/, or change the period's id back in reporting.yaml"),
        at: 0)
    } else if let match = Suggestion.closest(to: draft.periodRef.value, among: candidates) {
      notes.insert(didYouMean(match), at: 0)
    }
    report.error(
      vi: "thư mục 'reports/\(draft.periodRef.value)/' không phải là kỳ báo cáo nào trong "
        + "reporting.yaml",
      en: "the folder 'reports/\(draft.periodRef.value)/' is not a period in reporting.yaml",
      at: draft.periodRef.location, notes: notes + alsoNote)
  }

  private func resolveReporter(_ ref: Located<String>) -> Reporter? {
    if plan.agency(AgencyID(ref.value)) != nil { return .agency(AgencyID(ref.value)) }
    if plan.commune(CommuneID(ref.value)) != nil { return .commune(CommuneID(ref.value)) }
    if draft.incomplete.contains(.agencies) || draft.incomplete.contains(.communes) { return nil }
    let candidates =
      plan.agencies.map { Suggestion.Candidate(id: $0.id.rawValue, name: $0.name) }
      + plan.communes.map { Suggestion.Candidate(id: $0.id.rawValue, name: $0.fullName) }
    var notes = [
      Diagnostic.Note(
        vi: "tên tệp báo cáo là mã của cơ quan hoặc xã, phường gửi báo cáo "
          + "(trong agencies.yaml hoặc communes.yaml), ví dụ so-tai-chinh.md",
        en: "a report's file name is the id of the agency or commune that sends it "
          + "(from agencies.yaml or communes.yaml), like so-tai-chinh.md")
    ]
    if CopyName.isCopy(ref.value + ".md") {
      // `so-y-te - Copy.md`: a copy a file manager made beside the report.
      notes = [
        Diagnostic.Note(
          vi: "tệp này có vẻ là bản sao do máy tính tạo: xóa tệp nếu không cần, hoặc chép nội "
            + "dung cần giữ vào tệp báo cáo của đơn vị",
          en: "this file looks like a copy made by the computer: delete it if it is not needed, "
            + "or copy what must be kept into the body's report file")
      ]
    } else if let (former, commune) = Self.formerUnit(ref.value, in: plan) {
      // A unit merged in 2025: not the new commune under another spelling.
      let merged = commune.fullName.prefix(1).lowercased() + commune.fullName.dropFirst()
      notes = [
        Diagnostic.Note(
          vi: "'\(former)' đã được sáp nhập vào \(merged) (mã '\(commune.id.rawValue)'): "
            + "kế hoạch chỉ có các xã, phường sau sáp nhập; nếu đây là báo cáo của "
            + "\(merged) thì đổi tên tệp thành \(commune.id.rawValue).md, còn báo cáo "
            + "của đơn vị cũ thì không đưa lên trang",
          en: "'\(former)' was merged into \(commune.fullName) (id '\(commune.id.rawValue)'): the "
            + "plan has the communes after the merger only; if this is \(commune.fullName)'s "
            + "report, name the file \(commune.id.rawValue).md; a former unit's report is not "
            + "published")
      ]
    } else if let match = Suggestion.closest(to: ref.value, among: candidates) {
      notes.insert(didYouMean(match), at: 0)
    }
    report.error(
      vi: "không có cơ quan hay xã, phường nào có mã '\(ref.value)'",
      en: "no agency or commune has the id '\(ref.value)'", at: ref.location, notes: notes)
    return nil
  }

  /// The former unit (`formed_from`) a file name names, with the commune
  /// it was merged into: `xa-nghi-phu` or `nghi-phu` for "xã Nghi Phú".
  static func formerUnit(_ name: String, in plan: Plan) -> (String, Commune)? {
    func bare(_ slug: String) -> String {
      for kind in ["xa-", "phuong-", "thi-tran-"] where slug.hasPrefix(kind) {
        return String(slug.dropFirst(kind.count))
      }
      return slug
    }
    let wanted = bare(Slug.make(from: name))
    for commune in plan.communes {
      for former in commune.formedFrom where bare(Slug.make(from: former)) == wanted {
        return (former, commune)
      }
    }
    return nil
  }

  private func checkDate(
    _ date: Located<Day>, of period: ReportingPeriod, in schedule: ReportingSchedule?
  ) {
    if let today, date.value > today {
      report.error(
        vi: "báo cáo đề ngày \(date.value.vietnamese), muộn hơn hôm nay (\(today.vietnamese))",
        en: "the report is dated \(date.value.iso), after today (\(today.iso))",
        at: date.location,
        notes: [
          Diagnostic.Note(
            vi:
              "kiểm tra lại ngày; báo cáo chưa ban hành thì để 'draft: true' cho đến khi ban hành",
            en: "check the date; a report not yet issued stays 'draft: true' until it is"),
          Diagnostic.Note(
            vi: "'hôm nay' là ngày theo đồng hồ máy tính; có thể đặt ngày khác bằng --today "
              + "YYYY-MM-DD hoặc biến môi trường SOURCE_DATE_EPOCH",
            en: "today is the computer's date, or the one given with --today YYYY-MM-DD "
              + "(or SOURCE_DATE_EPOCH)"),
        ])
    }
    switch Self.misdating(date.value, of: period, in: schedule) {
    case nil: break
    case .outside:
      report.warning(
        vi: "báo cáo đề ngày \(date.value.vietnamese), ngoài kỳ '\(period.name)' "
          + "(\(period.start.vietnamese) – \(period.end.vietnamese))",
        en: "the report is dated \(date.value.iso), outside period '\(period.name)' "
          + "(\(period.start.iso) – \(period.end.iso))",
        at: date.location,
        notes: [Self.wrongPeriodNote(date)])
    case .beforeLastMonth:
      report.warning(
        vi: "báo cáo kỳ '\(period.name)' đề ngày \(date.value.vietnamese), hơn một tháng trước khi "
          + "kỳ kết thúc (\(period.end.vietnamese))",
        en: "the report for '\(period.name)' is dated \(date.value.iso), over a month before the "
          + "period ends (\(period.end.iso))",
        at: date.location,
        notes: [Self.wrongPeriodNote(date)])
    case .afterNextEnd(let next):
      report.warning(
        vi: "báo cáo kỳ '\(period.name)' đề ngày \(date.value.vietnamese), khi cả kỳ sau "
          + "('\(next.name)', đến \(next.end.vietnamese)) đã kết thúc",
        en: "the report for '\(period.name)' is dated \(date.value.iso), after even the next "
          + "period ended ('\(next.name)', to \(next.end.iso))",
        at: date.location,
        notes: [Self.wrongPeriodNote(date)])
    }
  }

  /// Whether what is at `location` was read from a report form being
  /// imported (its messages then name the form's columns, not the report
  /// file's fields): a report file is Markdown, a form an .xlsx or .csv.
  static func isInForm(_ location: SourceLocation) -> Bool {
    !location.file.hasSuffix(".md")
  }

  /// What to do about a date that does not fit the period: in a report
  /// file, check it or move the file; in an import, the date is `--date`
  /// (no line) and the period the form's.
  private static func wrongPeriodNote(_ date: Located<Day>) -> Diagnostic.Note {
    date.location.line == nil
      ? Diagnostic.Note(
        vi: "kiểm tra lại --date, hoặc dùng biểu mẫu của kỳ đúng (plansite report form --period …)",
        en: "check --date, or use the right period's form (plansite report form --period …)")
      : Diagnostic.Note(
        vi: "kiểm tra lại ngày, hoặc chuyển báo cáo vào thư mục của kỳ đúng",
        en: "check the date, or move the report to the right period's folder")
  }

  /// How a report's date does not fit its period.
  enum Misdating {
    /// Before the period starts, or a year after it ends.
    case outside
    /// In the period, over a month before its end and its due date: most
    /// often another period's report (a first quarter's in the nine months'
    /// folder), or a typo.
    case beforeLastMonth
    /// After even the next period ended: most often a report saved in the
    /// wrong period's folder, or the last period's form filled in again.
    /// (Up to the next period's due date, a form of the last period
    /// imported in October went in as a late report with no word.)
    case afterNextEnd(ReportingPeriod)
  }

  static func misdating(_ date: Day, of period: ReportingPeriod, in schedule: ReportingSchedule?)
    -> Misdating?
  {
    let yearAfterEnd = Day(year: period.end.year + 1, month: period.end.month, day: 1) ?? period.end
    if date < period.start || date > yearAfterEnd { return .outside }
    // A month before the end, or before the due date when reports are due
    // before the period ends (a year's, for a council's session in November).
    if date < min(period.end.monthEarlier, period.due.monthEarlier) { return .beforeLastMonth }
    let next = schedule?.periods.filter { $0.end > period.end }.min { $0.end < $1.end }
    if let next, date > next.end { return .afterNextEnd(next) }
    return nil
  }

  /// - Parameter body: the reporter's place among the bodies
  ///   (`Plan.bodyPlace(of:)`), looked up once per report.
  private func taskUpdate(_ entry: PlanDraft.TaskUpdateDraft, reporter: Reporter?, body: Int?)
    -> TaskUpdate?
  {
    guard let index = plan.place(of: TaskID(entry.task.value)) else {
      if !draft.incomplete.contains(.tasks) {
        let candidates = zip(plan.tasks, taskTitles).map {
          Suggestion.Candidate(id: $0.id.rawValue, name: $1)
        }
        report.report(unknownReference(.task, entry.task, among: candidates))
      }
      return nil
    }
    // The plan's id, as the task's other records carry it.
    let id = plan.tasks[index].id
    if let reporter,
      !(body.map { holders.holds($0, taskAt: index) } ?? plan.holdsAny(reporter, taskAt: index))
    {
      let held = plan.tasks.indices.filter { plan.holdsAny(reporter, taskAt: $0) }.map {
        plan.tasks[$0].id.rawValue
      }
      let shown = held.prefix(12).joined(separator: ", ") + (held.count > 12 ? ", …" : "")
      let name = plan.name(of: reporter)
      report.error(
        vi: "\(name) không được giao nhiệm vụ '\(id.rawValue)'",
        en: "\(name) holds no assignment in task '\(id.rawValue)'", at: entry.task.location,
        notes: [
          held.isEmpty
            ? Diagnostic.Note(
              vi: "\(name) chưa được giao nhiệm vụ nào", en: "\(name) holds no task")
            : Diagnostic.Note(
              vi: "các nhiệm vụ \(name) được giao: \(shown)",
              en: "the tasks \(name) holds: \(shown)")
        ])
      return nil
    }
    if let status = entry.status, let progress = entry.progress,
      let mismatch = StatusProgressCheck.mismatch(
        status.value, progress.value, in: .report(form: Self.isInForm(status.location)))
    {
      report.warning(mismatch.message, at: progress.location, notes: [mismatch.note])
    }
    if let doneOn = entry.doneOn, entry.status?.value != .done {
      report.error(
        vi: "có ngày hoàn thành ('done_on') nhưng 'status' không phải done",
        en: "a done date ('done_on') is given but 'status' is not done", at: doneOn.location,
        notes: [
          Diagnostic.Note(
            vi: "ghi 'status: done' nếu việc đã xong, hoặc xóa 'done_on'",
            en: "write 'status: done' if the work is finished, or remove 'done_on'")
        ])
    }
    return TaskUpdate(
      task: id, status: entry.status?.value, progress: entry.progress?.value,
      doneOn: entry.doneOn?.value, text: entry.text, source: entry.source)
  }

  /// "Done" without a done date in the first of a body's reports in a
  /// row saying so, none of which gives a date, is taken as done on that
  /// report's date (`ReportIndex.DoneRun`): after the body's deadline the
  /// site says "done late", which the body did not say.
  private func checkUndatedDone(_ update: TaskUpdate, of report: Report) {
    guard update.doneOn == nil, update.status == .done, let task = plan.task(update.task) else {
      return
    }
    guard let deadline = plan.deadline(of: task, for: report.reporter), report.date > deadline
    else { return }
    self.report.warning(
      vi: "báo cáo '\(TaskStatus.done.label)' mà không ghi ngày hoàn thành: trang lấy ngày báo cáo "
        + "\(report.date.vietnamese), sau thời hạn \(deadline.vietnamese), nên trang sẽ ghi "
        + "'\(DisplayStatus.doneLate.label)'",
      en: "'done' without a done date: the site takes the report's date "
        + "\(report.date.iso), after the deadline \(deadline.iso), and says 'done late'",
      at: update.source.location,
      notes: [
        !Self.isInForm(update.source.location)
          ? Diagnostic.Note(
            vi: "ghi ngày hoàn thành (done_on), nhất là khi việc xong trước thời hạn",
            en: "write the done date (done_on), above all when the work was finished before the "
              + "deadline")
          : Diagnostic.Note(
            vi: "ghi ngày hoàn thành ở cột \"Ngày hoàn thành\" của biểu mẫu, nhất là khi việc xong "
              + "trước thời hạn",
            en: "write the done date in the form's \"Ngày hoàn thành\" column, above all when "
              + "the work was finished before the deadline")
      ])
  }

  /// A done date after the report was signed cannot be reported; one
  /// before the plan was issued is most often a mistyped year.
  ///
  /// One after even the period's reports were due is most often a form
  /// made for an earlier period and filled in later.
  private func checkDoneDate(
    _ entry: PlanDraft.TaskUpdateDraft, reportDate: Day, period: ReportingPeriod?
  ) {
    guard let doneOn = entry.doneOn, entry.status?.value == .done else { return }
    if let period, doneOn.value > period.due, doneOn.value <= reportDate {
      report.warning(
        vi: "ngày hoàn thành \(doneOn.value.vietnamese) sau cả hạn gửi báo cáo kỳ "
          + "'\(period.name)' (\(period.due.vietnamese))",
        en: "the done date \(doneOn.value.iso) is after even the due date of the reports for "
          + "'\(period.name)' (\(period.due.iso))",
        at: doneOn.location,
        notes: [
          Diagnostic.Note(
            vi: "kiểm tra kỳ của báo cáo: việc xong sau kỳ này thuộc báo cáo kỳ sau",
            en: "check the report's period: work finished after it belongs in a later report")
        ])
    }
    if doneOn.value > reportDate {
      report.error(
        vi: "ngày hoàn thành \(doneOn.value.vietnamese) sau ngày của báo cáo "
          + "(\(reportDate.vietnamese))",
        en: "the done date \(doneOn.value.iso) is after the report's date (\(reportDate.iso))",
        at: doneOn.location,
        notes: [
          Diagnostic.Note(
            vi: "báo cáo chỉ ghi được việc đã xong trước ngày ký; kiểm tra lại ngày (ngày và "
              + "tháng có bị đảo chỗ không?)",
            en: "a report can only state work finished before it was signed; check the date "
              + "(are the day and month swapped?)")
        ])
    } else if doneOn.value < plan.document.issued {
      report.warning(
        vi: "ngày hoàn thành \(doneOn.value.vietnamese) trước ngày ban hành kế hoạch "
          + "(\(plan.document.issued.vietnamese))",
        en: "the done date \(doneOn.value.iso) is before the plan was issued "
          + "(\(plan.document.issued.iso))",
        at: doneOn.location,
        notes: [
          Diagnostic.Note(
            vi: "kiểm tra lại ngày, nhất là năm", en: "check the date, the year above all")
        ])
    }
  }

  /// The valid figures of `draft`, each checked on its own.
  ///
  /// An indicator's figures come from the body in charge of it (`owner`),
  /// or from the office that compiles the reports (`compiler`, whose
  /// combined report may give every figure).
  private func figures(
    _ draft: PlanDraft.ReportDraft, period: ReportingPeriod?, reporter: Reporter?,
    compiler: AgencyID?
  ) -> [IndicatorReport] {
    var seen: [String: SourceLocation] = [:]
    var figures: [IndicatorReport] = []
    for entry in draft.indicators {
      guard let indicator = plan.indicator(IndicatorID(entry.indicator.value)) else {
        if !self.draft.incomplete.contains(.indicators) {
          let candidates = plan.indicators.map {
            Suggestion.Candidate(id: $0.id.rawValue, name: $0.name)
          }
          report.report(unknownReference(.indicator, entry.indicator, among: candidates))
        }
        continue
      }
      // An indicator's results come from the body in charge of it: another
      // body's figure would be shown as the indicator's result.
      if let owner = indicator.owner, let reporter, reporter != .agency(owner),
        compiler.map({ reporter != .agency($0) }) ?? true
      {
        let name = plan.name(of: reporter)
        let ownerName = plan.agency(owner)?.name ?? owner.rawValue
        report.error(
          vi: "\(name) không phụ trách chỉ tiêu '\(indicator.id.rawValue)': chỉ tiêu này do "
            + "\(ownerName) phụ trách",
          en: "\(name) is not in charge of indicator '\(indicator.id.rawValue)': \(ownerName) is",
          at: entry.indicator.location,
          notes: [
            Diagnostic.Note(
              vi: "số liệu của chỉ tiêu chỉ lấy từ báo cáo của \(ownerName); kiểm tra lại mã chỉ "
                + "tiêu, hoặc bỏ số liệu này",
              en: "the indicator's figures come from \(ownerName)'s reports only; check the "
                + "indicator's id, or leave this figure out")
          ])
        continue
      }
      let key = "\(indicator.id.rawValue)|\(entry.period.value)"
      if let first = seen[key] {
        report.error(
          vi:
            "chỉ tiêu '\(indicator.id.rawValue)' \(IndicatorJudge.when(entry.period.value)) được ghi hai lần",
          en: "indicator '\(indicator.id.rawValue)' for \(entry.period.value) is given twice",
          at: entry.indicator.location,
          notes: [Diagnostic.Note(vi: "lần đầu ở đây", en: "first here", at: first)])
        continue
      }
      seen[key] = entry.indicator.location
      if indicator.actuals.contains(where: { $0.period == entry.period.value }),
        Self.isInForm(entry.indicator.location)
      {
        // A clerk cannot edit indicators.yaml: the row is what to drop.
        report.error(
          vi: "chỉ tiêu '\(indicator.id.rawValue)' đã có số liệu chính thức "
            + "\(IndicatorJudge.when(entry.period.value)) trên trang",
          en: "indicator '\(indicator.id.rawValue)' already has an official figure for "
            + "\(entry.period.value) on the site",
          at: entry.indicator.location,
          notes: [
            Diagnostic.Note(
              vi: "xóa dòng này; nếu số liệu trên trang cần sửa, báo cơ quan tổng hợp",
              en: "delete this row; if the figure on the site needs correcting, tell the "
                + "compiling office")
          ])
        continue
      } else if indicator.actuals.contains(where: { $0.period == entry.period.value }) {
        report.error(
          vi: "số liệu chỉ tiêu '\(indicator.id.rawValue)' năm \(entry.period.value) đã có trong "
            + "indicators.yaml (actuals)",
          en: "indicator '\(indicator.id.rawValue)' for \(entry.period.value) already has a figure "
            + "in indicators.yaml (actuals)",
          at: entry.indicator.location,
          notes: [
            Diagnostic.Note(
              vi: "mỗi số liệu chỉ ghi ở một nơi: xóa một trong hai",
              en: "write each figure in one place: remove one of them"),
            Diagnostic.Note(
              vi: "số liệu trong indicators.yaml ở đây",
              en: "the figure in indicators.yaml is here",
              at: indicator.source.location),
          ])
        continue
      }
      if let period, !checkFigureYear(entry, of: period, indicator: indicator) { continue }
      let value = entry.value
      if indicator.unit.trimmingCharacters(in: .whitespaces) == "%",
        max(value.low, value.high ?? 0) >= 1000
      {
        report.warning(
          vi: "số liệu \(value.description)% của chỉ tiêu '\(indicator.id.rawValue)' lớn hơn 100%",
          en:
            "the figure \(value.description)% of indicator '\(indicator.id.rawValue)' is over 100%",
          at: entry.source.location,
          notes: [
            Diagnostic.Note(
              vi: "kiểm tra dấu: phần thập phân sau dấu phẩy (94,5); dấu chấm chia hàng nghìn "
                + "(9.450 là chín nghìn bốn trăm năm mươi)",
              en: "check the separators: decimals after a comma (94,5); a point groups "
                + "thousands (9.450 is nine thousand four hundred and fifty)")
          ])
      }
      figures.append(
        IndicatorReport(
          indicator: indicator.id, period: entry.period.value, value: entry.value,
          source: entry.source))
    }
    return figures
  }

  /// Checks a figure's year against the report's period; false when the
  /// figure is to be left out.
  ///
  /// A year the period has not reached, or years not over (`2026-2030`
  /// in 2026), are an error (`2062` typed for `2026`). A figure for the
  /// whole year (or years) of a period that ends before the year does (a
  /// 9-month report's `2026`) is compared with the target as if the year
  /// were over, so it is warned of; so is a year before the indicator's
  /// baseline (`2019` typed for `2025`).
  private func checkFigureYear(
    _ entry: PlanDraft.IndicatorReportDraft, of period: ReportingPeriod, indicator: Indicator
  ) -> Bool {
    guard case .period(let written) = IndicatorJudge.period(entry.period.value) else {
      return true
    }
    let end = period.end
    // Years (2026-2030) whose last has not come: no result for them yet.
    if let last = IndicatorJudge.multiYearEnd(written), last > end.year {
      report.error(
        vi: "số liệu cho giai đoạn \(written) trong báo cáo kỳ \(period.name) (kết thúc ngày "
          + "\(end.vietnamese)): giai đoạn đó chưa kết thúc",
        en: "a figure for \(written) in the report for \(period.name) (which ends on "
          + "\(end.iso)): those years are not over",
        at: entry.period.location,
        notes: [
          Diagnostic.Note(
            vi: "ghi năm của số liệu (\(end.year) hoặc trước đó), hoặc tên kỳ "
              + "(\"\(period.name)\") nếu là số liệu của kỳ",
            en: "write the figure's year (\(end.year) or earlier), or the period's name "
              + "(\"\(period.name)\") for the period's figure")
        ])
      return false
    }
    // Years ending with the period's, in a period that is not the whole
    // year: compared with the years' target as if they were over.
    if let last = IndicatorJudge.multiYearEnd(written), last == end.year, !period.isYearly {
      report.warning(
        vi: "số liệu ghi cho giai đoạn \(written) nhưng kỳ \(period.name) (đến ngày "
          + "\(end.vietnamese)) chưa hết năm \(last): số liệu sẽ được so với mục tiêu của cả giai "
          + "đoạn",
        en: "a figure for \(written), but the period \(period.name) (to \(end.iso)) does not "
          + "end \(last): it is compared with the target for the whole span",
        at: entry.period.location,
        notes: [
          Diagnostic.Note(
            vi: "nếu đây là số liệu của kỳ, ghi \"\(period.name)\": số liệu được hiển thị, không "
              + "so với mục tiêu",
            en: "if this is the period's figure, write \"\(period.name)\": it is shown, not "
              + "compared with the target")
        ])
    }
    guard let year = Int(written) else { return true }
    // Long before the indicator's baseline (or the plan, without one):
    // most often a typo ("2019" for "2025").
    let first = indicator.baseline?.year ?? (plan.document.issued.year - 1)
    if year < first {
      report.warning(
        vi: "số liệu năm \(year) của chỉ tiêu '\(indicator.id.rawValue)' trước năm "
          + (indicator.baseline != nil ? "gốc \(first) của chỉ tiêu" : "\(first)")
          + ": trang sẽ hiện số liệu này như kết quả năm \(year)",
        en: "a figure for \(year) of indicator '\(indicator.id.rawValue)', before "
          + (indicator.baseline != nil ? "its baseline year \(first)" : "\(first)")
          + ": the site shows it as the result for \(year)",
        at: entry.period.location,
        notes: [
          Diagnostic.Note(
            vi: "kiểm tra lại năm: số liệu kỳ này thường là của năm \(end.year) hoặc "
              + "\(end.year - 1)",
            en: "check the year: this period's figures are most often for \(end.year) or "
              + "\(end.year - 1)")
        ])
    }
    if year > end.year {
      report.error(
        vi: "số liệu năm \(year) trong báo cáo kỳ \(period.name) (kết thúc ngày "
          + "\(end.vietnamese)): năm đó chưa đến",
        en: "a figure for \(year) in the report for \(period.name) (which ends on "
          + "\(end.vietnamese)): that year has not come yet",
        at: entry.period.location,
        notes: [
          Diagnostic.Note(
            vi: "kiểm tra lại năm: số liệu của kỳ này là của năm \(end.year) hoặc trước đó",
            en: "check the year: this period's figures are for \(end.year) or earlier")
        ])
      return false
    }
    if year == end.year, !period.isYearly {
      report.warning(
        vi: "số liệu ghi cho năm \(year) nhưng kỳ \(period.name) (từ ngày "
          + "\(period.start.vietnamese) đến ngày \(end.vietnamese)) không phải cả năm: số liệu sẽ "
          + "được so với mục tiêu cả năm \(year)",
        en: "the period \(period.name) (\(period.start.vietnamese) to \(end.vietnamese)) is not "
          + "the whole of \(year): a figure for \(year) is compared with the target for the "
          + "whole of \(year)",
        at: entry.period.location,
        notes: [
          !Self.isInForm(entry.period.location)
            ? Diagnostic.Note(
              vi: "nếu đây là số liệu của kỳ, ghi year: \"\(period.name)\": số liệu được hiển thị, "
                + "không so với mục tiêu",
              en: "if this is the period's figure, write year: \"\(period.name)\": it is shown, "
                + "not compared with the target")
            : Diagnostic.Note(
              vi: "nếu đây là số liệu của kỳ, ghi \"\(period.name)\" vào ô này: số liệu được hiển "
                + "thị, không so với mục tiêu",
              en: "if this is the period's figure, write \"\(period.name)\" in this cell: it is "
                + "shown, not compared with the target")
        ])
    }
    return true
  }

  // MARK: - Across reports

  /// A body's report giving a task less progress than its report before,
  /// saying not done after its report before said done, or not started
  /// after it said in progress.
  struct ProgressDecrease: Sendable {
    enum Change {
      /// Less progress than before, in percent.
      case progress(was: Int, now: Int)
      /// Not done any more: the status now.
      case undone(TaskStatus)
      /// Not started after in progress (with no figure: the site counts
      /// it as 0 %).
      case unstarted
    }
    /// The report's place among the body's reports (`BodyRuns`), and the
    /// line's in the report.
    let order: (report: Int, line: Int)
    let task: TaskID
    let change: Change
    let location: SourceLocation
    let before: SourceLocation
  }

  /// The places of each body's reports in `reports`, in order: the
  /// checks that follow a body from one report to its next read each
  /// body's on their own, on all cores. (The bodies come in no set order.)
  private static func indexesByReporter(_ reports: [Report]) -> [(Reporter, [Int])] {
    var byReporter: [Reporter: [Int]] = [:]
    for (index, report) in reports.enumerated() {
      byReporter[report.reporter, default: []].append(index)
    }
    return Array(byReporter)
  }

  /// What the checks that follow one body from report to report found in
  /// its reports (`doneRuns`, `progressDecreases`), each finding's report
  /// given by its place among those reports.
  ///
  /// Kept (`ReportChecks.bodyRuns`) for the next validation, which takes
  /// it for a body whose reports are equal: a saved report changes one
  /// body's, and the others' are the very reports kept (their lines'
  /// storage shared, so compared at once).
  struct BodyRuns: Sendable {
    let reports: [Report]
    let done: [(order: DoneFinding.Order, DoneFinding)]
    let undated: [DoneRunSeen]
    let decreases: [ProgressDecrease]
  }

  /// Each body's runs in `ordered`, with the places of its reports there.
  ///
  /// `kept`'s are taken for a body whose reports are the same. On all
  /// cores: a plan whose communes all report has hundreds of thousands of
  /// lines.
  private static func bodyRuns(_ ordered: [Report], kept: [Reporter: BodyRuns]) -> [(
    reporter: Reporter, indexes: [Int], runs: BodyRuns
  )] {
    Parallel.map(indexesByReporter(ordered)) { reporter, indexes in
      let reports = indexes.map { ordered[$0] }
      if let earlier = kept[reporter], earlier.reports == reports {
        return (reporter, indexes, earlier)
      }
      let (done, undated) = doneRuns(reports)
      return (
        reporter, indexes,
        BodyRuns(
          reports: reports, done: done, undated: undated,
          decreases: progressDecreases(reports))
      )
    }
  }

  /// Where a body's progress on a task goes down from one report to its
  /// next, in its `reports` (in order), in the order of those reports and
  /// of their lines.
  private static func progressDecreases(_ reports: [Report]) -> [ProgressDecrease] {
    var previous: [TaskID: (progress: Int?, status: TaskStatus?, location: SourceLocation)] =
      [:]
    // A body's reports name mostly the same tasks: grown once, not
    // doubled a dozen times while the first is read.
    previous.reserveCapacity(reports.first?.tasks.count ?? 0)
    var found: [ProgressDecrease] = []
    for index in reports.indices {
      // Each line's fields read in place: a copy of the whole line
      // retains its text and source too (with `doneRuns`, a third of
      // these checks' time went to copying lines and letting them go).
      reports[index].tasks.withUnsafeBufferPointer { lines in
        for line in lines.indices {
          let task = lines[line].task
          let status = lines[line].status
          let progress = lines[line].progress
          // Looked up once: a line's task is hashed for each lookup.
          let before = previous[task]
          var change: ProgressDecrease.Change?
          if let before, let was = before.progress, let now = progress, now < was {
            change = .progress(was: was, now: now)
          } else if let before, before.status == .done, let now = status, now != .done {
            // A status filled down from an older form, most often.
            change = .undone(now)
          } else if let before, before.status == .inProgress, status == .notStarted,
            progress == nil
          {
            change = .unstarted
          }
          if let change, let before {
            found.append(
              ProgressDecrease(
                order: (index, line), task: task, change: change,
                location: lines[line].source.location, before: before.location))
          }
          if lines[line].statesStanding {
            previous[task] = (progress, status, lines[line].source.location)
          }
        }
      }
    }
    return found
  }

  /// A body's report for a later period dated before its report for an
  /// earlier one: one of the two dates is most often mistyped.
  ///
  /// `ordered` is by the end of the period, then by date.
  private func checkDateOrder(_ ordered: [Report], periods: [PeriodID: ReportingPeriod]) {
    var latest: [Reporter: Report] = [:]
    for report in ordered {
      if let earlier = latest[report.reporter], report.date < earlier.date,
        let period = periods[report.period], let earlierPeriod = periods[earlier.period],
        earlierPeriod.end < period.end
      {
        self.report.warning(
          vi: "báo cáo kỳ '\(period.name)' đề ngày \(report.date.vietnamese), trước báo cáo kỳ "
            + "'\(earlierPeriod.name)' của cùng đơn vị (\(earlier.date.vietnamese))",
          en: "the report for '\(period.name)' is dated \(report.date.iso), before the same "
            + "reporter's report for '\(earlierPeriod.name)' (\(earlier.date.iso))",
          at: report.source.location,
          notes: [
            Diagnostic.Note(
              vi: "kiểm tra lại ngày của hai báo cáo; báo cáo kia ở đây",
              en: "check the dates of both reports; the other one is here",
              at: earlier.source.location)
          ])
      }
      if latest[report.reporter].map({ report.date > $0.date }) ?? true {
        latest[report.reporter] = report
      }
    }
  }

  /// A task a body reports done on a day before its own earlier report,
  /// which said the task was not done yet: one of the dates is wrong (most
  /// often a day and month swapped, 09/05 for 05/09).
  ///
  /// `runs` are each body's, found in its reports on their own; what they
  /// find is said in the order checked (by the end of the period, then by
  /// date) and of the lines.
  private func checkDoneAfterEarlierReports(
    _ runs: [(reporter: Reporter, indexes: [Int], runs: BodyRuns)]
  ) {
    let findings = runs.flatMap { body in
      body.runs.done.map { order, finding in
        ((report: body.indexes[order.report], line: order.line, finding: order.finding), finding)
      }
    }
    for (_, finding) in findings.sorted(by: { $0.0 < $1.0 }) {
      switch finding {
      case .secondDate(let update, let given, let now):
        self.report.warning(
          vi: "nhiệm vụ '\(update.task.rawValue)' đã được báo cáo hoàn thành ngày "
            + "\(given.day.vietnamese), nay ghi ngày \(now.vietnamese)",
          en: "task '\(update.task.rawValue)' was reported done on \(given.day.iso), and "
            + "now on \(now.iso)",
          at: update.source.location,
          notes: [
            Diagnostic.Note(
              vi:
                "trang lấy ngày ghi sau cùng; ghi cùng một ngày ở cả hai báo cáo, hoặc bỏ "
                + "ngày ở báo cáo sau; báo cáo trước ở đây",
              en: "the site takes the later date; write the one date, or leave it out of "
                + "the later report; the earlier report is here",
              at: given.at)
          ])
      case .beforeEarlier(let update, let doneOn, let earlier):
        let said = earlier.status?.label ?? TaskStatus.inProgress.label
        self.report.warning(
          vi: "ngày hoàn thành \(doneOn.vietnamese) trước báo cáo ngày "
            + "\(earlier.date.vietnamese) của cùng đơn vị, khi nhiệm vụ còn '\(said)'",
          en: "the done date \(doneOn.iso) is before the same reporter's report of "
            + "\(earlier.date.iso), which still said '\(said)'",
          at: update.source.location,
          notes: [
            Diagnostic.Note(
              vi: "kiểm tra lại ngày (ngày và tháng có bị đảo chỗ không?); báo cáo trước ở đây",
              en: "check the date (are the day and month swapped?); the earlier report is here",
              at: earlier.at)
          ])
      }
    }
    // Runs still saying done that never give a date: the site takes the
    // first report's date.
    let undated = runs.flatMap(\.runs.undated).sorted {
      $0.first.update.source.location < $1.first.update.source.location
    }
    guard !undated.isEmpty else { return }
    // An entry whose done date cannot be read has its error already.
    var unreadable = Set<SourceLocation>()
    for report in draft.reports {
      for entry in report.tasks where entry.doneOnUnreadable {
        unreadable.insert(entry.source.location)
      }
    }
    for run in undated where !unreadable.contains(run.first.update.source.location) {
      checkUndatedDone(run.first.update, of: run.first.report)
    }
  }

  /// What one body's `reports` (in order) say of
  /// its done tasks: a done date given twice, a done date before an
  /// earlier report that still said otherwise, and its runs still saying
  /// done without a date.
  private static func doneRuns(_ ordered: [Report]) -> (
    findings: [(order: DoneFinding.Order, DoneFinding)], undated: [DoneRunSeen]
  ) {
    var findings: [(order: DoneFinding.Order, DoneFinding)] = []
    var notDone: [TaskID: (date: Day, status: TaskStatus?, at: SourceLocation)] = [:]
    // The body's reports in a row saying done: the date one gave and
    // where, and the first of them, whose date the site takes when none
    // of them gives one (`ReportIndex.DoneRun`).
    var done: [TaskID: DoneRunSeen] = [:]
    // Grown once (see `progressDecreases`).
    let lines = ordered.first?.tasks.count ?? 0
    notDone.reserveCapacity(lines)
    done.reserveCapacity(lines)
    for index in ordered.indices {
      let date = ordered[index].date
      // Read in place, as in `progressDecreases`; a line is copied only
      // into what is found.
      ordered[index].tasks.withUnsafeBufferPointer { lines in
        for line in lines.indices {
          let task = lines[line].task
          let status = lines[line].status
          let doneOn = lines[line].doneOn
          if lines[line].statesStanding {
            if status != .done {
              done[task] = nil
            } else if let run = done.index(forKey: task) {
              // Changed in place, by its index: the task is hashed once.
              if let given = done.values[run].given, let now = doneOn, given.day != now {
                findings.append(
                  ((index, line, 0), .secondDate(lines[line], given: given, now: now)))
              }
              if let now = doneOn { done.values[run].given = (now, lines[line].source.location) }
            } else {
              done[task] = DoneRunSeen(
                first: (lines[line], ordered[index]),
                given: doneOn.map { ($0, lines[line].source.location) })
            }
          }
          if status == .done, let doneOn, let earlier = notDone[task], doneOn < earlier.date {
            findings.append(
              ((index, line, 1), .beforeEarlier(lines[line], doneOn: doneOn, earlier: earlier)))
          }
          if lines[line].statesStanding, status != .done {
            notDone[task] = (date, status, lines[line].source.location)
          }
        }
      }
    }
    return (findings, done.values.filter { $0.given == nil })
  }

  /// What `doneRuns` finds on one line.
  enum DoneFinding: Sendable {
    /// The report's place among the body's reports (`BodyRuns`; among all
    /// reports in the order checked, once gathered), the line's in the report,
    /// and the finding's on the line.
    typealias Order = (report: Int, line: Int, finding: Int)
    /// A done date given again, and different, in a later report of the run.
    case secondDate(TaskUpdate, given: (day: Day, at: SourceLocation), now: Day)
    /// A done date before an earlier report that did not say done.
    case beforeEarlier(
      TaskUpdate, doneOn: Day, earlier: (date: Day, status: TaskStatus?, at: SourceLocation))
  }

  /// A body's reports in a row saying a task is done, as far as read.
  struct DoneRunSeen: Sendable {
    let first: (update: TaskUpdate, report: Report)
    var given: (day: Day, at: SourceLocation)?
  }

  /// Progress that goes down, and one figure given by two reports.
  ///
  /// Reports are taken by the end of their period, then by date: a report
  /// dated outside its period (warned about on its own) must not make the
  /// reports of other periods look like they go backwards.
  ///
  /// Returns each body's runs, for the next validation (`BodyRuns`); takes
  /// `kept`'s for a body whose reports are the same.
  private func checkAcrossReports(
    _ reports: [Report], schedule: ReportingSchedule?, kept: [Reporter: BodyRuns]
  ) -> [Reporter: BodyRuns] {
    var periods: [PeriodID: ReportingPeriod] = [:]
    for period in schedule?.periods ?? [] { periods[period.id] = period }
    func rank(_ report: Report) -> (Day, Day) {
      (periods[report.period]?.end ?? report.date, report.date)
    }
    // A report whose date does not fit its period is warned about on its
    // own and left out here: it is most often in the wrong folder.
    let fitting = reports.filter { report in
      periods[report.period].map { Self.misdating(report.date, of: $0, in: schedule) == nil }
        ?? true
    }
    let ordered = fitting.sorted(by: { rank($0) < rank($1) })
    checkDateOrder(ordered, periods: periods)
    let runs = Self.bodyRuns(ordered, kept: kept)
    checkDoneAfterEarlierReports(runs)
    let decreases = runs.flatMap { body in
      body.runs.decreases.map { decrease in
        (order: (body.indexes[decrease.order.report], decrease.order.line), decrease)
      }
    }
    for (_, decrease) in decreases.sorted(by: { $0.order < $1.order }) {
      let task = decrease.task.rawValue
      let message =
        switch decrease.change {
        case .progress(let was, let now):
          Message(
            vi: "tiến độ của nhiệm vụ '\(task)' giảm từ \(was)% xuống \(now)%",
            en: "the progress of task '\(task)' goes down from \(was)% to \(now)%")
        case .undone(let status):
          Message(
            vi: "nhiệm vụ '\(task)' đã báo cáo hoàn thành, nay lại ghi '\(status.label)'",
            en: "task '\(task)' was reported done, and is now '\(status.rawValue)'")
        case .unstarted:
          Message(
            vi: "nhiệm vụ '\(task)' đã báo cáo '\(TaskStatus.inProgress.label)', nay lại ghi "
              + "'\(TaskStatus.notStarted.label)'",
            en: "task '\(task)' was reported in progress, and is now not started")
        }
      self.report.warning(
        message,
        at: decrease.location,
        notes: [
          Diagnostic.Note(
            vi: "kiểm tra lại với báo cáo trước của cùng đơn vị",
            en: "check against the same reporter's previous report",
            at: decrease.before)
        ])
    }
    var figures: [String: (figure: IndicatorReport, in: Report)] = [:]
    for report in reports {
      for figure in report.indicators {
        let key = "\(figure.indicator.rawValue)|\(figure.period)"
        if let (first, other) = figures[key] {
          // In a form, the way out is a row to delete or the other
          // report to correct, not a file to open.
          let period =
            schedule?.periods.first { $0.id == other.period }?.name ?? other.period.rawValue
          let notes =
            Self.isInForm(figure.source.location)
            ? [
              Diagnostic.Note(
                vi: "số liệu đó ở báo cáo kỳ \(period) của \(plan.name(of: other.reporter)): xóa "
                  + "dòng này, hoặc sửa báo cáo đó (plansite report form --period "
                  + "\(other.period.rawValue) --from \(other.reporter.id), rồi nhập lại với "
                  + "--replace)",
                en: "that figure is in \(plan.name(of: other.reporter))'s report for \(period): "
                  + "delete this row, or correct that report (plansite report form --period "
                  + "\(other.period.rawValue) --from \(other.reporter.id), then import it with "
                  + "--replace)")
            ]
            : [
              Diagnostic.Note(
                vi: "mỗi số liệu chỉ ghi ở một nơi; số liệu kia ở đây",
                en: "write each figure in one place; the other one is here",
                at: first.source.location)
            ]
          self.report.error(
            vi:
              "chỉ tiêu '\(figure.indicator.rawValue)' \(IndicatorJudge.when(figure.period)) đã có số liệu "
              + "trong một báo cáo khác",
            en:
              "indicator '\(figure.indicator.rawValue)' for \(figure.period) already has a figure "
              + "in another report",
            at: figure.source.location, notes: notes)
        } else {
          figures[key] = (figure, report)
        }
      }
    }
    // A task with reports has its status from them, not from its own file.
    // Only tasks whose file writes one are looked for (most often none),
    // each line read in place: this ran over every line on one core,
    // copying each.
    let written = Set(
      draft.tasks.filter { $0.status != nil || $0.progress != nil }.map { TaskID($0.id.value) })
    var reported: [TaskID: SourceLocation] = [:]
    if !written.isEmpty {
      for report in reports {
        report.tasks.withUnsafeBufferPointer { lines in
          for line in lines.indices
          where written.contains(lines[line].task) && reported[lines[line].task] == nil {
            reported[lines[line].task] = lines[line].source.location
          }
        }
      }
    }
    for task in draft.tasks {
      guard let location = reported[TaskID(task.id.value)] else { continue }
      let written = task.status?.location ?? task.progress?.location
      guard let written else { continue }
      self.report.error(
        vi: "nhiệm vụ '\(task.id.value)' vừa có 'status'/'progress' viết tay vừa có báo cáo",
        en: "task '\(task.id.value)' has a hand-written 'status'/'progress' and reports too",
        at: written,
        notes: [
          Diagnostic.Note(
            vi: "khi đã có báo cáo, tình trạng được tính từ báo cáo: xóa 'status' và 'progress' "
              + "trong tệp nhiệm vụ",
            en: "once there are reports, the status comes from them: remove 'status' and "
              + "'progress' from the task file"),
          Diagnostic.Note(vi: "một báo cáo ở đây", en: "a report is here", at: location),
        ])
    }
    return Dictionary(runs.map { ($0.reporter, $0.runs) }) { first, _ in first }
  }
}
