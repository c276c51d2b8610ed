import CCmark
import Foundation
import SiteCore

/// Markdown to HTML with libcmark, the CommonMark reference implementation.
///
/// Safe mode only: cmark leaves out raw HTML and drops `javascript:`,
/// `vbscript:` and `file:` link targets by itself; this type also drops every
/// `data:` target, which cmark would keep for images. The result is a
/// fragment meant to be inserted unescaped into a page.
public struct MarkdownRenderer: Sendable {
  public init() {}

  /// The HTML for `markdown`.
  public func html(from markdown: String) -> String {
    if markdown.isEmpty { return "" }
    // CMARK_OPT_DEFAULT is safe since cmark 0.29; CMARK_OPT_UNSAFE is never set.
    let options = CMARK_OPT_DEFAULT
    var text = markdown
    let document: OpaquePointer? = text.withUTF8 { bytes in
      bytes.withMemoryRebound(to: CChar.self) { chars in
        cmark_parse_document(chars.baseAddress, chars.count, options)
      }
    }
    guard let document else { return "" }
    defer { cmark_node_free(document) }
    removeUnsafeTargets(in: document)
    guard let rendered = cmark_render_html(document, options) else { return "" }
    defer { free(rendered) }
    return String(cString: rendered)
  }

  /// Empties the target of any link or image whose URL cmark's own safe mode
  /// would let through but a page with a strict CSP must not carry.
  private func removeUnsafeTargets(in document: OpaquePointer) {
    guard let iterator = cmark_iter_new(document) else { return }
    defer { cmark_iter_free(iterator) }
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
      let type = cmark_node_get_type(node)
      guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE,
        let url = cmark_node_get_url(node)
      else { continue }
      if Self.isUnsafe(url: String(cString: url)) {
        cmark_node_set_url(node, "")
      }
    }
  }

  /// Whether a link target uses a scheme that can run code or embed content.
  static func isUnsafe(url: String) -> Bool {
    let scheme = url.drop { $0 == " " || $0 == "\t" }.prefix(12).lowercased()
      .filter { !$0.isWhitespace && $0 != "\0" }
    return ["javascript:", "vbscript:", "data:", "file:"].contains { scheme.hasPrefix($0) }
  }
}
