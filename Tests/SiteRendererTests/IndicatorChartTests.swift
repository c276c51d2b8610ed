import PlanModel
import SiteCore
import Testing

@testable import SiteRenderer

/// The chart's geometry on indicators whose figures are awkward to draw:
/// every dot inside the chart, axis values written exactly, years that
/// would overlap left out.
@Suite struct IndicatorChartTests {
  func indicator(
    _ points: [(String, String)], baseline: (String, String)? = nil,
    actuals: [(String, String)] = []
  ) throws -> Indicator {
    func point(_ pair: (String, String)) throws -> Indicator.Point {
      Indicator.Point(period: pair.0, value: try #require(IndicatorValue(parsing: pair.1)))
    }
    return Indicator(
      id: IndicatorID("chi-tieu"), group: "Nhóm", name: "Chỉ tiêu", unit: "%",
      baseline: try baseline.map(point), targets: try points.map(point),
      actuals: try actuals.map(point),
      source: SourceRef(path: "indicators.yaml", location: SourceLocation(file: "indicators.yaml")))
  }

  func numbers(_ view: [String: Any], _ list: String, _ key: String) -> [Double] {
    (view[list] as? [[String: Any]] ?? []).compactMap { ($0[key] as? String).flatMap(Double.init) }
  }

  func labels(_ view: [String: Any], _ list: String) -> [String] {
    (view[list] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
  }

  @Test func negativeFiguresStayInsideTheChart() throws {
    let view = try #require(
      IndicatorChart.view(
        try indicator([("2026", "-4"), ("2030", "-5")], baseline: ("2025", "-10"))))
    let ys = numbers(view, "dots", "cy")
    #expect(ys.count == 3)
    #expect(ys.allSatisfy { $0 >= 0 && $0 <= IndicatorChart.height }, "\(ys)")
    #expect(labels(view, "y_axis") == ["-12", "-6", "0"])
  }

  @Test func axisValuesAreWrittenExactly() throws {
    let small = try #require(IndicatorChart.view(try indicator([("2030", "1,1")])))
    #expect(labels(small, "y_axis") == ["0", "0,75", "1,5"])
    let tiny = try #require(
      IndicatorChart.view(try indicator([("2026", "0,05"), ("2030", "0,08")])))
    #expect(Set(labels(tiny, "y_axis")).count == 3, "\(labels(tiny, "y_axis"))")
    #expect(IndicatorChart.roundUp(102) == 120)
    #expect(IndicatorChart.roundUp(14.4) == 15)
    #expect(IndicatorChart.roundUp(0) == 0)
  }

  @Test func yearsTooCloseToReadAreLeftOut() throws {
    let view = try #require(
      IndicatorChart.view(
        try indicator([("2001", "5"), ("2002", "6"), ("2003", "7"), ("2030", "9")])))
    let years = labels(view, "x_axis")
    #expect(years.first == "2001" && years.last == "2030", "\(years)")
    let xs = numbers(view, "x_axis", "x")
    for (a, b) in zip(xs, xs.dropFirst()) { #expect(b - a >= 6 * IndicatorChart.axisDigit) }
  }

  /// A share's axis ends at 100 %, so "80 or more" is a band up to it.
  @Test func aShareEndsAtAHundred() throws {
    let view = try #require(
      IndicatorChart.view(try indicator([("2030", "từ 90 trở lên")], baseline: ("2024", "71"))))
    #expect(labels(view, "y_axis") == ["0", "50", "100"])
  }

  /// A figure for part of a year is in the table, not on the yearly line.
  @Test func aPartYearFigureIsNotDrawnAsTheYear() throws {
    let view = try #require(
      IndicatorChart.view(
        try indicator(
          [("2030", "8")], baseline: ("2024", "7"),
          actuals: [("2025", "8,2"), ("9 tháng năm 2026", "7,6")])))
    #expect(labels(view, "dots").filter { $0 != "8" } == ["7", "8,2"])
  }
}
