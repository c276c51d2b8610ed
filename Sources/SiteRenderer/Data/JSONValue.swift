import SiteCore

/// A JSON value with object keys kept in the order they were added, so the
/// published data reads in a sensible order and is byte-identical run to run.
///
/// Written indented down to the records of the top-level lists, each record
/// on one line (`compactDepth`): the file stays easy to read and to diff,
/// a third smaller than indented all the way down.
enum JSONValue {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])
  /// A value already serialized by `serialized(indent:)` at the indentation
  /// of the place it is put (for values made in parallel).
  case raw([UInt8])

  /// A string, or null when absent.
  static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

  /// The value serialized with two-space indentation and a final newline.
  var serialized: [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(rawSize + (1 << 16))
    write(into: &out, indent: 0)
    out.append(0x0A)
    return out
  }

  /// The bytes of the `.raw` values inside, to size the output once.
  private var rawSize: Int {
    switch self {
    case .raw(let bytes): bytes.count
    case .array(let items): items.reduce(0) { $0 + $1.rawSize }
    case .object(let pairs): pairs.reduce(0) { $0 + $1.1.rawSize }
    default: 0
    }
  }

  /// The value serialized as it is written at `indent` spaces inside a
  /// larger value, without a final newline: for `.raw`.
  func serialized(indent: Int) -> [UInt8] {
    var out: [UInt8] = []
    write(into: &out, indent: indent)
    return out
  }

  /// From this indentation on, values are written on one line.
  static let compactDepth = 4

  private static func newline(_ out: inout [UInt8], indent: Int) {
    guard indent <= compactDepth else { return }
    out.append(0x0A)
    out.append(contentsOf: repeatElement(0x20, count: indent))
  }

  private func write(into out: inout [UInt8], indent: Int) {
    switch self {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .int(let i): out.append(contentsOf: String(i).utf8)
    case .double(let d):
      out.append(contentsOf: (d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)).utf8)
    case .string(let s): Self.writeString(s, into: &out)
    case .raw(let bytes): out.append(contentsOf: bytes)
    case .array(let items):
      if items.isEmpty {
        out += [0x5B, 0x5D]
        return
      }
      out.append(0x5B)
      for (index, item) in items.enumerated() {
        Self.newline(&out, indent: indent + 2)
        item.write(into: &out, indent: indent + 2)
        if index + 1 < items.count { out.append(0x2C) }
      }
      if indent + 2 <= Self.compactDepth { Self.newline(&out, indent: indent) }
      out.append(0x5D)
    case .object(let pairs):
      if pairs.isEmpty {
        out += [0x7B, 0x7D]
        return
      }
      out.append(0x7B)
      for (index, (key, value)) in pairs.enumerated() {
        Self.newline(&out, indent: indent + 2)
        Self.writeString(key, into: &out)
        if indent + 2 <= Self.compactDepth { out += [0x3A, 0x20] } else { out.append(0x3A) }
        value.write(into: &out, indent: indent + 2)
        if index + 1 < pairs.count { out.append(0x2C) }
      }
      if indent + 2 <= Self.compactDepth { Self.newline(&out, indent: indent) }
      out.append(0x7D)
    }
  }

  /// JSON string escaping (see `QuotedText.write`).
  static func writeString(_ s: String, into out: inout [UInt8]) {
    QuotedText.write(s, into: &out)
  }

  /// A string escaped as a JSON string literal.
  static func literal(_ s: String) -> String {
    var out: [UInt8] = []
    writeString(s, into: &out)
    return String(decoding: out, as: UTF8.self)
  }
}
