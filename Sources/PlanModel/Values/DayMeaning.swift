import SiteCore

extension DayText {
  /// What a text that is not a date may have meant, for the advice given
  /// with the error: the fix is then the exact date to write.
  public enum Meaning: Equatable, Sendable {
    /// A day written with other separators (`31-12-2026`, `31.12.2026`).
    case day(Day)
    /// A whole span, as plans often set deadlines (`Quý IV/2026`,
    /// `tháng 6/2026`, `6 tháng đầu năm 2026`, `năm 2026`): due by its
    /// last day.
    case span(last: Day)
    /// Work without an end (`thường xuyên`, `hằng năm`).
    case ongoing
  }

  /// What `input` may mean, when it is not a date `parse` reads.
  public static func meaning(of input: String) -> Meaning? {
    let text = input.trimmingWhitespace.foldedForSearch
    if ["thuong xuyen", "hang nam", "lien tuc", "hang quy", "hang thang"].contains(text) {
      return .ongoing
    }
    // Words and numbers, without `năm`: `Quý IV năm 2026` → quy, iv, 2026.
    var words = text.split { !$0.isLetter && !$0.isNumber }.map(String.init).filter {
      $0 != "nam"
    }
    guard let yearText = words.popLast(), yearText.count == 4,
      yearText.allSatisfy(\.isASCIIDigit), let year = Int(yearText)
    else { return nil }
    func lastDay(ofMonth month: Int) -> Meaning? {
      guard (1...12).contains(month) else { return nil }
      return Day(year: year, month: month, day: Day.daysIn(month: month, year: year)).map {
        .span(last: $0)
      }
    }
    func number(_ word: String) -> Int? {
      word.count <= 2 && word.allSatisfy(\.isASCIIDigit) ? Int(word) : nil
    }
    let quarters = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4]
    switch words.count {
    case 0:
      return lastDay(ofMonth: 12)
    case 1 where words[0].hasPrefix("q"):
      return quarters[String(words[0].dropFirst())].flatMap { lastDay(ofMonth: $0 * 3) }
    case 1:
      return number(words[0]).flatMap { lastDay(ofMonth: $0) }
    case 2 where words[0] == "quy":
      return quarters[words[1]].flatMap { lastDay(ofMonth: $0 * 3) }
    case 2 where words[0] == "thang":
      return number(words[1]).flatMap { lastDay(ofMonth: $0) }
    case 2:
      // A day with other separators: `31-12-2026`, `31.12.2026`.
      guard let day = number(words[0]), let month = number(words[1]),
        let value = Day(year: year, month: month, day: day)
      else { return nil }
      return .day(value)
    case 3 where words[0] == "6" && words[1] == "thang":
      return words[2] == "dau"
        ? lastDay(ofMonth: 6) : words[2] == "cuoi" ? lastDay(ofMonth: 12) : nil
    default:
      return nil
    }
  }
}
