/// URL-safe names derived from the plan's own numbering and names.
public enum Slug {
  /// The slug for `text`: diacritics removed, lowercase, every run of characters other than
  /// `a-z0-9` replaced by one `-`, no `-` at the ends.
  ///
  /// `"1.1"` → `1-1`, `"A.2"` → `a-2`, `"Sở Tài chính"` → `so-tai-chinh`.
  public static func make(from text: String) -> String {
    // Plan numbers and registry ids are ASCII: map their bytes directly.
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return makeASCII(text) }
    var out = ""
    var pendingDash = false
    for scalar in text.foldedForSearch.unicodeScalars {
      let v = scalar.value
      let isWordCharacter = (0x61...0x7A).contains(v) || (0x30...0x39).contains(v)
      if isWordCharacter {
        if pendingDash && !out.isEmpty { out.append("-") }
        pendingDash = false
        out.unicodeScalars.append(scalar)
      } else {
        pendingDash = true
      }
    }
    return out
  }

  private static func makeASCII(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var pendingDash = false
    for var byte in text.utf8 {
      if (0x41...0x5A).contains(byte) { byte += 0x20 }
      if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
        if pendingDash && !out.isEmpty { out.append(0x2D) }
        pendingDash = false
        out.append(byte)
      } else {
        pendingDash = true
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Whether `text` is already a registry id: `[a-z0-9]+` words joined by single `-`.
  ///
  /// Such ids are used as folder names in the output, so nothing else (no `/`, `..`, spaces,
  /// capitals or diacritics) is allowed.
  public static func isRegistryID(_ text: String) -> Bool {
    !text.isEmpty && make(from: text) == text
  }
}
