import Foundation
import PlanModel
import SiteCore
import XMLCoder
import ZIPFoundation

/// Writes a report form as an `.xlsx` workbook: the form on the first
/// sheet ("Báo cáo"), how to fill it in on the second ("Hướng dẫn").
///
/// Every cell is text (number format `@`), so a task number "1.10" or a
/// date "30/6/2026" is never turned into a number; the status column has a
/// drop-down of the allowed words. The file is the same bytes for the same
/// form: entries carry a fixed date.
enum XLSXWriter {
  /// The style of each kind of cell (indexes into `cellXfs`).
  enum Style: Int {
    case normal = 0
    case header = 1
    case reference = 2
    case input = 3
  }

  static let formSheetName = "Báo cáo"
  static let guideSheetName = "Hướng dẫn"

  static func workbook(_ form: ReportForm, guide: [String]) throws -> Data {
    let columns = ReportForm.columns
    var rows: [SpreadsheetML.Worksheet.Row] = []
    for (index, values) in form.grid.rows.enumerated() {
      let number = index + 1
      let cells = zip(columns, values).enumerated().map { column, pair in
        let (kind, value) = pair
        let style: Style = index == 0 ? .header : kind.isInput ? .input : .reference
        return SpreadsheetML.Worksheet.Cell(
          r: XLSXColumn.letters(column) + String(number), s: style.rawValue,
          is: SpreadsheetML.RichString(t: SpreadsheetML.Text(value), r: nil))
      }
      rows.append(SpreadsheetML.Worksheet.Row(r: number, c: cells))
    }
    let statusColumn = XLSXColumn.letters(columns.firstIndex(of: .status) ?? 0)
    let lastRow = max(2, form.grid.rows.count)
    let words = TaskStatus.allCases.map(\.label).joined(separator: ",")
    let sheet = SpreadsheetML.Worksheet(
      sheetViews: .init(sheetView: .init(pane: .init(ySplit: 1, topLeftCell: "A2"))),
      cols: .init(
        col: columns.enumerated().map { index, column in
          .init(min: index + 1, max: index + 1, width: column.width)
        }),
      sheetData: .init(row: rows),
      dataValidations: .init(
        count: 1,
        dataValidation: [
          .init(
            errorTitle: "Tình trạng", error: "Chọn một trong: \(words)",
            promptTitle: "Tình trạng", prompt: "Chọn trong danh sách, hoặc để trống",
            sqref: "\(statusColumn)2:\(statusColumn)\(lastRow)", formula1: "\"\(words)\"")
        ]))
    let guideSheet = SpreadsheetML.Worksheet(
      sheetViews: .init(sheetView: .init(pane: nil)),
      cols: .init(col: [.init(min: 1, max: 1, width: 110)]),
      sheetData: .init(
        row: guide.enumerated().map { index, line in
          .init(
            r: index + 1,
            c: [
              .init(
                r: "A\(index + 1)", s: index == 0 ? Style.header.rawValue : Style.normal.rawValue,
                is: .init(t: .init(line), r: nil))
            ])
        }),
      dataValidations: nil)

    let header = XMLHeader(version: 1.0, encoding: "UTF-8", standalone: "yes")
    let encoder = XMLEncoder()
    func xml<T: Encodable>(_ value: T, _ root: String) throws -> Data {
      try encoder.encode(value, withRootKey: root, header: header)
    }
    let sheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    let parts: [(String, Data)] = [
      (
        "[Content_Types].xml",
        try xml(
          SpreadsheetML.ContentTypes(
            defaults: [
              .init(
                fileExtension: "rels",
                contentType: "application/vnd.openxmlformats-package.relationships+xml"),
              .init(fileExtension: "xml", contentType: "application/xml"),
            ],
            overrides: [
              .init(
                partName: "/xl/workbook.xml",
                contentType:
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
              .init(partName: "/xl/worksheets/sheet1.xml", contentType: sheetType),
              .init(partName: "/xl/worksheets/sheet2.xml", contentType: sheetType),
              .init(
                partName: "/xl/styles.xml",
                contentType:
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"),
            ]), "Types")
      ),
      (
        "_rels/.rels",
        try xml(
          SpreadsheetML.Relationships(relationships: [
            .init(
              id: "rId1", type: SpreadsheetML.relationships + "/officeDocument",
              target: "xl/workbook.xml")
          ]), "Relationships")
      ),
      (
        "xl/workbook.xml",
        try xml(
          SpreadsheetML.Workbook(
            sheets: .init(sheet: [
              .init(name: formSheetName, sheetId: "1", relationship: "rId1"),
              .init(name: guideSheetName, sheetId: "2", relationship: "rId2"),
            ])), "workbook")
      ),
      (
        "xl/_rels/workbook.xml.rels",
        try xml(
          SpreadsheetML.Relationships(relationships: [
            .init(
              id: "rId1", type: SpreadsheetML.relationships + "/worksheet",
              target: "worksheets/sheet1.xml"),
            .init(
              id: "rId2", type: SpreadsheetML.relationships + "/worksheet",
              target: "worksheets/sheet2.xml"),
            .init(
              id: "rId3", type: SpreadsheetML.relationships + "/styles", target: "styles.xml"),
          ]), "Relationships")
      ),
      ("xl/styles.xml", try xml(styles, "styleSheet")),
      ("xl/worksheets/sheet1.xml", try xml(sheet, "worksheet")),
      ("xl/worksheets/sheet2.xml", try xml(guideSheet, "worksheet")),
    ]
    let archive = try Archive(data: Data(), accessMode: .create)
    // A fixed date: the same form is the same bytes.
    let date = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01
    for (path, data) in parts {
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
        compressionMethod: .deflate
      ) { position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    return archive.data ?? Data()
  }

  /// The workbook's styles: every cell text (number format 49, `@`),
  /// top-aligned and wrapped.
  ///
  /// Fonts: normal, bold. Fills: the two every workbook has, grey (header
  /// and reference cells), light yellow (cells to fill in).
  static let styles: SpreadsheetML.Styles = {
    typealias S = SpreadsheetML.Styles
    let font = S.Font(b: nil, sz: .init(val: "11"), name: .init(val: "Arial"))
    let bold = S.Font(b: .init(), sz: .init(val: "11"), name: .init(val: "Arial"))
    func solid(_ rgb: String) -> S.Fill {
      S.Fill(patternFill: .init(patternType: "solid", fgColor: .init(rgb: rgb)))
    }
    let none = S.Edge(style: nil, color: nil)
    let thin = S.Edge(style: "thin", color: .init(rgb: "FFBFBFBF"))
    func format(font: Int, fill: Int, border: Int) -> S.Format {
      S.Format(
        numFmtId: 49, fontId: font, fillId: fill, borderId: border, xfId: 0, applyNumberFormat: 1,
        applyFont: 1, applyFill: 1, applyBorder: 1, applyAlignment: 1,
        alignment: .init(vertical: "top", wrapText: 1))
    }
    return S(
      fonts: .init(count: 2, font: [font, bold]),
      fills: .init(
        count: 4,
        fill: [
          S.Fill(patternFill: .init(patternType: "none", fgColor: nil)),
          S.Fill(patternFill: .init(patternType: "gray125", fgColor: nil)),
          solid("FFEDEDED"), solid("FFFFF6CC"),
        ]),
      borders: .init(
        count: 2,
        border: [
          S.Border(left: none, right: none, top: none, bottom: none),
          S.Border(left: thin, right: thin, top: thin, bottom: thin),
        ]),
      cellStyleXfs: .init(
        count: 1,
        xf: [
          S.Format(
            numFmtId: 0, fontId: 0, fillId: 0, borderId: 0, xfId: nil, applyNumberFormat: nil,
            applyFont: nil, applyFill: nil, applyBorder: nil, applyAlignment: nil, alignment: nil)
        ]),
      cellXfs: .init(
        count: 4,
        xf: [
          format(font: 0, fill: 0, border: 0), format(font: 1, fill: 2, border: 1),
          format(font: 0, fill: 2, border: 1), format(font: 0, fill: 3, border: 1),
        ]))
  }()
}

/// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
enum XLSXColumn {
  static func letters(_ index: Int) -> String {
    var n = index + 1
    var out = ""
    while n > 0 {
      let rest = (n - 1) % 26
      out = String(UnicodeScalar(UInt8(65 + rest))) + out
      n = (n - 1) / 26
    }
    return out
  }

  /// The 0-based column and 1-based row of a reference like `C12`.
  static func parse(_ reference: String) -> (column: Int, row: Int?)? {
    var column = 0
    var digits = ""
    var sawLetter = false
    for character in reference.uppercased() {
      if let ascii = character.asciiValue, (65...90).contains(ascii), digits.isEmpty {
        column = column * 26 + Int(ascii - 64)
        sawLetter = true
        guard column <= 16_384 else { return nil }
      } else if character.isASCII, character.isNumber {
        digits.append(character)
      } else {
        return nil
      }
    }
    guard sawLetter else { return nil }
    return (column - 1, Int(digits))
  }
}
