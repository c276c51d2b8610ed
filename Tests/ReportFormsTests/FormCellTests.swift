import Foundation
import Markup
import PlanModel
import SiteCore
import SwiftCSV
import Testing

@testable import ReportForms

/// What a clerk may type in a cell, and how CSV is read.
@Suite struct FormCellTests {
  @Test(arguments: [
    ("40", 40), ("40%", 40), ("40 %", 40), ("100", 100), ("0", 0), ("40,0", 40), ("0.4", 40),
  ])
  func progressIsAPercent(text: String, value: Int) {
    #expect(FormReader.progress(text) == value)
  }

  @Test(arguments: ["101", "-1", "40,5", "bốn mươi", "", "4O"])
  func otherProgressIsRefused(text: String) {
    #expect(FormReader.progress(text) == nil)
  }

  /// A status cell that is no status gets the status a typo is close to,
  /// never one that turns "chưa" around; words that could mean two
  /// statuses, and a progress written beside the status, are explained.
  @Test func statusMistakesGetAHint() {
    func hint(_ text: String) -> String { FormReader.statusHint(text)?.message.vi ?? "" }
    #expect(hint("Hoàn thàn") == "có phải là 'Hoàn thành'?")
    #expect(hint("hoan thnah") == "có phải là 'Hoàn thành'?")
    #expect(hint("Chưa hoàn thành").contains("chưa cho biết đã triển khai hay chưa"))
    #expect(hint("chua thuc hien xong").contains("chưa cho biết đã triển khai hay chưa"))
    #expect(hint("Đã thực hiện").contains("có thể là đã xong hoặc còn đang làm"))
    #expect(hint("Đang thực hiện (80%)").contains("và 80 ở cột \"Tiến độ (%)\""))
    #expect(!hint("Chưa xong hết").contains("'Hoàn thành'"))
    // A negation is no typo of the status it resembles.
    #expect(hint("Không thực hiện") == "" && hint("Dừng thực hiện") == "")
    // Partly done is in progress, its figure no percentage.
    #expect(hint("Hoàn thành 1 phần").contains("là chưa xong: chọn \"Đang thực hiện\""))
    // Done at 80 % is in progress.
    #expect(hint("Hoàn thành 80%").hasPrefix("ghi \"Đang thực hiện\" ở cột \"Tình trạng\" và 80"))
    // A date beside the status is the done date, not a percentage; other
    // figures go with the text.
    #expect(
      hint("Hoàn thành 30/9/2026")
        == "ghi \"Hoàn thành\" ở cột \"Tình trạng\" và ngày 30/09/2026 ở cột \"Ngày hoàn thành\"")
    #expect(
      hint("Hoàn thành (ngày 5.10.2026)").contains("ngày 05/10/2026 ở cột \"Ngày hoàn thành\""))
    #expect(hint("Đang thực hiện 3/5 xã").hasSuffix("phần còn lại ở cột \"Kết quả thực hiện\""))
    #expect(hint("Hoàn thành tháng 12").hasSuffix("phần còn lại ở cột \"Kết quả thực hiện\""))
    #expect(hint("Cơ bản hoàn thành").contains("là chưa xong hẳn: chọn \"Hoàn thành\" nếu đã xong"))
    #expect(
      hint("Chưa thực hiện do thiếu kinh phí")
        == "ghi \"Chưa thực hiện\" ở cột \"Tình trạng\" và phần còn lại ở cột \"Kết quả thực hiện\""
    )
    // The status word need not come first; a sum of money is no date.
    #expect(hint("(80%) Đang thực hiện").hasSuffix("và 80 ở cột \"Tiến độ (%)\""))
    #expect(
      hint("Đang thực hiện, giải ngân 1.200.000 đồng").hasSuffix(
        "phần còn lại ở cột \"Kết quả thực hiện\""))
    #expect(hint("Hoàn thành 100%").hasPrefix("ghi \"Hoàn thành\" ở cột \"Tình trạng\" và 100"))
  }

  /// A header cut to its initials names its column.
  @Test func abbreviatedHeaders() {
    #expect(FormReader.abbreviates("Mã ĐV", "Mã đơn vị"))
    #expect(FormReader.abbreviates("Ngày HT", "Ngày hoàn thành"))
    #expect(FormReader.abbreviates("KQTH", "Kết quả thực hiện"))
    // Two letters alone are most often "thứ tự" (the row's number).
    #expect(!FormReader.abbreviates("TT", "Tình trạng"))
    #expect(FormReader.abbreviates("TTr", "Tình trạng") == false)
    #expect(
      !FormReader.abbreviates("Mã", "Mã đơn vị") && !FormReader.abbreviates("ĐV", "Mã đơn vị"))
    #expect(!FormReader.abbreviates("Ghi chú", "Ngày hoàn thành"))
    #expect(!FormReader.abbreviates("Tình trạng", "Tình trạng"))
  }

  /// A UTF-8 form read as Windows-1252 is told from Vietnamese.
  @Test func misdecodedHeadersAreTold() {
    #expect(
      FormReader.isMisdecoded("ï»¿Ká»³ bÃ¡o cÃ¡o") && FormReader.isMisdecoded("MÃ£ Ä‘Æ¡n vá»‹"))
    for header in FormColumn.allCases.map(\.header) + ["Ã", "NGÃ BA", "Đơn vị (Ã)"] {
      #expect(!FormReader.isMisdecoded(header), "\(header)")
    }
  }

  /// A fraction of one is read as a percentage (and the import says so);
  /// 1 and anything with % are read as written.
  @Test func fractionsAreReadAsPercentages() {
    #expect(FormReader.readsAsAFraction("0,8") && FormReader.readsAsAFraction("0.5"))
    #expect(!FormReader.readsAsAFraction("1") && !FormReader.readsAsAFraction("0,5%"))
    #expect(!FormReader.readsAsAFraction("0") && !FormReader.readsAsAFraction("40"))
  }

  @Test func datesInBothFormsAndAsSpreadsheetNumbers() {
    #expect(FormReader.day("30/6/2026") == Day(year: 2026, month: 6, day: 30))
    #expect(FormReader.day("2026-06-30") == Day(year: 2026, month: 6, day: 30))
    // 46203 is 2026-06-30 in Excel's and LibreOffice's day numbers.
    #expect(FormReader.day("46203") == Day(year: 2026, month: 6, day: 30))
    #expect(FormReader.day("25569") == Day(year: 1970, month: 1, day: 1))
    #expect(FormReader.day("31/02/2026") == nil)
    // Points and dashes, day first, as Vietnamese documents write them too.
    #expect(FormReader.day("30.6.2026") == Day(year: 2026, month: 6, day: 30))
    #expect(FormReader.day("30-06-2026") == Day(year: 2026, month: 6, day: 30))
    #expect(FormReader.day("2026/06/30") == Day(year: 2026, month: 6, day: 30))
    #expect(FormReader.day("6/30/2026") == nil)
    #expect(FormReader.day("30/6") == nil)
    #expect(FormReader.day("30.6.26") == nil)
    #expect(FormReader.dayProblem("30/6", year: 2026).vi == "thiếu năm")
    #expect(FormReader.dayProblem("30/6", year: 2026).note.message.vi.hasSuffix("30/6/2026"))
    #expect(FormReader.dayProblem("6/30/2026", year: 2026).vi == "ghi tháng trước ngày")
    #expect(FormReader.dayProblem("6/30/2026", year: 2026).note.message.vi.hasSuffix("30/6/2026"))
    #expect(FormReader.dayProblem("31/02/2026", year: 2026).vi == "không phải là một ngày có thật")
    // The year in two digits is said so, with the date to write.
    #expect(FormReader.dayProblem("15/9/26", year: 2026).vi == "ghi năm bằng hai chữ số")
    #expect(FormReader.dayProblem("15.9.26", year: 2026).note.message.vi.hasSuffix("15/9/2026"))
    // A cell holding a date and a time: its day.
    #expect(FormReader.day("46280.57291666666") == Day(year: 2026, month: 9, day: 15))
    #expect(FormReader.day("46280.5x") == nil)
  }

  @Test(arguments: [
    ("Hoàn thành", TaskStatus.done), ("hoan thanh", .done), ("HOÀN THÀNH", .done), ("done", .done),
    ("Đang thực hiện", .inProgress), ("dang  thuc hien", .inProgress),
    ("Chưa thực hiện", .notStarted), ("not-started", .notStarted),
    // What offices write in their own reports.
    ("Đã hoàn thành", .done), ("Hoàn thành chậm", .done), ("xong", .done),
    ("Đang triển khai", .inProgress), ("đang làm", .inProgress), ("Chưa triển khai", .notStarted),
  ])
  func statusWords(text: String, status: TaskStatus) {
    #expect(FormColumn.statusWords.status(text) == status)
  }

  @Test func delimiterIsTheHeadersMostFrequent() {
    #expect(FormCSV.delimiter(of: "a;b;\"c,d\"\n1,2") == .semicolon)
    #expect(FormCSV.delimiter(of: "a,b,c\n") == .comma)
    #expect(FormCSV.delimiter(of: "a\tb\n") == .tab)
    #expect(FormCSV.delimiter(of: "a\n") == .comma)
  }

  @Test func unclosedQuotesAreFoundAtTheirRow() {
    #expect(FormCSV.unclosedQuote("a,b\n1,\"x\n2,y\n", delimiter: .comma) == 2)
    #expect(FormCSV.unclosedQuote("a,b\n1,\"x\ny\",2\n", delimiter: .comma) == nil)
    #expect(FormCSV.unclosedQuote("a,b\n1,\"say \"\"hi\"\"\"\n", delimiter: .comma) == nil)
  }

  @Test func csvReadsWhatProgramsWrite() throws {
    let text =
      "\u{FEFF}Mã;Tình trạng\r\n1.10;'=SUM(A1)\r\n\"1.2\";\"dòng một\r\ndòng \"\"hai\"\"\"\r\n;\r\n\r\n"
    let grid = try FormCSV.grid(Array(text.utf8))
    #expect(grid.rows[0] == ["Mã", "Tình trạng"])
    #expect(grid.rows[1] == ["1.10", "=SUM(A1)"])
    #expect(grid.rows[2] == ["1.2", "dòng một\r\ndòng \"hai\""])
  }

  @Test func legacyCodePagesAreRefused() {
    // "Hoàn thành" in Windows-1258: not UTF-8.
    let bytes: [UInt8] =
      Array("M,T\r\n1,Ho".utf8) + [0xE0, 0x6E] + Array(" th".utf8) + [0xE0, 0x6E, 0x68]
    #expect(throws: FormCSV.ReadError.self) { try FormCSV.grid(bytes) }
  }

  @Test func textConvertedTwiceIsRefusedButCapitalsAreRead() throws {
    // UTF-8 read as Windows-1252 and saved as UTF-8 again.
    let original = "đã hoàn thành và được ghi nhận"
    let garbled = try #require(String(data: Data(original.utf8), encoding: .windowsCP1252))
    #expect(garbled.contains("Ã\u{A0}"))
    #expect(throws: FormCSV.ReadError.self) {
      try FormCSV.grid(Array("M,T\r\n1,\(garbled)\r\n".utf8))
    }
    // Capitals followed by a space are Vietnamese as it is written.
    let capitals = "\u{FEFF}M,T\r\n1,UBND XÃ ĐÃ HOÀN THÀNH\r\n"
    #expect(try FormCSV.grid(Array(capitals.utf8)).rows[1] == ["1", "UBND XÃ ĐÃ HOÀN THÀNH"])
  }

  @Test func invisibleCharactersLeaveWhatWasDone() {
    #expect(FormReader.markdown("Đã\u{200B} xong \u{202E}abc\u{202C}\r\n") == "Đã xong abc")
    // A family emoji keeps its joiners.
    #expect(FormReader.markdown("👨\u{200D}👩") == "👨\u{200D}👩")
  }

  /// What a clerk types as a title or a separator stays text on the
  /// report page: no heading is made of a cell.
  @Test func cellLinesMakeNoHeadings() throws {
    let renderer = MarkdownRenderer()
    for cell in [
      "# 1. Kết quả", "## Đã làm\nxong", "Kết quả\n-----\nĐã làm", "Kết quả\n===",
      "  ### Mục 3", "#",
      // Inside a list item or a quote, a line makes a heading too.
      "- # Kết quả", "Việc đã làm:\n1. ## Mục 1\n2) ### Mục 2", "> # Trích", "> - ## Lồng nhau",
      "* #", "+ # Mục",
    ] {
      let html = renderer.render(FormReader.markdown(cell)).html
      #expect(!html.contains("<h"), "\(cell): \(html)")
    }
    #expect(FormReader.markdown("# 1. Kết quả") == "\\# 1. Kết quả")
    #expect(
      renderer.render(FormReader.markdown("Kết quả\n-----")).html == "<p>Kết quả<br />\n-----</p>\n"
    )
    // A hash inside a line, a list and a separator after a blank line are left as written.
    #expect(FormReader.markdown("Số #5\n- một\n\n---") == "Số #5\n- một\n\n---")
    #expect(FormReader.markdown("#5 trường") == "#5 trường")
    #expect(FormReader.markdown("- # Kết quả") == "- \\# Kết quả")
    // A list stays a list, and text after a marker that is not a heading is left alone.
    #expect(FormReader.markdown("- một\n- #hai\n1.# ba") == "- một\n- #hai\n1.# ba")
    #expect(renderer.render(FormReader.markdown("- # Kết quả")).html.contains("<li># Kết quả</li>"))
  }

  /// A form's figures are for the year when its period is the year's,
  /// else for the period, by its name (shown, never judged).
  @Test func figuresAreForTheYearOnlyInAYearlyPeriod() throws {
    func period(_ name: String, _ start: String, _ end: String) throws -> ReportingPeriod {
      ReportingPeriod(
        id: PeriodID("p"), name: name, start: try #require(Day(iso: start)),
        end: try #require(Day(iso: end)), due: try #require(Day(iso: end)),
        source: SourceRef(
          path: "reporting.yaml", location: SiteCore.SourceLocation(file: "reporting.yaml")))
    }
    #expect(ReportForm.figureYear(of: try period("Năm 2026", "2026-01-01", "2026-12-31")) == "2026")
    // An annual report closed on 15/12 is the year's.
    #expect(ReportForm.figureYear(of: try period("Năm 2026", "2025-12-16", "2026-12-15")) == "2026")
    #expect(
      ReportForm.figureYear(of: try period("9 tháng năm 2026", "2026-01-01", "2026-09-30"))
        == "9 tháng năm 2026")
    // Twelve months without the year's name; a quarter or half year ending
    // on 31/12 is not the year (its figures are the period's).
    #expect(ReportForm.figureYear(of: try period("Cả năm", "2025-12-15", "2026-12-14")) == "2026")
    #expect(
      ReportForm.figureYear(of: try period("Quý IV/2026", "2026-10-01", "2026-12-31"))
        == "Quý IV/2026")
    #expect(
      ReportForm.figureYear(of: try period("6 tháng cuối năm 2028", "2028-07-01", "2028-12-31"))
        == "6 tháng cuối năm 2028")
    #expect(try #require(Day(iso: "2028-02-29")).yearEarlier == Day(iso: "2027-02-28"))
    // Twelve months from July, and eighteen months, are no year's figures.
    #expect(
      ReportForm.figureYear(of: try period("Niên độ", "2026-07-01", "2027-06-30")) == "Niên độ")
    #expect(
      ReportForm.figureYear(of: try period("Giữa kỳ", "2026-01-01", "2027-06-30")) == "Giữa kỳ")
    #expect(
      ReportForm.figureYear(of: try period("Hai năm", "2026-01-01", "2027-12-31")) == "Hai năm")
  }

  @Test func columnLetters() {
    #expect(XLSXColumn.letters(0) == "A")
    #expect(XLSXColumn.letters(25) == "Z")
    #expect(XLSXColumn.letters(26) == "AA")
    #expect(XLSXColumn.parse("AB12")?.column == 27)
    #expect(XLSXColumn.parse("AB12")?.row == 12)
    #expect(XLSXColumn.parse("12") == nil)
  }

  @Test func yamlQuotingRoundTrips() {
    #expect(ReportFileText.quoted("a \"b\"\\c\nd") == "\"a \\\"b\\\"\\\\c\\nd\"")
    #expect(ReportFileText.quoted("x\u{7}") == "\"x\\u0007\"")
  }
}
