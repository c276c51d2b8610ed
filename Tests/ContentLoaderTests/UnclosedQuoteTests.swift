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
