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
  ///
  /// Read as UTF-8 bytes (every text of the content passes here): U+0000–
  /// U+02FF are one byte, or two with a lead byte up to 0xCB; U+1E00–U+1EFF
  /// are 0xE1 0xB8–0xBB ..; U+2010–U+206F are 0xE2 0x80 0x90–0xBF and
  /// 0xE2 0x81 0x80–0xAF.
  var isKnownNFC: Bool {
    var copy = self
    return copy.withUTF8 { bytes in
      var i = 0
      let n = bytes.count
      while i < n {
        let lead = bytes[i]
        if lead < 0x80 {
          i += 1
        } else if lead < 0xCC {  // 0xC2–0xCB (0x80–0xC1 cannot lead valid UTF-8)
          i += 2
        } else if lead == 0xE1, i + 1 < n, (0xB8...0xBB).contains(bytes[i + 1]) {
          i += 3
        } else if lead == 0xE2, i + 2 < n,
          (bytes[i + 1] == 0x80 && bytes[i + 2] >= 0x90)
            || (bytes[i + 1] == 0x81 && bytes[i + 2] < 0xB0)
        {
          i += 3
        } else {
          return false
        }
      }
      return true
    }
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
