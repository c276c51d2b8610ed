import SiteCore

/// What ids may look like.
///
/// Ids become folder names in the output, so these rules are what keeps every page inside `Site/`.
public enum IDRules {
  /// Whether `id` is a valid plan number (task, group, section id): letters and digits in runs
  /// separated by single `.` or `-`, as in `1.1`, `A.2`, `III.2.a`.
  ///
  /// No spaces, slashes, diacritics or leading/trailing separators.
  public static func isPlanNumber(_ id: String) -> Bool {
    guard !id.isEmpty else { return false }
    var previousWasSeparator = true
    for scalar in id.unicodeScalars {
      let v = scalar.value
      let isAlnum =
        (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
      if isAlnum {
        previousWasSeparator = false
      } else if scalar == "." || scalar == "-" {
        if previousWasSeparator { return false }
        previousWasSeparator = true
      } else {
        return false
      }
    }
    return !previousWasSeparator
  }

  /// The note explaining plan numbers, with a suggestion derived from `id`.
  static func planNumberNote(for id: String) -> Diagnostic.Note {
    let suggestion =
      numberInWords(id) ?? Slug.make(from: id).split(separator: "-").joined(separator: ".")
    let example = suggestion.isEmpty ? "" : " (for example '\(suggestion)')"
    let vietnameseExample = suggestion.isEmpty ? "" : " (ví dụ '\(suggestion)')"
    return Diagnostic.Note(
      vi: "dùng đúng số thứ tự như trong kế hoạch: chữ cái và chữ số, ngăn cách bằng '.' hoặc '-'"
        + vietnameseExample,
      en: "use the plan's own number: letters and digits separated by '.' or '-'\(example)")
  }

  /// The plan number in an id written with its label or punctuation, as
  /// the plan prints it: `Mục II` → `II`, `I.` → `I`, `Nhóm 1` → `1`.
  static func numberInWords(_ id: String) -> String? {
    var words = id.split(separator: " ").map(String.init)
    let labels: Set<String> = ["muc", "nhom", "phan", "nhiem", "vu", "chuong", "dieu", "khoan"]
    while let first = words.first, words.count > 1, labels.contains(first.foldedForSearch) {
      words.removeFirst()
    }
    let trailing: Set<Character> = [".", ":", ")", " "]
    var number = Substring(words.joined(separator: " "))
    while let last = number.last, trailing.contains(last) { number = number.dropLast() }
    return isPlanNumber(String(number)) && number != id ? String(number) : nil
  }

  /// The note explaining registry ids, with a suggestion derived from `id`.
  static func registryNote(for id: String) -> Diagnostic.Note {
    let suggestion = Slug.make(from: id)
    let example = suggestion.isEmpty ? "'so-tai-chinh'" : "'\(suggestion)'"
    return Diagnostic.Note(
      vi: "mã chỉ gồm chữ thường a-z không dấu, chữ số và dấu gạch nối '-': \(example)",
      en: "ids use lowercase letters a-z, digits and single hyphens, without diacritics: \(example)"
    )
  }
}
