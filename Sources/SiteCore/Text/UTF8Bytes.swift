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

  /// Compared with `memcmp` (at once when both share one storage), not by
  /// stepping through the two UTF-8 views.
  public static func == (lhs: UTF8Bytes, rhs: UTF8Bytes) -> Bool {
    let count = lhs.string.utf8.count
    guard count == rhs.string.utf8.count else { return false }
    let compared = lhs.string.utf8.withContiguousStorageIfAvailable { left in
      rhs.string.utf8.withContiguousStorageIfAvailable { right in
        guard let left = left.baseAddress, let right = right.baseAddress else { return true }
        return left == right || memcmp(left, right, count) == 0
      }
    }
    return (compared ?? nil) ?? lhs.string.utf8.elementsEqual(rhs.string.utf8)
  }

  public func hash(into hasher: inout Hasher) {
    let hashed: Void? = string.utf8.withContiguousStorageIfAvailable {
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
