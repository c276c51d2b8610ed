/// A CSV file as RFC 4180 describes it, for spreadsheets: UTF-8 with a byte
/// order mark (so Excel reads Vietnamese correctly), CRLF line endings, and
/// fields quoted when they contain a comma, a quote or a line break.
struct CSVTable {
  let header: [String]
  private(set) var rows: [[String]] = []

  init(header: [String]) {
    self.header = header
  }

  mutating func append(_ row: [String]) {
    rows.append(row)
  }

  var bytes: [UInt8] {
    var text = ""
    for row in [header] + rows {
      text += row.map(Self.field).joined(separator: ",") + "\r\n"
    }
    return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
  }

  static func field(_ value: String) -> String {
    let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
    guard needsQuotes else { return value }
    var quoted = "\""
    for character in value {
      if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
    }
    return quoted + "\""
  }
}
