import PlanModel
import SiteCore

/// Reads the fields of one YAML mapping (a front matter, a list item) as
/// typed values, reporting missing fields, wrong types and unknown keys at
/// their file positions.
///
/// Every accessor registers its key as known; `finish()` then warns about
/// the keys nobody asked for, with a did-you-mean.
final class MappingReader {
  /// What the mapping describes, for messages (`nhiệm vụ`, `dòng phân công`).
  let what: Message
  /// Where the mapping starts.
  let location: SourceLocation
  private let source: YAMLSource
  /// The mapping's keys as text, their nodes and their values, by entry:
  /// three arrays, so that looking a key up compares strings without
  /// copying (and retaining) each entry's nodes (a report file has a
  /// mapping for each of its thousands of task lines).
  private var entryKeys: [String] = []
  private var keyNodes: [YAMLNode] = []
  private var values: [YAMLNode] = []
  private var known: [String] = []

  /// A reader over `node`, or `nil` (reported) if it is not a mapping.
  init?(_ node: YAMLNode, what: Message, source: YAMLSource) {
    self.what = what
    self.source = source
    switch node {
    case .mapping(let mapping):
      location = source.location(mapping.mark)
      entryKeys.reserveCapacity(mapping.pairs.count)
      keyNodes.reserveCapacity(mapping.pairs.count)
      values.reserveCapacity(mapping.pairs.count)
      for (key, value) in mapping.pairs {
        entryKeys.append(key.scalar?.string ?? "")
        keyNodes.append(key)
        values.append(value)
      }
    default:
      location = source.location(node.mark)
      source.report.error(
        vi: "\(what.vi) phải được ghi thành các dòng 'trường: giá trị'",
        en: "the \(what.en) should be a set of 'field: value' lines", at: location,
        notes: [
          Diagnostic.Note(
            vi: "ghi mỗi trường trên một dòng, ví dụ 'id: \"1.1\"'",
            en: "write one field per line, like 'id: \"1.1\"'")
        ])
      return nil
    }
  }

  /// Where problems go.
  var report: DiagnosticCollector { source.report }

  /// Reports a problem found by the caller in this mapping's values.
  func error(
    vi: String, en: String, at location: SourceLocation, notes: [Diagnostic.Note] = []
  ) {
    report.error(vi: vi, en: en, at: location, notes: notes)
  }

  /// Reports a warning found by the caller in this mapping's values.
  func warning(
    vi: String, en: String, at location: SourceLocation, notes: [Diagnostic.Note] = []
  ) {
    report.warning(vi: vi, en: en, at: location, notes: notes)
  }

  /// The value node of `key`, or `nil` when absent or empty (`key:` or `key: null`).
  func node(_ key: String) -> YAMLNode? {
    if !known.contains(key) { known.append(key) }
    guard let index = entryKeys.firstIndex(of: key) else { return nil }
    let value = values[index]
    if case .scalar(let scalar) = value, scalar.style == .plain {
      switch scalar.string {
      case "", "~", "null", "Null", "NULL": return nil
      default: break
      }
    }
    return value
  }

  /// Where the text of `key`'s value sits in `file`, for problems found
  /// inside it; nil when it is not a text.
  func placement(_ key: String, in file: SourceFile) -> TextPlacement? {
    guard let node = node(key), case .scalar(let scalar) = node else { return nil }
    let at = location(of: node)
    let line = at.line ?? 1
    switch scalar.style {
    case .literal, .folded:
      return TextPlacement(file: file, line: line, layout: .block)
    case .doubleQuoted, .singleQuoted:
      return TextPlacement(file: file, line: line, layout: .quoted(column: at.column ?? 1))
    default:
      return TextPlacement(file: file, line: line, layout: .lines(column: at.column))
    }
  }

  /// Where `key` is written with no value (`status:`), which reads as if
  /// it were not written at all; nil when it has a value or is absent.
  func blank(_ key: String) -> SourceLocation? {
    guard let index = entryKeys.firstIndex(of: key), node(key) == nil else { return nil }
    return location(of: keyNodes[index])
  }

  /// The file location of a node.
  func location(of node: YAMLNode) -> SourceLocation { source.location(node.mark) }

  /// Reports that `key` is required and missing.
  private func missing(_ key: String, example: String) {
    report.error(
      vi: "thiếu trường bắt buộc '\(key)' trong \(what.vi)",
      en: "missing required field '\(key)' in the \(what.en)", at: location,
      notes: [
        Diagnostic.Note(
          vi: "thêm một dòng '\(key): \(example)'", en: "add a line '\(key): \(example)'")
      ])
  }

  /// A text field.
  func string(_ key: String, required: Bool = false, example: String = "…") -> Located<String>? {
    guard let node = node(key) else {
      if required { missing(key, example: example) }
      return nil
    }
    guard case .scalar(let scalar) = node else {
      report.error(
        vi: "'\(key)' phải là một đoạn chữ, không phải \(describe(node).vi)",
        en: "'\(key)' should be a single text, not \(describe(node).en)", at: location(of: node),
        notes: [
          Diagnostic.Note(
            vi: "ghi trên một dòng: \(key): \"…\"", en: "write it on one line: \(key): \"…\"")
        ])
      return nil
    }
    return Located(scalar.string.nfc, at: location(of: node))
  }

  /// A field holding a full web address (`WebAddress`); anything else is
  /// an error at the value, and gives nil.
  func webAddress(_ key: String, example: String) -> Located<String>? {
    guard let text = string(key), !text.value.isEmpty else { return nil }
    let value = text.value
    guard WebAddress.isValid(value) else {
      report.error(
        vi: "'\(key)' phải là địa chỉ web đầy đủ, bắt đầu bằng https://, không phải '\(value)'",
        en: "'\(key)' must be a full web address starting with https://, not '\(value)'",
        at: text.location,
        notes: [
          Diagnostic.Note(
            vi: "ví dụ: \(key): \"\(example)\"", en: "for example: \(key): \"\(example)\"")
        ])
      return nil
    }
    return Located(value, at: text.location)
  }

  /// A whole number within `range`.
  func int(_ key: String, in range: ClosedRange<Int>, required: Bool = false) -> Located<Int>? {
    guard let node = node(key) else {
      if required { missing(key, example: "\(range.lowerBound)") }
      return nil
    }
    guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
      report.error(
        vi: "'\(key)' phải là một số nguyên từ \(range.lowerBound) đến \(range.upperBound), "
          + "không phải \(describe(node).vi)",
        en: "'\(key)' should be a whole number from \(range.lowerBound) to \(range.upperBound), "
          + "not \(describe(node).en)", at: location(of: node),
        notes: [
          Diagnostic.Note(
            vi: "chỉ ghi con số, ví dụ '\(key): \(range.upperBound / 2)'",
            en: "write only the number, like '\(key): \(range.upperBound / 2)'")
        ])
      return nil
    }
    guard range.contains(value) else {
      report.error(
        vi: "'\(key)' phải từ \(range.lowerBound) đến \(range.upperBound), không phải \(value)",
        en: "'\(key)' must be between \(range.lowerBound) and \(range.upperBound), not \(value)",
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
      vi: "'\(key)' phải là true (có) hoặc false (không), không phải \(describe(node).vi)",
      en: "'\(key)' should be true or false, not \(describe(node).en)", at: location(of: node))
    return nil
  }

  /// A date, written `YYYY-MM-DD` (or `DD/MM/YYYY`, as Vietnamese documents do).
  func day(_ key: String, required: Bool = false) -> Located<Day>? {
    guard let node = node(key) else {
      if required { missing(key, example: "2026-12-31") }
      return nil
    }
    guard case .scalar(let scalar) = node else {
      report.error(
        vi: "'\(key)' phải là một ngày, không phải \(describe(node).vi)",
        en: "'\(key)' should be a date, not \(describe(node).en)", at: location(of: node),
        notes: [Self.dateNote])
      return nil
    }
    return parseDay(scalar.string, key: key, at: location(of: node))
  }

  /// Parses a date text, reporting impossible and malformed dates.
  ///
  /// Accepts `2026-12-31` and `31/12/2026`; a month or day written with one
  /// digit (`2026-4-30`, `30/4/2026`) is accepted too, as offices write it.
  func parseDay(_ text: String, key: String, at location: SourceLocation) -> Located<Day>? {
    switch DayText.parse(text) {
    case .valid(let day):
      return Located(day, at: location)
    case .impossible:
      report.error(
        vi: "ngày không hợp lệ: không có ngày \(DayText.vietnameseForm(of: text)) trên lịch",
        en: "'\(text)' is not a real date", at: location,
        notes: [
          Diagnostic.Note(
            vi: "kiểm tra lại ngày và tháng (tháng 2 có 28 hoặc 29 ngày; tháng 4, 6, 9, 11 có 30 "
              + "ngày)",
            en: "check the day and the month (February has 28 or 29 days; April, June, September "
              + "and November have 30)")
        ])
      return nil
    case .notADate:
      let meant = Self.meaningNotes(text, key: key)
      report.error(
        vi: "'\(key)' phải là một ngày, không phải '\(text)'",
        en: "'\(key)' should be a date, not '\(text)'", at: location,
        notes: meant.isEmpty ? [Self.dateNote] : meant)
      return nil
    }
  }

  /// The exact fix for a text that is not a date but says one: a day with
  /// other separators, a span due by its last day, or work without an end.
  private static func meaningNotes(_ text: String, key: String) -> [Diagnostic.Note] {
    switch DayText.meaning(of: text) {
    case .day(let day):
      return [
        Diagnostic.Note(
          vi: "có phải là ngày \(day.vietnamese)? ghi \(key): \(day.vietnamese)",
          en: "did you mean \(day.iso)? write \(key): \(day.iso)")
      ]
    case .span(let last):
      return [
        Diagnostic.Note(
          vi: "hạn là cả một khoảng thời gian ('\(text)') thì ghi ngày cuối của nó: "
            + "\(key): \(last.vietnamese)",
          en: "a deadline that is a whole span ('\(text)') is written as its last day: "
            + "\(key): \(last.iso)")
      ]
    case .ongoing where key == "deadline":
      return [
        Diagnostic.Note(
          vi: "việc làm thường xuyên không có hạn: xóa dòng '\(key)'",
          en: "ongoing work has no deadline: delete the '\(key)' line")
      ]
    case .ongoing, nil:
      return []
    }
  }

  private static let dateNote = Diagnostic.Note(
    vi: "ghi ngày theo dạng năm-tháng-ngày, ví dụ 2026-12-31 (hoặc 31/12/2026)",
    en: "write dates as YYYY-MM-DD, like 2026-12-31 (or 31/12/2026)")

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
    let list = allowed.joined(separator: ", ")
    var notes = [Diagnostic.Note(vi: "dùng một trong các từ: \(list)", en: "use one of: \(list)")]
    let candidates = Value.allCases.map { Suggestion.Candidate(id: $0.rawValue, name: $0.label) }
    if let close = Suggestion.closest(to: located.value, among: candidates) {
      notes.insert(
        Diagnostic.Note(
          vi: "có phải là '\(close.id)' (\(close.name))?",
          en: "did you mean '\(close.id)' (\(close.name))?"), at: 0)
    }
    report.error(
      vi: "'\(located.value)' không phải là giá trị hợp lệ của '\(key)'",
      en: "'\(located.value)' is not a valid \(key)", at: located.location, notes: notes)
    return nil
  }

  /// A list of ids; a single text is a list of one, and ids written as
  /// one text with commas (`to: so-a, so-b`, as people write lists) are
  /// that list: no id holds a comma.
  func idList(_ key: String, required: Bool = false, example: String = "[…]")
    -> [Located<String>]?
  {
    guard case .scalar(let scalar)? = node(key), scalar.string.contains(",") else {
      return stringList(key, required: required, example: example)
    }
    let at = location(of: .scalar(scalar))
    return scalar.string.split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }.map { Located($0.nfc, at: at) }
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
      for item in sequence.items {
        guard case .scalar(let scalar) = item else {
          report.error(
            vi: "mỗi mục của '\(key)' phải là một đoạn chữ, không phải \(describe(item).vi)",
            en: "each item of '\(key)' should be a single text, not \(describe(item).en)",
            at: location(of: item))
          continue
        }
        result.append(Located(scalar.string.nfc, at: location(of: item)))
      }
      return result
    default:
      report.error(
        vi: "'\(key)' phải là một danh sách dạng [a, b], không phải \(describe(node).vi)",
        en: "'\(key)' should be a list like [a, b], not \(describe(node).en)",
        at: location(of: node))
      return nil
    }
  }

  /// A list of mappings, each read by `read`.
  func list<Item>(
    _ key: String, what itemWhat: Message, required: Bool = false,
    read: (MappingReader) -> Item?
  ) -> [Item]? {
    guard let node = node(key) else {
      if required {
        // Written with nothing under it: said so, at the line.
        let written = entryKeys.firstIndex(of: key).map { location(of: values[$0]) }
        report.error(
          written == nil
            ? Message(
              vi: "thiếu trường bắt buộc '\(key)' trong \(what.vi)",
              en: "missing required field '\(key)' in the \(what.en)")
            : Message(
              vi: "'\(key)' chưa có mục nào", en: "'\(key)' has no item"),
          at: written ?? location,
          notes: [
            written == nil
              ? Diagnostic.Note(
                vi: "thêm một dòng '\(key):' rồi đến các mục, mỗi mục bắt đầu bằng '  - '",
                en: "add a line '\(key):' followed by items that start with '  - '")
              : Diagnostic.Note(
                vi: "ghi các mục dưới dòng '\(key):', mỗi mục bắt đầu bằng '  - '",
                en: "write the items under the line '\(key):', each starting with '  - '")
          ])
      }
      return nil
    }
    guard case .sequence(let sequence) = node else {
      report.error(
        vi: "'\(key)' phải là một danh sách, mỗi mục bắt đầu bằng '- ', không phải "
          + describe(node).vi,
        en: "'\(key)' should be a list of items each starting with '- ', not \(describe(node).en)",
        at: location(of: node))
      return nil
    }
    return sequence.items.compactMap { item in
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
        vi: "'\(key)' phải gồm các dòng 'năm: giá trị', không phải \(describe(node).vi)",
        en: "'\(key)' should be 'period: value' lines, not \(describe(node).en)",
        at: location(of: node))
      return nil
    }
    var result: [(Located<String>, Located<String>)] = []
    for (k, v) in mapping.pairs {
      guard case .scalar(let ks) = k, case .scalar(let vs) = v else {
        report.error(
          vi: "mỗi dòng của '\(key)' phải có dạng 'năm: giá trị'",
          en: "each line of '\(key)' should be 'period: value'", at: location(of: k))
        continue
      }
      result.append(
        (Located(ks.string.nfc, at: location(of: k)), Located(vs.string.nfc, at: location(of: v))))
    }
    return result
  }

  /// A nested mapping read by `read`.
  func mapping<Item>(_ key: String, what itemWhat: Message, read: (MappingReader) -> Item?)
    -> Item?
  {
    guard let node = node(key) else { return nil }
    guard let reader = MappingReader(node, what: itemWhat, source: source) else { return nil }
    defer { reader.finish() }
    return read(reader)
  }

  /// Warns about every key no accessor asked for.
  func finish() {
    for (key, keyNode) in zip(entryKeys, keyNodes) where !known.contains(key) {
      var notes: [Diagnostic.Note] = []
      if let close = Suggestion.closest(to: key, among: known) {
        notes.append(Diagnostic.Note(vi: "có phải là '\(close)'?", en: "did you mean '\(close)'?"))
      } else {
        let list = known.joined(separator: ", ")
        notes.append(
          Diagnostic.Note(vi: "các trường dùng được: \(list)", en: "known fields: \(list)"))
      }
      report.warning(
        vi: "trường '\(key)' không dùng cho \(what.vi) nên bị bỏ qua",
        en: "unknown field '\(key)' in the \(what.en) is ignored",
        at: location(of: keyNode), notes: notes)
    }
  }

  /// A key written for `name` but misspelled (`Draft`, `drafts`).
  ///
  /// The key is taken as known, so that `finish()` does not warn of it
  /// too; nil when `name` is written as it should be, or nothing is close.
  /// For fields whose loss is worse than a warning.
  func misspelling(of name: String, orAnyOf others: [String] = []) -> Located<String>? {
    guard !entryKeys.contains(name) else { return nil }
    for (key, keyNode) in zip(entryKeys, keyNodes) where !known.contains(key) {
      let folded = key.foldedForSearch.trimmingCharacters(in: .whitespaces)
      // Closer to another field (`dat:` for `date`) is not this one.
      guard Suggestion.closest(to: key, among: known + [name]) == name || others.contains(folded)
      else {
        continue
      }
      known.append(key)
      return Located(key, at: location(of: keyNode))
    }
    return nil
  }

  /// The keys the mapping has, whether asked for or not.
  var keys: [String] { entryKeys }

  /// Treats every key as known, so `finish()` reports none (the caller has
  /// reported a better reason).
  func skipUnknownFields() {
    for key in entryKeys where !known.contains(key) { known.append(key) }
  }

  private func describe(_ node: YAMLNode) -> Message {
    switch node {
    case .mapping: Message(vi: "một nhóm trường", en: "a set of fields")
    case .sequence: Message(vi: "một danh sách", en: "a list")
    case .scalar(let s): .verbatim("'\(s.string)'")
    }
  }
}
