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
        switch b {
        case 0x22:
          flush(upTo: i)
          out += [0x5C, 0x22]
        case 0x5C:
          flush(upTo: i)
          out += [0x5C, 0x5C]
        case 0x0A:
          flush(upTo: i)
          out += [0x5C, 0x6E]
        case 0x0D:
          flush(upTo: i)
          out += [0x5C, 0x72]
        case 0x09:
          flush(upTo: i)
          out += [0x5C, 0x74]
        case 0x00..<0x20, 0x7F:
          flush(upTo: i)
          let hex = Array(String(b, radix: 16).utf8)
          out += [0x5C, 0x75, 0x30, 0x30] + (hex.count == 1 ? [0x30] + hex : hex)
        case 0xE2
        where i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
          flush(upTo: i)
          out += Array((bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
          i += 2
        default:
          // U+2xxx other than the two separators: an ordinary byte.
          i += 1
          continue
        }
        i += 1
        run = i
      }
      flush(upTo: n)
    }
    out.append(0x22)
  }
}
