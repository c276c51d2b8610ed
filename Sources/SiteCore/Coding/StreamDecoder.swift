#if canImport(Glibc)
  import Glibc
#endif

/// Reads the stream format (`StreamTag`) back into Codable values.
///
/// Keys are read in the order the type decodes them, which is the order
/// the same type encoded them; a key out of order is looked for among the
/// container's entries. Every read is bounds-checked: damaged bytes throw.
final class StreamReader {
  let bytes: [UInt8]
  var offset = 0
  /// Strings read through a `stringReference`, by the offset they are at
  /// (each is read once and shared by every value that refers to it).
  private var referenced: [Int: String] = [:]
  /// The string read through the last reference, and where it is.
  private var lastReferenced: (target: Int, text: String)?

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  struct Damaged: Error {}

  /// An entry's marker (key or element), its depth, and where what
  /// follows the header starts.
  typealias EntryHeader = (marker: UInt8, depth: Int, next: Int)

  func byte() throws -> UInt8 {
    guard offset < bytes.count else { throw Damaged() }
    defer { offset += 1 }
    return bytes[offset]
  }

  func peek(at position: Int? = nil) -> UInt8? {
    let index = position ?? offset
    return index < bytes.count ? bytes[index] : nil
  }

  func varint() throws -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let b = try byte()
      guard shift < 64 else { throw Damaged() }
      result |= UInt64(b & 0x7F) << shift
      if b < 0x80 { return result }
      shift += 7
    }
  }

  func rawString() throws -> String {
    let length = try varint()
    guard length <= UInt64(bytes.count - offset) else { throw Damaged() }
    let end = offset + Int(length)
    let text = bytes.withUnsafeBufferPointer { buffer -> String? in
      Self.validString(UnsafeBufferPointer(rebasing: buffer[offset..<end]))
    }
    offset = end
    guard let text else { throw Damaged() }
    return text
  }

  /// The text of `utf8`, or nil if it is not UTF-8.
  ///
  /// Decoding repairs what is not UTF-8 (each bad sequence becomes
  /// U+FFFD), so the bytes are valid exactly when the text has the same
  /// bytes. `String(validating:as:)`, generic over the encoding, looked up
  /// its metadata in the runtime's table for every string (1 % of a build
  /// after a one-task edit with reports).
  static func validString(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
    var text = String(decoding: utf8, as: UTF8.self)
    let same = text.withUTF8 { decoded in
      guard decoded.count == utf8.count, let first = decoded.baseAddress,
        let second = utf8.baseAddress
      else { return decoded.count == utf8.count }
      return memcmp(first, second, utf8.count) == 0
    }
    return same ? text : nil
  }

  /// Skips the raw string at the offset without making a `String` of it
  /// (a skipped value or key: a key looked for out of order steps over the
  /// entries before it, and a synthesized enum's `allKeys` over its whole
  /// payload).
  func skipRawString() throws {
    let length = try varint()
    guard length <= UInt64(bytes.count - offset) else { throw Damaged() }
    offset += Int(length)
  }

  /// Whether the raw string at the current offset equals `key`, without
  /// consuming it unless it does.
  func consumeKey(_ key: String) throws -> Bool {
    let start = offset
    let length = try varint()
    guard length <= UInt64(bytes.count - offset) else { throw Damaged() }
    var copy = key
    let equal = copy.withUTF8 { utf8 -> Bool in
      guard utf8.count == Int(length) else { return false }
      for index in 0..<utf8.count where utf8[index] != bytes[offset + index] { return false }
      return true
    }
    if equal {
      offset += Int(length)
    } else {
      offset = start
    }
    return equal
  }

  func expect(_ tag: UInt8) throws {
    guard try byte() == tag else { throw Damaged() }
  }

  // MARK: - Scalars

  func int() throws -> Int64 {
    try expect(StreamTag.int)
    let zigzag = try varint()
    return Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
  }

  func uint() throws -> UInt64 {
    try expect(StreamTag.uint)
    return try varint()
  }

  func double() throws -> Double {
    try expect(StreamTag.double)
    guard bytes.count - offset >= 8 else { throw Damaged() }
    var pattern: UInt64 = 0
    for index in 0..<8 { pattern |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
    offset += 8
    return Double(bitPattern: pattern)
  }

  func bool() throws -> Bool {
    switch try byte() {
    case StreamTag.trueValue: return true
    case StreamTag.falseValue: return false
    default: throw Damaged()
    }
  }

  func string() throws -> String {
    let start = offset
    switch try byte() {
    case StreamTag.string: return try rawString()
    case StreamTag.stringReference:
      let target = try varint()
      // A reference points back at a string written whole.
      guard target < UInt64(start), peek(at: Int(target)) == StreamTag.string else {
        throw Damaged()
      }
      // The last one first: a report's values all refer to its path.
      if let last = lastReferenced, last.target == Int(target) { return last.text }
      if let text = referenced[Int(target)] {
        lastReferenced = (Int(target), text)
        return text
      }
      let resume = offset
      offset = Int(target) + 1
      let text = try rawString()
      offset = resume
      referenced[Int(target)] = text
      lastReferenced = (Int(target), text)
      return text
    default: throw Damaged()
    }
  }

  /// Skips the value at the offset (a container's tag only: its entries
  /// follow at a greater depth and are skipped as such).
  func skipValue() throws {
    switch try byte() {
    case StreamTag.null, StreamTag.falseValue, StreamTag.trueValue, StreamTag.keyed,
      StreamTag.unkeyed:
      return
    case StreamTag.int, StreamTag.uint, StreamTag.digest, StreamTag.stringReference:
      _ = try varint()
    case StreamTag.double:
      guard bytes.count - offset >= 8 else { throw Damaged() }
      offset += 8
    case StreamTag.string: try skipRawString()
    default: throw Damaged()
    }
  }

  /// The marker and depth of the entry at the offset, without consuming them.
  func entryHeader() throws -> EntryHeader? {
    guard let marker = peek(), marker == StreamTag.key || marker == StreamTag.element else {
      return nil
    }
    let start = offset
    offset += 1
    let depth = try varint()
    let next = offset
    offset = start
    return (marker, Int(depth), next)
  }

  /// Skips whole entries nested deeper than `depth` (those of containers
  /// that were not read to the end).
  func skipDeeper(than depth: Int) throws {
    while let header = try entryHeader(), header.depth > depth { try skipEntry(header) }
  }

  /// Skips the entry whose header is at the offset: its key, if it has
  /// one, and its value (a container's entries follow at a greater depth).
  func skipEntry(_ header: EntryHeader) throws {
    offset = header.next
    if header.marker == StreamTag.key { try skipRawString() }
    try skipValue()
  }

  /// The value at the offset as `T`.
  ///
  /// The common scalars are read directly, and given back by a cast that
  /// checks nothing (the type was compared just before): a checked cast
  /// (`as? T`) makes an optional of `T`, whose metadata the runtime looks
  /// up in a locked table on every call.
  func value<T: Decodable>(_ type: T.Type, depth: Int) throws -> T {
    if type == String.self { return unsafeBitCast(try string(), to: T.self) }
    if type == Int.self {
      guard let number = Int(exactly: try int()) else { throw Damaged() }
      return unsafeBitCast(number, to: T.self)
    }
    if type == Bool.self { return unsafeBitCast(try bool(), to: T.self) }
    if type == Double.self { return unsafeBitCast(try double(), to: T.self) }
    return try T(from: StreamDecoder(reader: self, depth: depth))
  }
}

/// A `Decoder` reading the stream format (a small struct: handing it to a
/// value's `init(from:)` allocates nothing).
struct StreamDecoder: Decoder {
  let reader: StreamReader
  let depth: Int
  var codingPath: [CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  init(reader: StreamReader, depth: Int) {
    self.reader = reader
    self.depth = depth
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    try reader.expect(StreamTag.keyed)
    return KeyedDecodingContainer(KeyedStreamReader<Key>(reader: reader, depth: depth + 1))
  }

  func unkeyedContainer() throws -> UnkeyedDecodingContainer {
    try reader.expect(StreamTag.unkeyed)
    return UnkeyedStreamReader(reader: reader, depth: depth + 1)
  }

  func singleValueContainer() throws -> SingleValueDecodingContainer {
    SingleValueStreamReader(reader: reader, depth: depth)
  }
}

private struct KeyedStreamReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let reader: StreamReader
  let depth: Int
  var codingPath: [CodingKey] { [] }

  /// Positions the reader at the value of `key`; false if the container has no such key.
  private func seek(_ key: Key) throws -> Bool {
    try reader.skipDeeper(than: depth)
    let start = reader.offset
    // In order: the next entry is the key.
    if let header = try reader.entryHeader(), header.marker == StreamTag.key,
      header.depth == depth
    {
      reader.offset = header.next
      if try reader.consumeKey(key.stringValue) { return true }
    }
    // Out of order: look through the container's entries.
    reader.offset = start
    while let header = try reader.entryHeader(), header.depth >= depth {
      if header.marker == StreamTag.key, header.depth == depth {
        reader.offset = header.next
        if try reader.consumeKey(key.stringValue) { return true }
      }
      try reader.skipEntry(header)
    }
    reader.offset = start
    return false
  }

  private func require(_ key: Key) throws {
    guard try seek(key) else {
      throw DecodingError.keyNotFound(
        key, DecodingError.Context(codingPath: codingPath, debugDescription: "missing key"))
    }
  }

  var allKeys: [Key] {
    let start = reader.offset
    defer { reader.offset = start }
    var keys: [Key] = []
    while let header = try? reader.entryHeader(), header.depth >= depth {
      if header.marker == StreamTag.key, header.depth == depth {
        reader.offset = header.next
        guard let name = try? reader.rawString() else { break }
        if let key = Key(stringValue: name) { keys.append(key) }
        guard (try? reader.skipValue()) != nil else { break }
      } else {
        guard (try? reader.skipEntry(header)) != nil else { break }
      }
    }
    return keys
  }

  func contains(_ key: Key) -> Bool {
    let start = reader.offset
    defer { reader.offset = start }
    return (try? seek(key)) == true
  }

  func decodeNil(forKey key: Key) throws -> Bool {
    let start = reader.offset
    guard try seek(key) else { return true }
    if reader.peek() == StreamTag.null {
      reader.offset += 1
      return true
    }
    reader.offset = start
    return false
  }

  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
    try require(key)
    return try reader.bool()
  }
  func decode(_ type: String.Type, forKey key: Key) throws -> String {
    try require(key)
    return try reader.string()
  }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
    try require(key)
    return try reader.double()
  }
  func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
    Float(try decode(Double.self, forKey: key))
  }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
    try require(key)
    guard let value = Int(exactly: try reader.int()) else { throw StreamReader.Damaged() }
    return value
  }
  func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
    try narrow(try decode(Int.self, forKey: key))
  }
  func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
    try narrow(try decode(Int.self, forKey: key))
  }
  func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
    try narrow(try decode(Int.self, forKey: key))
  }
  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
    try require(key)
    return try reader.int()
  }
  func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
    try narrow(try decode(UInt64.self, forKey: key))
  }
  func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
    try narrow(try decode(UInt64.self, forKey: key))
  }
  func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
    try narrow(try decode(UInt64.self, forKey: key))
  }
  func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
    try narrow(try decode(UInt64.self, forKey: key))
  }
  func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
    try require(key)
    return try reader.uint()
  }
  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try require(key)
    return try reader.value(type, depth: depth)
  }
  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    guard try seek(key) else { return nil }
    if reader.peek() == StreamTag.null {
      reader.offset += 1
      return nil
    }
    return try reader.value(type, depth: depth)
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key)
    throws -> KeyedDecodingContainer<NestedKey>
  {
    try require(key)
    try reader.expect(StreamTag.keyed)
    return KeyedDecodingContainer(KeyedStreamReader<NestedKey>(reader: reader, depth: depth + 1))
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
    try require(key)
    try reader.expect(StreamTag.unkeyed)
    return UnkeyedStreamReader(reader: reader, depth: depth + 1)
  }

  func superDecoder() throws -> Decoder {
    guard let key = Key(stringValue: "super") else { throw StreamReader.Damaged() }
    try require(key)
    return StreamDecoder(reader: reader, depth: depth)
  }

  func superDecoder(forKey key: Key) throws -> Decoder {
    try require(key)
    return StreamDecoder(reader: reader, depth: depth)
  }
}

private struct UnkeyedStreamReader: UnkeyedDecodingContainer {
  let reader: StreamReader
  let depth: Int
  var codingPath: [CodingKey] { [] }
  var currentIndex = 0

  var count: Int? {
    let start = reader.offset
    defer { reader.offset = start }
    var total = currentIndex
    while let header = try? reader.entryHeader(), header.depth >= depth {
      if header.depth == depth { total += 1 }
      guard (try? reader.skipEntry(header)) != nil else { break }
    }
    return total
  }

  var isAtEnd: Bool {
    guard (try? reader.skipDeeper(than: depth)) != nil,
      let header = try? reader.entryHeader()
    else { return true }
    return !(header.marker == StreamTag.element && header.depth == depth)
  }

  private mutating func next() throws {
    try reader.skipDeeper(than: depth)
    guard let header = try reader.entryHeader(), header.marker == StreamTag.element,
      header.depth == depth
    else { throw StreamReader.Damaged() }
    reader.offset = header.next
    currentIndex += 1
  }

  mutating func decodeNil() throws -> Bool {
    try reader.skipDeeper(than: depth)
    guard let header = try reader.entryHeader(), header.marker == StreamTag.element,
      reader.peek(at: header.next) == StreamTag.null
    else { return false }
    reader.offset = header.next + 1
    currentIndex += 1
    return true
  }

  mutating func decode(_ type: Bool.Type) throws -> Bool {
    try next()
    return try reader.bool()
  }
  mutating func decode(_ type: String.Type) throws -> String {
    try next()
    return try reader.string()
  }
  mutating func decode(_ type: Double.Type) throws -> Double {
    try next()
    return try reader.double()
  }
  mutating func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
  mutating func decode(_ type: Int.Type) throws -> Int {
    try next()
    guard let value = Int(exactly: try reader.int()) else { throw StreamReader.Damaged() }
    return value
  }
  mutating func decode(_ type: Int8.Type) throws -> Int8 { try narrow(try decode(Int.self)) }
  mutating func decode(_ type: Int16.Type) throws -> Int16 { try narrow(try decode(Int.self)) }
  mutating func decode(_ type: Int32.Type) throws -> Int32 { try narrow(try decode(Int.self)) }
  mutating func decode(_ type: Int64.Type) throws -> Int64 {
    try next()
    return try reader.int()
  }
  mutating func decode(_ type: UInt.Type) throws -> UInt { try narrow(try decode(UInt64.self)) }
  mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try narrow(try decode(UInt64.self)) }
  mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try narrow(try decode(UInt64.self)) }
  mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try narrow(try decode(UInt64.self)) }
  mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
    try next()
    return try reader.uint()
  }
  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try next()
    return try reader.value(type, depth: depth)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try next()
    try reader.expect(StreamTag.keyed)
    return KeyedDecodingContainer(KeyedStreamReader<NestedKey>(reader: reader, depth: depth + 1))
  }

  mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
    try next()
    try reader.expect(StreamTag.unkeyed)
    return UnkeyedStreamReader(reader: reader, depth: depth + 1)
  }

  mutating func superDecoder() throws -> Decoder {
    try next()
    return StreamDecoder(reader: reader, depth: depth)
  }
}

private struct SingleValueStreamReader: SingleValueDecodingContainer {
  let reader: StreamReader
  let depth: Int
  var codingPath: [CodingKey] { [] }

  func decodeNil() -> Bool {
    guard reader.peek() == StreamTag.null else { return false }
    reader.offset += 1
    return true
  }
  func decode(_ type: Bool.Type) throws -> Bool { try reader.bool() }
  func decode(_ type: String.Type) throws -> String { try reader.string() }
  func decode(_ type: Double.Type) throws -> Double { try reader.double() }
  func decode(_ type: Float.Type) throws -> Float { Float(try reader.double()) }
  func decode(_ type: Int.Type) throws -> Int {
    guard let value = Int(exactly: try reader.int()) else { throw StreamReader.Damaged() }
    return value
  }
  func decode(_ type: Int8.Type) throws -> Int8 { try narrow(try decode(Int.self)) }
  func decode(_ type: Int16.Type) throws -> Int16 { try narrow(try decode(Int.self)) }
  func decode(_ type: Int32.Type) throws -> Int32 { try narrow(try decode(Int.self)) }
  func decode(_ type: Int64.Type) throws -> Int64 { try reader.int() }
  func decode(_ type: UInt.Type) throws -> UInt { try narrow(try reader.uint()) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try narrow(try reader.uint()) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try narrow(try reader.uint()) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try narrow(try reader.uint()) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try reader.uint() }
  func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.value(type, depth: depth) }
}

private func narrow<Wide: BinaryInteger, Narrow: BinaryInteger>(_ value: Wide) throws -> Narrow {
  guard let narrowed = Narrow(exactly: value) else { throw StreamReader.Damaged() }
  return narrowed
}
