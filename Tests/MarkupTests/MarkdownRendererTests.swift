import Markup
import Testing

@Suite struct MarkdownRendererTests {
  let renderer = MarkdownRenderer()

  @Test func rendersCommonMark() {
    #expect(renderer.html(from: "Một *đoạn* văn.") == "<p>Một <em>đoạn</em> văn.</p>\n")
    #expect(renderer.html(from: "- a\n- b").contains("<li>a</li>"))
    #expect(renderer.html(from: "") == "")
  }

  /// Lines stay lines, as in the documents the text comes from; a blank
  /// line still starts a paragraph.
  @Test func aLineBreakIsKept() {
    #expect(
      renderer.html(from: "Sở Tài chính:\na) Chủ trì;\nb) Tổng hợp.\n\nĐoạn sau.")
        == "<p>Sở Tài chính:<br />\na) Chủ trì;<br />\nb) Tổng hợp.</p>\n<p>Đoạn sau.</p>\n")
  }

  @Test func omitsRawHTML() {
    let html = renderer.html(from: "<script>alert(1)</script>\n\nchữ <b onclick=x>đậm</b>")
    #expect(!html.contains("<script"))
    #expect(!html.contains("onclick"))
    #expect(html.contains("raw HTML omitted"))
  }

  @Test(arguments: [
    "javascript:alert(1)", "JAVASCRIPT:alert(1)", "vbscript:msgbox", "data:text/html,<b>x</b>",
    "data:image/png;base64,AAAA", "file:///etc/passwd",
  ])
  func dropsUnsafeLinkTargets(url: String) {
    let link = renderer.html(from: "[bấm](\(url))")
    let image = renderer.html(from: "![ảnh](\(url))")
    #expect(link.contains("href=\"\""), "\(link)")
    #expect(image.contains("src=\"\""), "\(image)")
  }

  @Test func keepsOrdinaryLinks() {
    #expect(
      renderer.html(from: "[văn bản](https://vanban.gov.vn/a?b=1&c=2)")
        == "<p><a href=\"https://vanban.gov.vn/a?b=1&amp;c=2\">văn bản</a></p>\n")
    #expect(
      renderer.html(from: "[trang](../co-quan/index.html)").contains(
        "href=\"../co-quan/index.html\""))
  }
}
