/// A JSON value with object keys kept in the order they were added, so the
/// published data reads in a sensible order and is byte-identical run to run.
enum JSONValue {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  /// A string, or null when absent.
  static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

  /// The value serialized with two-space indentation and a final newline.
  var serialized: String {
    var out = ""
    write(into: &out, indent: "")
    return out + "\n"
  }

  private func write(into out: inout String, indent: String) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .double(let d):
      out += d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    case .string(let s): Self.writeString(s, into: &out)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "[\n"
      let inner = indent + "  "
      for (index, item) in items.enumerated() {
        out += inner
        item.write(into: &out, indent: inner)
        out += index + 1 < items.count ? ",\n" : "\n"
      }
      out += indent + "]"
    case .object(let pairs):
      if pairs.isEmpty {
        out += "{}"
        return
      }
      out += "{\n"
      let inner = indent + "  "
      for (index, (key, value)) in pairs.enumerated() {
        out += inner
        Self.writeString(key, into: &out)
        out += ": "
        value.write(into: &out, indent: inner)
        out += index + 1 < pairs.count ? ",\n" : "\n"
      }
      out += indent + "}"
    }
  }

  /// JSON string escaping (RFC 8259): quotes, backslash and control characters.
  static func writeString(_ s: String, into out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }
}
