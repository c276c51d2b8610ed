import PlanModel
import SiteCore

extension FileParser {
  /// `reporting.yaml`: the periods, who reports, who compiles.
  func schedule(_ yaml: YAMLFile) -> PlanDraft.ScheduleDraft? {
    guard let fields = MappingReader(yaml.root, what: .schedule, source: yaml.source) else {
      return nil
    }
    defer { fields.finish() }
    let periods =
      fields.list("periods", what: .period, required: true) { item in
        period(item, file: yaml.source.file)
      } ?? []
    // `periods: []` is a list, so `list` does not see it missing; a
    // schedule without a period would publish a reports page with nothing
    // to report on.
    if let node = fields.node("periods"), case .sequence(let list) = node, list.items.isEmpty {
      fields.error(
        vi: "'periods' là danh sách rỗng: lịch báo cáo chưa có kỳ nào",
        en: "'periods' is an empty list: the schedule has no period", at: fields.location(of: node),
        notes: [
          Diagnostic.Note(
            vi: "thay '[]' bằng các kỳ, mỗi kỳ một mục '  - id: 2026-6t' với name, start, end "
              + "và due; nếu chưa có kỳ nào thì xóa tệp reporting.yaml",
            en: "replace '[]' with the periods, each an item '  - id: 2026-6t' with name, "
              + "start, end and due; if there is no period yet, delete reporting.yaml")
        ])
    }
    let reporters = fields.idList("reporters")
    let compiler = fields.string("compiler")
    return PlanDraft.ScheduleDraft(
      periods: periods, reporterRefs: reporters, compilerRef: compiler,
      source: yaml.source.file.ref)
  }

  private func period(_ item: MappingReader, file: SourceFile) -> PlanDraft.PeriodDraft? {
    let id = item.string("id", required: true, example: "2026-6t")
    let name = item.string("name", required: true, example: "\"6 tháng đầu năm 2026\"")
    let start = item.day("start", required: true)
    let end = item.day("end", required: true)
    let due = item.day("due", required: true)
    guard let id, let name, let start, let end, let due else { return nil }
    if end.value < start.value {
      item.error(
        vi: "kỳ báo cáo kết thúc (\(end.value.vietnamese)) trước khi bắt đầu "
          + "(\(start.value.vietnamese))",
        en: "the period ends (\(end.value.iso)) before it starts (\(start.value.iso))",
        at: end.location,
        notes: [
          Diagnostic.Note(
            vi: "kiểm tra lại 'start' và 'end'", en: "check 'start' and 'end'")
        ])
      return nil
    }
    // An error, not a warning: every report of the period would be
    // published as late.
    if due.value < start.value {
      item.error(
        vi: "hạn gửi báo cáo (\(due.value.vietnamese)) trước ngày bắt đầu kỳ "
          + "(\(start.value.vietnamese))",
        en: "reports are due (\(due.value.iso)) before the period starts (\(start.value.iso))",
        at: due.location,
        notes: (Self.yearTypo(due.value, start: start.value, end: end.value).map {
          [
            Diagnostic.Note(
              vi: "có phải là \($0.vietnamese)? (năm có thể gõ nhầm)",
              en: "did you mean \($0.iso)? (the year may be mistyped)")
          ]
        } ?? [])
          + [
            Diagnostic.Note(
              vi: "hạn gửi thường sau ngày kết thúc kỳ, hoặc ít ngày trước đó",
              en: "reports are usually due after the period ends, or shortly before")
          ])
    }
    let period = ReportingPeriod(
      id: PeriodID(id.value), name: name.value, start: start.value, end: end.value,
      due: due.value, source: SourceRef(path: file.path, location: item.location))
    return PlanDraft.PeriodDraft(
      period: period, idLocation: id.location, endLocation: end.location,
      dueLocation: due.location)
  }

  /// `reports/<period>/<reporter>.md`: one report of one agency or commune.
  func report(_ doc: MarkdownFile, period: String, reporter: String) -> PlanDraft.ReportDraft? {
    let f = doc.fields
    defer { f.finish() }
    let date = f.day("date", required: true)
    let draft = f.bool("draft") ?? false
    // Misspelled, 'draft' would be ignored and the draft published.
    if let key = f.misspelling(of: "draft", orAnyOf: ["nhap", "ban nhap", "ban-nhap"]) {
      f.error(
        vi: "'\(key.value)' phải viết là 'draft' (chữ thường): viết khác đi, báo cáo này sẽ được "
          + "công bố như báo cáo chính thức",
        en: "'\(key.value)' must be written 'draft' (lower case): written otherwise, this report "
          + "would be published as final", at: key.location,
        notes: [
          Diagnostic.Note(
            vi: "sửa thành 'draft: true' nếu đây là bản nháp, hoặc xóa dòng này để công bố",
            en: "write 'draft: true' if this is a draft, or delete the line to publish it")
        ])
    }
    let document = f.string("document")?.value
    let sourceURL = f.webAddress("source_url", example: "https://vanban.nghean.gov.vn/…")?.value
    let tasks =
      f.list("tasks", what: .taskUpdate) { item in
        taskUpdate(item, file: doc.file)
      } ?? []
    let indicators =
      f.list("indicators", what: .indicatorFigure) { item in
        indicatorFigure(item, file: doc.file)
      } ?? []
    let fileLocation = doc.file.location()
    return PlanDraft.ReportDraft(
      periodRef: Located(period, at: fileLocation),
      reporterRef: Located(reporter, at: fileLocation),
      date: date, isDraft: draft, document: document, sourceURL: sourceURL, summary: body(doc),
      tasks: tasks, indicators: indicators, source: doc.file.ref)
  }

  private func taskUpdate(_ item: MappingReader, file: SourceFile) -> PlanDraft.TaskUpdateDraft? {
    let task = item.string("task", required: true, example: "\"1.1\"")
    let status = item.locatedEnumeration("status", TaskStatus.self)
    let progress = item.int("progress", in: 0...100)
    // A status given but not valid is reported; its done date is then not
    // checked against it (one mistake, one message).
    let doneOn = item.day("done_on").flatMap {
      status == nil && item.node("status") != nil ? nil : $0
    }
    let text = item.string("text")
    // A blank value reads as no value: said only where a value is missing.
    for (key, example, given) in [
      ("status", "in-progress", status != nil), ("progress", "50", progress != nil),
      ("done_on", "2026-06-30", doneOn != nil),
    ] {
      guard !given, let at = item.blank(key) else { continue }
      item.warning(
        vi: "'\(key)' để trống nên không được tính", en: "'\(key)' is blank, so it does not count",
        at: at,
        notes: [
          Diagnostic.Note(
            vi: "ghi giá trị (ví dụ '\(key): \(example)'), hoặc xóa dòng này",
            en: "give it a value (like '\(key): \(example)'), or remove the line")
        ])
    }
    guard let task else { return nil }
    // Given but not valid is reported on its own.
    if status == nil, progress == nil, doneOn == nil, text == nil,
      ["status", "progress", "done_on", "text"].allSatisfy({ item.node($0) == nil })
    {
      item.warning(
        vi: "mục báo cáo nhiệm vụ '\(task.value)' không ghi gì",
        en: "the entry for task '\(task.value)' says nothing", at: task.location,
        notes: [
          Diagnostic.Note(
            vi: "ghi 'status', 'progress' hoặc 'text' cho nhiệm vụ này, hoặc xóa mục này",
            en: "give this task a 'status', 'progress' or 'text', or remove the entry")
        ])
    }
    let rendered: RichText
    if let text, let placement = item.placement("text", in: file) {
      rendered = rich(text.value, at: placement, item.report)
    } else {
      rendered = .empty
    }
    var update = PlanDraft.TaskUpdateDraft(
      task: task, status: status, progress: progress, doneOn: doneOn, text: rendered,
      source: SourceRef(path: file.path, location: item.location))
    update.doneOnUnreadable =
      doneOn == nil && item.node("done_on") != nil && item.blank("done_on") == nil
    return update
  }

  private func indicatorFigure(_ item: MappingReader, file: SourceFile)
    -> PlanDraft.IndicatorReportDraft?
  {
    let indicator = item.string("indicator", required: true, example: "grdp-tang-truong")
    let period = item.string("year", required: true, example: "\"2026\"")
    let value = item.string("value", required: true, example: "\"7,9\"")
    guard let indicator, let period, let value else { return nil }
    guard let parsed = IndicatorValue(parsing: value.value) else {
      item.report.report(
        IndicatorValue.notAFigure(value.value, at: value.location, expected: .reported))
      return nil
    }
    if let warning = IndicatorValue.commaMaybeThousands(value.value, at: value.location) {
      item.report.report(warning)
    }
    guard let year = Self.period(period, item) else { return nil }
    return PlanDraft.IndicatorReportDraft(
      indicator: indicator, period: Located(year, at: period.location), value: parsed,
      source: SourceRef(path: file.path, location: item.location))
  }

  /// The due date with the year of the period's end, or the next, that
  /// puts it after the period or in its last month: `2025-07-10` for the
  /// first half of 2026, `2025-01-15` for the year 2026 (→ 2027).
  private static func yearTypo(_ due: Day, start: Day, end: Day) -> Day? {
    let lastMonth =
      Day(
        year: end.month == 1 ? end.year - 1 : end.year, month: end.month == 1 ? 12 : end.month - 1,
        day: 1) ?? end
    for year in [end.year, end.year + 1] where year != due.year {
      if let fixed = Day(year: year, month: due.month, day: due.day), fixed >= start,
        fixed >= lastMonth
      {
        return fixed
      }
    }
    return nil
  }
}
