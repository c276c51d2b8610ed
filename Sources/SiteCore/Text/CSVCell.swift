/// How CSV cells are protected against formula injection, and how that is undone.
///
/// A spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` (or a tab
/// or carriage return before one) as a formula, so a task title such as
/// `=HYPERLINK(…)` could do harm in the office that opens our data. Following
/// OWASP's advice, such a cell is written with a leading `'`, which Excel and
/// LibreOffice show as text and do not display. Cells that are plain numbers
/// (`-3`, `-2,5`, `+1.150`) are left alone. A text that already starts with
/// `'` before one of those characters gets a second `'`, so `unescaped` undoes
/// `escaped` exactly, whatever the text.
public enum CSVCell {
  /// The cell as written to a CSV file.
  public static func escaped(_ value: String) -> String {
    needsPrefix(Substring(value)) ? "'" + value : value
  }

  /// The value a cell written by `escaped` stands for.
  public static func unescaped(_ cell: String) -> String {
    guard cell.hasPrefix("'") else { return cell }
    let rest = cell.dropFirst()
    return needsPrefix(rest) ? String(rest) : cell
  }

  private static func needsPrefix(_ value: Substring) -> Bool {
    guard let first = value.first else { return false }
    switch first {
    case "=", "+", "-", "@", "\t", "\r": return !isNumber(value)
    case "'": return needsPrefix(value.dropFirst())
    default: return false
    }
  }

  /// `-3`, `+12`, `-2,5`, `-1.150,75`, `-2.5`: an optional sign, then digits
  /// with `.` or `,` only between digits.
  static func isNumber(_ value: Substring) -> Bool {
    var text = value
    if text.first == "-" || text.first == "+" { text = text.dropFirst() }
    guard let first = text.first, let last = text.last, first.isASCIIDigitCharacter,
      last.isASCIIDigitCharacter
    else { return false }
    var previousWasSeparator = false
    for character in text {
      if character.isASCIIDigitCharacter {
        previousWasSeparator = false
      } else if character == "." || character == "," {
        if previousWasSeparator { return false }
        previousWasSeparator = true
      } else {
        return false
      }
    }
    return true
  }
}

extension Character {
  fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
