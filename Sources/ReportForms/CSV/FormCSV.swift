import Foundation
import SiteCore
import SwiftCSV

/// A report form as CSV, for programs other than spreadsheets: written like
/// the site's own data files (UTF-8 with BOM, comma, CRLF, formula-like
/// cells guarded with `'`), and read the way real programs write CSV.
///
/// Reading accepts a BOM or none; comma, semicolon (Excel in a Vietnamese
/// locale) or tab; CRLF or LF; quoted cells with line breaks and doubled
/// quotes; trailing empty rows and columns; cells guarded against formulas
/// (the guard is undone). A file that is not UTF-8 (Excel's plain "CSV",
/// Windows-1258) is refused with the menu item to use instead: guessing a
/// code page would import mojibake. Cells are parsed by SwiftCSV; record
/// numbers (the spreadsheet's row numbers) are counted around it.
enum FormCSV {
  struct ReadError: Error {
    let message: Message
    let notes: [Diagnostic.Note]
    /// The spreadsheet row the problem is in, if known.
    let row: Int?
  }

  static func write(_ grid: FormGrid) -> [UInt8] {
    guard let header = grid.rows.first else { return [] }
    var table = CSVTable(header: header)
    for row in grid.rows.dropFirst() { table.append(row) }
    return table.bytes
  }

  static let saveAsUTF8 = Diagnostic.Note(
    vi: "trong Excel chọn Tệp > Lưu thành > \"CSV UTF-8 (Comma delimited) (*.csv)\" (không chọn "
      + "\"CSV (Comma delimited)\"); trong LibreOffice chọn bộ ký tự \"Unicode (UTF-8)\"; hoặc gửi "
      + "tệp .xlsx",
    en: "in Excel choose File > Save As > \"CSV UTF-8 (Comma delimited) (*.csv)\" (not "
      + "\"CSV (Comma delimited)\"); in LibreOffice choose the character set \"Unicode (UTF-8)\"; or "
      + "send the .xlsx file")

  static func grid(_ bytes: [UInt8]) throws(ReadError) -> FormGrid {
    let text = try decode(bytes)
    let delimiter = delimiter(of: text)
    if let row = unclosedQuote(text, delimiter: delimiter) {
      throw ReadError(
        message: Message(
          vi: "tệp CSV hỏng: dấu ngoặc kép (\") mở ở dòng này không được đóng",
          en: "broken CSV file: a quote (\") opened in this row is never closed"),
        notes: [
          Diagnostic.Note(
            vi: "mở lại tệp gốc bằng Excel hoặc LibreOffice rồi lưu lại, đừng sửa bằng trình soạn "
              + "thảo văn bản",
            en:
              "open the original in Excel or LibreOffice and save it again rather than editing it "
              + "as text")
        ], row: row)
    }
    let parsed: EnumeratedCSV
    do {
      parsed = try EnumeratedCSV(string: text, delimiter: delimiter, loadColumns: false)
    } catch {
      throw ReadError(
        message: Message(
          vi: "tệp CSV hỏng: có dấu ngoặc kép (\") đặt sai chỗ",
          en: "broken CSV file: a quote (\") is out of place"),
        notes: [], row: nil)
    }
    var rows = [parsed.header] + parsed.rows
    rows = rows.map { row in row.map { CSVCell.unescaped($0.nfc) } }
    return FormGrid(rows: rows)
  }

  /// The text of a file in UTF-8 (with or without BOM) or UTF-16 with a BOM.
  private static func decode(_ bytes: [UInt8]) throws(ReadError) -> String {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      let little = bytes[0] == 0xFF
      var units: [UInt16] = []
      var index = 2
      while index + 1 < bytes.count {
        let a = UInt16(bytes[index])
        let b = UInt16(bytes[index + 1])
        units.append(little ? a | (b << 8) : (a << 8) | b)
        index += 2
      }
      return String(decoding: units, as: UTF16.self)
    }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    guard let text = String(validating: body, as: UTF8.self) else {
      throw ReadError(
        message: Message(
          vi:
            "tệp không ở dạng UTF-8: có thể đã được lưu bằng \"CSV\" thường (bảng mã Windows-1258 "
            + "hoặc tương tự), tiếng Việt sẽ bị lỗi phông nếu nhập",
          en: "the file is not UTF-8: it was probably saved as plain \"CSV\" (Windows-1258 or a "
            + "similar code page), and Vietnamese would come out garbled"),
        notes: [saveAsUTF8], row: nil)
    }
    // UTF-8 read as Windows-1252 and saved again: "Ä‘" for "đ", "Æ°" for
    // "ư", "Ã" and a no-break space for "à" (an ordinary space after "Ã" is
    // Vietnamese written in capitals: "ĐÃ HOÀN THÀNH").
    for marker in ["Ä‘", "Æ°", "áº", "á»", "Ã¡", "Ã\u{A0}"] where text.contains(marker) {
      throw ReadError(
        message: Message(
          vi: "tiếng Việt trong tệp đã bị lỗi phông (ví dụ '\(marker)'): tệp đã bị đổi bảng mã "
            + "hai lần",
          en: "the Vietnamese text in the file is garbled (such as '\(marker)'): the file was "
            + "converted twice"),
        notes: [saveAsUTF8], row: nil)
    }
    return text
  }

  /// The delimiter of the header row: the most frequent of `,`, `;` and tab
  /// outside quotes (a comma when there is none).
  static func delimiter(of text: String) -> CSVDelimiter {
    var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
    var inQuotes = false
    for character in text {
      if character == "\"" {
        inQuotes.toggle()
      } else if !inQuotes {
        if character.isNewline { break }
        if counts[character] != nil { counts[character, default: 0] += 1 }
      }
    }
    let best = counts.max { a, b in a.value < b.value || (a.value == b.value && a.key != ",") }
    switch best?.value ?? 0 > 0 ? best?.key : "," {
    case ";": return .semicolon
    case "\t": return .tab
    default: return .comma
    }
  }

  /// The 1-based record number where a quote opens that never closes.
  static func unclosedQuote(_ text: String, delimiter: CSVDelimiter) -> Int? {
    var record = 1
    var inQuotes = false
    var openedAt = 1
    var atFieldStart = true
    for character in text {
      if inQuotes {
        if character == "\"" { inQuotes = false }
        continue
      }
      if character == "\"", atFieldStart {
        inQuotes = true
        openedAt = record
        continue
      }
      if character.isNewline {
        record += 1
        atFieldStart = true
      } else {
        atFieldStart = character == delimiter.rawValue || (atFieldStart && character == " ")
      }
    }
    return inQuotes ? openedAt : nil
  }
}
