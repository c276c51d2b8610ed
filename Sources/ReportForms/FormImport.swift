import ContentLoader
import Foundation
import PlanModel
import SiteCore

/// Reads a filled form and turns it into draft report files, checked
/// against the whole plan before anything is written.
///
/// Every cell becomes a value with its place in the form (row number and
/// column letter with its header), and the report drafts go through the
/// same validator as hand-written reports, so every rule applies and every
/// problem points at its cell. A multi-reporter form is all or nothing.
public struct FormImport: Sendable {
  /// What the command line gives besides the file.
  public struct Options: Sendable {
    /// The report's issue date (never the import date by default).
    public var date: Day
    public var document: String?
    public var sourceURL: String?
    /// The report's own summary, in Markdown.
    public var summary: String
    /// The period and reporter, when the form has no such columns.
    public var period: String?
    public var from: String?
    /// Replace an existing report of the same period and reporter.
    public var replace: Bool
    /// The build date reports are checked against.
    public var today: Day

    public init(
      date: Day, document: String? = nil, sourceURL: String? = nil, summary: String = "",
      period: String? = nil, from: String? = nil, replace: Bool = false, today: Day
    ) {
      self.date = date
      self.document = document
      self.sourceURL = sourceURL
      self.summary = summary
      self.period = period
      self.from = from
      self.replace = replace
      self.today = today
    }
  }

  /// One report file to write.
  public struct PlannedFile: Sendable, Equatable {
    /// The path inside the content folder (`reports/2026-6t/so-tai-chinh.md`).
    public var path: String
    public var text: String
    /// Whether a file is there already (written only with `--replace`).
    public var replaces: Bool
    /// Whether the file replaced is a published report: it leaves the site
    /// until the new draft is published.
    public var withdraws: Bool = false
    /// The report's period and reporter (what `report publish` takes).
    public var period: String = ""
    public var reporter: String = ""
  }

  /// What the import would do: the files, each task whose status or
  /// progress changes (for `--dry-run`), and every problem.
  public struct Outcome: Sendable {
    public var files: [PlannedFile] = []
    public var changes: [Message] = []
    public var diagnostics: [Diagnostic] = []
    public var failed: Bool { diagnostics.hasErrors }
  }

  public let content: String
  public let options: Options

  public init(content: String, options: Options) {
    self.content = content
    self.options = options
  }

  /// Checks the form at `path` (its bytes given) and plans the files.
  public func plan(formAt path: String, bytes: [UInt8]) -> Outcome {
    plan(formAt: path, bytes: bytes, loaded: ContentLoader(directory: content).load())
  }

  /// The same, with the content already loaded (many forms against one content).
  public func plan(formAt path: String, bytes: [UInt8], loaded: ContentLoader.Result) -> Outcome {
    var outcome = Outcome()
    let validator = PlanValidator(today: options.today, includeDrafts: true)
    let current = validator.validate(loaded.draft)
    guard !loaded.diagnostics.hasErrors, let plan = current.plan else {
      outcome.diagnostics = (loaded.diagnostics + current.diagnostics).filter {
        $0.severity == .error
      }
      outcome.diagnostics.append(
        .error(
          vi: "chưa nhập gì vì nội dung còn lỗi (xem danh sách lỗi): sửa hết rồi chạy lại "
            + "'plansite report import'",
          en: "nothing imported: the content has errors (see the list); fix them all, then run "
            + "'plansite report import' again",
          at: SourceLocation(file: content)))
      return outcome
    }
    let grid: FormGrid
    do {
      grid = try FormFile.read(path: path, bytes: bytes)
    } catch {
      outcome.diagnostics = error.diagnostics
      return outcome
    }
    let reader = FormReader(path: path, grid: grid, plan: plan, options: options)
    var groups = reader.groups()
    // Cell problems do not stop the checks: the rows are also checked
    // against the plan, so a clerk sees every problem of the form at once.
    outcome.diagnostics = reader.report.diagnostics
    // Said here in the import's words: the report check's own message
    // speaks of a report file's 'draft: true', which an import always writes.
    if options.date > options.today {
      outcome.diagnostics.append(
        .error(
          vi: "ngày báo cáo \(options.date.vietnamese) (--date) sau ngày hôm nay "
            + "(\(options.today.vietnamese))",
          en: "the report date \(options.date.iso) (--date) is after today (\(options.today.iso))",
          at: Self.dateLocation,
          notes: [
            Diagnostic.Note(
              vi: "ghi ngày ban hành của báo cáo (ngày ký văn bản), không muộn hơn hôm nay",
              en: "give the date the report was issued (signed), not later than today")
          ]))
      return outcome
    }
    // One body's form left blank: a report with nothing new, recorded when
    // the import is told the report's document or summary (the body did
    // report; the period's page then lists it as having sent).
    if groups.isEmpty, !outcome.diagnostics.hasErrors, reader.unfilled.count == 1,
      options.document != nil || !options.summary.isEmpty
    {
      groups = reader.unfilled
    }
    guard !groups.isEmpty else {
      if outcome.diagnostics.hasErrors { return outcome }
      outcome.diagnostics.append(
        .error(
          vi: "biểu mẫu chưa có dòng nào được điền (Tình trạng, Tiến độ, Ngày hoàn thành, Kết quả "
            + "thực hiện hoặc Số liệu)",
          en: "no row of the form is filled in (status, progress, done date, what was done or a "
            + "figure)",
          at: SourceLocation(file: path),
          notes: reader.unfilled.count == 1
            ? [
              Diagnostic.Note(
                vi: "nếu đơn vị báo cáo không có gì mới, nhập lại kèm số hiệu văn bản báo cáo "
                  + "(--document \"…\") hoặc tóm tắt (--summary tệp.md): trang sẽ ghi nhận đơn vị "
                  + "đã gửi báo cáo",
                en: "if the body reported nothing new, import again with the report's document "
                  + "number (--document \"…\") or a summary (--summary file.md): the site then "
                  + "records that it reported")
            ] : []))
      return outcome
    }

    outcome.diagnostics += Self.nameMismatch(path, groups, plan)
    if groups.count > 1 {
      outcome.diagnostics += sharedOptions(groups.count, path: path)
    }

    var draft = loaded.draft
    let folder = content.hasSuffix("/") ? content : content + "/"
    // What replacing an existing report takes away, for the dry run.
    var dropped: [Message] = []
    // The groups written (a form giving what the report already says is
    // not written again: that would re-date it and take it off the site).
    var written: [FormReader.Group] = []
    for group in groups {
      let existing = draft.reports.firstIndex {
        $0.periodRef.value == group.period.id.rawValue && $0.reporterRef.value == group.reporter.id
      }
      let filePath = "reports/\(group.period.id.rawValue)/\(group.reporter.id).md"
      let name = plan.name(of: group.reporter)
      var withdraws = false
      var fileOptions = options
      if let existing {
        let old = draft.reports[existing]
        // In a file of several bodies, --date is the one its new reports
        // were signed on, not a date for those it leaves as they were.
        if Self.says(group, as: old, options: options, datedByIt: groups.count == 1) {
          dropped.append(
            Message(
              vi: "\(name), kỳ \(group.period.name): biểu mẫu ghi đúng như báo cáo đã có "
                + "(\(folder + filePath)); không ghi lại",
              en: "\(name), \(group.period.name): the form says what the report there is says "
                + "(\(folder + filePath)); not written again"))
          continue
        }
        guard options.replace else {
          outcome.diagnostics.append(
            Self.existingReport(
              old, of: name, period: group.period, path: folder + filePath, at: group.location))
          continue
        }
        withdraws = !old.isDraft
        if withdraws {
          dropped.append(
            Message(
              vi: "\(name), kỳ \(group.period.name): báo cáo đã công bố sẽ được thay bằng bản nháp "
                + "này và không còn trên trang cho đến khi công bố lại",
              en: "\(name), \(group.period.name): the published report is replaced by this draft "
                + "and leaves the site until it is published again"))
        }
        if let was = old.date?.value, was != options.date {
          dropped.append(
            Message(
              vi: "\(name), kỳ \(group.period.name): ngày báo cáo đổi từ \(was.vietnamese) thành "
                + "\(options.date.vietnamese) (--date)",
              en: "\(name), \(group.period.name): the report's date changes from \(was.iso) to "
                + "\(options.date.iso) (--date)"))
        }
        let lossesBefore = dropped.count
        let kept = Set(group.tasks.map(\.task.value))
        for entry in old.tasks where !kept.contains(entry.task.value) {
          dropped.append(
            Message(
              vi: "\(name), nhiệm vụ \(entry.task.value): có trong báo cáo cũ, biểu mẫu không ghi "
                + "(không có dòng, hoặc dòng để trống): mục này sẽ bị bỏ",
              en: "\(name), task \(entry.task.value): in the old report, not in the form (no row, "
                + "or a blank one): the entry is dropped"))
        }
        dropped += Self.lostFromKeptEntries(old: old.tasks, new: group.tasks, of: name)
        let figures = Set(group.figures.map { "\($0.indicator.value)|\($0.period.value)" })
        for figure in old.indicators
        where !figures.contains("\(figure.indicator.value)|\(figure.period.value)") {
          dropped.append(
            Message(
              vi:
                "\(name), chỉ tiêu \(figure.indicator.value) \(IndicatorJudge.when(figure.period.value)): có "
                + "trong "
                + "báo cáo cũ (\(figure.value.description)), biểu mẫu không ghi: số liệu này "
                + "sẽ bị bỏ",
              en: "\(name), indicator \(figure.indicator.value) for \(figure.period.value): in the "
                + "old report (\(figure.value.description)), not in the form: the figure is "
                + "dropped"))
        }
        // A form for several bodies is not filled in from their reports: a
        // correction through it drops what its rows leave blank, and a row
        // of another body typed into a one-body form makes one of it. Such
        // a file replaces no report that it would take entries from.
        if groups.count > 1, dropped.count > lossesBefore {
          outcome.diagnostics.append(
            .error(
              vi: "tệp có dòng của \(groups.count) đơn vị; báo cáo kỳ '\(group.period.name)' của "
                + "\(name) sẽ mất những gì tệp không ghi lại",
              en: "the file has rows of \(groups.count) bodies; \(name)'s report for "
                + "'\(group.period.name)' would lose what the file leaves out",
              at: group.location,
              notes: dropped[lossesBefore...].map { Diagnostic.Note(vi: $0.vi, en: $0.en) } + [
                Diagnostic.Note(
                  vi: "sửa báo cáo của \(name) bằng biểu mẫu riêng, được điền sẵn báo cáo đó: "
                    + "plansite report form --period \(group.period.id.rawValue) --from "
                    + "\(group.reporter.id); nếu dòng này không phải của \(name), sửa cột "
                    + "\"Mã đơn vị\"",
                  en: "correct \(name)'s report with a form of its own, filled in from it: "
                    + "plansite report form --period \(group.period.id.rawValue) --from "
                    + "\(group.reporter.id); if this row is not \(name)'s, correct \"Mã đơn vị\"")
              ]))
        }
        if let document = options.document, let was = old.document, document != was {
          dropped.append(
            Message(
              vi: "\(name), kỳ \(group.period.name): số hiệu văn bản đổi từ \"\(was)\" thành "
                + "\"\(document)\" (--document)",
              en: "\(name), \(group.period.name): the document number changes from \"\(was)\" to "
                + "\"\(document)\" (--document)"))
        }
        // What the form cannot carry is kept from the report it replaces,
        // unless the command line gives it anew.
        var carried: [Message] = []
        if fileOptions.document == nil, let document = old.document {
          fileOptions.document = document
          carried.append(
            Message(
              vi: "số hiệu văn bản \"\(document)\" (--document)",
              en: "the document number \"\(document)\" (--document)"))
        }
        if fileOptions.sourceURL == nil, let url = old.sourceURL {
          fileOptions.sourceURL = url
          carried.append(
            Message(
              vi: "địa chỉ bản đã ký (--source-url)", en: "the signed copy's address (--source-url)"
            ))
        }
        if fileOptions.summary.isEmpty, !old.summary.markdown.isEmpty {
          fileOptions.summary = old.summary.markdown
          carried.append(Message(vi: "phần tóm tắt (--summary)", en: "the summary (--summary)"))
        }
        if !carried.isEmpty {
          dropped.append(
            Message(
              vi: "\(name), kỳ \(group.period.name): giữ "
                + carried.map(\.vi).joined(separator: ", ")
                + " của báo cáo cũ; muốn đổi thì ghi tùy chọn trong ngoặc",
              en: "\(name), \(group.period.name): keeps the old report's "
                + carried.map(\.en).joined(separator: ", ") + "; give the option to change it"))
        }
        draft.reports.remove(at: existing)
      }
      written.append(group)
      draft.reports.append(
        reportDraft(group, options: fileOptions, formPath: path, contentPath: filePath))
      outcome.files.append(
        PlannedFile(
          path: filePath, text: ReportFileText.make(group, options: fileOptions),
          replaces: existing != nil, withdraws: withdraws, period: group.period.id.rawValue,
          reporter: group.reporter.id))
    }
    let checked = validator.validate(draft)
    let commandLine = FormTarget.commandLine.file
    // The report's own checks speak of its date at `--date` (a date
    // outside the period is a warning the clerk must see).
    outcome.diagnostics += checked.diagnostics.filter {
      $0.severity == .error || $0.location.file == path || $0.location.file == commandLine
        || $0.location == Self.dateLocation
    }
    if outcome.diagnostics.hasErrors {
      outcome.files = []
      return outcome
    }
    outcome.changes = dropped + changes(written, plan: plan)
    return outcome
  }

  /// Whether `group` says what `old`, the report of its period and body,
  /// says: the same entries and figures, the same date, and the command
  /// gives no other document, signed copy or summary.
  static func says(
    _ group: FormReader.Group, as old: PlanDraft.ReportDraft, options: Options, datedByIt: Bool
  ) -> Bool {
    func entry(_ update: PlanDraft.TaskUpdateDraft) -> [String] {
      [
        update.task.value, update.status?.value.rawValue ?? "",
        update.progress.map { String($0.value) } ?? "", update.doneOn?.value.iso ?? "",
        update.text.markdown,
      ]
    }
    func figure(_ figure: PlanDraft.IndicatorReportDraft) -> [String] {
      [figure.indicator.value, figure.period.value, figure.value.description]
    }
    return Set(group.tasks.map(entry)) == Set(old.tasks.map(entry))
      && group.tasks.count == old.tasks.count
      && Set(group.figures.map(figure)) == Set(old.indicators.map(figure))
      && group.figures.count == old.indicators.count
      && (options.document ?? old.document) == old.document
      && (options.sourceURL ?? old.sourceURL) == old.sourceURL
      && (options.summary.isEmpty || options.summary == old.summary.markdown)
      && (!datedByIt || old.date?.value == options.date)
  }

  /// Where `--date` is reported.
  private static let dateLocation = SourceLocation(file: FormTarget.commandLine.file + " --date")

  /// The body already reported for the period, and `--replace` was not given.
  ///
  /// A published report is most often met through a typo in the period or
  /// the body's id: the note says so before it offers `--replace`, which
  /// takes the published report off the site until the draft is published.
  private static func existingReport(
    _ old: PlanDraft.ReportDraft, of name: String, period: ReportingPeriod, path: String,
    at location: SourceLocation
  ) -> Diagnostic {
    let note =
      old.isDraft
      ? Diagnostic.Note(
        vi: "thêm --replace để thay bản nháp đó bằng biểu mẫu này",
        en: "add --replace to replace that draft with this form")
      : Diagnostic.Note(
        vi: "báo cáo đó đã công bố: kiểm tra lại cột Kỳ báo cáo và Mã đơn vị của dòng này; nếu "
          + "đúng là cần sửa báo cáo đó, thêm --replace (báo cáo sẽ thành bản nháp, không còn trên "
          + "trang cho đến khi chạy 'plansite report publish')",
        en: "that report is published: check the period and body columns of this row; if that "
          + "report really needs correcting, add --replace (it becomes a draft and is off the "
          + "site until 'plansite report publish')")
    return .error(
      vi: "đã có báo cáo của \(name) kỳ '\(period.name)' (\(path))",
      en: "\(name) already has a report for '\(period.name)' (\(path))", at: location,
      notes: [note])
  }

  /// Writes the planned files, each atomically (a killed import leaves the
  /// old file or the new one, never half of one).
  public func write(_ outcome: Outcome) throws(DiagnosticError) {
    for file in outcome.files {
      try AtomicFile.write(file.text, to: content + "/" + file.path)
    }
  }

  private func reportDraft(
    _ group: FormReader.Group, options: Options, formPath: String, contentPath: String
  ) -> PlanDraft.ReportDraft {
    PlanDraft.ReportDraft(
      periodRef: Located(group.period.id.rawValue, at: group.location),
      reporterRef: Located(group.reporter.id, at: group.location),
      date: Located(options.date, at: Self.dateLocation),
      isDraft: true, document: options.document, sourceURL: options.sourceURL,
      summary: RichText(markdown: options.summary, html: ""), tasks: group.tasks,
      indicators: group.figures,
      source: SourceRef(path: contentPath, location: SourceLocation(file: formPath)))
  }

  /// A warning when the file's name is a form's default name for another
  /// period or body than its rows: the wrong unit's reply copied over, or
  /// last period's form sent again (`bao-cao-2026-6t-so-tai-chinh.xlsx`
  /// holding Sở Xây dựng's rows).
  static func nameMismatch(_ path: String, _ groups: [FormReader.Group], _ plan: Plan)
    -> [Diagnostic]
  {
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    guard name.hasPrefix("bao-cao-"), let schedule = plan.schedule,
      let period = schedule.periods.filter({ name.hasPrefix("bao-cao-\($0.id.rawValue)-") })
        .max(by: { $0.id.rawValue.count < $1.id.rawValue.count })
    else { return [] }
    let named = String(name.dropFirst("bao-cao-\(period.id.rawValue)-".count))
    let reporter: Reporter? =
      plan.agency(AgencyID(named)).map { .agency($0.id) }
      ?? plan.commune(CommuneID(named)).map { .commune($0.id) }
    var found: [Diagnostic] = []
    let periods = Set(groups.map(\.period.id))
    if !periods.contains(period.id), let other = groups.first?.period {
      found.append(
        .warning(
          vi: "tên tệp là của kỳ \(period.name), nhưng các dòng trong tệp ghi kỳ \(other.name)",
          en: "the file is named for the period \(period.name), but its rows are for "
            + "\(other.name)", at: SourceLocation(file: path),
          notes: [Self.rightFileNote]))
    }
    if let reporter, groups.count == 1, let other = groups.first?.reporter, other != reporter {
      found.append(
        .warning(
          vi: "tên tệp là của \(plan.name(of: reporter)), nhưng các dòng trong tệp là của "
            + "\(plan.name(of: other))",
          en: "the file is named for \(plan.name(of: reporter)), but its rows are "
            + "\(plan.name(of: other))'s", at: SourceLocation(file: path),
          notes: [Self.rightFileNote]))
    }
    return found
  }

  /// What one import's options would write into the reports of several
  /// bodies (a form for all communes, entered from their paper reports):
  /// one document number for all is wrong, so refused; one date for all
  /// is said, as on-time or late is judged from it.
  private func sharedOptions(_ count: Int, path: String) -> [Diagnostic] {
    var found: [Diagnostic] = []
    let given = [
      ("--document", options.document != nil), ("--source-url", options.sourceURL != nil),
      ("--summary", !options.summary.isEmpty),
    ].filter(\.1).map(\.0)
    if !given.isEmpty {
      let names = given.joined(separator: ", ")
      found.append(
        .error(
          vi: "tệp có báo cáo của \(count) đơn vị: \(names) chỉ dùng cho tệp của một đơn vị",
          en: "the file holds the reports of \(count) bodies: \(names) is only for one body's "
            + "file", at: SourceLocation(file: path),
          notes: [
            Diagnostic.Note(
              vi: "bỏ \(names), hoặc tạo và nhập biểu mẫu riêng cho từng đơn vị",
              en: "leave out \(names), or make and import a form for each body")
          ]))
    }
    found.append(
      .warning(
        vi: "ngày \(options.date.vietnamese) (--date) được ghi cho cả \(count) đơn vị; đúng hạn "
          + "hay chậm được tính theo ngày này",
        en: "the date \(options.date.iso) (--date) is written for all \(count) bodies; on time "
          + "or late is judged from it", at: Self.dateLocation,
        notes: [
          Diagnostic.Note(
            vi: "nếu các đơn vị gửi vào những ngày khác nhau, nhập biểu mẫu của từng đơn vị "
              + "riêng với ngày của đơn vị đó",
            en: "if the bodies sent their reports on different days, import each body's form "
              + "with its own date")
        ]))
    return found
  }

  private static let rightFileNote = Diagnostic.Note(
    vi: "kiểm tra đã nhập đúng tệp đơn vị gửi cho kỳ này",
    en: "check that this is the file the unit sent for this period")

  /// For `--dry-run`: each task whose status or progress changes, or whose
  /// row brings a new text; each new figure; by reporter.
  private func changes(_ groups: [FormReader.Group], plan: Plan) -> [Message] {
    // What the site shows: published reports only.
    let index = ReportIndex(plan: plan.withoutDraftReports)
    let rank = Dictionary(
      (plan.schedule?.periods ?? []).enumerated().map { ($1.id, $0) },
      uniquingKeysWith: { a, _ in a })
    var lines: [Message] = []
    for group in groups {
      let name = plan.name(of: group.reporter)
      let own = rank[group.period.id] ?? Int.max
      // A draft being replaced is what the correction changes, though the
      // site does not show it yet.
      let replaced = plan.reports.first {
        $0.period == group.period.id && $0.reporter == group.reporter
      }
      let draft = replaced?.isDraft == true ? replaced : nil
      for update in group.tasks {
        let task = TaskID(update.task.value)
        // The body's latest word as the site shows it now: in the periods
        // up to its own, so a published report being replaced counts (what
        // the form leaves out of it is listed apart); a later period's does
        // not come before it.
        let before =
          draft?.tasks.last { $0.task == task && $0.statesStanding }
          ?? index.latest(group.reporter, on: task) { (rank[$0] ?? Int.max) <= own }?.update
        // A row with a text only keeps the latest word; any other is the
        // body's word on its own, shown as the site shows it
        // (`TaskState.word`): a status without a progress takes none from
        // the report before.
        // A text alone is said with its first words: it is what the row
        // brings (the same text as the report replaced brings nothing).
        let replacedText = replaced?.tasks.last { $0.task == task }?.text.markdown ?? ""
        func sayText() {
          guard !update.text.isEmpty, update.text.markdown != replacedText else { return }
          let text = update.text.markdown.clipped(to: 60)
          lines.append(
            Message(
              vi: "\(name), nhiệm vụ \(task.rawValue): kết quả thực hiện '\(text)'",
              en: "\(name), task \(task.rawValue): text '\(text)'"))
        }
        guard update.status != nil || update.progress != nil else {
          sayText()
          continue
        }
        let (oldStatus, oldProgress) = TaskState.word(
          status: before?.status, progress: before?.progress)
        let (newStatus, newProgress) = TaskState.word(
          status: update.status?.value, progress: update.progress?.value)
        guard newStatus != oldStatus || newProgress != oldProgress else {
          sayText()
          continue
        }
        func describe(_ status: TaskStatus?, _ progress: Int?) -> String {
          let word = status?.label ?? (progress == nil ? "chưa báo cáo" : "tiến độ")
          return progress.map { "\(word) \($0)%" } ?? word
        }
        func describeEN(_ status: TaskStatus?, _ progress: Int?) -> String {
          let word = status?.rawValue ?? (progress == nil ? "not reported" : "progress")
          return progress.map { "\(word) \($0)%" } ?? word
        }
        lines.append(
          Message(
            vi: "\(name), nhiệm vụ \(task.rawValue): \(describe(oldStatus, oldProgress)) "
              + "→ \(describe(newStatus, newProgress))",
            en: "\(name), task \(task.rawValue): \(describeEN(oldStatus, oldProgress)) "
              + "→ \(describeEN(newStatus, newProgress))"))
      }
      if group.tasks.isEmpty, group.figures.isEmpty {
        lines.append(
          Message(
            vi: "\(name), kỳ \(group.period.name): báo cáo không có gì mới (biểu mẫu để trống); "
              + "trang ghi nhận đơn vị đã gửi báo cáo",
            en: "\(name), \(group.period.name): a report with nothing new (the form is blank); "
              + "the site records that it reported"))
      }
      // A figure the report it replaces already gives is no change.
      let given = replaced?.indicators ?? []
      for figure in group.figures
      where !given.contains(where: {
        $0.indicator.rawValue == figure.indicator.value && $0.period == figure.period.value
          && $0.value == figure.value
      }) {
        lines.append(
          Message(
            vi:
              "\(name), chỉ tiêu \(figure.indicator.value) \(IndicatorJudge.when(figure.period.value)): "
              + "\(figure.value.description)",
            en: "\(name), indicator \(figure.indicator.value) for \(figure.period.value): "
              + "\(figure.value.description)"))
      }
    }
    return lines
  }

  /// What the report being replaced said of a task that the form's row
  /// for it leaves out: its status, progress, text and done date (a form
  /// does not show the report it replaces, so a clerk filling only some
  /// cells loses the others).
  static func lostFromKeptEntries(
    old: [PlanDraft.TaskUpdateDraft], new: [PlanDraft.TaskUpdateDraft], of name: String
  ) -> [Message] {
    let rows = Dictionary(new.map { ($0.task.value, $0) }) { first, _ in first }
    var lost: [Message] = []
    for entry in old {
      guard let row = rows[entry.task.value] else { continue }
      let task = entry.task.value
      func dropped(_ vi: String, _ en: String, quoting quote: String = "") {
        lost.append(
          Message(
            vi: "\(name), nhiệm vụ \(task): \(vi) của báo cáo cũ\(quote) để trống trong biểu mẫu "
              + "và sẽ bị bỏ",
            en: "\(name), task \(task): the old report's \(en)\(quote) is blank in the form and "
              + "is dropped"))
      }
      if !entry.text.isEmpty, row.text.isEmpty {
        dropped(
          "phần kết quả thực hiện", "text", quoting: " ('\(entry.text.markdown.clipped(to: 60))')")
      }
      if let was = entry.status?.value, row.status == nil {
        dropped("tình trạng \"\(was.label)\"", "status '\(was.rawValue)'")
      } else if let was = entry.progress?.value, row.progress == nil, row.status?.value != .done {
        dropped("tiến độ \(was)%", "progress \(was)%")
      }
      // Said as what the file loses: which day the site then shows
      // depends on the body's other reports (`ReportIndex.DoneRun`).
      guard let was = entry.doneOn?.value, row.status?.value == .done, row.doneOn?.value != was
      else { continue }
      if let now = row.doneOn?.value {
        lost.append(
          Message(
            vi: "\(name), nhiệm vụ \(task): ngày hoàn thành \(was.vietnamese) của báo cáo cũ "
              + "thành \(now.vietnamese)",
            en: "\(name), task \(task): the old report's done date \(was.iso) becomes \(now.iso)"))
      } else {
        dropped("ngày hoàn thành \(was.vietnamese)", "done date \(was.iso)")
      }
    }
    return lost
  }

}

/// A form file read as a grid, whatever its format.
enum FormFile {
  static func read(path: String, bytes: [UInt8]) throws(DiagnosticError) -> FormGrid {
    let location = SourceLocation(file: path)
    // Excel's and LibreOffice's lock files beside a workbook that is open
    // ("~$bao-cao.xlsx", ".~lock.bao-cao.xlsx#").
    let name = (path as NSString).lastPathComponent
    if name.hasPrefix("~$") || name.hasPrefix(".~lock.") {
      throw DiagnosticError(
        .error(
          vi: "tệp này là tệp tạm Excel hay LibreOffice tạo ra khi một bảng tính đang mở, không "
            + "phải biểu mẫu",
          en: "this is the temporary file Excel or LibreOffice makes while a workbook is open, "
            + "not a form",
          at: location,
          notes: [
            Diagnostic.Note(
              vi: "đóng bảng tính rồi nhập tệp gốc (tên không có '~$' hay '.~lock.')",
              en: "close the workbook, then import it (its name has no '~$' or '.~lock.')")
          ]))
    }
    let isZip = bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
    // Excel 97–2003 (an OLE2 compound file) and LibreOffice's own format.
    let isOldExcel = bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    if isOldExcel || path.lowercased().hasSuffix(".ods") {
      let kind =
        isOldExcel
        ? Message(vi: "bảng tính Excel 97–2003 (.xls)", en: "an Excel 97–2003 workbook (.xls)")
        : Message(vi: "bảng tính OpenDocument (.ods)", en: "an OpenDocument spreadsheet (.ods)")
      throw DiagnosticError(
        .error(
          vi: "tệp này là \(kind.vi): plansite đọc biểu mẫu .xlsx hoặc .csv",
          en: "this file is \(kind.en): plansite reads .xlsx or .csv forms", at: location,
          notes: [
            Diagnostic.Note(
              vi: "mở tệp rồi lưu lại thành \"Excel Workbook (*.xlsx)\" và nhập tệp .xlsx đó",
              en: "open it and save it as \"Excel Workbook (*.xlsx)\", then import that .xlsx")
          ]))
    }
    let format = FormFormat(fileName: path) ?? (isZip ? .xlsx : .csv)
    switch format {
    case .xlsx:
      do {
        return try XLSXReader.grid(Data(bytes))
      } catch {
        throw DiagnosticError(
          .error(
            error.message, at: location,
            notes: error.saysTheFix
              ? []
              : [
                Diagnostic.Note(
                  vi: "gửi lại đúng tệp .xlsx đã tải về và điền, hoặc lưu bảng tính thành "
                    + "\"Excel Workbook (*.xlsx)\"",
                  en: "send the .xlsx file that was downloaded and filled in, or save the sheet "
                    + "as \"Excel Workbook (*.xlsx)\"")
              ]))
      }
    case .csv:
      if isZip {
        throw DiagnosticError(
          .error(
            vi: "tệp này là bảng tính .xlsx nhưng có đuôi .csv",
            en: "this file is an .xlsx workbook named .csv", at: location,
            notes: [Diagnostic.Note(vi: "đổi đuôi tệp thành .xlsx", en: "rename it to .xlsx")]))
      }
      do {
        return try FormCSV.grid(bytes)
      } catch {
        throw DiagnosticError(
          .error(
            error.message, at: SourceLocation(file: path, line: error.row), notes: error.notes))
      }
    }
  }
}

/// Writes a file by renaming a complete temporary file over it.
enum AtomicFile {
  static func write(_ text: String, to path: String) throws(DiagnosticError) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: temporary)
      guard rename(temporary.path, url.path) == 0 else {
        throw CocoaError(.fileWriteUnknown)
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw DiagnosticError(
        .error(
          vi: "không ghi được tệp '\(path)'", en: "cannot write '\(path)'",
          at: SourceLocation(file: path),
          notes: [
            Diagnostic.Note(
              vi: "kiểm tra quyền ghi vào thư mục và ổ đĩa còn chỗ trống",
              en: "check that the folder is writable and the disk has room")
          ]))
    }
  }
}
