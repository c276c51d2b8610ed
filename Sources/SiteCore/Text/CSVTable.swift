/// A CSV file as RFC 4180 describes it, for spreadsheets: UTF-8 with a byte
/// order mark (so Excel reads Vietnamese correctly), CRLF line endings,
/// fields quoted when they contain a comma, a quote or a line break, and
/// cells that a spreadsheet would run as a formula written with a leading
/// `'` (`CSVCell`).
///
/// Rows are written into the bytes as they are appended, in pieces of
/// about a megabyte (a large table is written piece by piece, never
/// copied into one buffer: see `OutputFile.pieces`).
public struct CSVTable: Sendable {
  public let header: [String]
  /// The full pieces, then the one being written.
  private var filled: [[UInt8]] = []
  private var current: [UInt8] = [0xEF, 0xBB, 0xBF]
  private static let pieceSize = 1 << 20

  public init(header: [String]) {
    self.init(header: header, continuing: false)
  }

  /// With `continuing`, rows that go on a table begun elsewhere: no byte
  /// order mark and no header row (the columns are still `header`'s).
  public init(header: [String], continuing: Bool) {
    self.header = header
    if continuing { current = [] }
    current.reserveCapacity(1 << 16)
    if !continuing { append(header) }
  }

  /// The table's bytes, in pieces.
  public var pieces: [[UInt8]] { filled + [current] }

  /// Hands the full pieces to `sink` and lets them go; the piece being
  /// written stays (a table of hundreds of thousands of rows is written
  /// as it is made).
  public mutating func sendFilled(to sink: PieceSink) {
    for piece in filled { sink.append(piece, key: nil) }
    filled = []
  }

  /// Hands every piece to `sink`, leaving the table without bytes.
  public mutating func send(to sink: PieceSink) {
    sendFilled(to: sink)
    sink.append(current, key: nil)
    current = []
  }

  /// The table's bytes in one buffer.
  public var bytes: [UInt8] { pieces.joinedBytes }

  /// Appends a row of values, one per column.
  public mutating func append(_ row: [String]) {
    for (index, value) in row.enumerated() {
      if index > 0 { current.append(0x2C) }
      Self.writeField(value, into: &current)
    }
    current += [0x0D, 0x0A]
    if current.count >= Self.pieceSize {
      filled.append(current.withoutSpareCapacity())
      current = []
      current.reserveCapacity(Self.pieceSize + Self.pieceSize / 8)
    }
  }

  /// Appends a row given as column name and value, in column order (the
  /// names are checked against the header in debug builds and tests).
  public mutating func append(_ row: KeyValuePairs<String, String>) {
    assert(row.map(\.key) == header, "CSV row columns \(row.map(\.key)) are not \(header)")
    append(row.map(\.value))
  }

  /// A field, quoted when it holds a comma, a quote or a line break.
  public static func writeField(_ value: String, into out: inout [UInt8]) {
    var copy = CSVCell.escaped(value)
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
