import Foundation

/// A string as a dictionary key compared and hashed by its UTF-8 bytes.
///
/// `String` compares and hashes by canonical equivalence, so hashing
/// non-ASCII text (every Vietnamese title and paragraph) normalizes it
/// each time: keyed by `String`, the table of strings an encoding has
/// written took a seventh of a first build's time at 10,000 tasks. Bytes
/// are also the right test where the bytes themselves must come back.
public struct UTF8Bytes: Hashable, Sendable {
  public let string: String

  public init(_ string: String) { self.string = string }

  public static func == (lhs: UTF8Bytes, rhs: UTF8Bytes) -> Bool {
    lhs.string.utf8.count == rhs.string.utf8.count
      && lhs.string.utf8.elementsEqual(rhs.string.utf8)
  }

  public func hash(into hasher: inout Hasher) {
    let hashed = string.utf8.withContiguousStorageIfAvailable {
      hasher.combine(bytes: UnsafeRawBufferPointer($0))
    }
    if hashed == nil {
      Array(string.utf8).withUnsafeBytes { hasher.combine(bytes: $0) }
    }
  }
}

extension String {
  /// Whether the text's UTF-8 has `byte` (an ASCII character), found with
  /// `memchr` rather than by stepping through the UTF-8 view.
  public func containsASCII(_ byte: UInt8) -> Bool {
    var text = self
    return text.withUTF8 { bytes in
      bytes.baseAddress.map { memchr($0, Int32(byte), bytes.count) != nil } ?? false
    }
  }
}
