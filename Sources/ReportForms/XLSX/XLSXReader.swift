import Foundation
import SiteCore
import XMLCoder
import ZIPFoundation

/// Reads the first worksheet (or the one named "Báo cáo") of an `.xlsx`
/// file as a grid of text, the way Excel, LibreOffice and Google Sheets save
/// it: shared or inline strings, rich text runs, plain numbers.
///
/// A cell holding a number (a clerk typed into a cell that was not text) is
/// read as the number written plainly (`40`, `12.5`), or as a percentage
/// when its format shows one (`1` in a "0%" cell is `100%`); the importer reads a
/// date column's number as a spreadsheet date. A formula that gives no value
/// (an error such as `#DIV/0!`, or no result saved) is recorded as such, so
/// the importer names the cell instead of reading it as blank. Parts larger
/// than 64 MiB are refused (a zip bomb is not a report).
enum XLSXReader {
  static let partLimit = 64 << 20

  struct ReadError: Error {
    let message: Message
    /// Whether the message says what to do; else the file is damaged or
    /// not a workbook, and the clerk is told to send the form again.
    var saysTheFix = false
  }

  static func grid(_ data: Data) throws(ReadError) -> FormGrid {
    // Read from a file, not from memory: ZIPFoundation 0.9.20's in-memory
    // archive traps when a damaged file makes it seek past the end
    // (Archive+MemoryFile.swift, readData), where the file-backed one
    // reports an error.
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plansite-form-\(getpid())-\(UUID().uuidString).xlsx")
    defer { try? FileManager.default.removeItem(at: file) }
    let archive: Archive
    do {
      try data.write(to: file)
      archive = try Archive(url: file, accessMode: .read)
    } catch {
      throw ReadError(message: notAWorkbook)
    }
    func part(_ path: String) throws(ReadError) -> Data? {
      guard let entry = archive[path] else { return nil }
      guard entry.uncompressedSize <= partLimit else {
        throw ReadError(
          message: Message(
            vi: "tệp quá lớn: phần '\(path)' vượt quá 64 MiB",
            en: "the file is too large: part '\(path)' is over 64 MiB"))
      }
      var out = Data()
      do {
        _ = try archive.extract(entry, skipCRC32: false) { chunk in
          out.append(chunk)
          if out.count > partLimit { throw ReadError(message: notAWorkbook) }
        }
      } catch {
        throw ReadError(message: notAWorkbook)
      }
      // Checked here too, and the text must be UTF-8: Foundation's XML
      // parser traps on some damaged input instead of failing.
      guard out.crc32(checksum: 0) == entry.checksum,
        String(validating: out, as: UTF8.self) != nil
      else { throw ReadError(message: notAWorkbook) }
      return out
    }
    var shared: [String] = []
    if let strings = try part("xl/sharedStrings.xml") {
      let decoded: SpreadsheetML.SharedStrings? = decode(strings)
      shared = (decoded?.si ?? []).map(\.plain)
    }
    var percentStyles: [Bool] = []
    if let styles = try part("xl/styles.xml") {
      let decoded: SpreadsheetML.ReadStyles? = decode(styles)
      percentStyles = decoded?.percentStyles ?? []
    }
    // The sheet of the form: the one named so or whose row 1 names the
    // "Mã" column (a clerk may add a sheet before it, or rename it), else
    // the first. Hidden sheets are not read: the clerk does not see them
    // (an old copy hidden away). Two sheets of the form are refused: which
    // one is the report cannot be told (a corrected copy beside the first).
    var first: FormGrid?
    var forms: [FormGrid] = []
    let sheets = worksheets(
      try part("xl/workbook.xml"), rels: try part("xl/_rels/workbook.xml.rels"))
    for sheet in sheets where !sheet.hidden {
      guard let data = try part(sheet.path),
        let decoded: SpreadsheetML.ReadWorksheet = decode(data)
      else { continue }
      var grid = Self.grid(decoded, shared: shared, percentStyles: percentStyles)
      grid.sheetName = sheet.name
      if sheet.name == XLSXWriter.formSheetName || grid.namesTheIDColumn { forms.append(grid) }
      if first == nil { first = grid }
    }
    if forms.count > 1 {
      let names = forms.map { "'\($0.sheetName ?? "")'" }.joined(separator: ", ")
      throw ReadError(
        message: Message(
          vi: "tệp có \(forms.count) trang tính theo mẫu báo cáo (\(names)): không biết trang "
            + "nào là báo cáo; giữ lại một trang, xóa hoặc chép các trang kia sang tệp khác",
          en: "the file has \(forms.count) sheets of the form (\(names)): which one is the report "
            + "cannot be told; keep one, and delete the others or move them to another file"),
        saysTheFix: true)
    }
    guard let grid = forms.first ?? first else { throw ReadError(message: notAWorkbook) }
    return grid
  }

  /// The cells of one worksheet as text.
  private static func grid(
    _ sheet: SpreadsheetML.ReadWorksheet, shared: [String], percentStyles: [Bool]
  ) -> FormGrid {
    var rows: [[String]] = []
    var failedFormulas: [Int: [Int: String?]] = [:]
    var numberCells: [Int: Set<Int>] = [:]
    var nextRow = 1
    for row in sheet.sheetData?.row ?? [] {
      let number = row.r ?? nextRow
      nextRow = number + 1
      guard number >= 1, number <= 100_000 else { continue }
      var values: [String] = []
      var nextColumn = 0
      for cell in row.c ?? [] {
        let column = cell.r.flatMap { XLSXColumn.parse($0)?.column } ?? nextColumn
        nextColumn = column + 1
        guard column >= 0, column < 200 else { continue }
        let text: String
        // A text cell keeps the CSV form's guard against formulas ("'- Đã
        // số hóa") when a CSV form was opened and saved as a workbook: it
        // is undone as the CSV reader undoes it.
        switch cell.t {
        case "s":
          text = CSVCell.unescaped(
            Int(cell.v ?? "").flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? "")
        case "inlineStr": text = CSVCell.unescaped(cell.is?.plain ?? "")
        case "b": text = cell.v == "1" ? "TRUE" : "FALSE"
        case "e":
          text = cell.v ?? ""
          failedFormulas[number - 1, default: [:]][column] = .some(text)
        default:
          let isPercent =
            cell.s.map { percentStyles.indices.contains($0) && percentStyles[$0] } ?? false
          text = cell.v.map { isPercent ? percentage($0) : plainNumber($0) } ?? cell.is?.plain ?? ""
          if cell.v != nil, cell.t == nil || cell.t == "n" {
            numberCells[number - 1, default: []].insert(column)
          }
        }
        // No result saved: no value, or an empty one outside a text result
        // (openpyxl writes `<v/>`; a formula giving "" is `t="str"`).
        if cell.f != nil, cell.v == nil || (cell.v == "" && cell.t != "str"),
          cell.t != "inlineStr"
        {
          failedFormulas[number - 1, default: [:]][column] = .some(nil)
        }
        if values.count <= column {
          values += Array(repeating: "", count: column + 1 - values.count)
        }
        values[column] = text
      }
      if rows.count < number { rows += Array(repeating: [], count: number - rows.count) }
      rows[number - 1] = values
    }
    var grid = FormGrid(rows: rows)
    grid.failedFormulas = failedFormulas
    grid.numberCells = numberCells
    // Only merges within the rows read (a damaged or crafted range may
    // name any row).
    grid.merged = (sheet.mergeCells?.mergeCell ?? []).compactMap { merge in
      let ends = merge.ref.split(separator: ":").compactMap { XLSXColumn.parse(String($0)) }
      guard ends.count == 2, let top = ends[0].row, let bottom = ends[1].row, top >= 1,
        top <= bottom, top <= rows.count, ends[0].column <= ends[1].column
      else { return nil }
      return FormGrid.MergedCells(
        rows: (top - 1)...(min(bottom, rows.count) - 1),
        columns: ends[0].column...ends[1].column, reference: merge.ref)
    }
    return grid
  }

  static let notAWorkbook = Message(
    vi: "không đọc được tệp này như một bảng tính Excel (.xlsx)",
    en: "this file cannot be read as an Excel workbook (.xlsx)")

  /// The workbook's worksheets in order, by name and part path (the
  /// usual first sheet when the workbook does not say).
  private static func worksheets(_ workbook: Data?, rels: Data?) -> [(
    name: String?, path: String, hidden: Bool
  )] {
    let fallback: [(name: String?, path: String, hidden: Bool)] = [
      (nil, "xl/worksheets/sheet1.xml", false)
    ]
    guard let workbook, let rels,
      let book: SpreadsheetML.Workbook = decode(workbook),
      let links: SpreadsheetML.Relationships = decode(rels)
    else { return fallback }
    let found = book.sheets.sheet.compactMap {
      sheet -> (name: String?, path: String, hidden: Bool)? in
      guard let id = sheet.relationship,
        let target = links.relationships.first(where: { $0.id == id })?.target
      else { return nil }
      return (
        sheet.name, target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target,
        sheet.state == "hidden" || sheet.state == "veryHidden"
      )
    }
    return found.isEmpty ? fallback : found
  }

  private static func decode<T: Decodable>(_ data: Data) -> T? {
    let decoder = XMLDecoder()
    decoder.trimValueWhitespaces = false
    decoder.removeWhitespaceElements = true
    if let value = try? decoder.decode(T.self, from: data) { return value }
    decoder.shouldProcessNamespaces = true
    return try? decoder.decode(T.self, from: data)
  }

  /// A number cell shown as a percentage, as the person sees it: `1` is
  /// `100%`, `0.455` is `45.5%`.
  static func percentage(_ text: String) -> String {
    guard let value = Double(text), value.isFinite else { return text }
    // Rounded to a millionth of a percent: 0.29 × 100 is 28.999999999999996.
    let percent = (value * 100 * 1_000_000).rounded() / 1_000_000
    return plainNumber(String(percent)) + "%"
  }

  /// A number cell's value as a person would write it: `40`, `12.5`.
  static func plainNumber(_ text: String) -> String {
    guard let value = Double(text), value.isFinite else { return text }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }
}
