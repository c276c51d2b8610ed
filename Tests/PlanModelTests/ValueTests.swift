import SiteCore
import Testing

@testable import PlanModel

@Suite struct DayTests {
  @Test func parsesRealDatesOnly() {
    #expect(Day(iso: "2026-01-13")?.vietnamese == "13/01/2026")
    #expect(Day(iso: "2024-02-29") != nil)
    #expect(Day(iso: "2026-02-29") == nil)
    #expect(Day(iso: "2026-02-30") == nil)
    #expect(Day(iso: "2026-13-01") == nil)
    #expect(Day(iso: "26-1-1") == nil)
    #expect(Day.looksLikeISODate("2026-02-30"))
    #expect(!Day.looksLikeISODate("cuối năm"))
  }

  @Test func ordersAndSteps() throws {
    let a = try #require(Day(iso: "2026-12-31"))
    #expect(a.next == Day(iso: "2027-01-01"))
    #expect(a < a.next)
    #expect(a.compact == "20261231")
  }

  /// The digit-by-digit forms equal the interpolated ones they replaced:
  /// every day of four years, and 1 March of every year `init?` admits.
  @Test func writesEveryDayAsInterpolationWould() throws {
    func padded(_ number: Int, _ width: Int) -> String {
      String(repeating: "0", count: max(0, width - String(number).count)) + String(number)
    }
    var days: [Day] = []
    for year in [1, 999, 2024, 2026] {
      var day = try #require(Day(year: year, month: 1, day: 1))
      while day.year == year {
        days.append(day)
        day = day.next
      }
    }
    days += (1...9999).compactMap { Day(year: $0, month: 3, day: 1) }
    #expect(days.count == 365 + 365 + 366 + 365 + 9999)
    for day in days {
      #expect(day.iso == "\(padded(day.year, 4))-\(padded(day.month, 2))-\(padded(day.day, 2))")
      #expect(day.vietnamese == "\(padded(day.day, 2))/\(padded(day.month, 2))/\(day.year)")
      #expect(Day(iso: day.iso) == day)
    }
  }
}

@Suite struct IndicatorValueTests {
  @Test(arguments: [
    ("12", "12"), ("10,5", "10,5"), ("29.211", "29.211"), ("1.150", "1.150"),
    ("165-190", "165–190"), ("165–190", "165–190"), ("10,5-11,5", "10,5–11,5"),
    ("từ 12 trở lên", "từ 12 trở lên"), ("trên 12", "trên 12"), ("khoảng 1.150", "khoảng 1.150"),
    ("khoảng 165-190", "khoảng 165–190"), ("dưới 5", "dưới 5"), ("tối đa 3", "tối đa 3"),
    ("12%", "12"), ("từ 165 đến 190", "165–190"), ("-2,5", "-2,5"), ("−3", "-3"),
    ("trên -1", "trên -1"),
  ])
  func parsesAndFormats(input: String, output: String) throws {
    let value = try #require(IndicatorValue(parsing: input), "\(input)")
    #expect(value.description == output)
  }

  @Test func numbers() throws {
    #expect(IndicatorValue(parsing: "29.211")?.low == 29211)
    #expect(IndicatorValue(parsing: "10,5")?.low == 10.5)
    #expect(IndicatorValue(parsing: "165-190")?.high == 190)
    #expect(IndicatorValue(parsing: "từ 12 trở lên")?.qualifier == .atLeast)
    #expect(IndicatorValue(parsing: "-2,5")?.low == -2.5)
    #expect(IndicatorValue(parsing: "-2,5")?.high == nil)
    // Shown as written, spaces tidied, without the `%` the unit repeats.
    #expect(IndicatorValue(parsing: "  tối thiểu\u{00A0}85 ")?.shown == "tối thiểu 85")
    #expect(IndicatorValue(parsing: "7,6%")?.shown == "7,6")
    #expect(IndicatorValue(parsing: "từ 90 % trở lên")?.shown == "từ 90 trở lên")
    #expect(IndicatorValue(parsing: "từ 165-190")?.high == 190)
  }

  @Test(arguments: [
    "nhiều", "10.5", "1.15", "190-165", "", "12,", "1,2,3", "abc-def", "-5-10", "--3",
    // A range bounded otherwise than "từ … đến" or "khoảng" cannot be judged.
    "trên 165-190", "tối đa 5–10", "165-190 trở lên", "dưới 1-2",
  ])
  func rejectsWhatIsNotAFigure(input: String) {
    #expect(IndicatorValue(parsing: input) == nil, "\(input)")
  }

  @Test func formatsVietnameseNumbers() {
    #expect(VietnameseNumber.format(29211) == "29.211")
    #expect(VietnameseNumber.format(10.5) == "10,5")
    #expect(VietnameseNumber.format(1234567.891) == "1.234.567,89")
    #expect(VietnameseNumber.format(0.05) == "0,05")
    #expect(VietnameseNumber.format(-3) == "-3")
  }

  /// A figure keeps every decimal written: an imported report stores its
  /// description, and `0,0049` became `0`, `7,856` became `7,86`.
  @Test(arguments: [
    ("0,0049", "0,0049"), ("7,856", "7,856"), ("1.234,567", "1.234,567"), ("7,8560", "7,856"),
    ("7,8559999999999999", "7,856"), ("999.999.999.999,5", "999.999.999.999,5"),
    ("khoảng 0,125-0,25", "khoảng 0,125–0,25"), ("0,0000004", "0,0000004"),
    ("1.200.000.000.000.000", "1.200.000.000.000.000"), ("-0,5", "-0,5"),
  ])
  func figuresKeepTheirDecimals(input: String, output: String) throws {
    let value = try #require(IndicatorValue(parsing: input), "\(input)")
    #expect(value.description == output)
    // What is written reads back as the same figure.
    let back = try #require(IndicatorValue(parsing: value.description))
    #expect(
      back.qualifier == value.qualifier && back.low == value.low && back.high == value.high,
      "\(value.description)")
    // Pages show the figure as its file writes it.
    #expect(value.shown == input)
  }

  @Test(arguments: [
    ("≥ 90%", "từ 90 trở lên"), (">= 90", "từ 90 trở lên"), ("< 5", "dưới 5"),
    ("≤ 3", "tối đa 3"), ("~1.150", "khoảng 1.150"), ("3.2", "3,2"), ("12.5", "12,5"),
    ("1.200 tỷ đồng", "1.200"), ("khoảng 1.150 tỷ đồng", "khoảng 1.150"),
  ])
  func aFigureWrittenAnotherWayGetsTheFix(text: String, fixed: String) throws {
    #expect(IndicatorValue(parsing: text) == nil)
    let error = IndicatorValue.notAFigure(
      text, at: SourceLocation(file: "indicators.yaml"), expected: .target)
    #expect(error.notes.first?.message.vi.hasPrefix("có phải là '\(fixed)'?") == true, "\(error)")
  }

  @Test func aCommaBeforeThreeDigitsIsWarnedAbout() throws {
    let at = SourceLocation(file: "indicators.yaml", line: 3)
    let warning = try #require(IndicatorValue.commaMaybeThousands("1,200", at: at))
    #expect(warning.severity == .warning)
    #expect(warning.message.vi == "'1,200' được đọc là 1,2: dấu phẩy ngăn phần thập phân")
    #expect(warning.notes.first?.message.vi.hasPrefix("nếu là số hàng nghìn, viết 1.200") == true)
    #expect(IndicatorValue.commaMaybeThousands("khoảng 12,500", at: at) != nil)
    for text in ["1,2", "7,8560", "1.200", "1.234,567", "10,50", "12", "0,125"] {
      #expect(IndicatorValue.commaMaybeThousands(text, at: at) == nil, "\(text)")
    }
  }
}

@Suite struct NaturalOrderTests {
  @Test func sortsPlanNumbersAsPrinted() {
    let ids = ["1.10", "1.2", "2.1", "1.1", "A.2", "1.9"].map(TaskID.init).sorted()
    #expect(ids.map(\.rawValue) == ["1.1", "1.2", "1.9", "1.10", "2.1", "A.2"])
  }
}

@Suite struct StatusTests {
  let today = Day(iso: "2026-06-01") ?? .unixEpoch

  @Test func overdueIsDerivedFromDeadlineAndToday() {
    #expect(
      DisplayStatus(status: .inProgress, deadline: Day(iso: "2026-05-31"), today: today) == .overdue
    )
    #expect(
      DisplayStatus(status: .inProgress, deadline: Day(iso: "2026-06-01"), today: today)
        == .inProgress)
    #expect(DisplayStatus(status: .done, deadline: Day(iso: "2026-01-01"), today: today) == .done)
    #expect(DisplayStatus(status: nil, deadline: nil, today: today) == .unreported)
    #expect(
      DisplayStatus(status: nil, deadline: Day(iso: "2026-01-01"), today: today) == .unreported)
  }
}

/// What a deadline that is not a date meant, for the advice given with it.
@Suite struct DayMeaningTests {
  @Test(arguments: [
    ("Quý IV/2026", "2026-12-31"), ("quý 1 năm 2027", "2027-03-31"), ("Q2/2026", "2026-06-30"),
    ("tháng 2/2028", "2028-02-29"), ("Tháng 11 năm 2026", "2026-11-30"), ("6/2026", "2026-06-30"),
    ("6 tháng đầu năm 2026", "2026-06-30"), ("6 tháng cuối năm 2026", "2026-12-31"),
    ("năm 2026", "2026-12-31"), ("2030", "2030-12-31"),
  ])
  func aSpanIsDueByItsLastDay(text: String, last: String) {
    #expect(DayText.meaning(of: text) == Day(iso: last).map { .span(last: $0) }, "\(text)")
  }

  @Test func otherMeanings() {
    #expect(DayText.meaning(of: "31-12-2026") == Day(iso: "2026-12-31").map { .day($0) })
    #expect(DayText.meaning(of: "5.1.2027") == Day(iso: "2027-01-05").map { .day($0) })
    #expect(DayText.meaning(of: "Thường xuyên") == .ongoing)
    #expect(DayText.meaning(of: "hằng năm") == .ongoing)
    for text in ["cuối năm", "31.2.2026", "Quý V/2026", "tháng 13/2026", "abc 2026", "26", ""] {
      #expect(DayText.meaning(of: text) == nil, "\(text)")
    }
  }
}

/// A target's or figure's year or years, as plans write them.
@Suite struct IndicatorPeriodTests {
  @Test func yearsAreReadOneWay() {
    #expect(IndicatorJudge.period("2030") == .period("2030"))
    #expect(IndicatorJudge.period("Năm 2027") == .period("2027"))
    #expect(IndicatorJudge.period("giai đoạn 2026 – 2030") == .period("2026-2030"))
    #expect(IndicatorJudge.period("2026 - 2030") == .period("2026-2030"))
    #expect(IndicatorJudge.period("2030-2026") == .backwards(first: 2030, last: 2026))
    #expect(IndicatorJudge.period("Đến năm 2030") == .period("2030"))
    #expect(IndicatorJudge.period("đến hết năm 2030") == .period("2030"))
    #expect(IndicatorJudge.period("2026-2026") == .period("2026"))
    #expect(IndicatorJudge.lonelyYear(in: "cuối năm 2030") == 2030)
    #expect(IndicatorJudge.lonelyYear(in: "cuối kỳ") == nil)
    for text in ["cuối kỳ", "2026/2030", "26", "2026-", "2026-2028-2030", ""] {
      #expect(IndicatorJudge.period(text) == .notAPeriod, "\(text)")
    }
  }
}

/// An id written with its label or punctuation gets the plan's own number.
@Suite struct PlanNumberSuggestionTests {
  @Test func theNumberIsTakenOutOfItsWords() {
    #expect(IDRules.numberInWords("Mục II") == "II")
    #expect(IDRules.numberInWords("I.") == "I")
    #expect(IDRules.numberInWords("Nhóm 1") == "1")
    #expect(IDRules.numberInWords("Nhiệm vụ 1.2") == "1.2")
    #expect(IDRules.numberInWords("1.2") == nil)
    #expect(IDRules.numberInWords("Việc a b") == nil)
  }
}
