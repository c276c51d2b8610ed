/// A string as a double-quoted literal: `"`, `\` and control characters
/// escaped (`\n`, `\t`, `\u0007`, DEL as `\u007f`), U+2028 and U+2029 too.
///
/// Valid both as a JSON string (RFC 8259, and inside a `<script>`) and as a
/// YAML double-quoted scalar: plan.json and the search index, the preview
/// server's messages and the report files the importer writes all use it.
public enum QuotedText {
  public static func quoted(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 2)
    write(text, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends `text` as a quoted literal, working on UTF-8 bytes: runs of
  /// bytes that need no escape are copied in one go.
  public static func write(_ text: String, into out: inout [UInt8]) {
    out.append(0x22)
    var copy = text
    copy.withUTF8 { bytes in
      var i = 0
      var run = 0
      let n = bytes.count
      func flush(upTo end: Int) {
        if run < end { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<end])) }
      }
      while i < n {
        let b = bytes[i]
        if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x7F && b != 0xE2 {
          i += 1
          continue
        }
        let escape: String
        var length = 1
        switch b {
        case 0x22: escape = "\\\""
        case 0x5C: escape = "\\\\"
        case 0x0A: escape = "\\n"
        case 0x0D: escape = "\\r"
        case 0x09: escape = "\\t"
        case 0x00..<0x20, 0x7F:
          let hex = String(b, radix: 16)
          escape = "\\u00" + (hex.count == 1 ? "0" : "") + hex
        case 0xE2
        where i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
          escape = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
          length = 3
        default:
          // U+2xxx other than the two separators: an ordinary byte.
          i += 1
          continue
        }
        flush(upTo: i)
        out += escape.utf8
        i += length
        run = i
      }
      flush(upTo: n)
    }
    out.append(0x22)
  }
}
