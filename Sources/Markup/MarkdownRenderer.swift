import CCmark
import Foundation
import SiteCore

/// Markdown to HTML with libcmark, the CommonMark reference implementation.
///
/// Safe mode only: cmark leaves out raw HTML and drops `javascript:`,
/// `vbscript:` and `file:` link targets by itself; this type also drops every
/// `data:` target, which cmark would keep for images. The result is a
/// fragment meant to be inserted unescaped into a page. Whatever the safe
/// rendering leaves out is reported (`MarkupFinding`), so an editor learns
/// that a table or a piece of HTML will not show.
public struct MarkdownRenderer: Sendable {
  public init() {}

  /// The HTML for `markdown`.
  public func html(from markdown: String) -> String {
    render(markdown).html
  }

  /// The HTML for `markdown`, and what it leaves out.
  public func render(_ markdown: String) -> RenderedMarkdown {
    if markdown.isEmpty { return RenderedMarkdown(html: "", findings: []) }
    // CMARK_OPT_DEFAULT is safe since cmark 0.29; CMARK_OPT_UNSAFE is never set.
    // A line break is a line break, as in the Word documents the text comes
    // from (`a) …` and `b) …` on lines of their own, a report cell's
    // Alt+Enter): CommonMark would join the lines into one.
    let options = CMARK_OPT_DEFAULT | CMARK_OPT_HARDBREAKS
    var text = markdown
    let document: OpaquePointer? = text.withUTF8 { bytes in
      bytes.withMemoryRebound(to: CChar.self) { chars in
        cmark_parse_document(chars.baseAddress, chars.count, options)
      }
    }
    guard let document else { return RenderedMarkdown(html: "", findings: []) }
    defer { cmark_node_free(document) }
    var findings = inspect(document)
    guard let rendered = cmark_render_html(document, options) else {
      return RenderedMarkdown(html: "", findings: findings)
    }
    defer { free(rendered) }
    findings += PipeTables.find(in: markdown)
    // Most texts have nothing to report: they are not split into lines.
    if findings.isEmpty { return RenderedMarkdown(html: String(cString: rendered), findings: []) }
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
    for index in findings.indices {
      findings[index].column = Self.characterColumn(
        line: findings[index].line, byteColumn: findings[index].column, in: lines)
    }
    findings.sort { ($0.line, $0.column) < ($1.line, $1.column) }
    return RenderedMarkdown(html: String(cString: rendered), findings: findings)
  }

  /// Walks the document: empties link and image targets that a page with a
  /// strict CSP must not carry, and notes raw HTML (which safe mode omits).
  private func inspect(_ document: OpaquePointer) -> [MarkupFinding] {
    guard let iterator = cmark_iter_new(document) else { return [] }
    defer { cmark_iter_free(iterator) }
    var findings: [MarkupFinding] = []
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
      let type = cmark_node_get_type(node)
      let line = Int(cmark_node_get_start_line(node))
      let column = Int(cmark_node_get_start_column(node))
      switch type {
      case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
        guard let url = cmark_node_get_url(node) else { continue }
        let target = String(cString: url)
        if Self.isUnsafe(url: target) {
          cmark_node_set_url(node, "")
          findings.append(
            MarkupFinding(kind: .unsafeLink(target), line: line, column: column))
        } else if Self.isRelative(url: target) {
          findings.append(
            MarkupFinding(kind: .relativeLink(target), line: line, column: column))
        }
      case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
        let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        // One warning per element: its closing tag is not reported again.
        if type == CMARK_NODE_HTML_INLINE, literal.hasPrefix("</") { continue }
        findings.append(
          MarkupFinding(
            kind: .rawHTML(
              literal.trimmingCharacters(in: .whitespacesAndNewlines),
              block: type == CMARK_NODE_HTML_BLOCK), line: line,
            column: column))
      default:
        continue
      }
    }
    return findings
  }

  /// Whether a link target is a file or web address written without its
  /// address (`phu-luc.pdf`, `../1-1.md`, `images/a.png`, `www.…`): no
  /// scheme (`https:`, `mailto:`), and a file name with an extension
  /// other than a page's (`../1-3/` and `index.html` may be the site's
  /// own pages, `?…` and `#…` stay on the page).
  static func isRelative(url: String) -> Bool {
    guard let first = url.first, first != "#", first != "/", first != "?" else { return false }
    let path = url.prefix { $0 != "?" && $0 != "#" }
    guard !path.prefix(while: { $0 != "/" }).contains(":") else { return false }
    if path.lowercased().hasPrefix("www.") { return true }
    guard !path.hasSuffix("/"), let name = path.split(separator: "/").last,
      let dot = name.lastIndex(of: "."), dot != name.startIndex
    else { return false }
    let ext = name[name.index(after: dot)...].lowercased()
    return !ext.isEmpty && ext != "html" && ext != "htm" && ext.allSatisfy(\.isLetter)
  }

  /// cmark counts columns in bytes; editors count characters.
  private static func characterColumn(line: Int, byteColumn: Int, in lines: [Substring]) -> Int {
    guard line >= 1, line <= lines.count, byteColumn > 1 else { return max(1, byteColumn) }
    let bytes = lines[line - 1].utf8
    let prefix = bytes.prefix(byteColumn - 1)
    return prefix.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } + 1
  }

  /// Whether a link target uses a scheme that can run code or embed content.
  static func isUnsafe(url: String) -> Bool {
    let scheme = url.drop { $0 == " " || $0 == "\t" }.prefix(12).lowercased()
      .filter { !$0.isWhitespace && $0 != "\0" }
    return ["javascript:", "vbscript:", "data:", "file:"].contains { scheme.hasPrefix($0) }
  }
}

/// Rendered Markdown and what the rendering left out.
public struct RenderedMarkdown: Sendable {
  /// The safe HTML fragment.
  public var html: String
  /// What a reader will not see as written, in reading order.
  public var findings: [MarkupFinding]
}

/// Finds GitHub-style pipe tables, which CommonMark does not have: such a
/// table is published as a paragraph of `|` characters.
enum PipeTables {
  /// One finding per table: at its header line, outside fenced code.
  static func find(in markdown: String) -> [MarkupFinding] {
    // No pipe, no table: most texts, skipped without splitting them into lines.
    guard markdown.containsASCII(0x7C) else { return [] }
    var findings: [MarkupFinding] = []
    var fence: Substring?
    var previous: Substring = ""
    for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let trimmed = line.drop { $0 == " " }
      if let open = fence {
        if trimmed.hasPrefix(open) { fence = nil }
        previous = ""
        continue
      }
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        fence = trimmed.prefix(3)
        previous = ""
        continue
      }
      if isDelimiterRow(trimmed), previous.contains("|") {
        findings.append(MarkupFinding(kind: .table, line: index, column: 1))
      }
      previous = line
    }
    return findings
  }

  /// `|---|:--:|`, `--- | ---`: cells of dashes (and alignment colons) between pipes.
  static func isDelimiterRow(_ line: Substring) -> Bool {
    guard line.contains("-"), line.contains("|") else { return false }
    var text = line.trimmingCharacters(in: .whitespaces)[...]
    if text.hasPrefix("|") { text = text.dropFirst() }
    if text.hasSuffix("|") { text = text.dropLast() }
    let cells = text.split(separator: "|", omittingEmptySubsequences: false)
    return cells.allSatisfy { cell in
      let c = cell.trimmingCharacters(in: .whitespaces)
      let core = c.drop { $0 == ":" }.reversed().drop { $0 == ":" }
      return core.count >= 3 && core.allSatisfy { $0 == "-" }
    }
  }
}
