/// A string as a double-quoted literal: `"`, `\` and control characters
/// escaped (`\n`, `\t`, `\u0007`), U+2028 and U+2029 too.
///
/// Valid both as a JSON string (RFC 8259) and as a YAML double-quoted
/// scalar: the preview server's messages and the report files the importer
/// writes use the same one.
public enum QuotedText {
  public static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028
          || scalar.value == 0x2029
        {
          let hex = String(scalar.value, radix: 16, uppercase: false)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
