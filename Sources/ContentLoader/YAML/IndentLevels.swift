import Foundation

/// The indentation a misaligned YAML line should have.
///
/// libyaml says "did not find expected key" or "did not find expected '-'
/// indicator" when a field sits one space off its siblings; editors read
/// that as a missing dash or key. The levels open above the line (the
/// columns of the fields and list dashes it could belong to) say which
/// column was meant.
enum IndentLevels {
  /// A column a line could start at, and the line that opened it.
  struct Level: Equatable {
    /// 0-based column.
    var column: Int
    /// 1-based line of `yaml` that opened the level.
    var line: Int
    /// The field's name, or "-" for a list's dash.
    var name: String
    var isDash: Bool { name == "-" }
  }

  /// The level line `number` (1-based) of `yaml` was most likely meant to
  /// start at, when it starts off every level open above it; nil when it
  /// is aligned, or is not a field or list item.
  static func intended(in yaml: String, line number: Int) -> Level? {
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    guard number >= 1, number <= lines.count,
      let current = Shape(lines[number - 1]), !current.isScalarText
    else { return nil }
    var open: [Level] = []
    var blockScalarAbove: Int?
    // Lines of a quoted text going on over several lines are no levels.
    var inQuotedText = false
    for index in 0..<(number - 1) {
      if inQuotedText {
        inQuotedText = !Self.closesQuote(lines[index])
        continue
      }
      if YAMLSource.unclosedQuote(in: String(lines[index]), through: 1) != nil {
        inQuotedText = true
      }
      guard let shape = Shape(lines[index]) else { continue }
      if let parent = blockScalarAbove, shape.indent > parent { continue }
      blockScalarAbove = nil
      open.removeAll { $0.column > shape.indent }
      // A level is a column and whether it holds dashes or fields (a list
      // may sit at its parent field's column).
      func isOpen(_ column: Int, dash: Bool) -> Bool {
        open.contains { $0.column == column && $0.isDash == dash }
      }
      if shape.dash {
        if !isOpen(shape.indent, dash: true) {
          open.append(Level(column: shape.indent, line: index + 1, name: "-"))
        }
        if let key = shape.key, let keyColumn = shape.keyColumn {
          open.append(Level(column: keyColumn, line: index + 1, name: key))
        }
      } else if let key = shape.key, !isOpen(shape.indent, dash: false) {
        open.append(Level(column: shape.indent, line: index + 1, name: key))
      }
      if shape.opensBlockScalar { blockScalarAbove = shape.keyColumn ?? shape.indent }
    }
    // A line at any open level may be meant there, and one left of them
    // all says nothing of which is meant: no hint.
    guard !inQuotedText, !open.contains(where: { $0.column == current.indent }),
      open.contains(where: { $0.column < current.indent })
    else { return nil }
    let candidates = open.filter { $0.isDash == current.dash }
    // The nearest level; of two as near, the deeper (a field pushed one
    // space left of its siblings belongs with them).
    return candidates.min {
      (abs($0.column - current.indent), -$0.column) < (abs($1.column - current.indent), -$1.column)
    }
  }

  /// Whether a line inside a double-quoted text ends it: it has a quote
  /// not escaped by a backslash.
  private static func closesQuote(_ line: Substring) -> Bool {
    var escaped = false
    for character in line {
      if escaped {
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "\"" {
        return true
      }
    }
    return false
  }

  /// What a line starts with.
  private struct Shape {
    var indent: Int
    var dash: Bool
    /// The first field's name, if the line (after its dash) starts with one.
    var key: String?
    /// The column of that field.
    var keyColumn: Int?
    /// `key: |` or `key: >`: the lines below are text, not fields.
    var opensBlockScalar: Bool
    /// Neither a field nor a list item (text going on from a line above).
    var isScalarText: Bool { !dash && key == nil }

    init?(_ line: Substring) {
      let characters = Array(line)
      guard let first = characters.firstIndex(where: { $0 != " " }),
        characters[first] != "#", characters[first] != "\t"
      else { return nil }
      indent = first
      var start = first
      dash =
        characters[first] == "-" && (first + 1 == characters.count || characters[first + 1] == " ")
      if dash {
        start = first + 1
        while start < characters.count, characters[start] == " " { start += 1 }
      }
      let rest = String(characters[start...])
      if let colon = rest.firstIndex(of: ":"),
        rest[rest.index(after: colon)...].first.map({ $0 == " " }) ?? true
      {
        let name = rest[..<colon]
        if !name.isEmpty, !name.contains(" "), !"\"'[{".contains(name.first ?? " ") {
          key = String(name)
          keyColumn = start
        }
        let value =
          rest[rest.index(after: colon)...]
          .split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        opensBlockScalar = trimmed.first.map { "|>".contains($0) } ?? false
      } else {
        opensBlockScalar = false
      }
      if dash, key == nil { keyColumn = nil }
    }
  }
}
