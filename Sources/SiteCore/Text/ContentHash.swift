/// A fast 64-bit content fingerprint (FNV-1a) for change detection and for content-hashed asset
/// names.
///
/// Not for security: it only has to notice edits.
public struct ContentHash: Hashable, Sendable, CustomStringConvertible {
  public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  public init() {}

  /// A hash with a known value (as read back from a manifest).
  public init(value: UInt64) {
    self.value = value
  }

  /// The hash of `bytes`.
  public init<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    update(bytes)
  }

  /// The hash of `text`'s UTF-8.
  public init(_ text: String) {
    var copy = text
    copy.withUTF8 { update($0) }
  }

  /// Feeds more bytes.
  public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    let done: Void? = bytes.withContiguousStorageIfAvailable { update(buffer: $0) }
    if done == nil {
      for byte in bytes { step(byte) }
    }
  }

  private mutating func update(buffer: UnsafeBufferPointer<UInt8>) {
    var h = value
    for byte in buffer {
      h ^= UInt64(byte)
      h = h &* 0x0000_0100_0000_01B3
    }
    value = h
  }

  private mutating func step(_ byte: UInt8) {
    value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
  }

  /// Feeds a string, with a separator so `("ab","c")` ≠ `("a","bc")`.
  public mutating func update(_ text: String) {
    var copy = text
    copy.withUTF8 { update($0) }
    update(CollectionOfOne(0xFF))
  }

  /// 16 lowercase hex digits.
  public var description: String {
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
