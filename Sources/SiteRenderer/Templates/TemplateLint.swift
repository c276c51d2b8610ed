import SiteCore

/// Checks on template text that the Mustache parser does not make: partials
/// that do not exist (Mustache would silently render nothing) and plain text
/// inserted without escaping.
enum TemplateLint {
  /// Reports problems in `text`, the template `name` in `file`.
  static func check(
    _ text: String, named name: String, file: String, known: Set<String>,
    report: DiagnosticCollector
  ) {
    var line = 1
    var column = 1
    var index = text.startIndex
    while index < text.endIndex {
      if text[index...].hasPrefix("{{") {
        let tagStart = (line, column)
        guard let close = text[index...].firstRange(of: "}}") else { return }
        var tag = String(text[text.index(index, offsetBy: 2)..<close.lowerBound])
        var tagEnd = close.upperBound
        if tag.hasPrefix("{"), tagEnd < text.endIndex, text[tagEnd] == "}" {
          tagEnd = text.index(after: tagEnd)
          tag += "}"
        }
        checkTag(
          tag, at: SourceLocation(file: file, line: tagStart.0, column: tagStart.1),
          known: known, report: report)
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
