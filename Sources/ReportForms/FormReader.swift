import Foundation
import Markup
import PlanModel
import SiteCore

/// Reads the rows of a filled form into report drafts, one per (period,
/// reporter), each value located at its cell.
///
/// A row whose cells to fill in are all blank is no update on that task. A
/// status is a site word ("Hoàn thành") with or without diacritics, or a
/// code ("done"); a progress is 0 to 100, with or without "%"; a date is
/// 31/12/2026 or 2026-12-31 (or a spreadsheet date number).
final class FormReader {
  struct Group {
    let period: ReportingPeriod
    let reporter: Reporter
    /// The first row of the group, for messages about the whole report.
    let location: SourceLocation
    var tasks: [PlanDraft.TaskUpdateDraft] = []
    var figures: [PlanDraft.IndicatorReportDraft] = []
  }

  let path: String
  let grid: FormGrid
  let plan: Plan
  let options: FormImport.Options
  let report = DiagnosticCollector()
  /// Column index of each known header.
  private var columns: [FormColumn: Int] = [:]
  private var headers: [Int: String] = [:]
  /// The tasks each reporter holds, by folded title (made when first needed).
  private var heldByTitle: [Reporter: [String: [Int]]] = [:]
  private let renderer = MarkdownRenderer()
  /// What the reference columns were filled with (made when first needed).
  private lazy var reference = FormReference(plan: plan)
  /// The cells copied from the plan (`ReportForm.planColumns`) that hold
  /// something else, by column: said once per column after the rows.
  private var editedPlanCells: [FormColumn: [(row: Int, typed: String, planned: String)]] = [:]
  /// Rows whose Loại cell says another kind than their Mã names (said once).
  private var misnamedKinds: [(row: Int, typed: String, kind: RowKind)] = []
  /// Đơn vị cells naming no body but other than the reporter's name, by
  /// reporter (said once each), and the reporters already said to be
  /// named as another body.
  private var renamedReporters: [Reporter: (row: Int, typed: String)] = [:]
  private var misattributed: Set<Reporter> = []
  /// A date cell plansite wrote day first that the spreadsheet shows
  /// month first ("8/31/2026" for the deadline 31/08/2026), if any: a
  /// done date then typed "6/5/2026" may mean 5 June.
  private lazy var monthFirstCell: (row: Int, column: FormColumn, text: String)? = {
    for column in [FormColumn.deadline, .lastDate] {
      guard let index = columns[column] else { continue }
      for row in grid.rows.indices where row > (grid.headerRow ?? 0) {
        let text = grid.cell(row, index)
        if Self.day(text) == nil, Self.monthFirstDay(text) != nil {
          return (row, column, text)
        }
      }
    }
    return nil
  }()

  /// The columns rows need that the header lacks, said once.
  private var absentSaid: Set<FormColumn> = []

  init(path: String, grid: FormGrid, plan: Plan, options: FormImport.Options) {
    self.path = path
    self.grid = grid
    self.plan = plan
    self.options = options
  }

  /// The location of a cell: its spreadsheet row and its column letter and header.
  func location(row: Int, column: FormColumn) -> SourceLocation {
    guard let index = columns[column] else { return SourceLocation(file: path, line: row + 1) }
    return SourceLocation(
      file: path, line: row + 1, column: index + 1,
      columnLabel: "\(XLSXColumn.letters(index)) (\(headers[index] ?? column.header))")
  }

  /// The period and reporter of each group whose rows name tasks or
  /// indicators but fill nothing in (set by `groups()`): a report with
  /// nothing new, which the import records only when told its document.
  private(set) var unfilled: [Group] = []

  func groups() -> [Group] {
    guard readHeader() else { return [] }
    let header = grid.headerRow ?? 0
    // The rows with something written in each column not of the form.
    var outside: [Int: [Int]] = [:]
    var groups: [Group] = []
    var positions: [String: Int] = [:]
    for row in (header + 1)..<max(header + 1, grid.rows.count) {
      guard !reportFailedFormulas(row) else { continue }
      guard
        grid.rows[row].contains(where: {
          !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        })
      else { continue }
      // Below the table, clerks sign ("Người lập biểu", a name): a row with
      // no Mã and nothing to import is no row of the form.
      guard
        !cell(row, .id).isEmpty
          || FormColumn.allCases.contains(where: {
            $0.isInput && !cell(row, $0).isEmpty
          })
      else { continue }
      // No Mã, period or body: a total ("Tổng cộng") or a line a clerk
      // added, not a row of the form (said once, not as three mistakes).
      if cell(row, .id).isEmpty, cell(row, .period).isEmpty, cell(row, .reporterID).isEmpty {
        // What the command gave (--period, --from) is not said missing.
        let lacking = [
          ("Mã", "Mã"), options.period == nil ? ("kỳ báo cáo", "period") : nil,
          options.from == nil ? ("mã đơn vị", "body id") : nil,
        ].compactMap { $0 }
        let vi = Self.either(lacking.map(\.0), or: "hay")
        let en = Self.either(lacking.map(\.1), or: "or")
        report.error(
          vi: "dòng này không có \(vi): không phải một dòng của biểu mẫu",
          en: "this row has no \(en): it is not a row of the form",
          at: location(row: row, column: .id),
          notes: [
            Diagnostic.Note(
              vi: "dòng tổng cộng hay dòng thêm vào thì xóa đi (cơ quan tổng hợp tự tính); dòng "
                + "của một nhiệm vụ hay chỉ tiêu thì ghi lại Mã của nó",
              en: "delete a total or an added row (the compiling office works totals out); for "
                + "a task's or an indicator's row, write its Mã back")
          ])
        continue
      }
      guard let (period, reporter) = target(row), namesItsReporter(row, reporter) else { continue }
      let key = "\(period.id.rawValue)|\(reporter.id)"
      let index: Int
      if let known = positions[key] {
        index = known
      } else {
        index = groups.count
        positions[key] = index
        groups.append(
          Group(period: period, reporter: reporter, location: location(row: row, column: .period)))
      }
      read(row, into: &groups[index])
      warnTypedIntoReference(row, period: period, reporter: reporter)
      noteEditedPlanCells(row, reporter: reporter)
      warnTypedWhereNotRead(row)
      for (index, text) in grid.rows[row].enumerated()
      where headers[index] == nil && !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
        outside[index, default: []].append(row)
      }
    }
    warnColumnsOutsideTheForm(outside)
    warnEditedPlanCells()
    warnMisnamedKinds()
    warnRenamedReporters()
    warnMergedCells()
    // A reporter with no filled row has nothing to report.
    unfilled = groups.filter { $0.tasks.isEmpty && $0.figures.isEmpty }
    // In the plan's order (tasks, then indicators), whatever order the
    // clerk sorted the rows in.
    for index in groups.indices {
      groups[index].tasks = Self.inPlanOrder(groups[index].tasks) {
        plan.position(of: TaskID($0.task.value))
      }
      groups[index].figures = Self.inPlanOrder(groups[index].figures) {
        plan.position(of: IndicatorID($0.indicator.value))
      }
    }
    return groups.filter { !$0.tasks.isEmpty || !$0.figures.isEmpty }
  }

  /// Warns of what a row's kind does not read: a figure on a task's row,
  /// a status or text on an indicator's row (the form leaves those cells
  /// white, yet a clerk may still type there).
  private func warnTypedWhereNotRead(_ row: Int) {
    let id = cell(row, .id)
    let (unread, kind, meant): ([FormColumn], Message, FormColumn)
    if !readsAsIndicator(row), plan.task(TaskID(id)) != nil {
      (unread, kind, meant) = (
        [.year, .value], Message(vi: "dòng nhiệm vụ", en: "a task's row"), .text
      )
    } else if readsAsIndicator(row), plan.indicator(IndicatorID(id)) != nil {
      (unread, kind, meant) = (
        [.status, .progress, .doneOn, .text],
        Message(vi: "dòng chỉ tiêu", en: "an indicator's row"),
        .value
      )
    } else {
      return
    }
    for column in unread where columns[column] != nil && !cell(row, column).isEmpty {
      report.warning(
        Message(vi: "ô này không được nhập: ", en: "this cell is not imported: ") + kind
          + Message(
            vi: " không dùng cột \"\(column.header)\"",
            en: " does not use the column \"\(column.header)\""),
        at: location(row: row, column: column),
        notes: [
          Diagnostic.Note(
            vi: "ghi vào cột \"\(meant.header)\" của dòng này",
            en: "write it in this row's column \"\(meant.header)\"")
        ])
    }
  }

  /// Warns of cells merged across rows in a column the clerk fills in: the
  /// value shows on every row, but only the first row holds it.
  private func warnMergedCells() {
    let filled = Set(FormColumn.filledIn.compactMap { columns[$0] })
    for merge in grid.merged
    where merge.rows.upperBound > merge.rows.lowerBound && merge.rows.lowerBound >= 1
      && merge.columns.contains(where: filled.contains)
    {
      let first = merge.rows.lowerBound + 1
      let last = merge.rows.upperBound + 1
      let others =
        last == first + 1
        ? Message(vi: "dòng \(last) coi", en: "row \(last) reads")
        : Message(vi: "các dòng \(first + 1)–\(last) coi", en: "rows \(first + 1)–\(last) read")
      report.warning(
        Message(
          vi: "các ô \(merge.reference) được gộp: chỉ dòng \(first) nhận giá trị, ",
          en: "the cells \(merge.reference) are merged: only row \(first) holds the value, ")
          + others + Message(vi: " như để trống", en: " as empty"),
        at: SourceLocation(
          file: path, line: first, column: merge.columns.lowerBound + 1,
          columnLabel: XLSXColumn.letters(merge.columns.lowerBound)),
        notes: [
          Diagnostic.Note(
            vi: "bỏ gộp ô (Merge & Center) và ghi giá trị vào từng dòng",
            en: "unmerge the cells (Merge & Center) and write the value on each row")
        ])
    }
  }

  /// Says once that the header lacks `column`, which every row needs,
  /// with the header that looks like it renamed ("Mã ĐV") and `otherwise`.
  private func sayAbsent(_ column: FormColumn, _ otherwise: Message) {
    guard absentSaid.insert(column).inserted else { return }
    let headerRow = grid.headerRow ?? 0
    let header = grid.rows.indices.contains(headerRow) ? grid.rows[headerRow] : []
    let renamed = header.indices.first { index in
      headers[index] == nil && Self.mayRename(header[index], column.header)
    }
    let put =
      renamed.map { index in
        let cell = "\(XLSXColumn.letters(index))\(headerRow + 1)"
        return Message(
          vi: "có phải cột \"\(header[index])\" (ô \(cell)) là cột đó? Ghi lại tiêu đề "
            + "\"\(column.header)\" như biểu mẫu, ",
          en: "is the column \"\(header[index])\" (cell \(cell)) that one? Write its header "
            + "\"\(column.header)\" back as the form has it, ")
      }
      ?? Message(
        vi: "thêm lại cột \"\(column.header)\" của biểu mẫu, ",
        en: "put the form's column \"\(column.header)\" back, ")
    report.error(
      vi: "biểu mẫu không có cột \"\(column.header)\": không biết các dòng là của "
        + (column == .period ? "kỳ nào" : "đơn vị nào"),
      en: "the form has no column \"\(column.header)\": the rows' "
        + (column == .period ? "period" : "body") + " is unknown",
      at: SourceLocation(file: path, line: headerRow + 1),
      notes: [Diagnostic.Note(vi: put.vi + otherwise.vi, en: put.en + otherwise.en)])
  }

  /// Whether the header `title` is most likely the form's `header`
  /// reworded: lengthened, shortened ("Tiến độ" for "Tiến độ (%)") or cut
  /// to initials ("Mã ĐV").
  static func mayRename(_ title: String, _ header: String) -> Bool {
    let (typed, form) = (TaskStatusWords.fold(title), TaskStatusWords.fold(header))
    return !typed.isEmpty
      && (typed.hasPrefix(form) || form.hasPrefix(typed) || abbreviates(title, header))
  }

  /// Whether `short` is `header` with words cut to their initials ("Mã
  /// ĐV" for "Mã đơn vị", "Ngày HT" for "Ngày hoàn thành", "KQTH"), each
  /// word of `short` a word of `header` or the initials of the next ones.
  static func abbreviates(_ short: String, _ header: String) -> Bool {
    let typed = TaskStatusWords.fold(short).split(separator: " ").map(String.init)
    let words = TaskStatusWords.fold(header).split { !$0.isLetter }.map(String.init)
    func match(_ t: Int, _ w: Int) -> Bool {
      if t == typed.count { return w == words.count }
      if w < words.count, typed[t] == words[w], match(t + 1, w + 1) { return true }
      let initials = typed[t]
      // Two letters alone ("TT", most often "thứ tự") name no column.
      guard initials.count >= (typed.count == 1 ? 3 : 2), w + initials.count <= words.count
      else { return false }
      let next = words[w..<(w + initials.count)]
      return zip(initials, next).allSatisfy { $0 == $1.first } && match(t + 1, w + initials.count)
    }
    return typed.count < words.count && match(0, 0)
  }

  /// Warns, once per column, of cells written in a column that is not the
  /// form's (one a clerk added, "Ghi chú"): what they hold is not imported.
  private func warnColumnsOutsideTheForm(_ outside: [Int: [Int]]) {
    for (index, rows) in outside.sorted(by: { $0.key < $1.key }) {
      guard let first = rows.first else { continue }
      let letters = XLSXColumn.letters(index)
      let title = grid.cell(grid.headerRow ?? 0, index).trimmingCharacters(
        in: .whitespacesAndNewlines)
      let label = title.isEmpty ? letters : "\(letters) (\(title))"
      // A column to fill in whose header was reworded ("Tình trạng thực
      // hiện") is missing from the form's: its header is to be put back.
      let missing = FormColumn.filledIn.filter { columns[$0] == nil }.map {
        Suggestion.Candidate(id: $0.header, name: $0.header)
      }
      // Any column the form has, shortened ("Mã ĐV", "Ngày HT") or
      // lengthened; a typo only of a column to fill in.
      // The columns to fill in first: "Tiến độ" is "Tiến độ (%)", not the
      // reference "Tiến độ đã báo cáo" deleted with it.
      let absent = (FormColumn.filledIn + [.year] + FormColumn.allCases).filter {
        columns[$0] == nil
      }.map { Suggestion.Candidate(id: $0.header, name: $0.header) }
      let renamed =
        title.isEmpty
        ? nil
        : absent.first { Self.mayRename(title, $0.name) }
          ?? Suggestion.closest(to: title, among: missing)
      let note =
        renamed.map { column in
          Diagnostic.Note(
            vi: "có phải là cột \"\(column.name)\"? Ghi lại tiêu đề \"\(column.name)\" ở ô "
              + "\(letters)\((grid.headerRow ?? 0) + 1) như biểu mẫu, rồi nhập lại",
            en: "is it the column \"\(column.name)\"? Write its header \"\(column.name)\" back in "
              + "\(letters)\((grid.headerRow ?? 0) + 1) as the form has it, and import again")
        }
        ?? Diagnostic.Note(
          vi: "ghi kết quả vào cột \"\(FormColumn.text.header)\" (nhiệm vụ) hoặc "
            + "\"\(FormColumn.value.header)\" (chỉ tiêu)",
          en: "write results in the column \"\(FormColumn.text.header)\" (tasks) or "
            + "\"\(FormColumn.value.header)\" (indicators)")
      let at = SourceLocation(file: path, line: first + 1, column: index + 1, columnLabel: label)
      // What a reworded column to fill in holds is the report: imported
      // without it, the report would lose it unsaid but for a warning.
      if let renamed, let column = FormColumn(rawValue: renamed.id),
        FormColumn.filledIn.contains(column) || column == .year
      {
        report.error(
          vi: "cột \(label) không phải là cột của biểu mẫu: \(rows.count) ô ghi trong cột này "
            + "sẽ không được nhập",
          en: "the column \(label) is not one of the form's: the \(rows.count) cell(s) written in "
            + "it would not be imported",
          at: at, notes: [note])
        continue
      }
      report.warning(
        vi: "cột \(label) không thuộc biểu mẫu: \(rows.count) ô ghi trong cột này không được "
          + "nhập",
        en: "the column \(label) is not the form's: the \(rows.count) cell(s) written in it are "
          + "not imported",
        at: at, notes: [note])
    }
  }

  // MARK: - Header

  private func readHeader() -> Bool {
    let headerRow = grid.headerRow ?? 0
    guard grid.rows.indices.contains(headerRow) else {
      report.error(
        vi: "tệp trống: không có dòng tiêu đề", en: "the file is empty: no header row",
        at: SourceLocation(file: path))
      return false
    }
    let header = grid.rows[headerRow]
    var twice: [(FormColumn, Int, Int)] = []
    for (index, text) in header.enumerated() {
      let folded = TaskStatusWords.fold(text)
      guard !folded.isEmpty,
        let column = FormColumn.allCases.first(where: { TaskStatusWords.fold($0.header) == folded })
      else { continue }
      if let first = columns[column] {
        twice.append((column, first, index))
      } else {
        columns[column] = index
        headers[index] = text.trimmingCharacters(in: .whitespaces)
      }
    }
    // Which of two columns the clerk filled in cannot be guessed.
    for (column, first, second) in twice {
      let letters = (XLSXColumn.letters(first), XLSXColumn.letters(second))
      report.error(
        vi: "cột \"\(column.header)\" có hai lần, ở cột \(letters.0) và cột \(letters.1)",
        en: "the column \"\(column.header)\" appears twice, as \(letters.0) and \(letters.1)",
        at: SourceLocation(
          file: path, line: headerRow + 1, column: second + 1,
          columnLabel: "\(letters.1) (\(column.header))"),
        notes: [
          Diagnostic.Note(
            vi: "xóa một trong hai cột, hoặc đổi tiêu đề của cột không dùng",
            en: "delete one of the two columns, or rename the one not used")
        ])
    }
    guard twice.isEmpty else { return false }
    var missing = columns[.id] == nil ? [FormColumn.id] : []
    if !FormColumn.filledIn.contains(where: { columns[$0] != nil }) {
      missing += FormColumn.filledIn
    }
    guard missing.isEmpty else {
      // A UTF-8 form opened as another code page ("Ká»³ bÃ¡o cÃ¡o"): the
      // program's import dialog, not the form, needs changing.
      if let garbled = header.first(where: Self.isMisdecoded) {
        report.error(
          vi: "tiêu đề '\(garbled)' bị đổi bảng mã: tệp CSV đã được mở sai bộ ký tự rồi lưu lại",
          en: "the header '\(garbled)' is in the wrong code page: the CSV was opened with the "
            + "wrong character set and saved",
          at: SourceLocation(file: path, line: headerRow + 1),
          notes: [
            Diagnostic.Note(
              vi: "mở lại tệp CSV gốc: LibreOffice: ở hộp thoại Nhập văn bản chọn Bộ ký tự "
                + "\"Unicode (UTF-8)\"; Excel: Dữ liệu > Từ Văn bản/CSV, Nguồn tệp \"65001: "
                + "Unicode (UTF-8)\"; điền rồi lưu và nhập lại",
              en: "open the original CSV again: LibreOffice: in the Text Import dialog choose the "
                + "character set \"Unicode (UTF-8)\"; Excel: Data > From Text/CSV, File Origin "
                + "\"65001: Unicode (UTF-8)\"; fill it in, save and import again")
          ])
        return false
      }
      let names = missing.map { "\"\($0.header)\"" }.joined(separator: ", ")
      var notes = [
        Diagnostic.Note(
          vi: "dùng biểu mẫu tải bằng 'plansite report form', giữ nguyên dòng tiêu đề",
          en: "use the form made by 'plansite report form' and keep its header row")
      ]
      if let sheet = grid.sheetName, !grid.namesTheIDColumn {
        notes.insert(
          Diagnostic.Note(
            vi: "đã đọc trang tính '\(sheet)': không trang tính nào có dòng tiêu đề của biểu mẫu "
              + "(trang \"\(XLSXWriter.formSheetName)\")",
            en: "read the sheet '\(sheet)': no sheet has the form's header row (sheet "
              + "\"\(XLSXWriter.formSheetName)\")"), at: 0)
      }
      report.error(
        vi: "dòng \(headerRow + 1) thiếu cột \(names)",
        en: "row \(headerRow + 1) lacks the column(s) \(names)",
        at: SourceLocation(file: path, line: headerRow + 1), notes: notes)
      return false
    }
    return true
  }

  /// Whether `text` is Vietnamese written in UTF-8 and read as Windows-1252
  /// or Latin-1 ("Ká»³", "Ä‘Æ¡n", a byte-order mark as "ï»¿"): pairs no
  /// Vietnamese text has.
  static func isMisdecoded(_ text: String) -> Bool {
    ["á»", "áº", "Ä‘", "Æ°", "Æ¡", "Ã¡", "ï»¿"].contains { text.contains($0) }
  }

  /// Reports each cell of a column the import reads whose formula gives
  /// no value; true when the row has one (it is not read: a blank would
  /// lose what the clerk meant).
  private func reportFailedFormulas(_ row: Int) -> Bool {
    guard let failed = grid.failedFormulas[row] else { return false }
    var found = false
    for column in FormColumn.allCases {
      guard let index = columns[column], let shown = failed[index] else { continue }
      found = true
      let at = location(row: row, column: column)
      if let shown {
        report.error(
          vi: "ô này hiện lỗi công thức '\(shown)', không có giá trị để nhập",
          en: "this cell shows the formula error '\(shown)': it has no value to import", at: at,
          notes: [
            Diagnostic.Note(
              vi: "sửa công thức, hoặc ghi thẳng giá trị vào ô",
              en: "fix the formula, or type the value into the cell")
          ])
      } else {
        report.error(
          vi: "ô này có công thức nhưng tệp không lưu kết quả của công thức",
          en: "this cell holds a formula but the file does not hold its result", at: at,
          notes: [
            Diagnostic.Note(
              vi: "mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi nhập lại; "
                + "hoặc ghi thẳng giá trị vào ô",
              en: "open the file in Excel or LibreOffice, save it and import again; "
                + "or type the value into the cell")
          ])
      }
    }
    return found
  }

  /// A cell's text without the spaces around it, nor characters nobody
  /// sees (a byte-order mark or zero-width space pasted with a word, which
  /// made 'Đang thực hiện' no status while looking like one).
  private func cell(_ row: Int, _ column: FormColumn) -> String {
    guard let index = columns[column] else { return "" }
    let text = grid.cell(row, index)
    let visible =
      text.unicodeScalars.contains(where: Self.invisible.contains)
      ? String(
        String.UnicodeScalarView(text.unicodeScalars.filter { !Self.invisible.contains($0) }))
      : text
    return visible.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  private static let invisible: Set<Unicode.Scalar> = [
    "\u{FEFF}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}",
  ]

  // MARK: - Period and reporter

  private func target(_ row: Int) -> (ReportingPeriod, Reporter)? {
    let periodText = cell(row, .period).isEmpty ? (options.period ?? "") : cell(row, .period)
    if let given = options.period, !cell(row, .period).isEmpty, cell(row, .period) != given {
      report.error(
        vi: "kỳ báo cáo '\(cell(row, .period))' khác kỳ đã nêu (--period \(given))",
        en: "period '\(cell(row, .period))' differs from --period \(given)",
        at: location(row: row, column: .period))
      return nil
    }
    let fromText = cell(row, .reporterID).isEmpty ? (options.from ?? "") : cell(row, .reporterID)
    if let given = options.from, !cell(row, .reporterID).isEmpty, cell(row, .reporterID) != given {
      report.error(
        vi: "mã đơn vị '\(cell(row, .reporterID))' khác đơn vị đã nêu (--from \(given))",
        en: "reporter '\(cell(row, .reporterID))' differs from --from \(given)",
        at: location(row: row, column: .reporterID))
      return nil
    }
    // Columns deleted (the grey ones, A to C): both said at once.
    let noPeriod = periodText.isEmpty && columns[.period] == nil
    let noReporter = fromText.isEmpty && columns[.reporterID] == nil
    if noPeriod {
      sayAbsent(
        .period, Message(vi: "hoặc thêm --period khi nhập", en: "or add --period to the import"))
    }
    if noReporter {
      sayAbsent(
        .reporterID, Message(vi: "hoặc thêm --from khi nhập", en: "or add --from to the import"))
    }
    if noPeriod || noReporter { return nil }
    guard !periodText.isEmpty else {
      report.error(
        vi: "dòng này không ghi kỳ báo cáo", en: "this row names no period",
        at: location(row: row, column: .period),
        notes: [
          Diagnostic.Note(
            vi: "ghi mã kỳ ở cột \"Kỳ báo cáo\", hoặc thêm --period khi nhập",
            en: "write the period's id in \"Kỳ báo cáo\", or add --period")
        ])
      return nil
    }
    guard !fromText.isEmpty else {
      report.error(
        vi: "dòng này không ghi đơn vị báo cáo", en: "this row names no reporter",
        at: location(row: row, column: .reporterID),
        notes: [
          Diagnostic.Note(
            vi: "ghi mã cơ quan hoặc xã, phường ở cột \"Mã đơn vị\", hoặc thêm --from khi nhập",
            en: "write the agency's or commune's id in \"Mã đơn vị\", or add --from")
        ])
      return nil
    }
    let period: ReportingPeriod
    let reporters: [Reporter]
    do {
      period = try FormTarget.period(periodText, in: plan)
      reporters = try FormTarget.reporters(fromText, in: plan)
    } catch {
      for diagnostic in error.diagnostics {
        var located = diagnostic
        // What the row names is at its cell; a missing schedule file stays
        // at the file.
        if located.location == FormTarget.commandLine {
          located.location = location(
            row: row, column: diagnostic.message.en.contains("period") ? .period : .reporterID)
        }
        report.report(located)
      }
      return nil
    }
    guard reporters.count == 1, let reporter = reporters.first else {
      report.error(
        vi: "mỗi dòng chỉ ghi một đơn vị, không phải '\(fromText)'",
        en: "each row names one reporter, not '\(fromText)'",
        at: location(row: row, column: .reporterID))
      return nil
    }
    return (period, reporter)
  }

  /// Warns of the reference cells of `row` that hold what plansite did not
  /// write there.
  ///
  /// Most often this period's status was typed one column too far left, or
  /// a CSV row has a comma too few. Those cells are never imported.
  private func warnTypedIntoReference(_ row: Int, period: ReportingPeriod, reporter: Reporter) {
    let id = cell(row, .id)
    let written: [FormColumn: String]
    var input: [FormColumn: FormColumn] = [
      .lastStatus: .status, .lastProgress: .progress, .lastDate: .doneOn,
    ]
    if !readsAsIndicator(row), plan.task(TaskID(id)) != nil {
      written = reference.task(TaskID(id), by: reporter, before: period)
    } else if readsAsIndicator(row), let indicator = plan.indicator(IndicatorID(id)) {
      written = reference.indicator(indicator, before: period)
      input[.lastStatus] = .value
    } else {
      return
    }
    for column in FormReference.columns {
      let typed = cell(row, column)
      guard !typed.isEmpty, let meant = input[column] else { continue }
      let said = written[column] ?? ""
      // Compared as values: a spreadsheet may turn the percent or the date
      // plansite wrote into a number.
      let same =
        switch column {
        case .lastProgress: Self.progress(typed).map { $0 == Self.progress(said) } ?? false
        case .lastDate: sameDay(typed, said)
        default: TaskStatusWords.fold(typed) == TaskStatusWords.fold(said)
        }
      guard !same else { continue }
      var notes = [
        Diagnostic.Note(
          vi: "ghi giá trị của kỳ này vào cột \"\(meant.header)\"",
          en: "write this period's value in the column \"\(meant.header)\"")
      ]
      if !said.isEmpty {
        notes.append(
          Diagnostic.Note(
            vi: "ô này do plansite ghi, theo báo cáo trước: '\(said)'",
            en: "plansite fills this cell from the earlier report: '\(said)'"))
      }
      report.warning(
        vi: "cột \"\(column.header)\" chỉ để xem: '\(typed)' ghi ở đây không được nhập",
        en: "the column \"\(column.header)\" is for reference only: '\(typed)' written here is "
          + "not imported",
        at: location(row: row, column: column), notes: notes)
    }
  }

  /// Notes the cells of `row` copied from the plan (title, roles, duty,
  /// deadline) that hold something other than the plan's words: a clerk
  /// who corrects a title or a deadline there expects it to count, and
  /// it is never imported.
  ///
  /// Compared without regard to spacing and line breaks (a spreadsheet may
  /// change them), and deadlines as dates; a cell left empty is no edit.
  private func noteEditedPlanCells(_ row: Int, reporter: Reporter) {
    let id = cell(row, .id)
    // What the form may say: a form made by an earlier plansite wrote an
    // indicator's targets in their canonical words.
    let planned: [[FormColumn: String]]
    if !readsAsIndicator(row), let task = plan.task(TaskID(id)) {
      guard let cells = ReportForm.planCells(task, of: reporter, in: plan) else { return }
      planned = [cells]
    } else if readsAsIndicator(row), let indicator = plan.indicator(IndicatorID(id)) {
      planned = [
        ReportForm.planCells(indicator), ReportForm.planCells(indicator, canonical: true),
      ]
    } else {
      return
    }
    for column in ReportForm.planColumns {
      let typed = cell(row, column)
      guard !typed.isEmpty else { continue }
      let said = planned.map { $0[column] ?? "" }
      let same = said.contains { text in
        column == .deadline
          ? sameDay(typed, text)
          : Self.words(typed) == Self.words(text)
      }
      if !same { editedPlanCells[column, default: []].append((row, typed, said[0])) }
    }
  }

  /// A text's words, NFC, without regard to spaces and line breaks.
  private static func words(_ text: String) -> [String] {
    text.nfc.split(whereSeparator: { $0.isWhitespace }).map(String.init)
  }

  /// One warning per column copied from the plan where cells were edited,
  /// at the first such cell.
  private func warnEditedPlanCells() {
    for column in ReportForm.planColumns {
      guard let cells = editedPlanCells[column], let first = cells.first else { continue }
      let rows = cells.map { String($0.row + 1) }
      let shown = rows.prefix(8).joined(separator: ", ") + (rows.count > 8 ? ", …" : "")
      var notes = [
        Diagnostic.Note(
          vi: "kế hoạch ghi: '\(first.planned.clipped(to: 80))'; tệp ghi: "
            + "'\(first.typed.clipped(to: 80))'",
          en: "the plan says: '\(first.planned.clipped(to: 80))'; the file says: "
            + "'\(first.typed.clipped(to: 80))'"),
        Diagnostic.Note(
          vi: "ý kiến về nhiệm vụ ghi vào cột \"\(FormColumn.text.header)\"; sửa kế hoạch là "
            + "việc của người biên tập nội dung",
          en: "write remarks on the task in the column \"\(FormColumn.text.header)\"; the plan "
            + "itself is changed by the content editor"),
      ]
      if cells.count > 1 {
        notes.append(
          Diagnostic.Note(
            vi: "các dòng: \(shown); nếu kế hoạch đã sửa sau khi lập biểu mẫu thì lập lại biểu mẫu "
              + "(plansite report form)",
            en: "rows: \(shown); if the plan changed after the form was made, make the form "
              + "again (plansite report form)"))
      }
      report.warning(
        cells.count == 1
          ? Message(
            vi: "cột \"\(column.header)\" chép từ kế hoạch, chỉ để xem: nội dung sửa ở đây "
              + "không được nhập",
            en: "the column \"\(column.header)\" is copied from the plan, for reference only: "
              + "what is changed here is not imported")
          : Message(
            vi: "cột \"\(column.header)\" chép từ kế hoạch, chỉ để xem: \(cells.count) ô khác "
              + "với kế hoạch, nội dung sửa ở đó không được nhập",
            en: "the column \"\(column.header)\" is copied from the plan, for reference only: "
              + "\(cells.count) cells differ from the plan, and what is changed there is not "
              + "imported"),
        at: location(row: first.row, column: column), notes: notes)
    }
  }

  /// Whether `row` is an indicator's: the Mã decides when it names one
  /// thing only (Loại is copied from the plan, and a drag-fill that turned
  /// a task's "Nhiệm vụ" into "Chỉ tiêu" made its row an indicator's with
  /// no figure, dropped without a word); else the Loại cell.
  private func readsAsIndicator(_ row: Int) -> Bool {
    let id = cell(row, .id)
    let namesTask = plan.task(TaskID(id)) != nil
    let namesIndicator = plan.indicator(IndicatorID(id)) != nil
    guard namesTask == namesIndicator else { return namesIndicator }
    return TaskStatusWords.fold(cell(row, .kind))
      == TaskStatusWords.fold(RowKind.indicator.rawValue)
  }

  /// One warning for the rows whose Loại cell says another kind than
  /// their Mã names: each is read as its Mã says.
  private func warnMisnamedKinds() {
    guard let first = misnamedKinds.first else { return }
    let rows = misnamedKinds.map { String($0.row + 1) }
    let shown = rows.prefix(8).joined(separator: ", ") + (rows.count > 8 ? ", …" : "")
    let id = cell(first.row, .id)
    report.warning(
      vi: "ô Loại ghi '\(first.typed)', nhưng '\(id)' là số hiệu "
        + "\(first.kind == .task ? "nhiệm vụ" : "chỉ tiêu"): dòng được đọc theo số hiệu"
        + (rows.count > 1 ? " (các dòng: \(shown))" : ""),
      en: "the Loại cell says '\(first.typed)', but '\(id)' is "
        + "\(first.kind == .task ? "a task's number" : "an indicator's id"): the row is read as "
        + "its number says" + (rows.count > 1 ? " (rows: \(shown))" : ""),
      at: location(row: first.row, column: .kind),
      notes: [
        Diagnostic.Note(
          vi: "cột Loại chép từ kế hoạch, chỉ để xem; kiểm tra lại kết quả của dòng này",
          en: "the Loại column is copied from the plan, for reference only; check the row's result")
      ])
  }

  /// Whether the Đơn vị cell of `row` may name `reporter`.
  ///
  /// A form passed on and filled by another office keeps the first one's
  /// Mã đơn vị, so a name that is another body's stops the row (its report
  /// would go to the wrong body, with no word). Any other name is warned
  /// of once.
  private func namesItsReporter(_ row: Int, _ reporter: Reporter) -> Bool {
    let typed = cell(row, .reporterName)
    let name = plan.name(of: reporter)
    let named = bodies(named: typed)
    guard !typed.isEmpty, !named.contains(reporter) else { return true }
    // Other bodies named (a name two bodies share is not enough to refuse
    // the row), or mentioned ("Đảng ủy xã Tân Phú") without this one.
    let mentioned = named.isEmpty ? bodies(mentionedIn: typed) : named
    guard !mentioned.contains(reporter), named.count <= 1, let other = mentioned.first else {
      if renamedReporters[reporter] == nil { renamedReporters[reporter] = (row, typed) }
      return true
    }
    guard misattributed.insert(reporter).inserted else { return false }
    let otherName = plan.name(of: other)
    report.error(
      vi: "ô Đơn vị ghi '\(typed)', nhưng mã đơn vị '\(reporter.id)' là của \(name)",
      en: "the Đơn vị cell says '\(typed)', but the reporter id '\(reporter.id)' is \(name)'s",
      at: location(row: row, column: .reporterName),
      notes: [
        Diagnostic.Note(
          vi: "nếu đây là báo cáo của \(otherName), ghi '\(other.id)' vào cột \"Mã đơn vị\" "
            + "ở mọi dòng, hoặc lập biểu mẫu của đơn vị đó (plansite report form --from "
            + "\(other.id)); nếu là của \(name), ghi lại tên '\(name)'",
          en: "if this is \(otherName)'s report, write '\(other.id)' in \"Mã đơn vị\" on every "
            + "row, or make that body's form (plansite report form --from \(other.id)); if it "
            + "is \(name)'s, write the name '\(name)' back")
      ])
    return false
  }

  /// The agencies and communes whose name is `text`, without regard to
  /// case, marks and punctuation, nor to an office's "UBND" or "Ủy ban nhân
  /// dân" before it: an agency by its name or short name ("STC"), a commune
  /// by its full name ("Xã Phú Mỹ") or its name ("Phú Mỹ"), either by its id.
  private func bodies(named text: String) -> [Reporter] {
    let words = Self.nameWords(text)
    let folded = Self.withoutCouncil(words.joined(separator: " "))
    guard !folded.isEmpty else { return [] }
    // Its id, written where the name goes.
    let id = text.trimmingCharacters(in: .whitespaces)
    if plan.agency(AgencyID(id)) != nil { return [.agency(AgencyID(id))] }
    if plan.commune(CommuneID(id)) != nil { return [.commune(CommuneID(id))] }
    func named(_ name: String?) -> Bool {
      name.map { Self.nameWords($0).joined(separator: " ") == folded } == true
    }
    let agencies = plan.agencies.filter { named($0.name) || named($0.shortName) }.map {
      Reporter.agency($0.id)
    }
    let communes = plan.communes.filter { named($0.fullName) || named($0.name) }.map {
      Reporter.commune($0.id)
    }
    return agencies + communes
  }

  /// The agencies and communes whose full name or id `text` holds as words
  /// ("Đảng ủy xã Tân Phú" and "Xã Tân Phú, tỉnh …" hold "Xã Tân Phú",
  /// "Mã xa-tan-phu" its id; "Sở Y tế và Sở Tài chính" two agencies).
  private func bodies(mentionedIn text: String) -> [Reporter] {
    let words = Self.nameWords(text)
    let folded = " " + words.joined(separator: " ") + " "
    func holds(_ name: String) -> Bool {
      folded.contains(" " + Self.nameWords(name).joined(separator: " ") + " ")
    }
    let ids = Set(words)
    return plan.agencies.filter { holds($0.name) || ids.contains($0.id.rawValue) }.map {
      Reporter.agency($0.id)
    }
      + plan.communes.filter { holds($0.fullName) || ids.contains($0.id.rawValue) }.map {
        Reporter.commune($0.id)
      }
  }

  /// A name's words, folded (lowercase, without marks), without the
  /// punctuation around them; a hyphen stays, as ids have it.
  private static func nameWords(_ text: String) -> [String] {
    TaskStatusWords.fold(text).split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(
      String.init)
  }

  /// A folded name without the people's committee before it ("ubnd xa
  /// thanh son" is "xa thanh son").
  private static func withoutCouncil(_ folded: String) -> String {
    for prefix in ["uy ban nhan dan ", "ubnd "] where folded.hasPrefix(prefix) {
      return String(folded.dropFirst(prefix.count))
    }
    return folded
  }

  /// One warning per reporter whose Đơn vị cell names no body of the plan
  /// and is not its name: the report is imported for the Mã đơn vị.
  private func warnRenamedReporters() {
    for (reporter, cell) in renamedReporters.sorted(by: { $0.value.row < $1.value.row }) {
      let name = plan.name(of: reporter)
      report.warning(
        vi: "ô Đơn vị ghi '\(cell.typed)', khác tên của đơn vị có mã '\(reporter.id)' (\(name)): "
          + "báo cáo được nhập cho \(name)",
        en: "the Đơn vị cell says '\(cell.typed)', not the name of the body with id "
          + "'\(reporter.id)' (\(name)): the report is imported for \(name)",
        at: location(row: cell.row, column: .reporterName),
        notes: [
          Diagnostic.Note(
            vi: "báo cáo được nhận theo cột \"Mã đơn vị\"; nếu là của đơn vị khác, sửa mã đó",
            en: "reports go by the \"Mã đơn vị\" column; if this is another body's, correct it")
        ])
    }
  }

  /// What to say of a status cell that is no status: the two words
  /// reports use that could mean either of two statuses, "partly" or
  /// "mostly" done, what is written beside a status (a progress, a date,
  /// other words: each to its column), or the status a typo is close to
  /// ("Hoàn thàn"), never one that turns a "chưa" (not yet) around.
  static func statusHint(_ text: String) -> Diagnostic.Note? {
    let folded = TaskStatusWords.fold(text)
    let done = TaskStatus.done.label
    let inProgress = TaskStatus.inProgress.label
    let notStarted = TaskStatus.notStarted.label
    /// "Write `status` in Tình trạng and `rest`" (`rest` says where).
    func split(_ status: TaskStatus, _ rest: Message) -> Diagnostic.Note {
      Diagnostic.Note(
        Message(
          vi: "ghi \"\(status.label)\" ở cột \"\(FormColumn.status.header)\" và ",
          en: "write \"\(status.label)\" in \"\(FormColumn.status.header)\" and ") + rest)
    }
    let restToText = Message(
      vi: "phần còn lại ở cột \"\(FormColumn.text.header)\"",
      en: "the rest in \"\(FormColumn.text.header)\"")
    // "Chưa hoàn thành", "chưa thực hiện xong": not finished, begun or not.
    if folded.hasPrefix("chua"), folded.contains("hoan thanh") || folded.hasSuffix("xong") {
      return Diagnostic.Note(
        vi: "'\(text)' chưa cho biết đã triển khai hay chưa: chọn \"\(inProgress)\" nếu đã "
          + "triển khai, \"\(notStarted)\" nếu chưa",
        en: "'\(text)' does not say whether work began: choose \"\(inProgress)\" if it did, "
          + "\"\(notStarted)\" if not")
    }
    if ["da thuc hien", "da trien khai"].contains(folded) {
      return Diagnostic.Note(
        vi: "'\(text)' có thể là đã xong hoặc còn đang làm: chọn \"\(done)\" nếu đã xong, "
          + "\"\(inProgress)\" nếu còn đang làm",
        en: "'\(text)' may mean finished or still under way: choose \"\(done)\" if finished, "
          + "\"\(inProgress)\" if not")
    }
    // "Hoàn thành một phần", "hoàn thành 1 phần": partly done.
    if folded.contains(" phan") {
      return Diagnostic.Note(
        vi:
          "'\(text)' là chưa xong: chọn \"\(inProgress)\" và ghi phần đã làm (ước tính, theo %) ở "
          + "cột \"\(FormColumn.progress.header)\"",
        en: "'\(text)' is not finished: choose \"\(inProgress)\" and write the part done (an "
          + "estimate, in %) in \"\(FormColumn.progress.header)\"")
    }
    // A status with more beside it: "Đang thực hiện (80%)", "Hoàn thành
    // 80%" (a progress: under 100 %, the work is not done), "Hoàn thành
    // 30/9/2026" (the done date), "Đang thực hiện 3/5 xã" (what was done).
    let word = folded.split(whereSeparator: { !$0.isLetter && $0 != " " }).first.map(String.init)
    if folded.contains(where: \.isNumber), let word,
      var status = FormColumn.statusWords.status(word.trimmingCharacters(in: .whitespaces))
    {
      // What follows the status word, wherever the word is ("(80%) Đang
      // thực hiện").
      let rest =
        folded.range(of: word).map {
          folded[..<$0.lowerBound] + " " + folded[$0.upperBound...]
        } ?? Substring(folded)
      let numbers = rest.split(whereSeparator: { !$0.isNumber })
      if let day = Self.day(in: String(rest)) {
        let column = status == .done ? FormColumn.doneOn : .text
        return split(
          status,
          Message(
            vi: "ngày \(day) ở cột \"\(column.header)\"",
            en: "the date \(day) in \"\(column.header)\""))
      }
      // One number and nothing but a percent sign or brackets beside it.
      let percentOnly = rest.allSatisfy { $0.isNumber || " %()[]:-–,".contains($0) }
      if numbers.count == 1, percentOnly, let figure = Int(numbers[0]), figure <= 100 {
        if status == .done, figure < 100 { status = .inProgress }
        return split(
          status,
          Message(
            vi: "\(figure) ở cột \"\(FormColumn.progress.header)\"",
            en: "\(figure) in \"\(FormColumn.progress.header)\""))
      }
      return split(status, restToText)
    }
    // "Cơ bản hoàn thành": mostly done, so not done.
    if folded.hasPrefix("co ban ") {
      return Diagnostic.Note(
        vi: "'\(text)' là chưa xong hẳn: chọn \"\(done)\" nếu đã xong; nếu chưa, chọn "
          + "\"\(inProgress)\" và ghi phần đã làm (%) ở cột \"\(FormColumn.progress.header)\"",
        en: "'\(text)' is not quite finished: choose \"\(done)\" if it is; if not, choose "
          + "\"\(inProgress)\" and write the part done (%) in \"\(FormColumn.progress.header)\"")
    }
    // A status followed by words ("Chưa thực hiện do thiếu kinh phí").
    if let status = TaskStatus.allCases.first(where: {
      folded.hasPrefix(TaskStatusWords.fold($0.label) + " ")
    }) {
      return split(status, restToText)
    }
    // A word that says "not", "stopped" or "paused" is no typo of a status
    // (the closest one would turn it around: "Không thực hiện" is not
    // "Đang thực hiện").
    let negations = ["chua", "khong", "dung", "tam", "ngung", "huy"]
    let first = folded.split(separator: " ").first.map(String.init) ?? ""
    let candidates = TaskStatus.allCases.map {
      Suggestion.Candidate(id: $0.rawValue, name: $0.label)
    }
    guard let close = Suggestion.closest(to: text, among: candidates),
      !negations.contains(first) || (first == "chua" && close.id == TaskStatus.notStarted.rawValue)
    else { return nil }
    return Diagnostic.Note(vi: "có phải là '\(close.name)'?", en: "did you mean '\(close.name)'?")
  }

  /// `items` by their place in the plan, rows of one place in the sheet's order.
  private static func inPlanOrder<Item>(_ items: [Item], _ place: (Item) -> Int) -> [Item] {
    items.enumerated().sorted { (place($0.element), $0.offset) < (place($1.element), $1.offset) }
      .map(\.element)
  }

  /// "A", "A hay B", "A, B hay C".
  private static func either(_ items: [String], or word: String) -> String {
    guard let last = items.last, items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " \(word) " + last
  }

  // MARK: - One row

  private func read(_ row: Int, into group: inout Group) {
    let id = cell(row, .id)
    let isIndicator = readsAsIndicator(row)
    // A Loại other than what the Mã names (when it names one thing) is said.
    let kindText = TaskStatusWords.fold(cell(row, .kind))
    let kind: RowKind = isIndicator ? .indicator : .task
    if (plan.task(TaskID(id)) != nil) != (plan.indicator(IndicatorID(id)) != nil),
      !kindText.isEmpty, kindText != TaskStatusWords.fold(kind.rawValue)
    {
      misnamedKinds.append((row, cell(row, .kind), kind))
    }
    let source = SourceRef(path: path, location: SourceLocation(file: path, line: row + 1))
    if isIndicator {
      // A number cell is written with a point whatever the clerk saw
      // ("7,9" in Vietnamese Excel); as text, a point groups thousands.
      let isNumber = columns[.value].map { grid.holdsNumber(row, $0) } == true
      let value =
        isNumber
        ? cell(row, .value).replacingOccurrences(of: ".", with: ",") : cell(row, .value)
      guard !value.isEmpty else { return }
      guard !id.isEmpty else {
        missing(.id, row, vi: "ghi mã chỉ tiêu", en: "write the indicator's id")
        return
      }
      let year = cell(row, .year)
      guard !year.isEmpty else {
        // The form's own words for the period's figures ("9 tháng năm
        // 2026", or the year for a yearly period).
        let example = ReportForm.figureYear(of: group.period)
        missing(
          .year, row, vi: "ghi năm (hoặc kỳ) của số liệu, ví dụ \(example)",
          en: "write the figure's year (or period), like \(example)")
        return
      }
      // Written the one way the report files are ("Năm 2026" is 2026):
      // two spellings of a year would be two figures.
      let figureYear: String
      switch IndicatorJudge.period(year) {
      case .period(let period):
        figureYear = period
      case .notAPeriod:
        figureYear = year
      case .backwards(let first, let last):
        report.report(
          IndicatorJudge.backwards(
            year, first: first, last: last, at: location(row: row, column: .year)))
        return
      }
      guard let parsed = IndicatorValue(parsing: value) else {
        report.report(
          IndicatorValue.notAFigure(
            value, at: location(row: row, column: .value), expected: .reported))
        return
      }
      if !isNumber,
        let warning = IndicatorValue.commaMaybeThousands(
          value, at: location(row: row, column: .value))
      {
        report.report(warning)
      }
      group.figures.append(
        PlanDraft.IndicatorReportDraft(
          indicator: Located(id, at: location(row: row, column: .id)),
          period: Located(figureYear, at: location(row: row, column: .year)), value: parsed,
          // Its problems (over 100 %, given elsewhere) are said at its value.
          source: SourceRef(path: path, location: location(row: row, column: .value))))
      return
    }
    let statusText = cell(row, .status)
    let progressText = cell(row, .progress)
    let doneText = cell(row, .doneOn)
    let text = columns[.text].map { grid.cell(row, $0) } ?? ""
    let trimmedText = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !statusText.isEmpty || !progressText.isEmpty || !doneText.isEmpty || !trimmedText.isEmpty
    else { return }
    guard !id.isEmpty else {
      missing(.id, row, vi: "ghi số hiệu nhiệm vụ, ví dụ 1.2", en: "write the task's number")
      return
    }
    if let meant = misreadTask(row, id: id, reporter: group.reporter) {
      // In a workbook the number is kept as typed: the plan was renumbered
      // since the form was made. A CSV opened in Excel may have turned it
      // into a date or a number.
      let renumbered = Diagnostic.Note(
        vi: "nếu kế hoạch đã đổi số hiệu sau khi tạo biểu mẫu, ghi '\(meant.id.rawValue)' vào ô "
          + "Mã, hoặc tạo biểu mẫu mới bằng 'plansite report form'",
        en: "if the plan was renumbered since the form was made, write '\(meant.id.rawValue)' in "
          + "the Mã cell, or make a new form with 'plansite report form'")
      let excel = Diagnostic.Note(
        vi: "Excel có thể đã đổi số hiệu thành ngày hoặc thành số khi mở tệp CSV: ghi lại "
          + "'\(meant.id.rawValue)' vào ô Mã (định dạng ô là Văn bản/Text), hoặc dùng biểu mẫu .xlsx",
        en: "Excel may have turned the number into a date or a number when it opened the CSV "
          + "file: write '\(meant.id.rawValue)' back into the Mã cell (formatted as Text), or "
          + "use the .xlsx form")
      report.error(
        vi:
          "dòng này là nhiệm vụ \(meant.id.rawValue) (\"\(meant.title)\"), nhưng ô Mã ghi '\(id)'",
        en:
          "this row is task \(meant.id.rawValue) (\"\(meant.title)\"), but its Mã cell says '\(id)'",
        at: location(row: row, column: .id),
        notes: grid.sheetName == nil ? [excel, renumbered] : [renumbered])
      return
    }
    // A row the form wrote (its title is there) for a task the plan no
    // longer has: the form was made from an older plan.
    if plan.task(TaskID(id)) == nil, plan.indicator(IndicatorID(id)) == nil,
      !cell(row, .title).isEmpty
    {
      report.error(
        vi: "kế hoạch hiện nay không có nhiệm vụ '\(id)' (\"\(cell(row, .title))\")",
        en: "the plan has no task '\(id)' (\"\(cell(row, .title))\") now",
        at: location(row: row, column: .id),
        notes: [
          Diagnostic.Note(
            vi: "biểu mẫu có thể được tạo từ bản kế hoạch cũ, trước khi nhiệm vụ này bị bỏ hay đổi "
              + "số hiệu: xóa dòng này, hoặc tạo biểu mẫu mới bằng 'plansite report form' rồi chép "
              + "kết quả sang",
            en: "the form may have been made from an older plan, before this task was dropped or "
              + "renumbered: delete this row, or make a new form with 'plansite report form' and "
              + "copy the results over")
        ])
      return
    }
    var status: Located<TaskStatus>?
    if !statusText.isEmpty {
      if let value = FormColumn.statusWords.status(statusText) {
        status = Located(value, at: location(row: row, column: .status))
      } else {
        let words = Self.statusWords
        var notes = [
          Diagnostic.Note(
            vi: "chọn một trong: \(words), hoặc để trống nếu chưa có gì mới",
            en: "choose one of: \(words), or leave it blank when nothing changed")
        ]
        if let hint = Self.statusHint(statusText) { notes.insert(hint, at: 0) }
        report.error(
          vi: "'\(statusText)' không phải là một tình trạng", en: "'\(statusText)' is not a status",
          at: location(row: row, column: .status), notes: notes)
      }
    }
    var progress: Located<Int>?
    if !progressText.isEmpty {
      if let value = Self.progress(progressText) {
        progress = Located(value, at: location(row: row, column: .progress))
        if Self.readsAsAFraction(progressText) {
          // A cell not formatted as a percentage holding 0,8 is most often
          // 80 %, as such a cell shows it once formatted; said, not assumed.
          // A number cell holds "0.3" for what Vietnamese Excel shows "0,3".
          let shown =
            columns[.progress].map { grid.holdsNumber(row, $0) } == true
            ? progressText.replacingOccurrences(of: ".", with: ",") : progressText
          report.warning(
            vi: "tiến độ '\(shown)' được hiểu là \(value)%",
            en: "progress '\(progressText)' is read as \(value)%",
            at: location(row: row, column: .progress),
            notes: [
              Diagnostic.Note(
                vi: "nếu không đúng, ghi số phần trăm đã làm, ví dụ \(value) hoặc \(value)%",
                en: "if that is wrong, write the percent done, like \(value) or \(value)%")
            ])
        }
      } else {
        report.error(
          vi: "tiến độ '\(progressText)' phải là một số nguyên từ 0 đến 100",
          en: "progress '\(progressText)' must be a whole number from 0 to 100",
          at: location(row: row, column: .progress),
          notes: [
            Diagnostic.Note(
              vi: "ghi số phần trăm đã làm, ví dụ 40 hoặc 40%",
              en: "write the percent done, like 40 or 40%")
          ])
      }
    }
    var doneOn: Located<Day>?
    if !doneText.isEmpty {
      if let day = Self.day(doneText) {
        doneOn = Located(day, at: location(row: row, column: .doneOn))
        if let shown = monthFirstCell, let other = Self.monthFirstDay(doneText), other != day {
          let cell = "\(columns[shown.column].map(XLSXColumn.letters) ?? "")\(shown.row + 1)"
          report.warning(
            vi: "ngày hoàn thành '\(doneText)' được đọc là ngày \(day.vietnamese), nhưng bảng tính "
              + "này ghi tháng trước ngày (ô \(cell) ghi '\(shown.text)'): có thể là ngày "
              + "\(other.vietnamese)",
            en:
              "the done date '\(doneText)' is read as \(day.iso), but this spreadsheet writes the "
              + "month first (cell \(cell) says '\(shown.text)'): it may be \(other.iso)",
            at: location(row: row, column: .doneOn),
            notes: [
              Diagnostic.Note(
                vi: "ghi ngày dạng 2026-12-31 (năm-tháng-ngày) để không nhầm",
                en: "write the date as 2026-12-31 (year-month-day) to leave no doubt")
            ])
        }
      } else {
        let problem = Self.dayProblem(doneText, year: options.date.year)
        report.error(
          vi: "ngày hoàn thành '\(doneText)' \(problem.vi)",
          en: "done date '\(doneText)' \(problem.en)",
          at: location(row: row, column: .doneOn),
          notes: [problem.note])
      }
    }
    // What a report file says with its field names ('status: done') is
    // said here with the form's columns, and the value that contradicts
    // the status is left out, so the report's own check does not repeat it.
    let statusKnown = statusText.isEmpty || status != nil
    // A status that is no status is said at its cell alone.
    if !statusKnown { doneOn = nil }
    if let given = doneOn, status?.value != .done, statusKnown {
      let done = TaskStatus.done.label
      report.error(
        vi: "có Ngày hoàn thành nhưng Tình trạng không phải \"\(done)\"",
        en: "a done date is given but the status is not \"\(done)\"", at: given.location,
        notes: [
          Diagnostic.Note(
            vi: "chọn Tình trạng \"\(done)\", hoặc xóa Ngày hoàn thành",
            en: "choose the status \"\(done)\", or clear the done date")
        ])
      doneOn = nil
    }
    if status?.value == .done, let given = progress, given.value < 100 {
      let done = TaskStatus.done.label
      report.error(
        vi: "Tình trạng \"\(done)\" nhưng Tiến độ là \(given.value)%",
        en: "the status is \"\(done)\" but the progress is \(given.value)%", at: given.location,
        notes: [
          Diagnostic.Note(
            vi: "ghi Tiến độ 100, hoặc chọn Tình trạng \"\(TaskStatus.inProgress.label)\"",
            en: "write 100 as the progress, or choose \"\(TaskStatus.inProgress.label)\"")
        ])
      progress = nil
    }
    // What the site will not show as written is said at the cell; the
    // report file says it again at its line when the site is built.
    let earlierText = plan.reports.first {
      $0.period == group.period.id && $0.reporter == group.reporter
    }?.tasks.first { $0.task.rawValue == id }?.text.markdown
    let markdown = Self.markdown(text, earlier: earlierText)
    // A row copied twice (pasted again, or left after a sort) says nothing
    // the first did not: kept once, and said, rather than refused.
    if let first = group.tasks.first(where: {
      $0.task.value == id && $0.status?.value == status?.value
        && $0.progress?.value == progress?.value && $0.doneOn?.value == doneOn?.value
        && $0.text.markdown == markdown
    }) {
      let line = first.task.location.line
      report.warning(
        vi: "dòng này giống hệt \(line.map { "dòng \($0)" } ?? "một dòng trên") (nhiệm vụ \(id)): "
          + "chỉ lấy một lần",
        en:
          "this row repeats \(line.map { "row \($0)" } ?? "a row above") (task \(id)): taken once",
        at: location(row: row, column: .id),
        notes: [
          Diagnostic.Note(
            vi: "xóa một trong hai dòng để lần nhập sau không còn cảnh báo này",
            en: "delete one of the two rows so the next import does not warn again")
        ])
      return
    }
    // A text alone keeps the body's earlier status; with none, the task
    // page lists the body as "Chưa có báo cáo" although it wrote.
    let earlier = reference.task(TaskID(id), by: group.reporter, before: group.period)
    if statusText.isEmpty, progressText.isEmpty, doneText.isEmpty, !markdown.isEmpty,
      earlier[.lastStatus]?.isEmpty ?? true, earlier[.lastProgress]?.isEmpty ?? true
    {
      report.warning(
        vi: "dòng chỉ có \"\(FormColumn.text.header)\", không có \"\(FormColumn.status.header)\": "
          + "trang nhiệm vụ vẫn ghi đơn vị \"\(DisplayStatus.unreported.label)\"",
        en:
          "the row gives \"\(FormColumn.text.header)\" without a \"\(FormColumn.status.header)\": "
          + "the task page still lists the body as \"\(DisplayStatus.unreported.label)\"",
        at: location(row: row, column: .status),
        notes: [
          Diagnostic.Note(
            vi: "chọn tình trạng: \(Self.statusWords)", en: "choose a status: \(Self.statusWords)")
        ])
    }
    for finding in renderer.render(markdown).findings {
      report.report(finding.diagnostic(at: location(row: row, column: .text)))
    }
    var update = PlanDraft.TaskUpdateDraft(
      task: Located(id, at: location(row: row, column: .id)), status: status,
      progress: progress, doneOn: doneOn,
      text: RichText(markdown: markdown, html: ""), source: source)
    update.doneOnUnreadable = doneOn == nil && !doneText.isEmpty
    group.tasks.append(update)
  }

  /// The task a row's "Nội dung" names when its "Mã" names another task
  /// or none: Excel, opening a CSV form, turns `1.3` into a date
  /// (`01/03/2026`) and `2.10` into the number `2.1`.
  ///
  /// Only a title that exactly one task the reporter holds has counts; a
  /// title an editor changed since the form was made matches none.
  private func misreadTask(_ row: Int, id: String, reporter: Reporter) -> PlanTask? {
    let title = TaskStatusWords.fold(cell(row, .title))
    guard !title.isEmpty else { return nil }
    if let named = plan.task(TaskID(id)), TaskStatusWords.fold(named.title) == title { return nil }
    if heldByTitle[reporter] == nil {
      var byTitle: [String: [Int]] = [:]
      for (index, task) in plan.tasks.enumerated()
      where task.assignments.contains(where: { plan.holds(reporter, $0) }) {
        byTitle[TaskStatusWords.fold(task.title), default: []].append(index)
      }
      heldByTitle[reporter] = byTitle
    }
    guard let matches = heldByTitle[reporter]?[title], matches.count == 1,
      let index = matches.first
    else { return nil }
    return plan.tasks[index]
  }

  private func missing(_ column: FormColumn, _ row: Int, vi: String, en: String) {
    report.error(
      vi: "ô \"\(column.header)\" đang trống", en: "the \"\(column.header)\" cell is empty",
      at: location(row: row, column: column), notes: [Diagnostic.Note(vi: vi, en: en)])
  }

  // MARK: - Cell values

  /// `40`, `40%`, `40 %`, `40,0`; a spreadsheet percentage (`0.4`) as 40.
  static func progress(_ text: String) -> Int? {
    guard let value = number(text) else { return nil }
    let percent = readsAsAFraction(text) ? value * 100 : value
    guard percent == percent.rounded(), (0...100).contains(percent) else { return nil }
    return Int(percent)
  }

  /// Whether a progress cell is read as a fraction of one (0,8 is 80 %):
  /// a number between 0 and 1 written without `%`.
  static func readsAsAFraction(_ text: String) -> Bool {
    guard !text.contains("%"), let value = number(text) else { return false }
    return value > 0 && value < 1
  }

  /// A progress cell's number, with a comma or a point, without `%`.
  private static func number(_ text: String) -> Double? {
    var number = text.replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)
    number = number.replacingOccurrences(of: ",", with: ".")
    guard let value = Double(number), value.isFinite else { return nil }
    return value
  }

  /// The first date written in `text` ("hoàn thành 30/9/2026"), as the
  /// form writes dates, or as written if it is no real day.
  static func day(in text: String) -> String? {
    for token in text.split(whereSeparator: { " (),;".contains($0) }) {
      // Shaped as a date: d/m/yyyy or yyyy-m-d (not "1.200.000").
      let parts = token.split(whereSeparator: { "/.-".contains($0) })
      guard parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }),
        parts.map(\.count) == [1, 1, 4] || parts.map(\.count) == [2, 1, 4]
          || parts.map(\.count) == [1, 2, 4] || parts.map(\.count) == [2, 2, 4]
          || (parts[0].count == 4 && parts[1].count <= 2 && parts[2].count <= 2)
      else { continue }
      return day(String(token))?.vietnamese ?? String(token)
    }
    return nil
  }

  /// `31/12/2026`, `2026-12-31`, `31.12.2026`, `31-12-2026`, `2026/12/31`,
  /// or a spreadsheet's day number (days since 1899-12-30; a cell holding a
  /// date and a time has the time as a fraction, and its day is taken).
  static func day(_ text: String) -> Day? {
    if case .valid(let day) = DayText.parse(Self.slashed(text)) { return day }
    guard let number = Double(text), number.isFinite, (20_000..<80_001).contains(number) else {
      return nil
    }
    let serial = Int(number.rounded(.down))
    // Day 25569 is 1970-01-01; the civil date of a day count (Howard Hinnant's algorithm).
    let z = serial - 25_569 + 719_468
    let era = z / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return Day(year: year, month: month, day: day)
  }

  /// `text` read month first (`8/31/2026`), as an English-language
  /// spreadsheet rewrites the dates plansite wrote day first.
  static func monthFirstDay(_ text: String) -> Day? {
    let parts = text.trimmingCharacters(in: .whitespaces).split(
      separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[2].count == 4, let month = Int(parts[0]),
      let day = Int(parts[1]), let year = Int(parts[2])
    else { return nil }
    return Day(year: year, month: month, day: day)
  }

  /// Whether `typed` is the date `said` (as plansite wrote it), day first
  /// or as a day number, or rewritten month first in a sheet that writes
  /// dates so (elsewhere "5/6/2026" for 06/05/2026 is an edit).
  private func sameDay(_ typed: String, _ said: String) -> Bool {
    guard let meant = Self.day(said) else { return false }
    return Self.day(typed) == meant
      || (monthFirstCell != nil && Self.monthFirstDay(typed) == meant)
  }

  /// A date in the separators `DayText` reads.
  ///
  /// Day first with points or dashes (`31.12.2026`, `31-12-2026`) gets
  /// slashes; year first with slashes or points (`2026/12/31`) gets dashes.
  /// Anything else is given back as it is.
  static func slashed(_ text: String) -> String {
    let parts = text.trimmingCharacters(in: .whitespaces).split(
      omittingEmptySubsequences: false, whereSeparator: { "./-".contains($0) })
    guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
      return text
    }
    if parts[2].count == 4 { return parts.joined(separator: "/") }
    if parts[0].count == 4 { return parts.joined(separator: "-") }
    return text
  }

  /// Why a cell is not a date, said so the clerk can mend it.
  static func dayProblem(_ text: String, year: Int) -> (
    vi: String, en: String, note: Diagnostic.Note
  ) {
    let parts = slashed(text).split(separator: "/", omittingEmptySubsequences: false)
    let numbers = parts.compactMap { Int($0) }
    if parts.count == 2, numbers.count == 2 {
      return (
        "thiếu năm", "has no year",
        Diagnostic.Note(
          vi: "ghi đủ ngày, tháng và năm, ví dụ \(text)/\(year)",
          en: "write the day, month and year, like \(text)/\(year)")
      )
    }
    // 15/9/26, 15.9.26: the year in two digits.
    let written = text.trimmingCharacters(in: .whitespaces).split(
      omittingEmptySubsequences: false, whereSeparator: { "./-".contains($0) })
    let figures = written.compactMap { Int($0) }
    if written.count == 3, figures.count == 3, written[2].count == 2, written[0].count <= 2,
      (1...31).contains(figures[0]), (1...12).contains(figures[1])
    {
      let full = "\(figures[0])/\(figures[1])/\(2000 + figures[2])"
      return (
        "ghi năm bằng hai chữ số", "writes the year in two digits",
        Diagnostic.Note(
          vi: "ghi năm đủ bốn chữ số: \(full)", en: "write the year in four digits: \(full)")
      )
    }
    if parts.count == 3, numbers.count == 3, numbers[1] > 12, (1...12).contains(numbers[0]) {
      let swapped = "\(numbers[1])/\(numbers[0])/\(numbers[2])"
      return (
        "ghi tháng trước ngày", "puts the month before the day",
        Diagnostic.Note(
          vi: "ghi ngày trước, tháng sau: \(swapped)", en: "write the day first: \(swapped)")
      )
    }
    return (
      "không phải là một ngày có thật", "is not a real date",
      Diagnostic.Note(
        vi: "ghi ngày dạng 31/12/2026 hoặc 2026-12-31",
        en: "write the date as 31/12/2026 or 2026-12-31")
    )
  }

  /// A cell's text as Markdown: NFC, CRLF as LF, trailing spaces dropped,
  /// and without the invisible characters text copied from elsewhere
  /// brings (zero-width spaces, and the direction marks and overrides
  /// that make text display in another order than it is written).
  ///
  /// A line a clerk starts with `#` (`# 1. Kết quả`) or a line of `---`
  /// or `===` under another (a separator) would make a heading of the
  /// report page; they are escaped, so the page shows them as typed.
  ///
  /// A cell that holds `earlier`, the text of the report the form was
  /// filled in from, gives that text back as it is: a report file may have
  /// headings of its own, which a round trip through the form must keep.
  static func markdown(_ text: String, earlier: String? = nil) -> String {
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: text.unicodeScalars.filter { !isInvisible($0) })
    let plain = String(scalars).nfc.replacingOccurrences(of: "\r\n", with: "\n")
      .replacingOccurrences(of: "\r", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    if let earlier, plain == earlier.trimmingCharacters(in: .whitespacesAndNewlines) {
      return earlier
    }
    return escapingHeadings(plain)
  }

  /// `text` with a backslash before each line that would make a heading:
  /// `#` to `######` then a space, also after the markers of a list item or
  /// a quote (`- # Mục 1`, `> ## Kết quả`), or a line of `-` or `=` under a
  /// line.
  private static func escapingHeadings(_ text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for index in lines.indices {
      let line = lines[index]
      let indent = line.prefix(while: { $0 == " " })
      guard indent.count <= 3 else { continue }
      let rest = line.dropFirst(indent.count)
      let start = blockStart(of: rest)
      let own = rest[start...]
      let hashes = own.prefix(while: { $0 == "#" })
      let heading =
        (1...6).contains(hashes.count)
        && (own.count == hashes.count || own.dropFirst(hashes.count).first?.isWhitespace == true)
      let trimmed = rest.trimmingCharacters(in: .whitespaces)
      let underline =
        index > 0 && !lines[index - 1].trimmingCharacters(in: .whitespaces).isEmpty
        && !trimmed.isEmpty
        && (trimmed.allSatisfy { $0 == "-" } || trimmed.allSatisfy { $0 == "=" })
      if heading {
        lines[index] = indent + rest[..<start] + "\\" + own
      } else if underline {
        lines[index] = indent + "\\" + rest
      }
    }
    return lines.joined(separator: "\n")
  }

  /// Where a line's own text starts after the markers of the list items
  /// and quotes it opens (`- `, `* `, `+ `, `1. `, `2) `, `> `, nested).
  private static func blockStart(of line: Substring) -> Substring.Index {
    var at = line.startIndex
    while true {
      var next = at
      var spaces = 0
      while next < line.endIndex, line[next] == " ", spaces < 3 {
        next = line.index(after: next)
        spaces += 1
      }
      guard next < line.endIndex else { return at }
      if line[next] == ">" {
        next = line.index(after: next)
        if next < line.endIndex, line[next] == " " { next = line.index(after: next) }
        at = next
        continue
      }
      var marker = next
      if "-+*".contains(line[marker]) {
        marker = line.index(after: marker)
      } else {
        let digits = line[marker...].prefix(while: { $0.isASCII && $0.isNumber })
        guard (1...9).contains(digits.count) else { return at }
        marker = digits.endIndex
        guard marker < line.endIndex, line[marker] == "." || line[marker] == ")" else { return at }
        marker = line.index(after: marker)
      }
      // A marker is followed by a space (or ends the line: an empty item).
      guard marker < line.endIndex, line[marker] == " " else { return at }
      at = line.index(after: marker)
    }
  }

  /// The statuses a clerk chooses from, as the form's list shows them.
  static let statusWords = TaskStatus.allCases.map { "\"\($0.label)\"" }.joined(separator: ", ")

  /// Zero-width spaces and joiners (not U+200C/U+200D, which emoji and some
  /// scripts need), direction marks, embeddings, overrides and isolates.
  private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2060, 0x2066...0x2069, 0xFEFF: true
    default: false
    }
  }
}
