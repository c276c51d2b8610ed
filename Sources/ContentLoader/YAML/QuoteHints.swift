import Foundation
import SiteCore

/// Hints about quotes, given with a YAML syntax error: libyaml reports a
/// quote problem where it gives up, often lines or columns away from the
/// quote an editor must fix.
extension YAMLSource {
  /// The first line up to `last` (1-based, of `yaml`) where a value opens
  /// with a double quote that the line does not close, as a line and a
  /// 1-based column.
  ///
  /// A quoted text may go on over several lines, so this is only a hint,
  /// given with a syntax error.
  static func unclosedQuote(in yaml: String, through last: Int) -> (line: Int, column: Int)? {
    var number = 0
    for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
      number += 1
      if number > last { return nil }
      var opened: Int?
      var escaped = false
      // What comes before a quote that opens a value: the start of the
      // line, or `:`, `-`, `[`, `{`, `,` and spaces.
      var opens = true
      for (column, character) in line.enumerated() {
        if opened != nil {
          if escaped {
            escaped = false
          } else if character == "\\" {
            escaped = true
          } else if character == "\"" {
            opened = nil
            opens = false
          }
        } else if character == "#", opens {
          break
        } else if character == "\"", opens {
          opened = column + 1
        } else if character == " " || character == "\t" {
          continue
        } else {
          opens = [":", "-", "[", "{", ","].contains(character)
        }
      }
      if let opened { return (number, opened) }
    }
    return nil
  }

  /// A quoted value on `line` (1-based, of `yaml`) that closes before
  /// `column` with more text after it on the line: `title: "Xây dựng "A""`
  /// or `title: "…" (sửa đổi)`, which libyaml reports at the text after the
  /// closing quote.
  struct QuotedText: Equatable {
    /// The quote character, `"` or `'`.
    var quote: Character
    /// 1-based columns of the opening and closing quotes.
    var opens: Int
    var closes: Int
    /// The field the value belongs to (`title`), when the line names one.
    var field: String?
    /// What follows the closing quote.
    var rest: String
  }

  static func textAfterQuote(in yaml: String, line: Int, column: Int) -> QuotedText? {
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    guard line >= 1, line <= lines.count else { return nil }
    let text = Array(lines[line - 1])
    var index = 0
    // What comes before a quote that opens a value: the start of the
    // line, or `:`, `-`, `[`, `{`, `,` and spaces.
    var opens = true
    while index < text.count {
      let character = text[index]
      if character == "#", opens { return nil }
      if character == " " || character == "\t" {
        index += 1
        continue
      }
      guard character == "\"" || character == "'", opens else {
        opens = [":", "-", "[", "{", ","].contains(character)
        index += 1
        continue
      }
      guard let close = closingQuote(of: text, openingAt: index) else { return nil }
      var after = close + 1
      while after < text.count, text[after] == " " { after += 1 }
      if after < text.count, !["#", ",", "]", "}", ":"].contains(text[after]) {
        // Only the text libyaml stopped at: the error's column is after
        // the closing quote, with nothing but spaces between.
        guard column - 1 == after else { return nil }
        // `title: "…"` or `- label: "…"`, not a list item or a list's value.
        let before = String(text[..<index]).trimmingCharacters(in: .whitespaces)
        let key = before.hasSuffix(":") ? before.dropLast() : nil
        let field = key.map {
          $0.drop { $0 == "-" || $0 == " " }.trimmingCharacters(in: .whitespaces)
        }
        return QuotedText(
          quote: character, opens: index + 1, closes: close + 1, field: field,
          rest: String(text[after...]))
      }
      index = close + 1
      opens = false
    }
    return nil
  }

  /// The index of the quote closing the one at `open`, on the same line.
  private static func closingQuote(of text: [Character], openingAt open: Int) -> Int? {
    let quote = text[open]
    var index = open + 1
    while index < text.count {
      if quote == "\"", text[index] == "\\" {
        index += 2
        continue
      }
      if text[index] == quote {
        // Two single quotes inside single quotes are one quote.
        if quote == "'", index + 1 < text.count, text[index + 1] == "'" {
          index += 2
          continue
        }
        return index
      }
      index += 1
    }
    return nil
  }

  /// What to do about text after a closing quote on file line `line`.
  func note(for quoted: QuotedText, onFileLine line: Int) -> Diagnostic.Note {
    let rest =
      quoted.rest.count > 24
      ? quoted.rest.prefix(24).trimmingCharacters(in: .whitespaces) + "…" : quoted.rest
    let field = quoted.field.map { "\($0): " } ?? ""
    let opened = Message(
      vi: "đoạn chữ mở bằng dấu \(quoted.quote == "\"" ? "ngoặc kép" : "nháy đơn") ở cột "
        + "\(quoted.opens) đã đóng ở cột \(quoted.closes), nhưng sau đó còn chữ «\(rest)»: ",
      en: "the text opened by the quote in column \(quoted.opens) is closed by the quote in "
        + "column \(quoted.closes), yet «\(rest)» follows it: ")
    let fix =
      quoted.quote == "\""
      ? Message(
        vi: "nếu các dấu ngoặc kép là một phần của đoạn chữ, bao cả đoạn bằng dấu nháy đơn "
          + "(\(field)'… \"…\" …'); nếu không, đưa phần chữ sau vào trong ngoặc kép",
        en: "if the double quotes are part of the text, put single quotes around all of it "
          + "(\(field)'… \"…\" …'); else move what follows inside the double quotes")
      : Message(
        vi: "nếu dấu nháy đơn là một phần của đoạn chữ, viết nó hai lần ('') hoặc bao cả đoạn "
          + "bằng ngoặc kép (\(field)\"… ' …\"); nếu không, đưa phần chữ sau vào trong dấu nháy",
        en: "if the single quote is part of the text, write it twice ('') or put double "
          + "quotes around all of it (\(field)\"… ' …\"); else move what follows inside the quotes")
    return Diagnostic.Note(
      opened + fix, at: file.location(line: line, column: quoted.opens))
  }
}
