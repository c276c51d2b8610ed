import PlanModel
import SiteCore

/// A table of text cells: row 0 is the header (spreadsheet row 1).
public struct FormGrid: Sendable, Equatable {
  public var rows: [[String]]
  /// The cells of a workbook whose formula gives no value.
  ///
  /// Keyed by 0-based row, then column; the value is what the cell shows
  /// (an error such as `#DIV/0!`), or nil for a formula saved without its
  /// result.
  var failedFormulas: [Int: [Int: String?]] = [:]
  /// The cells of a workbook that hold a number (not text), by 0-based row
  /// then column: their text is the number written with a point (`7.9`).
  var numberCells: [Int: Set<Int>] = [:]

  /// The worksheet read, for a workbook.
  var sheetName: String?
  /// Cells merged into one, by 0-based rows and columns (only the first
  /// holds the value the clerk sees on every row of it).
  var merged: [MergedCells] = []

  struct MergedCells: Sendable, Equatable {
    var rows: ClosedRange<Int>
    var columns: ClosedRange<Int>
    /// As the spreadsheet names it: `M2:M5`.
    var reference: String
  }

  /// Whether a row near the top names the form's "Mã" column (the sheet to read).
  var namesTheIDColumn: Bool { headerRow != nil }

  /// The row of the form's headers: the first of the top rows that names
  /// the "Mã" column (a clerk may put a title above the table).
  var headerRow: Int? {
    rows.prefix(Self.titleRows + 1).firstIndex { row in
      row.contains { TaskStatusWords.fold($0) == TaskStatusWords.fold(FormColumn.id.header) }
    }
  }

  /// How many rows may sit above the headers.
  static let titleRows = 8

  /// Whether the cell holds a number rather than text.
  func holdsNumber(_ row: Int, _ column: Int) -> Bool {
    numberCells[row]?.contains(column) ?? false
  }

  public init(rows: [[String]]) {
    self.rows = rows
  }

  /// The cell at a 0-based row and column, empty when the row is shorter.
  func cell(_ row: Int, _ column: Int) -> String {
    guard rows.indices.contains(row), rows[row].indices.contains(column) else { return "" }
    return rows[row][column]
  }
}

/// The fill-in form for one period and one or more reporters: one row per
/// task each reporter holds (its roles, what it must do, the deadline, what
/// it last reported), then one row per indicator it answers for, with empty
/// cells for the new status, progress, done date, what was done and the
/// indicator's figure.
public struct ReportForm: Sendable {
  public let period: ReportingPeriod
  public let reporters: [Reporter]
  public internal(set) var grid: FormGrid
  /// How many rows each reporter has (for the spreadsheet's drop-downs).
  public var rowCount: Int { grid.rows.count - 1 }

  /// The columns in the order the form writes them.
  public static let columns = FormColumn.allCases

  public init(plan: Plan, period: ReportingPeriod, reporters: [Reporter]) {
    self.period = period
    self.reporters = reporters
    let reference = FormReference(plan: plan)
    var rows: [[String]] = [Self.columns.map(\.header)]
    for reporter in reporters {
      let name = plan.name(of: reporter)
      // The body's report of this period, when there is one: its rows are
      // filled in as it stands, so that a correction changes only the cells
      // it changes (a blank form re-imported with --replace dropped every
      // row the clerk did not fill again). Only in a one-body form: a form
      // for all communes collects the missing reports, and leaves the rows
      // of those who reported blank (they are not imported again).
      let earlier =
        reporters.count == 1
        ? plan.reports.first { $0.period == period.id && $0.reporter == reporter } : nil
      if let earlier { prefilled.append(earlier) }
      func row(_ values: [FormColumn: String]) -> [String] {
        var base = values
        base[.period] = period.id.rawValue
        base[.reporterID] = reporter.id
        base[.reporterName] = name
        return Self.columns.map { base[$0] ?? "" }
      }
      for task in plan.tasks {
        guard var values = Self.planCells(task, of: reporter, in: plan) else { continue }
        values[.kind] = RowKind.task.rawValue
        values[.id] = task.id.rawValue
        values.merge(reference.task(task.id, by: reporter, before: period)) { _, said in said }
        if let update = earlier?.tasks.first(where: { $0.task == task.id }) {
          values.merge(Self.inputCells(update)) { _, said in said }
        }
        rows.append(row(values))
      }
      guard case .agency(let agency) = reporter else { continue }
      for indicator in plan.indicators where indicator.owner == agency {
        var values = Self.planCells(indicator)
        values[.kind] = RowKind.indicator.rawValue
        values[.id] = indicator.id.rawValue
        values[.year] = Self.figureYear(of: period)
        values.merge(reference.indicator(indicator, before: period)) { _, said in said }
        // One row per figure the report gives (for the period's year or
        // another), or one to fill in.
        let figures = earlier?.indicators.filter { $0.indicator == indicator.id } ?? []
        for figure in figures {
          var given = values
          given[.year] = figure.period
          given[.value] = figure.value.shown
          rows.append(row(given))
        }
        if figures.isEmpty { rows.append(row(values)) }
      }
    }
    grid = FormGrid(rows: rows)
  }

  /// The reports of this period the form is filled in from (one per
  /// reporter that has one, draft or published).
  public private(set) var prefilled: [Report] = []

  /// A report entry as the cells a clerk fills in.
  static func inputCells(_ update: TaskUpdate) -> [FormColumn: String] {
    var cells: [FormColumn: String] = [:]
    if let status = update.status { cells[.status] = status.label }
    if let progress = update.progress { cells[.progress] = "\(progress)%" }
    if let doneOn = update.doneOn { cells[.doneOn] = doneOn.vietnamese }
    if !update.text.markdown.isEmpty { cells[.text] = update.text.markdown }
    return cells
  }

  /// The columns a form copies from the plan for the clerk to read
  /// (`planColumns`) on `reporter`'s row of `task`: the title, its roles,
  /// what it must do and its deadline; nil when it holds no part of the task.
  static func planCells(_ task: PlanTask, of reporter: Reporter, in plan: Plan)
    -> [FormColumn: String]?
  {
    let held = task.assignments.filter { plan.holds(reporter, $0) }
    guard !held.isEmpty else { return nil }
    let roles = Assignment.Role.allCases.filter { role in held.contains { $0.role == role } }
    let deadline = plan.deadline(of: task, for: reporter)
    return [
      .title: task.title, .roles: roles.map(\.label).joined(separator: ", "),
      .duty: held.map(\.text.markdown).joined(separator: "\n"),
      .deadline: deadline?.vietnamese ?? "",
    ]
  }

  /// The plan's columns on an indicator's row: its name and unit, and its
  /// targets (as written; `canonical`: as earlier plansite versions wrote
  /// them in forms, `từ 85 trở lên` for `tối thiểu 85`).
  static func planCells(_ indicator: Indicator, canonical: Bool = false) -> [FormColumn: String] {
    [
      .title: indicator.name + (indicator.unit.isEmpty ? "" : " (\(indicator.unit))"),
      .roles: "Phụ trách",
      .duty: indicator.targets.map {
        "Mục tiêu \($0.period): \(canonical ? $0.value.description : $0.value.shown)"
      }.joined(separator: "\n"),
      .deadline: "",
    ]
  }

  /// The year a form's figures are given for: the period's year when the
  /// period is the year's (`ReportingPeriod.isYearly`), else the period's
  /// name (`9 tháng năm 2026`), a figure shown and never compared with the
  /// year's target.
  static func figureYear(of period: ReportingPeriod) -> String {
    period.isYearly ? String(period.end.year) : period.name
  }

  /// The columns copied from the plan, which the import does not read.
  static let planColumns: [FormColumn] = [.title, .roles, .duty, .deadline]

  /// The file name a form is saved under by default:
  /// `bao-cao-2026-6t-so-tai-chinh.xlsx`.
  public static func defaultFileName(period: PeriodID, from: String, format: FormFormat) -> String {
    "bao-cao-\(period.rawValue)-\(Slug.make(from: from)).\(format.rawValue)"
  }
}

/// The two file formats of a form.
public enum FormFormat: String, Sendable, CaseIterable {
  case xlsx
  case csv

  /// The format a file name says, if any.
  public init?(fileName: String) {
    let lower = fileName.lowercased()
    if lower.hasSuffix(".xlsx") {
      self = .xlsx
    } else if lower.hasSuffix(".csv") || lower.hasSuffix(".txt") {
      self = .csv
    } else {
      return nil
    }
  }
}

extension ReportForm {
  /// The form as a file.
  public func bytes(_ format: FormFormat, compiler: String?) throws(DiagnosticError) -> [UInt8] {
    switch format {
    case .csv: return FormCSV.write(grid)
    case .xlsx:
      do {
        return Array(try XLSXWriter.workbook(self, guide: guide(compiler: compiler)))
      } catch {
        throw DiagnosticError(
          .error(
            vi: "không tạo được tệp .xlsx: \(error)", en: "cannot make the .xlsx file: \(error)",
            at: FormTarget.commandLine))
      }
    }
  }

  /// How to fill the form in, for its second sheet.
  func guide(compiler: String?) -> [String] {
    [
      "Hướng dẫn điền biểu mẫu báo cáo",
      "Kỳ báo cáo: \(period.name) (từ \(period.start.vietnamese) đến \(period.end.vietnamese)); "
        + "hạn gửi báo cáo: \(period.due.vietnamese).",
      "Mỗi dòng của trang \"\(XLSXWriter.formSheetName)\" là một nhiệm vụ đơn vị được giao, hoặc "
        + "một chỉ tiêu đơn vị phụ trách. Các cột màu xám để tham khảo, không cần sửa.",
      "Điền vào các ô màu vàng: Tình trạng (chọn Chưa thực hiện, Đang thực hiện hoặc Hoàn thành); "
        + "Tiến độ (%) (số từ 0 đến 100); Ngày hoàn thành (dạng 31/12/2026, chỉ khi đã hoàn thành); "
        + "Kết quả thực hiện (đã làm được gì, có thể xuống dòng).",
      "Nhiệm vụ không có gì mới trong kỳ: để trống các ô màu vàng của dòng đó.",
      "Chỉ tiêu: ghi số liệu vào cột \"Số liệu (chỉ tiêu)\", viết số kiểu Việt Nam (7,9 hoặc "
        + "1.150); sửa cột \"Năm (chỉ tiêu)\" nếu số liệu thuộc năm khác.",
      "Không sửa dòng tiêu đề và các cột Kỳ báo cáo, Mã đơn vị, Mã. Lưu tệp ở dạng Excel (.xlsx) "
        + "và gửi "
        + (compiler.map { "cho \($0)." } ?? "cho cơ quan tổng hợp."),
    ]
  }
}
