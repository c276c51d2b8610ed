/// HTML escaping of `& < > " '`, by UTF-8 byte: safe inside HTML text and
/// quoted attribute values.
public enum HTMLEscaping {
  /// Appends `text` to `out`, escaped.
  public static func append(_ text: String, to out: inout [UInt8]) {
    var text = text
    text.withUTF8 { bytes in
      var start = 0
      for index in bytes.indices {
        let entity: StaticString
        switch bytes[index] {
        case 0x26: entity = "&amp;"
        case 0x3C: entity = "&lt;"
        case 0x3E: entity = "&gt;"
        case 0x22: entity = "&quot;"
        case 0x27: entity = "&#39;"
        default: continue
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        out.append(
          contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
        start = index + 1
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }
  }
}

extension String {
  /// The text with `& < > " '` replaced by entities (see `HTMLEscaping`).
  public var htmlEscaped: String {
    guard
      utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
    else { return self }
    var out = [UInt8]()
    out.reserveCapacity(utf8.count + 16)
    HTMLEscaping.append(self, to: &out)
    return String(decoding: out, as: UTF8.self)
  }
}
