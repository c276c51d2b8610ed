extension String {
  /// The text with `& < > " '` replaced by entities, safe inside HTML text
  /// and quoted attribute values.
  public var htmlEscaped: String {
    var needsEscaping = false
    for byte in utf8
    where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 {
      needsEscaping = true
      break
    }
    guard needsEscaping else { return self }
    var out = [UInt8]()
    out.reserveCapacity(utf8.count + 16)
    for byte in utf8 {
      switch byte {
      case 0x26: out.append(contentsOf: Array("&amp;".utf8))
      case 0x3C: out.append(contentsOf: Array("&lt;".utf8))
      case 0x3E: out.append(contentsOf: Array("&gt;".utf8))
      case 0x22: out.append(contentsOf: Array("&quot;".utf8))
      case 0x27: out.append(contentsOf: Array("&#39;".utf8))
      default: out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
