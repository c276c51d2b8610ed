import SiteCore
import Testing

@testable import ContentLoader

/// The hint given with a YAML syntax error: the first line whose value
/// opens a double quote that the line does not close.
@Suite struct UnclosedQuoteTests {
  @Test func findsTheLineThatOpensAQuoteItDoesNotClose() {
    let yaml = "id: \"1.2\"\ntitle: \"Kiểm tra, giám sát\nassignments:\n  - to: [so-noi-vu]\n"
    #expect(YAMLSource.unclosedQuote(in: yaml, through: 4)?.line == 2)
    #expect(YAMLSource.unclosedQuote(in: yaml, through: 4)?.column == 8)
    // Only lines up to the error count.
    #expect(YAMLSource.unclosedQuote(in: yaml, through: 1) == nil)
    #expect(YAMLSource.unclosedQuote(in: "- \"mở\n", through: 1)?.column == 3)
    #expect(YAMLSource.unclosedQuote(in: "to: [\"a\", \"b\n", through: 1)?.column == 11)
  }

  @Test func quotesThatDoNotOpenAValueAreNotTaken() {
    for line in [
      "title: \"Đã đóng\"", "text: Anh ấy nói \"xin chào", "text: 'có \"ngoặc'",
      "title: \"có \\\" bên trong\"", "to: [\"a\", \"b\"]", "# ghi chú \"", "title: \"a\" # \"",
    ] {
      #expect(YAMLSource.unclosedQuote(in: line, through: 1) == nil, "\(line)")
    }
  }
}

/// libyaml's messages editors meet, in Vietnamese, at their line and column.
@Suite struct YAMLMessageTests {
  func problem(_ yaml: String) -> (message: String, line: Int?, column: Int?, notes: String) {
    let file = SourceFile(path: "site.yaml", displayPath: "Content/site.yaml", text: yaml)
    let report = DiagnosticCollector()
    let node = YAMLSource(file: file, firstLine: 1, report: report).parse(yaml)
    #expect(node == nil)
    let first = report.diagnostics.first
    return (
      first?.message.vi ?? "", first?.location.line, first?.location.column,
      first?.notes.map(\.message.vi).joined(separator: " | ") ?? ""
    )
  }

  @Test(arguments: [
    ("a: |\n\tb\n", "có phím Tab ở chỗ phải thụt lề bằng dấu cách", "thụt lề bằng dấu cách"),
    ("a: b\n---\nc: d\n", "có thêm một phần YAML thứ hai", "xóa dòng '---' này"),
    ("  a: b\n  c: d\n e: f\n", "dòng này thụt lề ít hơn các trường ở trên", "kiểm tra thụt lề"),
    // A tab where a field would start, and after a plain value.
    (
      "a:\n  b: c\n\td: e\n", "có phím Tab ở chỗ phải thụt lề bằng dấu cách",
      "thụt lề bằng dấu cách"
    ),
    (
      "- a: b\n  c: d\n- a: e\n  c: f\n\tg: h\n", "có phím Tab ở chỗ phải thụt lề bằng dấu cách",
      "thụt lề bằng dấu cách"
    ),
  ])
  func syntaxProblemsAreSaidInVietnamese(yaml: String, message: String, note: String) {
    let found = problem(yaml)
    #expect(found.message.contains(message), "\(found.message)")
    #expect(found.notes.contains(note), "\(found.notes)")
    #expect(!found.message.contains("while "), "\(found.message)")
  }

  @Test(arguments: [
    // A field one space right of its siblings (after a plain value, libyaml
    // finds a colon inside the value).
    (
      "tasks:\n  - task: a\n     status: done\n",
      "dòng 3 bắt đầu ở cột 6, lệch với 'task' ở cột 5: xóa 1"
    ),
    // One space left: libyaml asks for a dash.
    ("tasks:\n  - task: a\n    status: done\n   progress: 4\n", "lệch với 'task' ở cột 5: thêm 1"),
    // A top-level field after a list, off its parent's column.
    ("tasks:\n  - task: a\n    status: done\n indicators: []\n", "lệch với 'tasks' ở cột 1: xóa 1"),
    // A list item off the dashes above it.
    ("tasks:\n  - task: a\n   - task: b\n", "lệch với dấu '-' ở cột 3: xóa 1"),
    // Nor are those of a quoted text going on over several lines.
    (
      "tasks:\n  - task: a\n    text: \"một\n      note: hai\"\n     status: done\n",
      "lệch với 'task' ở cột 5: xóa 1"
    ),
    // The lines of a text block are not levels.
    ("a:\n  text: |-\n      x\n      y\n   b: c\n", "lệch với 'text' ở cột 3: xóa 1"),
  ])
  func aMisalignedLineGetsTheColumnToStartAt(yaml: String, note: String) {
    let found = problem(yaml)
    #expect(found.notes.contains(note), "\(found.message) | \(found.notes)")
  }

  @Test(arguments: [
    "title: \"Phần \"A\" là\"\n", "a: b\nc\n", "a: [b\n", "a:\n  - b\n  c: d\n",
    // Left of every field above: which level is meant cannot be told.
    "  a: b\n  c: d\n e: f\n",
  ])
  func anAlignedLineGetsNoColumnHint(yaml: String) {
    let found = problem(yaml)
    #expect(!found.notes.contains("dấu cách ở đầu dòng"), "\(found.message) | \(found.notes)")
  }

  @Test(arguments: [
    // Quotes inside a quoted text.
    (
      "id: a\ntitle: \"Làm \"A\" ngay\"\n",
      "đoạn chữ mở bằng dấu ngoặc kép ở cột 8 đã đóng ở cột 13, nhưng sau đó còn chữ "
        + "«A\" ngay\"»: nếu các dấu ngoặc kép là một phần của đoạn chữ, bao cả đoạn bằng "
        + "dấu nháy đơn (title: '… \"…\" …')"
    ),
    // Words added after the closing quote.
    ("title: \"Làm ngay\" (sửa đổi)\nid: a\n", "đóng ở cột 17, nhưng sau đó còn chữ «(sửa đổi)»"),
    // In a list item, and with single quotes.
    (
      "a:\n  - label: 'Sở' và UBND\n",
      "dấu nháy đơn ở cột 12 đã đóng ở cột 15, nhưng sau đó "
        + "còn chữ «và UBND»: nếu dấu nháy đơn là một phần của đoạn chữ, viết nó hai lần ('') "
        + "hoặc bao cả đoạn bằng ngoặc kép (label: \"… ' …\")"
    ),
  ])
  func textAfterAClosingQuoteIsPointedAt(yaml: String, note: String) {
    let found = problem(yaml)
    #expect(found.notes.contains(note), "\(found.notes)")
    #expect(!found.notes.contains("kiểm tra thụt lề"), "\(found.notes)")
  }

  @Test func quotedTextsThatEndTheirValueAreNotTaken() {
    for line in [
      "title: \"Đã đóng\"", "title: \"a\" # ghi chú", "to: [\"a\", \"b\"]", "\"a\": b",
      "title: 'Sở ''A'' mới'", "text: Anh ấy nói \"xin\" chào",
    ] {
      #expect(YAMLSource.textAfterQuote(in: line, line: 1, column: 99) == nil, "\(line)")
    }
    // Text libyaml did not stop at is not the problem.
    #expect(YAMLSource.textAfterQuote(in: "title: \"a\" b", line: 1, column: 13) == nil)
    #expect(YAMLSource.textAfterQuote(in: "title: \"a\" b", line: 1, column: 12)?.closes == 10)
  }

  @Test func nestingTooDeepIsSaidInVietnamese() {
    let depth = 2_000
    let found = problem(
      "a: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n")
    #expect(found.message.contains("các mục lồng vào nhau quá nhiều lớp"), "\(found.message)")
    #expect(found.notes.contains("có thể thiếu dấu đóng"))
  }

  @Test func aControlCharacterIsFoundAtItsPlace() {
    let found = problem("title: \"x\"\nnote: a\u{1}b\n")
    #expect(found.message == "tệp có một ký tự điều khiển (U+0001) không in ra được")
    #expect(found.line == 2)
    #expect(found.column == 8)
  }
}
