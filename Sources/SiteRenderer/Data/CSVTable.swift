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
    var out: [UInt8] = [0xEF, 0xBB, 0xBF]
    out.reserveCapacity(1 << 16)
    for row in [header] + rows {
      for (index, value) in row.enumerated() {
        if index > 0 { out.append(0x2C) }
        Self.writeField(value, into: &out)
      }
      out += [0x0D, 0x0A]
    }
    return out
  }

  /// A field, quoted when it holds a comma, a quote or a line break.
  static func writeField(_ value: String, into out: inout [UInt8]) {
    var copy = value
    copy.withUTF8 { bytes in
      let needsQuotes = bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
      guard needsQuotes else {
        out.append(contentsOf: bytes)
        return
      }
      out.append(0x22)
      for byte in bytes {
        if byte == 0x22 { out.append(0x22) }
        out.append(byte)
      }
      out.append(0x22)
    }
  }
}
