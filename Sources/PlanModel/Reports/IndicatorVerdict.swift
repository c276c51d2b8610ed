import SiteCore

/// What a figure says of a target: đạt, vượt, chưa đạt, chưa có số liệu.
public enum Verdict: String, Hashable, Sendable, Codable, CaseIterable {
  case met
  case exceeded
  case notMet = "not-met"
  case noData = "no-data"

  public var label: String {
    switch self {
    case .met: "Đạt"
    case .exceeded: "Vượt"
    case .notMet: "Chưa đạt"
    case .noData: "Chưa có số liệu"
    }
  }
}

/// One target of an indicator, with the figure for the same year or period
/// and what it says.
public struct Judgement: Hashable, Sendable, Codable {
  public var target: Indicator.Point
  /// The figure for the target's own year or period, if any.
  public var value: IndicatorValue?
  /// The verdict; nil when it is too early to judge: a multi-year target
  /// before its period has ended, or a target whose year has not ended
  /// and has no figure yet.
  public var verdict: Verdict?

  public init(target: Indicator.Point, value: IndicatorValue?, verdict: Verdict?) {
    self.target = target
    self.value = value
    self.verdict = verdict
  }
}

/// Judges figures against targets, conservatively.
///
/// A figure is compared only with a target for the same year or period,
/// never an interim figure with a later target, and a multi-year target
/// only once its period has ended. The direction comes from the target's
/// wording: "trên" (strictly above), "từ … trở lên", "tối thiểu" (at
/// least), "dưới" (strictly below), "tối đa", "không quá" (at most), a range
/// (within), "khoảng" (within 5 %), a bare figure (at least when a higher
/// figure is better, else at most). "Vượt" is said only of an at-least
/// target passed.
public enum IndicatorJudge {
  /// The tolerance of "khoảng" (about), as a share of the figure.
  public static let aboutTolerance = 0.05

  /// The judgement of every target of `indicator`, given the figures by
  /// year or period (`figures[period]`), on `today`.
  public static func judge(
    _ indicator: Indicator, figures: [String: IndicatorValue], today: Day
  ) -> [Judgement] {
    indicator.targets.map { target in
      let value = figures[normalized(target.period)]
      if let end = multiYearEnd(target.period), today.year <= end {
        return Judgement(target: target, value: value, verdict: nil)
      }
      guard let value else {
        let ended = target.year.map { $0 < today.year } ?? true
        return Judgement(target: target, value: nil, verdict: ended ? .noData : nil)
      }
      return Judgement(
        target: target, value: value,
        verdict: verdict(value, against: target.value, higherIsBetter: indicator.higherIsBetter))
    }
  }

  /// `2026 - 2030`, `2026–2030` → `2026-2030`.
  public static func normalized(_ period: String) -> String {
    String(
      period.filter { !$0.isWhitespace }.map { $0 == "–" || $0 == "—" ? "-" : $0 })
  }

  /// What a target's or figure's period says.
  public enum PeriodReading: Equatable, Sendable {
    /// A year (`2030`) or years (`2026-2030`), written the one way.
    case period(String)
    /// Two years, the later first (`2030-2026`).
    case backwards(first: Int, last: Int)
    /// Neither.
    case notAPeriod
  }

  /// Reads a year or years as written or as plans also write them
  /// (`Năm 2027`, `giai đoạn 2026 – 2030`).
  ///
  /// Targets and results are matched by it: any other text could never
  /// be judged, and two spellings would be two targets.
  public static func period(_ written: String) -> PeriodReading {
    var text = written.trimmingWhitespace
    for prefix in [
      "đến hết năm", "đến năm", "hết năm", "trong năm", "năm", "giai đoạn", "giai doan", "nam",
    ] where text.lowercased().hasPrefix(prefix + " ") {
      text = String(text.dropFirst(prefix.count))
      break
    }
    let normalized = normalized(text)
    let years = normalized.split(separator: "-", omittingEmptySubsequences: false)
    let numbers = years.compactMap {
      $0.count == 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } ? Int($0) : nil
    }
    guard numbers.count == years.count, numbers.count == 1 || numbers.count == 2 else {
      return .notAPeriod
    }
    if numbers.count == 2, numbers[0] == numbers[1] { return .period(String(numbers[0])) }
    if numbers.count == 2, numbers[0] > numbers[1] {
      return .backwards(first: numbers[0], last: numbers[1])
    }
    return .period(normalized)
  }

  /// The error for years written last first (`2030-2026`) at `location`.
  public static func backwards(
    _ written: String, first: Int, last: Int, at location: SourceLocation
  )
    -> Diagnostic
  {
    .error(
      vi: "giai đoạn '\(written)' có năm đầu không trước năm cuối",
      en: "the years '\(written)' do not run forward", at: location,
      notes: [
        Diagnostic.Note(
          vi: "ghi năm đầu trước: \"\(last)-\(first)\"",
          en: "write the first year first: \"\(last)-\(first)\"")
      ])
  }

  /// A figure's year as said after the indicator: `năm 2026`, or the
  /// period's own words (`9 tháng năm 2026`).
  public static func when(_ period: String) -> String {
    guard case .period = Self.period(period) else { return period }
    return "năm \(period)"
  }

  /// The one four-digit year in a text that is no period (`cuối năm 2030`),
  /// to suggest.
  public static func lonelyYear(in text: String) -> Int? {
    let years = text.split { !$0.isNumber }.filter { $0.count == 4 }.compactMap { Int($0) }
    return years.count == 1 ? years.first : nil
  }

  /// The last year of a period written as two years (`2026-2030`), if it is one.
  static func multiYearEnd(_ period: String) -> Int? {
    let years = normalized(period).split(separator: "-").compactMap { Int($0) }.filter {
      $0 >= 1000
    }
    return years.count == 2 ? years[1] : nil
  }

  /// What `value` says of `target`.
  public static func verdict(
    _ value: IndicatorValue, against target: IndicatorValue, higherIsBetter: Bool
  ) -> Verdict {
    let v = value.high.map { (value.low + $0) / 2 } ?? value.low
    let low = target.low
    if let high = target.high {
      var (from, to) = (low, high)
      if target.qualifier == .about {
        from -= abs(from) * aboutTolerance
        to += abs(to) * aboutTolerance
      }
      return (from...to).contains(v) ? .met : .notMet
    }
    switch target.qualifier {
    case .atLeast: return v > low ? .exceeded : v == low ? .met : .notMet
    case .above: return v > low ? .met : .notMet
    case .atMost: return v <= low ? .met : .notMet
    case .below: return v < low ? .met : .notMet
    case .about: return abs(v - low) <= abs(low) * aboutTolerance ? .met : .notMet
    case .exact:
      if higherIsBetter { return v > low ? .exceeded : v == low ? .met : .notMet }
      return v <= low ? .met : .notMet
    }
  }
}
