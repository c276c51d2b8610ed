import Foundation
import PlanModel
import SiteCore

/// The geometry of an indicator's chart: baseline and results as a line, targets as points, ranges
/// as bands, "at least" targets as a band up to the top.
///
/// The template draws it as inline SVG (no script), next to the table that states the same figures
/// in words.
///
/// Labels are placed for the phone, where the chart shrinks and its axis labels are drawn at 22
/// units (site.css): the left margin fits the longest axis value, the first and last years are
/// drawn inward from their ticks, and a figure near either side is written inward from its dot.
enum IndicatorChart {
  static let width = 600.0
  static let height = 220.0
  static let right = 24.0, top = 20.0, bottom = 34.0
  /// The width of a digit of an axis label at its phone size, in chart units (a little over
  /// the widest common font's: DejaVu Sans, where a phone has no other, draws 0.64 em).
  static let axisDigit = 14.5
  /// How far from either side a figure is written inward from its dot rather than centred on it.
  static let inwardZone = 90.0

  static func view(_ indicator: Indicator) -> [String: Any]? {
    // A figure for part of a year ("9 tháng năm 2026") is not the year's:
    // drawn at the year and joined to the last, it would read as a fall or
    // a rise. The table below the chart states it.
    let history = ((indicator.baseline.map { [$0] } ?? []) + indicator.actuals).filter {
      if case .period = IndicatorJudge.period($0.period) { true } else { false }
    }
    let all = history + indicator.targets
    let years = all.compactMap(\.year)
    guard let firstYear = years.min(), let lastYear = years.max(), !indicator.targets.isEmpty else {
      return nil
    }
    let values = all.flatMap { [$0.value.low] + ($0.value.high.map { [$0] } ?? []) }
    let lowest = values.min() ?? 0
    let highest = values.max() ?? 1
    // Zero is always on the axis; a side with values is rounded out.
    let minValue = lowest < 0 ? -roundUp(-lowest * 1.2) : 0
    var maxValue = highest > 0 ? roundUp(highest * 1.2) : 0
    // A share ends at 100 %: "80 or more" is a band up to it, not to 120.
    if indicator.unit.hasPrefix("%"), highest <= 100 { maxValue = min(maxValue, 100) }
    if maxValue <= minValue { maxValue = minValue + 1 }
    let axisValues = [minValue, (minValue + maxValue) / 2, maxValue]
    let digits = fractionDigits(axisValues)
    let axisLabels = axisValues.map { VietnameseNumber.format($0, maxFractionDigits: digits) }
    let left = max(56, 16 + axisDigit * Double(axisLabels.map(\.count).max() ?? 1))
    let span = Double(max(1, lastYear - firstYear))
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    func x(_ year: Int) -> Double {
      years.count == 1 || lastYear == firstYear
        ? left + plotWidth / 2 : left + plotWidth * Double(year - firstYear) / span
    }
    func y(_ value: Double) -> Double {
      top + plotHeight * (1 - (value - minValue) / (maxValue - minValue))
    }
    func n(_ v: Double) -> String { SVGNumber.format(v) }

    var bands: [[String: Any]] = []
    var figures: [Figure] = []
    for target in indicator.targets {
      guard let year = target.year else { continue }
      let v = target.value
      let cx = x(year)
      let bandWidth = 22.0
      switch v.qualifier {
      case _ where v.high != nil:
        let high = v.high ?? v.low
        bands.append([
          "x": n(cx - bandWidth / 2), "y": n(y(high)), "width": n(bandWidth),
          "height": n(max(2, y(v.low) - y(high))),
        ])
      case .atLeast, .above:
        bands.append([
          "x": n(cx - bandWidth / 2), "y": n(top), "width": n(bandWidth),
          "height": n(max(2, y(v.low) - top)),
        ])
      case .atMost, .below:
        bands.append([
          "x": n(cx - bandWidth / 2), "y": n(y(v.low)), "width": n(bandWidth),
          "height": n(max(2, y(minValue) - y(v.low))),
        ])
      default:
        break
      }
      let labelY = v.high.map { y($0) } ?? y(v.low)
      figures.append(
        Figure(
          cx: cx, cy: y(v.low), kind: "target", label: v.shown, y: max(top + 10, labelY - 8)))
    }
    let targetYears = Set(indicator.targets.compactMap(\.year))
    let baselineY = y(minValue)
    var linePoints: [String] = []
    for point in history {
      guard let year = point.year else { continue }
      let cx = x(year)
      let cy = y(point.value.low)
      linePoints.append("\(n(cx)),\(n(cy))")
      // Beside a target of the same year, a result's figure goes under its
      // dot, the target's above (where room is left above the x axis).
      let below = targetYears.contains(year) && cy + 20 < baselineY - 4
      figures.append(
        Figure(
          cx: cx, cy: cy, kind: "actual", label: point.value.shown,
          y: below ? cy + 20 : max(top + 10, cy - 8)))
    }
    let dots = placed(figures, left: left, bottom: baselineY).map { figure -> [String: Any] in
      [
        "cx": n(figure.cx), "cy": n(figure.cy), "kind": figure.kind, "label": figure.label,
        "label_x": n(figure.x), "label_y": n(figure.y), "label_anchor": figure.anchor,
      ]
    }
    let shownYears = labelledYears(Set(years).sorted(), at: x)
    let xAxis: [[String: Any]] = shownYears.enumerated().map { index, year in
      let anchor =
        shownYears.count == 1
        ? "middle" : index == 0 ? "start" : index == shownYears.count - 1 ? "end" : "middle"
      return ["x": n(x(year)), "label": String(year), "anchor": anchor]
    }
    let yAxis: [[String: Any]] = zip(axisValues, axisLabels).map { value, label in
      ["y": n(y(value)), "label": label]
    }
    var description: [String] = []
    if let baseline = indicator.baseline {
      description.append("Năm gốc \(baseline.period): \(baseline.value.shown)")
    }
    for actual in indicator.actuals {
      description.append("Thực hiện \(actual.period): \(actual.value.shown)")
    }
    for target in indicator.targets {
      description.append("Mục tiêu \(target.period): \(target.value.shown)")
    }
    return [
      "width": n(width), "height": n(height), "plot_left": n(left), "plot_right": n(width - right),
      "baseline_y": n(y(minValue)), "x_axis": xAxis, "y_axis": yAxis, "bands": bands, "dots": dots,
      "line": linePoints.joined(separator: " "), "has_line": linePoints.count > 1,
      "summary": "Biểu đồ \(indicator.name) (\(indicator.unit)). "
        + description.joined(separator: "; ") + ".",
      "axis_label_x": n(left - 8),
    ]
  }

  /// A dot and its figure (a target or a result), and where the figure is written.
  struct Figure {
    let cx: Double, cy: Double
    let kind: String
    let label: String
    var x = 0.0
    var y: Double
    var anchor = "middle"

    init(cx: Double, cy: Double, kind: String, label: String, y: Double) {
      (self.cx, self.cy, self.kind, self.label, self.y) = (cx, cy, kind, label, y)
    }

    /// The box the figure's text takes, estimated: 8 units a character
    /// at its 13 px bold, 13 units tall above its baseline.
    var box: (left: Double, right: Double, top: Double, bottom: Double) {
      let width = 8 * Double(label.count)
      let left = anchor == "start" ? x : anchor == "end" ? x - width : x - width / 2
      return (left, left + width, y - 13, y + 3)
    }

    func overlaps(_ other: Figure) -> Bool {
      let (a, b) = (box, other.box)
      return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
    }
  }

  /// The figures placed: centred over their dots, or written inward from them near either side
  /// of the plot (not cut at the edge, not over the axis values); one that would cover a figure
  /// already placed moves up, or else under its dot.
  static func placed(_ figures: [Figure], left: Double, bottom: Double) -> [Figure] {
    var done: [Figure] = []
    for var figure in figures {
      (figure.x, figure.anchor) =
        figure.cx < left + inwardZone
        ? (figure.cx + 8, "start")
        : figure.cx > width - right - inwardZone ? (figure.cx - 8, "end") : (figure.cx, "middle")
      let tries = [figure.y, figure.y - 16, figure.y - 32, figure.cy + 20, figure.cy + 36]
      for candidate in tries where candidate - 13 >= 0 && candidate + 3 <= bottom {
        var moved = figure
        moved.y = candidate
        if !done.contains(where: moved.overlaps) {
          figure = moved
          break
        }
      }
      done.append(figure)
    }
    return done
  }

  /// The years written under the axis: every year, but one too close to the year before it to
  /// be read at the phone's size is left out (the first and last always written; the table
  /// below the chart states every figure with its year).
  static func labelledYears(_ years: [Int], at x: (Int) -> Double) -> [Int] {
    // A first year drawn rightward from its tick and a centred one need
    // a label and a half between their ticks.
    let room = 6 * axisDigit + 8
    guard let first = years.first, let last = years.last, years.count > 1 else { return years }
    var kept = [first]
    for year in years.dropFirst().dropLast() where x(year) - x(kept[kept.count - 1]) >= room {
      kept.append(year)
    }
    while kept.count > 1, x(last) - x(kept[kept.count - 1]) < room { kept.removeLast() }
    if x(last) - x(first) >= room || kept.count > 1 { kept.append(last) }
    return kept
  }

  /// The fraction digits (at most 3) that write every axis value exactly: a top of 1,5 has its
  /// half at 0,75, not "0,8".
  static func fractionDigits(_ values: [Double]) -> Int {
    (0...3).first { digits in
      let scale = pow(10, Double(digits))
      return values.allSatisfy {
        abs(($0 * scale).rounded() - $0 * scale) < 1e-6 * max(1, abs($0 * scale))
      }
    } ?? 3
  }

  /// The axis's end: `value` rounded up to 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of
  /// ten, so that it and its half read as round figures.
  static func roundUp(_ value: Double) -> Double {
    guard value > 0, value.isFinite else { return value }
    let power = pow(10, (log10(value)).rounded(.down))
    for step in [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10] where step * power >= value * 0.9999 {
      return step * power
    }
    return 10 * power
  }
}
