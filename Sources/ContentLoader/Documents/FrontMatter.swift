import SiteCore

/// A Markdown file split into its YAML front matter and its body.
///
/// The front matter sits between a first line `---` and the next line that
/// is `---` (or `...`). Line numbers are kept so YAML positions can be
/// reported as file lines.
struct FrontMatter {
  /// The YAML text between the fences.
  let yaml: String
  /// The file line on which the YAML text starts (2 for a normal file).
  let yamlFirstLine: Int
  /// The Markdown after the closing fence.
  let body: String

  /// Splits `file`, reporting a missing or unclosed front matter.
  static func split(_ file: SourceFile, report: DiagnosticCollector) -> FrontMatter? {
    var lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)[...]
    // Blank lines before the opening fence are tolerated.
    var firstLine = 1
    while let line = lines.first, line.allSatisfy(\.isWhitespace) {
      lines = lines.dropFirst()
      firstLine += 1
    }
    guard let opening = lines.first, isFence(opening) else {
      report.error(
        "the file does not start with front matter", at: file.location(line: firstLine, column: 1),
        notes: [
          Diagnostic.Note(
            "the first line must be '---', then the fields (id: …, title: …), then a line '---'")
        ])
      return nil
    }
    lines = lines.dropFirst()
    let yamlStart = lines.startIndex
    guard let closing = lines.firstIndex(where: { isFence($0) || $0 == "..." }) else {
      report.error(
        "the front matter is not closed", at: file.location(line: firstLine, column: 1),
        notes: [Diagnostic.Note("add a line '---' after the last field, before the text")])
      return nil
    }
    let yaml = lines[yamlStart..<closing].joined(separator: "\n")
    let body = lines[(closing + 1)...].joined(separator: "\n")
    return FrontMatter(yaml: yaml, yamlFirstLine: firstLine + 1, body: body)
  }

  private static func isFence(_ line: Substring) -> Bool {
    line.count >= 3 && line.hasPrefix("---") && line.dropFirst(3).allSatisfy(\.isWhitespace)
  }
}
