import Foundation

extension String {
  /// The string in Unicode Normalization Form C, as it is stored and compared.
  ///
  /// Editors on macOS often save Vietnamese in decomposed form (NFD): "ệ" as
  /// "e" plus two combining marks. Everything read from `Content/` passes
  /// through here, so ids and names compare equal whatever the editor did.
  public var nfc: String {
    if isKnownNFC { return self }
    return precomposedStringWithCanonicalMapping
  }

  /// A fast, conservative check: true only when every scalar is in a range that contains no
  /// character NFC would change (ASCII, Latin up to U+02FF, the precomposed Vietnamese letters of
  /// Latin Extended Additional, and common punctuation).
  ///
  /// Anything else goes through the full normalizer.
  var isKnownNFC: Bool {
    for scalar in unicodeScalars {
      let value = scalar.value
      if value < 0x300 { continue }
      if (0x1E00..<0x1F00).contains(value) { continue }
      if (0x2010..<0x2070).contains(value) { continue }
      return false
    }
    return true
  }

  /// The text with diacritics removed, `đ` as `d`, and lowercased: how search
  /// and "did you mean" compare Vietnamese (`Sở Tài chính` ~ `so tai chinh`).
  public var foldedForSearch: String {
    var out = String.UnicodeScalarView()
    for scalar in decomposedStringWithCanonicalMapping.unicodeScalars {
      switch scalar.value {
      case 0x0300...0x036F: continue  // combining diacritical marks
      case 0x0110, 0x0111: out.append("d")  // Đ, đ
      default:
        if scalar.isASCII {
          let v = scalar.value
          out.append((0x41...0x5A).contains(v) ? Unicode.Scalar(UInt8(v + 32)) : scalar)
        } else {
          out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
        }
      }
    }
    return String(out)
  }
}
