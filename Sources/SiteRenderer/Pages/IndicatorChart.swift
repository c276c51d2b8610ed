import PlanModel
import SiteCore

/// The geometry of an indicator's chart: baseline and results as a line, targets as points, ranges
/// as bands, "at least" targets as a band up to the top.
///
/// The template draws it as inline SVG (no script), next to the table that states the same figures
/// in words.
enum IndicatorChart {
  static let width = 600.0
  static let height = 220.0
  static let left = 56.0, right = 24.0, top = 20.0, bottom = 34.0

  static func view(_ indicator: Indicator) -> [String: Any]? {
    let history = (indicator.baseline.map { [$0] } ?? []) + indicator.actuals
    let all = history + indicator.targets
    let years = all.compactMap(\.year)
    guard let firstYear = years.min(), let lastYear = years.max(), !indicator.targets.isEmpty else {
      return nil
    }
    let values = all.flatMap { [$0.value.low] + ($0.value.high.map { [$0] } ?? []) }
    let minValue = min(0, values.min() ?? 0)
    var maxValue = (values.max() ?? 1) * 1.2
    if maxValue <= minValue { maxValue = minValue + 1 }
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
    var dots: [[String: Any]] = []
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
      dots.append([
        "cx": n(cx), "cy": n(y(v.low)), "kind": "target", "label": v.shown,
        "label_x": n(cx), "label_y": n(max(top + 10, labelY - 8)),
      ])
    }
    var linePoints: [String] = []
    for point in history {
      guard let year = point.year else { continue }
      let cx = x(year)
      let cy = y(point.value.low)
      linePoints.append("\(n(cx)),\(n(cy))")
      dots.append([
        "cx": n(cx), "cy": n(cy), "kind": "actual", "label": point.value.shown,
        "label_x": n(cx), "label_y": n(max(top + 10, cy - 8)),
      ])
    }
    var xAxis: [[String: Any]] = []
    for year in Set(years).sorted() {
      xAxis.append(["x": n(x(year)), "label": String(year)])
    }
    let yAxis: [[String: Any]] = [minValue, (minValue + maxValue) / 2, maxValue].map { value in
      ["y": n(y(value)), "label": VietnameseNumber.format(value, maxFractionDigits: 1)]
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
}
