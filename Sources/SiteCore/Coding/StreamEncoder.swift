import Synchronization

/// How `EncodingSink.value` writes values of a type, worked out once per
/// type: asking the runtime whether a type conforms to a protocol, for
/// every value of every page input, was a tenth of a build's digests.
enum ValueKind: UInt8 {
  case plain, precomputedDigest, sorted

  private static let table = KindTable()

  static func of<T>(_ type: T.Type) -> ValueKind { table.kind(of: type) }

  /// The kind, asked of the runtime.
  fileprivate static func workedOut<T>(_ type: T.Type) -> ValueKind {
    if type is PrecomputedDigest.Type { return .precomputedDigest }
    if type is SortedStreamEncodable.Type { return .sorted }
    return .plain
  }
}

/// The kinds of the types met so far, read without a lock.
///
/// An open-addressed table of words, each a type's metadata address with
/// its kind in the low bits (which an 8-byte-aligned address leaves free;
/// 0 is an empty slot). A slot, once filled, never changes.
///
/// Page inputs are made of more types than a sink could remember in a
/// short list, and the types it missed were looked up in a dictionary
/// behind a lock: 3 % of a build after a one-task edit at 10,000 tasks.
private final class KindTable: Sendable {
  private static let capacity = 1024
  private static let kindBits: UInt = 7
  private nonisolated(unsafe) let slots: UnsafeMutablePointer<Atomic<UInt>>

  init() {
    slots = .allocate(capacity: Self.capacity)
    for index in 0..<Self.capacity { (slots + index).initialize(to: Atomic(0)) }
  }

  deinit {
    slots.deinitialize(count: Self.capacity)
    slots.deallocate()
  }

  func kind<T>(of type: T.Type) -> ValueKind {
    let address = UInt(bitPattern: ObjectIdentifier(type))
    guard address & Self.kindBits == 0 else { return ValueKind.workedOut(type) }
    let mask = Self.capacity - 1
    var index = Int(truncatingIfNeeded: (address >> 4) ^ (address >> 14)) & mask
    for _ in 0..<Self.capacity {
      var slot = slots[index].load(ordering: .acquiring)
      if slot == 0 {
        let kind = ValueKind.workedOut(type)
        let filled = address | UInt(kind.rawValue)
        let (exchanged, found) = slots[index].compareExchange(
          expected: 0, desired: filled, ordering: .acquiringAndReleasing)
        if exchanged { return kind }
        slot = found
      }
      if slot & ~Self.kindBits == address {
        return ValueKind(rawValue: UInt8(slot & Self.kindBits)) ?? ValueKind.workedOut(type)
      }
      index = (index + 1) & mask
    }
    // A full table (more types than any build has): ask the runtime.
    return ValueKind.workedOut(type)
  }
}

/// Where `StreamEncoder` puts what it encodes: bytes (for the build
/// database) or a running hash (for digests).
protocol EncodingSink: AnyObject {
  func byte(_ value: UInt8)
  func bytes(_ value: UnsafeRawBufferPointer)
  /// A string value (the extension writes it whole; `ByteSink` writes a
  /// long string it has written before as a reference to it).
  func string(_ value: String)
  /// Whether values with a precomputed digest should give only that.
  var wantsDigests: Bool { get }
}

/// The byte form of Codable values that `BinaryEncoder` writes and
/// `BinaryDecoder` reads, and that `Digest` hashes.
///
/// A value is a tag byte and its payload; a container is a tag followed by
/// its entries, each marked with its nesting depth, so that the stream
/// needs no lengths (it can be written and hashed as it is produced) and is
/// unambiguous: `{a: {b: 1}, c: 2}` and `{a: {b: 1, c: 2}}` differ in the
/// depth of `c`. Every key is written, `nil` included, in the order the
/// type encodes them. In stored bytes (not in digests) a string value
/// of 16 to 256 bytes that was written before is written as the offset
/// of its first occurrence (`stringReference`): a parsed report repeats
/// its file's path in every value's location.
enum StreamTag {
  static let null: UInt8 = 0
  static let falseValue: UInt8 = 1
  static let trueValue: UInt8 = 2
  static let int: UInt8 = 3
  static let uint: UInt8 = 4
  static let double: UInt8 = 5
  static let string: UInt8 = 6
  static let keyed: UInt8 = 7
  static let unkeyed: UInt8 = 8
  static let digest: UInt8 = 9
  /// A string written earlier in the same stream, by its tag's offset.
  static let stringReference: UInt8 = 10
  /// Starts an entry of a keyed container: depth, key, value.
  static let key: UInt8 = 20
  /// Starts an element of an unkeyed container: depth, value.
  static let element: UInt8 = 21
}

/// An `Encoder` writing the stream format into a sink.
///
/// A small struct (a reference and a number), so handing it to a value's
/// `encode(to:)` allocates nothing.
struct StreamEncoder: Encoder {
  let sink: EncodingSink
  let depth: Int
  var codingPath: [CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  init(sink: EncodingSink, depth: Int) {
    self.sink = sink
    self.depth = depth
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    sink.byte(StreamTag.keyed)
    return KeyedEncodingContainer(KeyedStreamContainer<Key>(sink: sink, depth: depth + 1))
  }

  func unkeyedContainer() -> UnkeyedEncodingContainer {
    sink.byte(StreamTag.unkeyed)
    return UnkeyedStreamContainer(sink: sink, depth: depth + 1)
  }

  func singleValueContainer() -> SingleValueEncodingContainer {
    SingleValueStreamContainer(sink: sink, depth: depth)
  }

  /// The sizes of the containers handed out as existentials, which hold
  /// up to three words inline (checked by a test).
  static let containerSizes = [
    MemoryLayout<UnkeyedStreamContainer>.size, MemoryLayout<SingleValueStreamContainer>.size,
    MemoryLayout<StreamEncoder>.size,
  ]
}

/// Writing of the scalar values, shared by the three kinds of container.
extension EncodingSink {
  func varint(_ value: UInt64) {
    var v = value
    while v >= 0x80 {
      byte(UInt8(v & 0x7F) | 0x80)
      v >>= 7
    }
    byte(UInt8(v))
  }

  func int(_ value: Int64) {
    byte(StreamTag.int)
    varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
  }

  func uint(_ value: UInt64) {
    byte(StreamTag.uint)
    varint(value)
  }

  func string(_ value: String) { writeString(value) }

  /// A string value written whole.
  func writeString(_ value: String) {
    byte(StreamTag.string)
    rawString(value)
  }

  func rawString(_ value: String) {
    var copy = value
    copy.withUTF8 { utf8 in
      varint(UInt64(utf8.count))
      bytes(UnsafeRawBufferPointer(utf8))
    }
  }

  func double(_ value: Double) {
    byte(StreamTag.double)
    withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes($0) }
  }

  func bool(_ value: Bool) {
    byte(value ? StreamTag.trueValue : StreamTag.falseValue)
  }

  /// Encodes any value at `depth`, giving only the digest of values that
  /// carry one when the sink wants digests.
  func value<T: Encodable>(_ value: T, depth: Int) throws {
    // The common scalars first, by type (cheaper than casting to a
    // protocol), given by a cast that checks nothing: the type was just
    // compared, and a checked cast makes an optional, whose metadata the
    // runtime looks up in a locked table.
    if T.self == String.self { return string(unsafeBitCast(value, to: String.self)) }
    if T.self == Int.self { return int(Int64(unsafeBitCast(value, to: Int.self))) }
    if T.self == Bool.self { return bool(unsafeBitCast(value, to: Bool.self)) }
    if T.self == Double.self { return double(unsafeBitCast(value, to: Double.self)) }
    switch ValueKind.of(T.self) {
    case .precomputedDigest:
      if wantsDigests, let digested = value as? PrecomputedDigest {
        byte(StreamTag.digest)
        varint(digested.digest.value)
        return
      }
    case .sorted:
      if let sortable = value as? SortedStreamEncodable {
        try sortable.encodeSorted(sink: self, depth: depth)
        return
      }
    case .plain: break
    }
    try value.encode(to: StreamEncoder(sink: self, depth: depth))
  }
}

private struct KeyedStreamContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let sink: EncodingSink
  let depth: Int
  var codingPath: [CodingKey] { [] }

  private func key(_ key: Key) {
    sink.byte(StreamTag.key)
    sink.varint(UInt64(depth))
    sink.rawString(key.stringValue)
  }

  mutating func encodeNil(forKey key: Key) throws {
    self.key(key)
    sink.byte(StreamTag.null)
  }
  mutating func encode(_ value: Bool, forKey key: Key) throws {
    self.key(key)
    sink.bool(value)
  }
  mutating func encode(_ value: String, forKey key: Key) throws {
    self.key(key)
    sink.string(value)
  }
  mutating func encode(_ value: Double, forKey key: Key) throws {
    self.key(key)
    sink.double(value)
  }
  mutating func encode(_ value: Float, forKey key: Key) throws {
    self.key(key)
    sink.double(Double(value))
  }
  mutating func encode(_ value: Int, forKey key: Key) throws {
    self.key(key)
    sink.int(Int64(value))
  }
  mutating func encode(_ value: Int8, forKey key: Key) throws {
    try encode(Int(value), forKey: key)
  }
  mutating func encode(_ value: Int16, forKey key: Key) throws {
    try encode(Int(value), forKey: key)
  }
  mutating func encode(_ value: Int32, forKey key: Key) throws {
    try encode(Int(value), forKey: key)
  }
  mutating func encode(_ value: Int64, forKey key: Key) throws {
    self.key(key)
    sink.int(value)
  }
  mutating func encode(_ value: UInt, forKey key: Key) throws {
    try encode(UInt64(value), forKey: key)
  }
  mutating func encode(_ value: UInt8, forKey key: Key) throws {
    try encode(UInt64(value), forKey: key)
  }
  mutating func encode(_ value: UInt16, forKey key: Key) throws {
    try encode(UInt64(value), forKey: key)
  }
  mutating func encode(_ value: UInt32, forKey key: Key) throws {
    try encode(UInt64(value), forKey: key)
  }
  mutating func encode(_ value: UInt64, forKey key: Key) throws {
    self.key(key)
    sink.uint(value)
  }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    self.key(key)
    try sink.value(value, depth: depth)
  }
  // Absent values are written as nil, so every key is in the stream.
  mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }
  mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }
  mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }
  mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }
  mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    self.key(key)
    sink.byte(StreamTag.keyed)
    return KeyedEncodingContainer(KeyedStreamContainer<NestedKey>(sink: sink, depth: depth + 1))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
    self.key(key)
    sink.byte(StreamTag.unkeyed)
    return UnkeyedStreamContainer(sink: sink, depth: depth + 1)
  }

  mutating func superEncoder() -> Encoder {
    sink.byte(StreamTag.key)
    sink.varint(UInt64(depth))
    sink.rawString("super")
    return StreamEncoder(sink: sink, depth: depth)
  }

  mutating func superEncoder(forKey key: Key) -> Encoder {
    self.key(key)
    return StreamEncoder(sink: sink, depth: depth)
  }
}

/// Three words at most (the sink's reference and witness table, the
/// depth and count as 32-bit numbers), so that the existential
/// `unkeyedContainer()` returns holds it inline: a fourth word put each
/// list of each digest in a heap box (`swift_allocBox`, a copy on the
/// first write, a release).
private struct UnkeyedStreamContainer: UnkeyedEncodingContainer {
  let sink: EncodingSink
  private let level: Int32
  private var written: Int32 = 0
  var codingPath: [CodingKey] { [] }
  var count: Int { Int(written) }
  var depth: Int { Int(level) }

  init(sink: EncodingSink, depth: Int) {
    self.sink = sink
    level = Int32(truncatingIfNeeded: depth)
  }

  private mutating func element() {
    sink.byte(StreamTag.element)
    sink.varint(UInt64(depth))
    written &+= 1
  }

  mutating func encodeNil() throws {
    element()
    sink.byte(StreamTag.null)
  }
  mutating func encode(_ value: Bool) throws {
    element()
    sink.bool(value)
  }
  mutating func encode(_ value: String) throws {
    element()
    sink.string(value)
  }
  mutating func encode(_ value: Double) throws {
    element()
    sink.double(value)
  }
  mutating func encode(_ value: Float) throws {
    element()
    sink.double(Double(value))
  }
  mutating func encode(_ value: Int) throws {
    element()
    sink.int(Int64(value))
  }
  mutating func encode(_ value: Int8) throws { try encode(Int(value)) }
  mutating func encode(_ value: Int16) throws { try encode(Int(value)) }
  mutating func encode(_ value: Int32) throws { try encode(Int(value)) }
  mutating func encode(_ value: Int64) throws {
    element()
    sink.int(value)
  }
  mutating func encode(_ value: UInt) throws { try encode(UInt64(value)) }
  mutating func encode(_ value: UInt8) throws { try encode(UInt64(value)) }
  mutating func encode(_ value: UInt16) throws { try encode(UInt64(value)) }
  mutating func encode(_ value: UInt32) throws { try encode(UInt64(value)) }
  mutating func encode(_ value: UInt64) throws {
    element()
    sink.uint(value)
  }
  mutating func encode<T: Encodable>(_ value: T) throws {
    element()
    try sink.value(value, depth: depth)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    element()
    sink.byte(StreamTag.keyed)
    return KeyedEncodingContainer(KeyedStreamContainer<NestedKey>(sink: sink, depth: depth + 1))
  }

  mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
    element()
    sink.byte(StreamTag.unkeyed)
    return UnkeyedStreamContainer(sink: sink, depth: depth + 1)
  }

  mutating func superEncoder() -> Encoder {
    element()
    return StreamEncoder(sink: sink, depth: depth)
  }
}

private struct SingleValueStreamContainer: SingleValueEncodingContainer {
  let sink: EncodingSink
  let depth: Int
  var codingPath: [CodingKey] { [] }

  mutating func encodeNil() throws { sink.byte(StreamTag.null) }
  mutating func encode(_ value: Bool) throws { sink.bool(value) }
  mutating func encode(_ value: String) throws { sink.string(value) }
  mutating func encode(_ value: Double) throws { sink.double(value) }
  mutating func encode(_ value: Float) throws { sink.double(Double(value)) }
  mutating func encode(_ value: Int) throws { sink.int(Int64(value)) }
  mutating func encode(_ value: Int8) throws { sink.int(Int64(value)) }
  mutating func encode(_ value: Int16) throws { sink.int(Int64(value)) }
  mutating func encode(_ value: Int32) throws { sink.int(Int64(value)) }
  mutating func encode(_ value: Int64) throws { sink.int(value) }
  mutating func encode(_ value: UInt) throws { sink.uint(UInt64(value)) }
  mutating func encode(_ value: UInt8) throws { sink.uint(UInt64(value)) }
  mutating func encode(_ value: UInt16) throws { sink.uint(UInt64(value)) }
  mutating func encode(_ value: UInt32) throws { sink.uint(UInt64(value)) }
  mutating func encode(_ value: UInt64) throws { sink.uint(value) }
  mutating func encode<T: Encodable>(_ value: T) throws { try sink.value(value, depth: depth) }
}

/// Collections whose order is a property of the process (Swift hashes with a per-process seed):
/// written in sorted order, so the bytes and the digest of the same value are the same in every
/// run.
///
/// The shapes are the ones the standard library's own encoding uses, so the standard decoding reads
/// them back.
protocol SortedStreamEncodable {
  func encodeSorted(sink: EncodingSink, depth: Int) throws
}

extension Dictionary: SortedStreamEncodable where Key: Encodable & Comparable, Value: Encodable {
  func encodeSorted(sink: EncodingSink, depth: Int) throws {
    let entries = sorted { $0.key < $1.key }
    let keyedByString = Key.self == String.self || Key.self == Int.self
    sink.byte(keyedByString ? StreamTag.keyed : StreamTag.unkeyed)
    for (key, value) in entries {
      if keyedByString {
        sink.byte(StreamTag.key)
        sink.varint(UInt64(depth + 1))
        sink.rawString("\(key)")
      } else {
        sink.byte(StreamTag.element)
        sink.varint(UInt64(depth + 1))
        try sink.value(key, depth: depth + 1)
        sink.byte(StreamTag.element)
        sink.varint(UInt64(depth + 1))
      }
      try sink.value(value, depth: depth + 1)
    }
  }
}

extension Set: SortedStreamEncodable where Element: Encodable & Comparable {
  func encodeSorted(sink: EncodingSink, depth: Int) throws {
    sink.byte(StreamTag.unkeyed)
    for element in sorted() {
      sink.byte(StreamTag.element)
      sink.varint(UInt64(depth + 1))
      try sink.value(element, depth: depth + 1)
    }
  }
}
