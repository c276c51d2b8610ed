/// A fast 64-bit content fingerprint for change detection and for
/// content-hashed asset names.
///
/// Not for security: it only has to notice edits. Bytes are mixed eight at
/// a time (a multiply and a shift per word), so hashing a large site's
/// inputs costs little next to reading them.
public struct ContentHash: Hashable, Sendable, Codable, CustomStringConvertible {
  public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  public init() {}

  /// A hash with a known value (as read back from a record).
  public init(value: UInt64) {
    self.value = value
  }

  /// The hash of `bytes`.
  public init<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    update(bytes)
  }

  /// The hash of the bytes of `pieces` one after the other: the same as
  /// the hash of the joined bytes, without joining them.
  public init(pieces: [[UInt8]]) {
    var hasher = PiecesHasher()
    for piece in pieces { hasher.add(piece) }
    self = hasher.value
  }

  /// The hash of `text`'s UTF-8.
  public init(_ text: String) {
    var copy = text
    copy.withUTF8 { update(raw: UnsafeRawBufferPointer($0)) }
  }

  /// Feeds more bytes.
  public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    let done: Void? = bytes.withContiguousStorageIfAvailable {
      update(raw: UnsafeRawBufferPointer($0))
    }
    if done == nil {
      let copy = Array(bytes)
      copy.withUnsafeBytes { update(raw: $0) }
    }
  }

  /// Feeds a string, with a separator so `("ab","c")` ≠ `("a","bc")`.
  public mutating func update(_ text: String) {
    var copy = text
    copy.withUTF8 { update(raw: UnsafeRawBufferPointer($0)) }
    mix(0xFF)
  }

  /// Feeds a whole number.
  public mutating func update(_ number: UInt64) {
    mix(number)
    mix(0xFE)
  }

  /// Feeds raw memory.
  public mutating func update(raw buffer: UnsafeRawBufferPointer) {
    var index = 0
    let count = buffer.count
    while index + 8 <= count {
      mix(UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
      index += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while index < count {
      tail |= UInt64(buffer[index]) << shift
      shift += 8
      index += 1
    }
    // The tail's length is part of it, so trailing zero bytes still count.
    mix(tail ^ (UInt64(count & 7) << 56))
  }

  /// Mixes one word in as it is (`PiecesHasher`).
  mutating func update(word: UInt64) {
    mix(word)
  }

  private mutating func mix(_ word: UInt64) {
    var h = (value ^ word) &* 0x9E37_79B9_7F4A_7C15
    h ^= h >> 29
    value = h
  }

  /// 16 lowercase hex digits.
  public var description: String {
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
