import SiteCore

/// Where a Markdown text sits in its file, so that a problem found inside
/// the text (at its own line and column) is reported where the editor sees
/// it.
///
/// A file's body and a YAML text written over several lines put each line
/// of the text on a line of its own; a quoted YAML text written on one line
/// (`text: "Dòng một\nDòng hai"`) puts all of them on that one line.
struct TextPlacement {
  enum Layout {
    /// The text's lines are the file's lines from `line` on; the first
    /// starts at `column` when known, the others at their own start
    /// (a file's body; a plain or quoted YAML text).
    case lines(column: Int?)
    /// A YAML block (`text: |`) whose indicator is on `line`: the text's
    /// lines are the file's lines after it, each indented alike.
    case block
    /// A quoted YAML text whose opening quote is at `column` of `line`:
    /// on one line when the closing quote is on it too.
    case quoted(column: Int)
  }

  let file: SourceFile
  let line: Int
  let layout: Layout

  /// The file location of the text's own `line` and `column` (1-based).
  func location(line textLine: Int, column textColumn: Int) -> SourceLocation {
    switch layout {
    case .lines(let column):
      let shown = column.map { textLine == 1 ? $0 + textColumn - 1 : textColumn }
      return file.location(line: line + textLine - 1, column: shown ?? textColumn)
    case .block:
      let fileLine = line + textLine
      return file.location(line: fileLine, column: indent(ofBlockAfter: line) + textColumn)
    case .quoted(let column):
      guard closesOnItsLine(quoteAt: column) else {
        return TextPlacement(file: file, line: line, layout: .lines(column: column + 1))
          .location(line: textLine, column: textColumn)
      }
      // Escapes (`\n`, `\"`) make a column past the first line unknowable.
      return textLine == 1
        ? file.location(line: line, column: column + textColumn)
        : file.location(line: line)
    }
  }

  /// The file's lines from line `number` (1-based) on (only a problem
  /// found in a text asks, so the file is split then).
  private func lines(from number: Int) -> ArraySlice<Substring> {
    file.text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(number - 1)
  }

  /// The indentation of a block's text: that of its first line with text.
  private func indent(ofBlockAfter indicatorLine: Int) -> Int {
    for text in lines(from: indicatorLine + 1).prefix(1_000) {
      let spaces = text.prefix { $0 == " " }.count
      if spaces < text.count { return spaces }
    }
    return 0
  }

  /// Whether the quoted text opening at `column` of `line` closes on that line.
  private func closesOnItsLine(quoteAt column: Int) -> Bool {
    let characters = Array(lines(from: line).first ?? "")
    guard column >= 1, column <= characters.count else { return false }
    let quote = characters[column - 1]
    var index = column
    while index < characters.count {
      let character = characters[index]
      if quote == "\"", character == "\\" {
        index += 2
        continue
      }
      if character == quote {
        // In a single-quoted text, '' is a quote written inside it.
        if quote == "'", index + 1 < characters.count, characters[index + 1] == "'" {
          index += 2
          continue
        }
        return true
      }
      index += 1
    }
    return false
  }
}
