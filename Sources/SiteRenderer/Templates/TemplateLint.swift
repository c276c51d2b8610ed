import SiteCore

/// Checks on template text that the Mustache parser does not make: partials
/// that do not exist (Mustache would silently render nothing), plain text
/// inserted without escaping, and, in the header and footer, fields that
/// are not the site's own.
enum TemplateLint {
  /// The templates rendered once for every page: they see only the
  /// site-wide fields, so a page's own field there would show one page's
  /// value on all pages.
  static let chromeTemplates: Set<String> = ["partials/header", "partials/footer"]

  /// Reports problems in `text`, the template `name` in `file`.
  static func check(
    _ text: String, named name: String, file: String, known: Set<String>,
    report: DiagnosticCollector
  ) {
    let chrome = chromeTemplates.contains(name)
    for (tag, location) in tags(in: text, file: file) {
      checkTag(tag, at: location, known: known, report: report)
      if chrome { checkChromeField(tag, in: name, at: location, report: report) }
    }
  }

  /// Reports templates that include themselves, directly or through other
  /// partials, outside any section: rendering them would never end (and
  /// would crash the build), whatever the page.
  static func checkLoops(
    _ sources: [String: (text: String, file: String)], report: DiagnosticCollector
  ) {
    // Each template's partials and parents included whatever the data.
    var edges: [String: [(name: String, at: SourceLocation)]] = [:]
    for (name, source) in sources {
      var open: [Character] = []
      for (tag, location) in tags(in: source.text, file: source.file) {
        guard let sigil = tag.first else { continue }
        let target = tag.dropFirst().trimmingCharacters(in: " ")
        let unconditional = !open.contains("#") && !open.contains("^")
        switch sigil {
        case "#", "^", "$":
          open.append(sigil)
        case "<":
          if unconditional { edges[name, default: []].append((target, location)) }
          open.append(sigil)
        case "/":
          _ = open.popLast()
        case ">":
          if unconditional { edges[name, default: []].append((target, location)) }
        default:
          continue
        }
      }
    }
    var reported = Set<String>()
    for start in sources.keys.sorted() {
      // Depth-first from `start`: a path back to `start` is a loop.
      var stack: [(name: String, path: [(name: String, at: SourceLocation)])] = [(start, [])]
      var seen = Set<String>()
      while let (name, path) = stack.popLast() {
        for edge in edges[name] ?? [] {
          let next = path + [edge]
          if edge.name == start {
            let names = Set(next.map(\.name))
            guard reported.isDisjoint(with: names) else { continue }
            reported.formUnion(names)
            let chain = ([start] + next.map(\.name)).map { "'\($0)'" }.joined(separator: " → ")
            report.error(
              vi:
                "mẫu trang '\(start)' tự gọi lại chính nó (\(chain)): trang không bao giờ dựng xong",
              en: "the template '\(start)' includes itself (\(chain)): the page would never finish",
              at: next[0].at,
              notes: [
                Diagnostic.Note(
                  vi:
                    "bỏ {{>…}} này, hoặc đặt nó trong một khối {{#…}} chỉ mở ra với dữ liệu lồng nhau",
                  en:
                    "remove this {{>…}}, or put it in a {{#…}} section that opens only on nested data"
                )
              ])
          } else if seen.insert(edge.name).inserted {
            stack.append((edge.name, next))
          }
        }
      }
    }
  }

  /// Every tag of `text` (without its braces), with where it starts.
  private static func tags(in text: String, file: String) -> [(String, SourceLocation)] {
    var found: [(String, SourceLocation)] = []
    var line = 1
    var column = 1
    var index = text.startIndex
    while index < text.endIndex {
      if text[index...].hasPrefix("{{") {
        let tagStart = (line, column)
        guard let close = text[index...].firstRange(of: "}}") else { return found }
        var tag = String(text[text.index(index, offsetBy: 2)..<close.lowerBound])
        var tagEnd = close.upperBound
        if tag.hasPrefix("{"), tagEnd < text.endIndex, text[tagEnd] == "}" {
          tagEnd = text.index(after: tagEnd)
          tag += "}"
        }
        found.append((tag, SourceLocation(file: file, line: tagStart.0, column: tagStart.1)))
        for c in text[index..<tagEnd] {
          if c == "\n" {
            line += 1
            column = 1
          } else {
            column += 1
          }
        }
        index = tagEnd
        continue
      }
      if text[index] == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index = text.index(after: index)
    }
    return found
  }

  /// Reports a field the header or footer may not use.
  private static func checkChromeField(
    _ tag: String, in name: String, at location: SourceLocation, report: DiagnosticCollector
  ) {
    var body = Substring(tag)
    if let sigil = body.first, "#^{&".contains(sigil) { body = body.dropFirst() }
    if body.hasSuffix("}") { body = body.dropLast() }
    let field = body.trimmingCharacters(in: " ")
    guard let first = body.first, !"/!>$<=".contains(first), !field.isEmpty, field != "." else {
      return
    }
    let root = field.split(separator: ".").first.map(String.init) ?? field
    guard !LayoutInput.chromeFieldNames.contains(root), !root.hasPrefix("asset_") else { return }
    let allowed = LayoutInput.chromeFieldNames.sorted().joined(separator: ", ")
    report.error(
      vi: "'\(field)' là trường riêng của từng trang, không dùng được trong \(name).mustache",
      en: "'\(field)' is a field of each page and cannot be used in \(name).mustache",
      at: location,
      notes: [
        Diagnostic.Note(
          vi: "phần đầu và phần cuối trang được dựng một lần cho mọi trang, nên chỉ dùng được các "
            + "trường chung của trang web: \(allowed), asset_…; đặt '\(field)' trong layout.mustache "
            + "hoặc trong mẫu của trang",
          en: "the header and footer are rendered once for every page, so they may use only the "
            + "site-wide fields: \(allowed), asset_…; put '\(field)' in layout.mustache or in the "
            + "page's template")
      ])
  }

  private static func checkTag(
    _ tag: String, at location: SourceLocation, known: Set<String>, report: DiagnosticCollector
  ) {
    guard let sigil = tag.first else { return }
    switch sigil {
    case ">", "<":
      let partial = tag.dropFirst().trimmingCharacters(in: " ")
      if !known.contains(partial) {
        var notes = [
          Diagnostic.Note(
            vi: "tạo tệp \(partial).mustache, hoặc sửa lại tên",
            en: "create \(partial).mustache, or fix the name")
        ]
        if let close = Suggestion.closest(to: partial, among: Array(known)) {
          notes.insert(
            Diagnostic.Note(vi: "có phải là '\(close)'?", en: "did you mean '\(close)'?"), at: 0)
        }
        report.error(
          vi: "mẫu trang dùng '\(partial)', nhưng không có mẫu nào tên như vậy",
          en: "the template uses '\(partial)', which does not exist", at: location, notes: notes)
      }
    case "{", "&":
      var name = tag.dropFirst().trimmingCharacters(in: " ")
      if sigil == "{", name.hasSuffix("}") {
        name = String(name.dropLast()).trimmingCharacters(in: " ")
      }
      let last = name.split(separator: ".").last.map(String.init) ?? name
      if !(last == "html" || last.hasSuffix("_html")) {
        report.error(
          vi: "'\(name)' được chèn vào trang mà không mã hóa HTML",
          en: "'\(name)' is inserted without HTML escaping", at: location,
          notes: [
            Diagnostic.Note(
              vi: "chỉ các trường có tên '…_html' chứa HTML an toàn; hãy viết {{\(name)}} để nội "
                + "dung được mã hóa",
              en: "only fields named '…_html' hold safe HTML; write {{\(name)}} so the text is "
                + "escaped")
          ])
      }
    default:
      return
    }
  }
}

extension StringProtocol {
  fileprivate func trimmingCharacters(in set: Character) -> String {
    var s = Substring(self)
    while s.first == set { s = s.dropFirst() }
    while s.last == set { s = s.dropLast() }
    return String(s)
  }
}
