/// Fast reading and writing of small line-based records (`word word rest`),
/// the format of plansite's manifests and state files: thousands of lines,
/// read and written on every build.
public enum RecordLines {
  /// Calls `visit` with the fields of each non-empty line: the line split at
  /// its first `maxFields - 1` spaces (the last field keeps any spaces).
  public static func scan(_ text: String, maxFields: Int, _ visit: ([Substring]) -> Bool) -> Bool {
    var copy = text
    return copy.withUTF8 { bytes -> Bool in
      var lineStart = 0
      let n = bytes.count
      while lineStart < n {
        var lineEnd = lineStart
        while lineEnd < n && bytes[lineEnd] != 0x0A { lineEnd += 1 }
        if lineEnd > lineStart {
          var fields: [Substring] = []
          var fieldStart = lineStart
          var i = lineStart
          while i < lineEnd && fields.count < maxFields - 1 {
            if bytes[i] == 0x20 {
              fields.append(Self.substring(bytes, fieldStart, i))
              fieldStart = i + 1
            }
            i += 1
          }
          fields.append(Self.substring(bytes, fieldStart, lineEnd))
          if !visit(fields) { return false }
        }
        lineStart = lineEnd + 1
      }
      return true
    }
  }

  /// Like `scan`, for a record whose first line must be `header`; that line is checked and not
  /// passed to `visit`.
  ///
  /// False if the header is missing or `visit` rejected a line.
  public static func scan(
    _ text: String, header: String, maxFields: Int, _ visit: ([Substring]) -> Bool
  ) -> Bool {
    guard text.hasPrefix(header + "\n") else { return false }
    var first = true
    return scan(text, maxFields: maxFields) { fields in
      if first {
        first = false
        return true
      }
      return visit(fields)
    }
  }

  private static func substring(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
    -> Substring
  {
    Substring(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }

  /// Builds text line by line into one buffer.
  public struct Writer {
    private var bytes: [UInt8] = []

    public init(capacity: Int = 1 << 16) {
      bytes.reserveCapacity(capacity)
    }

    /// Appends `fields` joined by single spaces, then a newline.
    public mutating func line(_ fields: String...) {
      for (index, field) in fields.enumerated() {
        if index > 0 { bytes.append(0x20) }
        var copy = field
        copy.withUTF8 { bytes.append(contentsOf: $0) }
      }
      bytes.append(0x0A)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
  }
}
