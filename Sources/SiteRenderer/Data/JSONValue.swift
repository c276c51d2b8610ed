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
  /// A long array of `count` elements serialized in runs (`runBytes`, see
  /// `PlanData.taskRuns`) as it is written: `make` hands each run to the
  /// sink, where it becomes one piece of the file, with its key when it
  /// has one (`OutputFile.keys`).
  case runs(count: Int, make: (PieceSink) -> Void)

  /// A string, or null when absent.
  static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

  /// The value serialized with two-space indentation and a final newline.
  var serialized: [UInt8] {
    var out: [UInt8] = []
    write(into: &out, indent: 0, sink: nil)
    out.append(0x0A)
    return out
  }

  /// The same bytes as `serialized`, handed to `sink` in pieces as they
  /// are written: each run of a `.runs` array is its own piece, with its
  /// key, so a large file is never whole; the bytes between runs are
  /// pieces without a key.
  func serialize(into sink: PieceSink) {
    var out: [UInt8] = []
    write(into: &out, indent: 0, sink: sink)
    out.append(0x0A)
    sink.append(out, key: nil)
  }

  /// The bytes of one run of a `.runs` array written at `indent`: the
  /// values, each followed by a comma unless it is the `last` run's last.
  static func runBytes(_ values: [JSONValue], indent: Int, last: Bool) -> [UInt8] {
    var out: [UInt8] = []
    for (index, value) in values.enumerated() {
      newline(&out, indent: indent + 2)
      value.write(into: &out, indent: indent + 2, sink: nil)
      if !last || index + 1 < values.count { out.append(0x2C) }
    }
    return out.withoutSpareCapacity()
  }

  /// From this indentation on, values are written on one line.
  static let compactDepth = 4

  private static func newline(_ out: inout [UInt8], indent: Int) {
    guard indent <= compactDepth else { return }
    out.append(0x0A)
    out.append(contentsOf: repeatElement(0x20, count: indent))
  }

  /// Writes the value into `out`; with `sink`, each run of a `.runs`
  /// array goes to the sink as it is made, after `out` so far.
  private func write(into out: inout [UInt8], indent: Int, sink: PieceSink?) {
    switch self {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .int(let i): out.append(contentsOf: String(i).utf8)
    case .double(let d):
      out.append(contentsOf: (d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)).utf8)
    case .string(let s): Self.writeString(s, into: &out)
    case .runs(let count, let make):
      if count == 0 {
        out += [0x5B, 0x5D]
        return
      }
      out.append(0x5B)
      if let sink {
        sink.append(out, key: nil)
        out = []
        make(sink)
      } else {
        let runs = CollectedPieces()
        make(runs)
        for run in runs.pieces { out.append(contentsOf: run) }
      }
      if indent + 2 <= Self.compactDepth { Self.newline(&out, indent: indent) }
      out.append(0x5D)
    case .array(let items):
      if items.isEmpty {
        out += [0x5B, 0x5D]
        return
      }
      out.append(0x5B)
      for (index, item) in items.enumerated() {
        Self.newline(&out, indent: indent + 2)
        item.write(into: &out, indent: indent + 2, sink: sink)
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
        value.write(into: &out, indent: indent + 2, sink: sink)
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
