import PlanModel
import SiteCore

/// The parse cache as bytes, so one-shot builds (`plansite build`) can keep
/// parsed task files from one run to the next: only files whose size or
/// modification time changed are read and parsed again.
///
/// Only task files that parsed without any diagnostic are stored (they are
/// nearly all of a large plan); everything else is parsed every time, so
/// warnings are never lost. The bytes start with a header naming the
/// format, the plansite executable and the content folder: a cache written
/// by another build of plansite, or for another folder, is ignored. A
/// damaged cache is ignored too: every read is bounds-checked.
extension ParseCache {
  static let format = "plansite-parse-cache 3"

  /// The stored entries, led by `header`.
  public func encoded(header: String) -> [UInt8] {
    var out = ByteWriter()
    out.string(Self.format)
    out.string(header)
    let stored = storable()
    out.int(stored.count)
    for entry in stored {
      out.string(entry.path)
      out.string(entry.stamp)
      out.int(Int(bitPattern: UInt(entry.input.hash.value)))
      out.task(entry.task)
    }
    return out.bytes
  }

  /// Adds the entries of `bytes` when it was written with the same
  /// `header`; returns whether it was.
  @discardableResult
  public func load(_ bytes: [UInt8], header: String) -> Bool {
    var reader = ByteReader(bytes)
    guard reader.string() == Self.format, reader.string() == header, let count = reader.int(),
      count >= 0
    else { return false }
    var loaded: [(String, String, ParsedFile, ContentLoader.InputFile)] = []
    for _ in 0..<count {
      guard let path = reader.string(), let stamp = reader.string(), let hash = reader.int(),
        let task = reader.task()
      else { return false }
      let input = ContentLoader.InputFile(
        path: path, hash: ContentHash(value: UInt64(UInt(bitPattern: hash))))
      loaded.append((path, stamp, ParsedFile(content: .task(task), diagnostics: []), input))
    }
    guard reader.isAtEnd else { return false }
    restore(loaded)
    return true
  }
}

/// Bytes written for the parse cache: integers as 8 bytes, strings as a
/// length and their UTF-8.
struct ByteWriter {
  private(set) var bytes: [UInt8] = []
  /// The file locations mostly name: written as a length of -1.
  private var currentFile = ""

  init() { bytes.reserveCapacity(1 << 20) }

  mutating func int(_ value: Int) {
    withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func string(_ value: String) {
    var copy = value
    copy.withUTF8 { utf8 in
      int(utf8.count)
      bytes.append(contentsOf: utf8)
    }
  }

  mutating func optionalInt(_ value: Int?) {
    int(value == nil ? 0 : 1)
    if let value { int(value) }
  }

  mutating func location(_ value: SourceLocation) {
    if value.file == currentFile { int(-1) } else { string(value.file) }
    optionalInt(value.line)
    optionalInt(value.column)
  }

  mutating func located(_ value: Located<String>) {
    string(value.value)
    location(value.location)
  }

  mutating func list<T>(_ values: [T], _ write: (inout ByteWriter, T) -> Void) {
    int(values.count)
    for value in values { write(&self, value) }
  }

  mutating func rich(_ value: RichText) {
    string(value.markdown)
    string(value.html)
  }

  mutating func day(_ value: Day?) {
    optionalInt(value.map { $0.year * 10_000 + $0.month * 100 + $0.day })
  }

  mutating func locatedDay(_ value: Located<Day>?) {
    day(value?.value)
    if let value { location(value.location) }
  }

  mutating func source(_ value: SourceRef) {
    string(value.path)
    location(value.location)
  }

  mutating func task(_ task: PlanDraft.TaskDraft) {
    currentFile = ""
    source(task.source)
    currentFile = task.source.location.file
    located(task.id)
    string(task.folder)
    int(task.groupRef == nil ? 0 : 1)
    if let group = task.groupRef { located(group) }
    string(task.title)
    rich(task.body)
    list(task.assignments) { out, assignment in
      out.list(assignment.to) { $0.located($1) }
      out.string(assignment.role.rawValue)
      out.rich(assignment.text)
      out.locatedDay(assignment.deadline)
      out.source(assignment.source)
    }
    locatedDay(task.deadline)
    int(task.status == nil ? 0 : 1)
    if let status = task.status {
      string(status.value.rawValue)
      location(status.location)
    }
    optionalInt(task.progress)
    list(task.indicatorRefs) { $0.located($1) }
  }
}

/// Reads what `ByteWriter` wrote; every read returns nil past the end or
/// on a value that cannot be right.
struct ByteReader {
  private let bytes: [UInt8]
  private var offset = 0
  private var currentFile = ""

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var isAtEnd: Bool { offset == bytes.count }

  mutating func int() -> Int? {
    guard bytes.count - offset >= 8 else { return nil }
    var value: Int64 = 0
    for index in 0..<8 { value |= Int64(bytes[offset + index]) << (8 * Int64(index)) }
    offset += 8
    return Int(value)
  }

  mutating func string() -> String? {
    guard let count = int(), count >= 0, bytes.count - offset >= count else { return nil }
    let text = bytes.withUnsafeBufferPointer {
      String(validating: UnsafeBufferPointer(rebasing: $0[offset..<offset + count]), as: UTF8.self)
    }
    offset += count
    return text
  }

  mutating func optionalInt() -> Int?? {
    switch int() {
    case 0: return .some(nil)
    case 1: return int().map { .some($0) }
    default: return nil
    }
  }

  mutating func flag() -> Bool? {
    switch int() {
    case 0: return false
    case 1: return true
    default: return nil
    }
  }

  mutating func location() -> SourceLocation? {
    let file: String
    if bytes.count - offset >= 8, bytes[offset..<offset + 8].allSatisfy({ $0 == 0xFF }) {
      offset += 8
      file = currentFile
    } else {
      guard let name = string() else { return nil }
      file = name
    }
    guard let line = optionalInt(), let column = optionalInt() else { return nil }
    return SourceLocation(file: file, line: line, column: column)
  }

  mutating func located() -> Located<String>? {
    guard let value = string(), let location = location() else { return nil }
    return Located(value, at: location)
  }

  mutating func list<T>(_ read: (inout ByteReader) -> T?) -> [T]? {
    guard let count = int(), count >= 0, count <= bytes.count - offset else { return nil }
    var values: [T] = []
    values.reserveCapacity(count)
    for _ in 0..<count {
      guard let value = read(&self) else { return nil }
      values.append(value)
    }
    return values
  }

  mutating func rich() -> RichText? {
    guard let markdown = string(), let html = string() else { return nil }
    return RichText(markdown: markdown, html: html)
  }

  mutating func day() -> Day?? {
    guard let value = optionalInt() else { return nil }
    guard let number = value else { return .some(nil) }
    guard let day = Day(year: number / 10_000, month: number / 100 % 100, day: number % 100) else {
      return nil
    }
    return .some(day)
  }

  mutating func locatedDay() -> Located<Day>?? {
    guard let value = day() else { return nil }
    guard let day = value else { return .some(nil) }
    guard let location = location() else { return nil }
    return .some(Located(day, at: location))
  }

  mutating func source() -> SourceRef? {
    guard let path = string(), let location = location() else { return nil }
    return SourceRef(path: path, location: location)
  }

  mutating func task() -> PlanDraft.TaskDraft? {
    currentFile = ""
    guard let source = source() else { return nil }
    currentFile = source.location.file
    guard let id = located(), let folder = string(), let hasGroup = flag() else { return nil }
    var group: Located<String>?
    if hasGroup {
      guard let value = located() else { return nil }
      group = value
    }
    guard let title = string(), let body = rich(),
      let assignments = list({ reader -> PlanDraft.AssignmentDraft? in
        guard let to = reader.list({ $0.located() }), let roleName = reader.string(),
          let role = Assignment.Role(rawValue: roleName), let text = reader.rich(),
          let deadline = reader.locatedDay(), let source = reader.source()
        else { return nil }
        return PlanDraft.AssignmentDraft(
          to: to, role: role, text: text, deadline: deadline, source: source)
      }),
      let deadline = locatedDay(), let hasStatus = flag()
    else { return nil }
    var status: Located<TaskStatus>?
    if hasStatus {
      guard let name = string(), let value = TaskStatus(rawValue: name), let location = location()
      else {
        return nil
      }
      status = Located(value, at: location)
    }
    guard let progress = optionalInt(), let indicators = list({ $0.located() }) else { return nil }
    return PlanDraft.TaskDraft(
      id: id, folder: folder, groupRef: group, title: title, body: body, assignments: assignments,
      deadline: deadline, status: status, progress: progress, indicatorRefs: indicators,
      source: source)
  }
}
