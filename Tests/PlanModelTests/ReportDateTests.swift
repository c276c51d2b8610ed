import SiteCore
import Testing

@testable import PlanModel

/// Which report dates fit their period (`ReportValidation.misdating`).
@Suite struct ReportDateTests {
  static func period(_ start: String, _ end: String, due: String) throws -> ReportingPeriod {
    ReportingPeriod(
      id: PeriodID("p"), name: "p", start: try #require(Day(iso: start)),
      end: try #require(Day(iso: end)), due: try #require(Day(iso: due)),
      source: SourceRef(path: "reporting.yaml", location: SourceLocation(file: "reporting.yaml")))
  }

  func fits(_ date: String, _ period: ReportingPeriod) throws -> Bool {
    ReportValidation.misdating(try #require(Day(iso: date)), of: period, in: nil) == nil
  }

  /// A report dated over a month before its period ends (and before its
  /// due date) is most often another period's; one in the period's last
  /// month, or up to a month before a due date that comes before the end
  /// (a year's reports for a council's November session), is not.
  @Test func aReportMonthsBeforeItsPeriodEndsIsMisdated() throws {
    let nine = try Self.period("2026-01-01", "2026-09-30", due: "2026-10-10")
    #expect(try !fits("2026-03-01", nine))
    #expect(try !fits("2026-08-29", nine))
    #expect(try fits("2026-08-31", nine) && fits("2026-09-15", nine) && fits("2026-10-09", nine))
    let year = try Self.period("2026-01-01", "2026-12-31", due: "2026-11-20")
    #expect(try fits("2026-11-18", year) && fits("2026-10-25", year))
    #expect(try !fits("2026-10-19", year))
    // A period ending on the 14th: 31/05 is two weeks before its end.
    let half = try Self.period("2025-12-15", "2026-06-14", due: "2026-06-20")
    #expect(try fits("2026-05-31", half) && fits("2026-05-14", half))
    #expect(try !fits("2026-05-13", half))
    // Months after: another period's (outside, as before).
    #expect(try !fits("2027-10-01", nine))
  }
}
