import Foundation

/// Decoding of input files, strict about UTF-8 so an editor learns where a
/// wrongly saved file went bad instead of seeing replacement characters.
public enum TextDecoding {
  /// Why bytes are not acceptable text.
  public enum Failure: Error, Equatable, Sendable {
    /// Invalid UTF-8 at this byte offset (0-based), on this 1-based line
    /// and 1-based column (counted in characters, as an editor shows it).
    case invalidUTF8(byteOffset: Int, line: Int, column: Int)
  }

  /// Decodes UTF-8, dropping a leading byte-order mark and turning CRLF and
  /// lone CR line endings into LF, then normalizes to NFC.
  public static func decode(_ bytes: [UInt8]) -> Result<String, Failure> {
    var start = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
    let content = bytes[start...]
    // The standard library's decoding validates fast but repairs what is
    // invalid: the text is good when it kept every byte as it was.
    var text = String(decoding: content, as: UTF8.self)
    guard isUTF8(of: &text, content) else { return .failure(failure(in: bytes)) }
    if text.containsASCII(0x0D) { text = lineFeedsOnly(content) }
    return .success(text.nfc)
  }

  /// Whether `text`'s UTF-8 is `bytes`, byte for byte.
  private static func isUTF8(of text: inout String, _ bytes: ArraySlice<UInt8>) -> Bool {
    text.withUTF8 { utf8 in
      bytes.withUnsafeBytes { original in
        guard utf8.count == original.count else { return false }
        guard let left = utf8.baseAddress, let right = original.baseAddress else { return true }
        return memcmp(left, right, utf8.count) == 0
      }
    }
  }

  /// Valid UTF-8 with CRLF and lone CR line endings as LF.
  private static func lineFeedsOnly(_ bytes: ArraySlice<UInt8>) -> String {
    var cleaned = [UInt8]()
    cleaned.reserveCapacity(bytes.count)
    var i = bytes.startIndex
    while i < bytes.endIndex {
      if bytes[i] == 0x0D {
        cleaned.append(0x0A)
        if i + 1 < bytes.endIndex, bytes[i + 1] == 0x0A { i += 1 }
      } else {
        cleaned.append(bytes[i])
      }
      i += 1
    }
    return String(decoding: cleaned, as: UTF8.self)
  }

  /// Where `bytes`, which are not valid UTF-8, first go wrong.
  private static func failure(in bytes: [UInt8]) -> Failure {
    let offset = firstInvalidUTF8Offset(in: bytes) ?? bytes.count
    let line = bytes[..<offset].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    let lineStart = (bytes[..<offset].lastIndex(of: 0x0A) ?? -1) + 1
    // The bytes before `offset` are valid: count the characters on its line
    // (a byte order mark at the very start is not one).
    var first = lineStart
    if first == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { first = 3 }
    let characters = bytes[min(first, offset)..<offset].reduce(0) {
      $0 + ($1 & 0xC0 == 0x80 ? 0 : 1)
    }
    return .invalidUTF8(byteOffset: offset, line: line, column: characters + 1)
  }

  /// The offset of the first byte that does not start or continue a valid
  /// UTF-8 sequence, or `nil` if all is valid.
  public static func firstInvalidUTF8Offset(in bytes: [UInt8]) -> Int? {
    var i = 0
    let n = bytes.count
    while i < n {
      let b0 = bytes[i]
      if b0 < 0x80 {
        i += 1
        continue
      }
      let length: Int
      var lower: UInt8 = 0x80
      var upper: UInt8 = 0xBF
      switch b0 {
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        lower = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        upper = 0x9F
      case 0xF0:
        length = 4
        lower = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        upper = 0x8F
      default: return i
      }
      if i + length > n { return i }
      if bytes[i + 1] < lower || bytes[i + 1] > upper { return i }
      for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 {
        return i
      }
      i += length
    }
    return nil
  }
}
