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

  /// Files and web addresses written without their address are found;
  /// links that work on the site (addresses, places on the page, the
  /// site's own pages) are not.
  @Test func linksWithoutAnAddressAreFound() {
    func relative(_ markdown: String) -> [String] {
      renderer.render(markdown).findings.compactMap {
        if case .relativeLink(let url) = $0.kind { url } else { nil }
      }
    }
    for url in [
      "phu-luc.pdf", "images/so-do.png", "../1-bo-may/1-1.md", "www.nghean.gov.vn", "a.docx?x=1",
    ] {
      #expect(relative("[x](\(url))") == [url], "\(url)")
    }
    for url in [
      "https://nghean.gov.vn/a.pdf", "mailto:stc@nghean.gov.vn", "tel:0238", "#muc-2", "?q=abc",
      "../1-3/", "../1-3/index.html", "/du-lieu/plan.json", "v1.2",
    ] {
      #expect(relative("[x](\(url))").isEmpty, "\(url)")
    }
  }
}
