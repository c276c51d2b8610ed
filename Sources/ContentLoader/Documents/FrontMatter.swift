import SiteCore

/// A Markdown file split into its YAML front matter and its body.
///
/// The front matter sits between a first line `---` and the next line that
/// is `---` (or `...`). Line numbers are kept so YAML positions can be
/// reported as file lines. The scan works on UTF-8 bytes and stops at the
/// closing fence: bodies can be long, and are never split into lines.
struct FrontMatter {
  /// The YAML text between the fences.
  let yaml: String
  /// The file line on which the YAML text starts (2 for a normal file).
  let yamlFirstLine: Int
  /// The Markdown after the closing fence.
  let body: String
  /// The file line on which the body starts.
  let bodyFirstLine: Int

  /// Splits `file`, reporting a missing or unclosed front matter.
  static func split(_ file: SourceFile, report: DiagnosticCollector) -> FrontMatter? {
    let bytes = file.text.utf8
    var index = bytes.startIndex
    var line = 1
    // Blank lines before the opening fence are tolerated.
    var lineStart = index
    while true {
      let (end, next) = lineBounds(bytes, from: lineStart)
      if isBlank(bytes[lineStart..<end]), next != bytes.endIndex {
        lineStart = next
        line += 1
        continue
      }
      guard isFence(bytes[lineStart..<end]) else {
        report.error(
          vi: "tệp không bắt đầu bằng phần thông tin đầu tệp (giữa hai dòng '---')",
          en: "the file does not start with front matter", at: file.location(line: line, column: 1),
          notes: [
            Diagnostic.Note(
              vi: "dòng đầu tiên phải là '---', tiếp theo là các trường (id: …, title: …), rồi "
                + "một dòng '---'",
              en:
                "the first line must be '---', then the fields (id: …, title: …), then a line '---'"
            )
          ])
        return nil
      }
      index = next
      break
    }
    let openingLine = line
    let yamlStart = index
    while index != bytes.endIndex {
      let (end, next) = lineBounds(bytes, from: index)
      let content = bytes[index..<end]
      line += 1
      if isFence(content) || content.elementsEqual("...".utf8) {
        // The YAML without the newline before the fence (a CR before it
        // stays, as it always did: "\r\n" is one character, not "\n").
        var yamlEnd = index
        if yamlEnd > yamlStart, bytes[bytes.index(before: yamlEnd)] == 0x0A {
          let newline = bytes.index(before: yamlEnd)
          if newline == yamlStart || bytes[bytes.index(before: newline)] != 0x0D {
            yamlEnd = newline
          }
        }
        let yaml = String(file.text[yamlStart..<yamlEnd])
        let body = String(file.text[next...])
        return FrontMatter(
          yaml: yaml, yamlFirstLine: openingLine + 1, body: body, bodyFirstLine: line + 1)
      }
      index = next
    }
    report.error(
      vi: "phần thông tin đầu tệp chưa được đóng lại",
      en: "the front matter is not closed", at: file.location(line: openingLine, column: 1),
      notes: [
        Diagnostic.Note(
          vi: "thêm một dòng '---' sau trường cuối cùng, trước phần nội dung",
          en: "add a line '---' after the last field, before the text")
      ])
    return nil
  }

  /// The end of the line starting at `start` (before its newline) and the start of the next.
  private static func lineBounds(_ bytes: String.UTF8View, from start: String.Index)
    -> (end: String.Index, next: String.Index)
  {
    guard let newline = bytes[start...].firstIndex(of: 0x0A) else {
      return (bytes.endIndex, bytes.endIndex)
    }
    return (newline, bytes.index(after: newline))
  }

  private static func isBlank(_ line: Substring.UTF8View) -> Bool {
    line.allSatisfy { $0 == 0x20 || $0 == 0x09 }
  }

  private static func isFence(_ line: Substring.UTF8View) -> Bool {
    var count = 0
    var trailing = false
    for byte in line {
      if byte == 0x2D, !trailing {
        count += 1
      } else if byte == 0x20 || byte == 0x09 {
        trailing = true
      } else {
        return false
      }
    }
    return count >= 3
  }
}
