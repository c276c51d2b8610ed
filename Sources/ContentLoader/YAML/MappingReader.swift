import PlanModel
import SiteCore
import Yams

/// Reads the fields of one YAML mapping (a front matter, a list item) as
/// typed values, reporting missing fields, wrong types and unknown keys at
/// their file positions.
///
/// Every accessor registers its key as known; `finish()` then warns about
/// the keys nobody asked for, with a did-you-mean.
final class MappingReader {
  /// What the mapping describes, for messages (`task`, `assignment`).
  let what: String
  /// Where the mapping starts.
  let location: SourceLocation
  private let source: YAMLSource
  private var entries: [(key: String, keyNode: Node, value: Node)] = []
  private var known: [String] = []

  /// A reader over `node`, or `nil` (reported) if it is not a mapping.
  init?(_ node: Node, what: String, source: YAMLSource) {
    self.what = what
    self.source = source
    switch node {
    case .mapping(let mapping):
      location = source.location(mapping.mark)
      for (key, value) in mapping {
        entries.append((key.scalar?.string ?? "", key, value))
      }
    default:
      location = source.location(node.mark)
      source.report.error(
        "the \(what) should be a set of 'field: value' lines", at: location,
        notes: [Diagnostic.Note("write one field per line, like 'id: \"1.1\"'")])
      return nil
    }
  }

  private var report: DiagnosticCollector { source.report }

  /// Reports a problem found by the caller in this mapping's values.
  func error(_ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = []) {
    report.error(message, at: location, notes: notes)
  }

  /// The value node of `key`, or `nil` when absent or empty (`key:` or `key: null`).
  func node(_ key: String) -> Node? {
    known.append(key)
    guard let entry = entries.first(where: { $0.key == key }) else { return nil }
    if case .scalar(let scalar) = entry.value, scalar.style == .plain,
      ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    {
      return nil
    }
    return entry.value
  }

  /// The file location of a node.
  func location(of node: Node) -> SourceLocation { source.location(node.mark) }

  /// Reports that `key` is required and missing.
  private func missing(_ key: String, example: String) {
    report.error(
      "missing required field '\(key)' in the \(what)", at: location,
      notes: [Diagnostic.Note("add a line '\(key): \(example)'")])
  }

  /// A text field.
  func string(_ key: String, required: Bool = false, example: String = "…") -> Located<String>? {
    guard let node = node(key) else {
      if required { missing(key, example: example) }
      return nil
    }
    guard case .scalar(let scalar) = node else {
      report.error(
        "'\(key)' should be a single text, not \(describe(node))", at: location(of: node),
        notes: [Diagnostic.Note("write it on one line: \(key): \"…\"")])
      return nil
    }
    return Located(scalar.string.nfc, at: location(of: node))
  }

  /// A whole number within `range`.
  func int(_ key: String, in range: ClosedRange<Int>, required: Bool = false) -> Located<Int>? {
    guard let node = node(key) else {
      if required { missing(key, example: "\(range.lowerBound)") }
      return nil
    }
    guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
      report.error(
        "'\(key)' should be a whole number from \(range.lowerBound) to \(range.upperBound), "
          + "not \(quoted(node))", at: location(of: node),
        notes: [Diagnostic.Note("write only the number, like '\(key): \(range.upperBound / 2)'")])
      return nil
    }
    guard range.contains(value) else {
      report.error(
        "'\(key)' must be between \(range.lowerBound) and \(range.upperBound), not \(value)",
        at: location(of: node))
      return nil
    }
    return Located(value, at: location(of: node))
  }

  /// A yes/no field.
  func bool(_ key: String) -> Bool? {
    guard let node = node(key) else { return nil }
    if case .scalar(let scalar) = node {
      switch scalar.string.lowercased() {
      case "true", "yes", "có": return true
      case "false", "no", "không": return false
      default: break
      }
    }
    report.error(
      "'\(key)' should be true or false, not \(quoted(node))", at: location(of: node))
    return nil
  }

  /// A date, written `YYYY-MM-DD` (or `DD/MM/YYYY`, as Vietnamese documents do).
  func day(_ key: String, required: Bool = false) -> Located<Day>? {
    guard let node = node(key) else {
      if required { missing(key, example: "2026-12-31") }
      return nil
    }
    guard case .scalar(let scalar) = node else {
      report.error("'\(key)' should be a date, not \(describe(node))", at: location(of: node))
      return nil
    }
    return parseDay(scalar.string, key: key, at: location(of: node))
  }

  /// Parses a date text, reporting impossible and malformed dates.
  func parseDay(_ text: String, key: String, at location: SourceLocation) -> Located<Day>? {
    if let day = Day(iso: text) { return Located(day, at: location) }
    let slashParts = text.split(separator: "/")
    if slashParts.count == 3, slashParts.allSatisfy({ $0.allSatisfy(\.isNumber) }),
      slashParts[2].count == 4, let d = Int(slashParts[0]), let m = Int(slashParts[1]),
      let y = Int(slashParts[2])
    {
      if let day = Day(year: y, month: m, day: d) { return Located(day, at: location) }
      report.error("'\(text)' is not a real date", at: location, notes: [Self.dateNote])
      return nil
    }
    if Day.looksLikeISODate(text) {
      report.error("'\(text)' is not a real date", at: location, notes: [Self.dateNote])
    } else {
      report.error("'\(key)' should be a date, not '\(text)'", at: location, notes: [Self.dateNote])
    }
    return nil
  }

  private static let dateNote = Diagnostic.Note(
    "write dates as YYYY-MM-DD, like 2026-12-31 (the month must have that day)")

  /// One of a fixed set of words (`status: in-progress`).
  ///
  /// A value written as its Vietnamese label is suggested back as the word to use.
  func enumeration<Value: RawRepresentable & CaseIterable & Labeled & Sendable>(
    _ key: String, _ type: Value.Type, required: Bool = false
  ) -> Value? where Value.RawValue == String {
    locatedEnumeration(key, type, required: required)?.value
  }

  /// Like `enumeration`, keeping where the value is written.
  func locatedEnumeration<Value: RawRepresentable & CaseIterable & Labeled & Sendable>(
    _ key: String, _ type: Value.Type, required: Bool = false
  ) -> Located<Value>? where Value.RawValue == String {
    let allowed = Value.allCases.map(\.rawValue)
    guard let located = string(key, required: required, example: allowed.first ?? "…") else {
      return nil
    }
    if let value = Value(rawValue: located.value) { return Located(value, at: located.location) }
    var notes = [Diagnostic.Note("use one of: \(allowed.joined(separator: ", "))")]
    let candidates = Value.allCases.map { Suggestion.Candidate(id: $0.rawValue, name: $0.label) }
    if let close = Suggestion.closest(to: located.value, among: candidates) {
      notes.insert(Diagnostic.Note("did you mean '\(close.id)' (\(close.name))?"), at: 0)
    }
    report.error("'\(located.value)' is not a valid \(key)", at: located.location, notes: notes)
    return nil
  }

  /// A list of texts; a single text is accepted as a list of one.
  func stringList(_ key: String, required: Bool = false, example: String = "[…]")
    -> [Located<String>]?
  {
    guard let node = node(key) else {
      if required { missing(key, example: example) }
      return nil
    }
    switch node {
    case .scalar(let scalar):
      return [Located(scalar.string.nfc, at: location(of: node))]
    case .sequence(let sequence):
      var result: [Located<String>] = []
      for item in sequence {
        guard case .scalar(let scalar) = item else {
          report.error(
            "each item of '\(key)' should be a single text, not \(describe(item))",
            at: location(of: item))
          continue
        }
        result.append(Located(scalar.string.nfc, at: location(of: item)))
      }
      return result
    default:
      report.error(
        "'\(key)' should be a list like [a, b], not \(describe(node))", at: location(of: node))
      return nil
    }
  }

  /// A list of mappings, each read by `read`.
  func list<Item>(
    _ key: String, what itemWhat: String, required: Bool = false,
    read: (MappingReader) -> Item?
  ) -> [Item]? {
    guard let node = node(key) else {
      if required {
        report.error(
          "missing required field '\(key)' in the \(what)", at: location,
          notes: [Diagnostic.Note("add a line '\(key):' followed by items that start with '  - '")])
      }
      return nil
    }
    guard case .sequence(let sequence) = node else {
      report.error(
        "'\(key)' should be a list of items each starting with '- ', not \(describe(node))",
        at: location(of: node))
      return nil
    }
    return sequence.compactMap { item in
      guard let reader = MappingReader(item, what: itemWhat, source: source) else { return nil }
      defer { reader.finish() }
      return read(reader)
    }
  }

  /// A mapping of texts to texts (`targets: {2030: "165-190"}`), in file order.
  func pairs(_ key: String) -> [(key: Located<String>, value: Located<String>)]? {
    guard let node = node(key) else { return nil }
    guard case .mapping(let mapping) = node else {
      report.error(
        "'\(key)' should be 'period: value' lines, not \(describe(node))", at: location(of: node))
      return nil
    }
    var result: [(Located<String>, Located<String>)] = []
    for (k, v) in mapping {
      guard case .scalar(let ks) = k, case .scalar(let vs) = v else {
        report.error("each line of '\(key)' should be 'period: value'", at: location(of: k))
        continue
      }
      result.append(
        (Located(ks.string.nfc, at: location(of: k)), Located(vs.string.nfc, at: location(of: v))))
    }
    return result
  }

  /// A nested mapping read by `read`.
  func mapping<Item>(_ key: String, what itemWhat: String, read: (MappingReader) -> Item?) -> Item?
  {
    guard let node = node(key) else { return nil }
    guard let reader = MappingReader(node, what: itemWhat, source: source) else { return nil }
    defer { reader.finish() }
    return read(reader)
  }

  /// Warns about every key no accessor asked for.
  func finish() {
    for entry in entries where !known.contains(entry.key) {
      var notes: [Diagnostic.Note] = []
      if let close = Suggestion.closest(to: entry.key, among: known) {
        notes.append(Diagnostic.Note("did you mean '\(close)'?"))
      } else {
        notes.append(Diagnostic.Note("known fields: \(known.joined(separator: ", "))"))
      }
      report.warning(
        "unknown field '\(entry.key)' in the \(what) is ignored", at: location(of: entry.keyNode),
        notes: notes)
    }
  }

  private func describe(_ node: Node) -> String {
    switch node {
    case .mapping: "a set of fields"
    case .sequence: "a list"
    case .scalar(let s): "'\(s.string)'"
    case .alias: "an alias"
    }
  }

  private func quoted(_ node: Node) -> String { describe(node) }
}
