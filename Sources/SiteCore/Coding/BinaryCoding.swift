/// Codable values as compact bytes, for the build database: what a build
/// remembers is written and read through the types' own (synthesized)
/// Codable conformance, so a field added to a type is stored without any
/// line of code to forget. (A few small types found in nearly every value
/// write theirs by hand, each with a test that counts its stored
/// properties: see docs/ARCHITECTURE.md.)
public enum BinaryCoding {
  /// The bytes of `value`.
  public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
    let sink = ByteSink()
    try sink.value(value, depth: 0)
    return sink.output
  }

  /// The value `bytes` hold; throws on damaged bytes or another type's.
  public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
    let reader = StreamReader(bytes)
    let value = try reader.value(type, depth: 0)
    guard reader.offset == bytes.count else { throw StreamReader.Damaged() }
    return value
  }

  /// How many fields a value stored as a list wrote (its top-level
  /// elements).
  ///
  /// Nil for bytes that are not a list. For the tests of the hand-written
  /// list codings, which compare it with the stored properties.
  static func listFieldCount(_ bytes: [UInt8]) -> Int? {
    let reader = StreamReader(bytes)
    guard (try? reader.expect(StreamTag.unkeyed)) != nil else { return nil }
    var count = 0
    while let header = try? reader.entryHeader(), header.depth >= 1 {
      if header.depth == 1 { count += 1 }
      guard (try? reader.skipEntry(header)) != nil else { return nil }
    }
    return reader.offset == bytes.count ? count : nil
  }
}

/// A stable digest of any Encodable value: equal values have equal digests
/// in every run, and (up to hash collisions) different values differ.
///
/// Pages and data files are re-rendered when the digest of what they show
/// changes; since the digest is computed from the value's own encoding, a
/// new field is covered as soon as it exists. Values that carry a
/// precomputed digest (`PrecomputedDigest`) contribute only that.
public enum Digest {
  /// The digest of `value`.
  public static func of<T: Encodable>(_ value: T) -> ContentHash {
    let sink = HashSink()
    do {
      try sink.value(value, depth: 0)
      return sink.result
    } catch {
      // No encoding here can fail; if one ever did, a digest never seen
      // before makes whatever depends on the value render again.
      return ContentHash(value: UInt64.random(in: .min ... .max))
    }
  }
}

/// A value whose digest was computed once and is used in its place when
/// digests are taken (bodies of text, values shared by many pages).
public protocol PrecomputedDigest {
  var digest: ContentHash { get }
}

/// A value shared by many pages, with its digest computed once.
///
/// A list of a thousand rows appears on many pages: each page's digest then
/// costs a thousand small digests combined, not a thousand rows encoded.
@dynamicMemberLookup
public struct Shared<Value: Encodable & Sendable>: Encodable, Sendable, PrecomputedDigest {
  /// The value, held once however often the shared value is copied: a
  /// task's row is in many lists, and a copy of the row itself would
  /// retain each of its strings and arrays again.
  @usableFromInline final class Box: Sendable {
    @usableFromInline let value: Value
    init(_ value: Value) { self.value = value }
  }

  @usableFromInline let box: Box
  public let digest: ContentHash

  @inlinable public var value: Value { box.value }

  /// Which value this is: copies of one shared value have the same
  /// identity (equal values made apart do not).
  @inlinable public var identity: ObjectIdentifier { ObjectIdentifier(box) }

  public init(_ value: Value) {
    box = Box(value)
    digest = Digest.of(value)
  }

  /// `value` with `earlier`'s digest if the two are equal.
  ///
  /// Only for types whose equal values encode the same (no
  /// floating-point numbers, strings in one normalization form).
  public init(_ value: Value, reusing earlier: Shared<Value>?) where Value: Equatable {
    if let earlier, earlier.value == value {
      self = earlier
    } else {
      self.init(value)
    }
  }

  public func encode(to encoder: Encoder) throws {
    try value.encode(to: encoder)
  }

  /// The value's own properties, read through.
  ///
  /// Inlinable, so that a literal key path (`row.task.group`) compiles to
  /// a plain read rather than a call into the key-path runtime in every
  /// module that reads through it.
  @inlinable public subscript<Property>(dynamicMember keyPath: KeyPath<Value, Property>) -> Property
  {
    value[keyPath: keyPath]
  }
}

/// Two shared values are equal when their digests are: the same test a
/// build applies to decide whether what they make changed.
extension Shared: Equatable {
  public static func == (lhs: Shared, rhs: Shared) -> Bool { lhs.digest == rhs.digest }
}

/// Writes the stored bytes.
///
/// Its state is held through a pointer, as `HashSink`'s is, so that
/// appending a byte is not an exclusivity-checked access to a stored
/// property (0.6 % of a clean 10,000-task build's CPU).
final class ByteSink: EncodingSink {
  private struct State {
    var output: [UInt8] = []
    /// Where each long string value was first written (by its bytes: a
    /// reference must give back the very bytes).
    var written: [UTF8Bytes: Int] = [:]
    /// The last few shared strings and where each was first written,
    /// newest replacing oldest: a parsed file's values carry its path (and
    /// a report's lines the same few texts) one after another, and
    /// comparing their bytes with these (often the same storage, so equal
    /// at once) saves hashing them for `written` (a third of remembering a
    /// file of reports).
    var recent: [(bytes: UTF8Bytes, offset: Int)] = []
    var next = 0
  }

  let wantsDigests = false
  private let state: UnsafeMutablePointer<State>

  init() {
    state = .allocate(capacity: 1)
    state.initialize(to: State())
    state.pointee.output.reserveCapacity(1024)
  }

  deinit {
    state.deinitialize(count: 1)
    state.deallocate()
  }

  var output: [UInt8] { state.pointee.output }

  func byte(_ value: UInt8) { state.pointee.output.append(value) }
  func bytes(_ value: UnsafeRawBufferPointer) { state.pointee.output.append(contentsOf: value) }

  /// Strings of up to 15 bytes are stored inline by Swift and cost as
  /// much to refer to as to write: only longer ones are shared.
  static let shortString = 15
  /// What repeats is paths, names and ids; texts longer than this (task
  /// bodies and their HTML) almost never do, and hashing each one to look
  /// it up took 1.1 % of a clean 10,000-task build's CPU.
  static let longestShared = 256

  func string(_ value: String) {
    let count = value.utf8.count
    guard count > Self.shortString, count <= Self.longestShared else { return writeString(value) }
    let key = UTF8Bytes(value)
    // By bytes, as `written` compares: `==` on strings would also equate
    // two spellings of one text in different normalization forms.
    for entry in state.pointee.recent where entry.bytes == key {
      return reference(entry.offset)
    }
    if let offset = state.pointee.written[key] {
      remember(key, at: offset)
      return reference(offset)
    }
    let offset = state.pointee.output.count
    state.pointee.written[key] = offset
    remember(key, at: offset)
    writeString(value)
  }

  /// Keeps `key` among the recent strings.
  private func remember(_ key: UTF8Bytes, at offset: Int) {
    if state.pointee.recent.count < Self.recentCount {
      state.pointee.recent.append((key, offset))
    } else {
      state.pointee.recent[state.pointee.next] = (key, offset)
      state.pointee.next = (state.pointee.next + 1) % Self.recentCount
    }
  }

  private static let recentCount = 4

  private func reference(_ offset: Int) {
    byte(StreamTag.stringReference)
    varint(UInt64(offset))
  }
}

/// Hashes in words of 256 bytes.
///
/// Its state is held through a pointer, not in stored properties: every
/// byte of every digest goes through here, and Swift checks each access to
/// a class's stored property for exclusivity at run time (a fifth of a
/// digest's time when the bytes were an array property).
final class HashSink: EncodingSink {
  private struct State {
    var hash = ContentHash()
    var count = 0
  }

  let wantsDigests = true
  private let state: UnsafeMutablePointer<State>
  /// The bytes not yet hashed: up to 256, and one more (`byte` flushes after appending).
  private let buffer: UnsafeMutableRawPointer

  init() {
    state = .allocate(capacity: 1)
    state.initialize(to: State())
    buffer = .allocate(byteCount: 257, alignment: 8)
  }

  deinit {
    state.deinitialize(count: 1)
    state.deallocate()
    buffer.deallocate()
  }

  func byte(_ value: UInt8) {
    let count = state.pointee.count
    buffer.storeBytes(of: value, toByteOffset: count, as: UInt8.self)
    state.pointee.count = count + 1
    if count + 1 >= 256 { flush() }
  }

  func bytes(_ value: UnsafeRawBufferPointer) {
    if state.pointee.count + value.count > 256 { flush() }
    if value.count >= 256 {
      state.pointee.hash.update(raw: value)
    } else if let base = value.baseAddress {
      (buffer + state.pointee.count).copyMemory(from: base, byteCount: value.count)
      state.pointee.count += value.count
    }
  }

  private func flush() {
    state.pointee.hash.update(
      raw: UnsafeRawBufferPointer(start: buffer, count: state.pointee.count))
    state.pointee.count = 0
  }

  var result: ContentHash {
    flush()
    return state.pointee.hash
  }
}
