/// A calendar date without time or time zone (a deadline, an issue date).
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// A date, or `nil` if it does not exist (`2026-02-30`).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Day.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  private init(unchecked year: Int, _ month: Int, _ day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// 1 January 1970, a fallback for clocks that cannot be read.
  public static let unixEpoch = Day(unchecked: 1970, 1, 1)

  /// Parses `YYYY-MM-DD`; `nil` for any other shape or an impossible date.
  public init?(iso text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// Whether `text` has the `YYYY-MM-DD` shape, valid or not (to tell
  /// "impossible date" from "not a date" in messages).
  public static func looksLikeISODate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// `2026-01-13`.
  ///
  /// Written digit by digit: dates are written for every row of the data
  /// files and every duty of a list (in a clean build with the benchmark's
  /// reports, interpolating padded parts made `iso` 1.8 % and `vietnamese`
  /// 0.9 % of the samples).
  public var iso: String {
    // Every day `init?` makes takes the first way (years 1 to 9999).
    guard (0..<10_000).contains(year), (0..<100).contains(month), (0..<100).contains(day) else {
      return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
    return Self.text((year, 4), (month, 2), (day, 2), separator: "-")
  }

  /// `13/01/2026`, as Vietnamese documents write dates.
  public var vietnamese: String {
    // The year as it is: a year before 1000 takes the second way.
    guard (1000..<10_000).contains(year), (0..<100).contains(month), (0..<100).contains(day) else {
      return "\(day < 10 ? "0" : "")\(day)/\(month < 10 ? "0" : "")\(month)/\(year)"
    }
    return Self.text((day, 2), (month, 2), (year, 4), separator: "/")
  }

  /// `20260113` as a number (the stored form, and duty rows' digests).
  public var number: Int { year * 10000 + month * 100 + day }

  /// Three numbers, each zero-padded to its width, with `separator`
  /// between: ten bytes, held in the string itself (nothing is allocated,
  /// in a debug build either: the allocation guard's).
  private static func text(
    _ first: (number: Int, width: Int), _ second: (number: Int, width: Int),
    _ third: (number: Int, width: Int), separator: Unicode.Scalar
  ) -> String {
    var bytes: (UInt64, UInt64) = (0, 0)
    return withUnsafeMutableBytes(of: &bytes) { text in
      let mark = UInt8(separator.value)
      var end = 0
      put(first, into: text, at: &end)
      text[end] = mark
      end += 1
      put(second, into: text, at: &end)
      text[end] = mark
      end += 1
      put(third, into: text, at: &end)
      return String(decoding: UnsafeRawBufferPointer(rebasing: text[..<end]), as: UTF8.self)
    }
  }

  /// Writes `part.number`'s last `part.width` digits, zero-padded, at `end`,
  /// and moves `end` past them.
  private static func put(
    _ part: (number: Int, width: Int), into text: UnsafeMutableRawBufferPointer, at end: inout Int
  ) {
    // A plain loop: in a debug build a loop over a reversed range allocated.
    var rest = part.number
    var place = end + part.width
    while place > end {
      place -= 1
      text[place] = UInt8(ascii: "0") + UInt8(rest % 10)
      rest /= 10
    }
    end += part.width
  }

  /// `20260113`, the iCalendar DATE form.
  public var compact: String { iso.filter { $0 != "-" } }

  /// The same day a year earlier (28/02 for 29/02); itself in year 1.
  public var yearEarlier: Day {
    Day(year: year - 1, month: month, day: day) ?? Day(year: year - 1, month: month, day: day - 1)
      ?? self
  }

  /// The same day a month earlier, or the month's last day (28/02 for
  /// 31/03).
  public var monthEarlier: Day {
    let (y, m) = month == 1 ? (year - 1, 12) : (year, month - 1)
    return Day(year: y, month: m, day: min(day, Day.daysIn(month: m, year: y))) ?? self
  }

  /// The day after this one.
  public var next: Day {
    if let d = Day(year: year, month: month, day: day + 1) { return d }
    if let d = Day(year: year, month: month + 1, day: 1) { return d }
    return Day(year: year + 1, month: 1, day: 1) ?? self
  }

  public var description: String { iso }

  public static func < (lhs: Day, rhs: Day) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }
}

/// Dates as editors and clerks type them.
public enum DayText {
  /// What a text turned out to be.
  public enum Parsed: Equatable, Sendable {
    /// A real date.
    case valid(Day)
    /// Shaped like a date, but no such day exists (`2026-02-30`).
    case impossible
    /// Not shaped like a date at all.
    case notADate
  }

  /// A date-shaped text as Vietnamese documents write dates (`2026-02-30` →
  /// `30/02/2026`), for messages about dates that do not exist.
  public static func vietnameseForm(of text: String) -> String {
    let parts = text.trimmingWhitespace.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4 else { return text }
    func pad(_ part: Substring) -> String { part.count == 1 ? "0" + part : String(part) }
    return "\(pad(parts[2]))/\(pad(parts[1]))/\(parts[0])"
  }

  /// Parses `2026-12-31`, `2026-4-30`, `31/12/2026` or `30/4/2026`.
  ///
  /// Day and month may have one or two digits, the year has four.
  public static func parse(_ input: String) -> Parsed {
    let text = input.trimmingWhitespace
    let (separator, yearFirst): (Character, Bool) =
      text.contains("/") ? ("/", false) : ("-", true)
    let parts = text.split(separator: separator, omittingEmptySubsequences: false)
    guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) })
    else { return .notADate }
    let (yearText, monthText, dayText) =
      yearFirst ? (parts[0], parts[1], parts[2]) : (parts[2], parts[1], parts[0])
    guard yearText.count == 4, (1...2).contains(monthText.count), (1...2).contains(dayText.count),
      let year = Int(yearText), let month = Int(monthText), let day = Int(dayText)
    else { return .notADate }
    guard let value = Day(year: year, month: month, day: day) else { return .impossible }
    return .valid(value)
  }
}

extension Character {
  /// `0`–`9` only (not other scripts' digits).
  var isASCIIDigit: Bool { isASCII && isNumber }
}

/// Stored and digested as one number, `yyyymmdd`, not a keyed container of
/// three (a container box and three keys for each of the many dates in
/// page inputs and parsed files).
extension Day {
  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    let number = try container.decode(Int.self)
    guard let day = Day(year: number / 10000, month: number / 100 % 100, day: number % 100) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "\(number) is not a date")
    }
    self = day
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(number)
  }
}
