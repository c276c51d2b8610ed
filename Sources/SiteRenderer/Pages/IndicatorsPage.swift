import PlanModel
import SiteCore

/// The plan's indicators, by field, each with its figures and a chart.
enum IndicatorsPage: PageKind {
  static let template = "indicators"

  struct Input: Encodable, Sendable {
    let planName: String
    let entries: [Entry]
    /// The part of the plan that introduces the indicators, if any.
    let section: PlanSection?
    /// The build date, when some target is judged or held "not yet" on it.
    let judgedOn: Day?
  }

  /// One indicator with every figure known for it and its judgements.
  struct Entry: Encodable, Sendable {
    /// The indicator, its results including the figures reports give.
    let indicator: Indicator
    let owner: String?
    let figures: [Figure]
    let judgements: [Judgement]
  }

  /// A result: from the indicator's own `actuals:` (published elsewhere,
  /// see its sources) or from a report.
  struct Figure: Encodable, Sendable {
    let point: Indicator.Point
    let report: Report.Key?
    let reporterName: String?
    let date: Day?
  }

  static func input(_ model: SiteModel) -> Input {
    let plan = model.plan
    let entries = plan.indicators.map { indicator in
      var figures = indicator.actuals.map {
        Figure(point: $0, report: nil, reporterName: nil, date: nil)
      }
      for (figure, report) in model.reports.figures(for: indicator.id) {
        figures.append(
          Figure(
            point: Indicator.Point(period: figure.period, value: figure.value), report: report.key,
            reporterName: plan.name(of: report.reporter), date: report.date))
      }
      figures.sort { ($0.point.year ?? 0, $0.point.period) < ($1.point.year ?? 0, $1.point.period) }
      var shown = indicator
      shown.actuals = figures.map(\.point)
      var byPeriod: [String: IndicatorValue] = [:]
      for figure in figures {
        byPeriod[IndicatorJudge.normalized(figure.point.period)] = figure.point.value
      }
      return Entry(
        indicator: shown, owner: indicator.owner.flatMap { plan.agency($0)?.name },
        figures: figures,
        judgements: IndicatorJudge.judge(indicator, figures: byPeriod, today: model.today))
    }
    let judged = entries.contains { !$0.judgements.isEmpty }
    return Input(
      planName: model.planName, entries: entries,
      section: plan.sections.first { $0.shows == .indicators },
      judgedOn: judged ? model.today : nil)
  }

  static func view(_ input: Input, _ tools: PageTools) -> PageContent {
    var groupOrder: [String] = []
    var byGroup: [String: [[String: Any]]] = [:]
    for entry in input.entries {
      let group = entry.indicator.group
      if byGroup[group] == nil { groupOrder.append(group) }
      byGroup[group, default: []].append(indicatorView(entry, link: tools.link))
    }
    let groups: [[String: Any]] = groupOrder.map { name -> [String: Any] in
      let title = name.isEmpty ? "Chỉ tiêu khác" : name
      return [
        "name": title, "anchor": "nhom-" + Slug.make(from: title),
        "indicators": byGroup[name] ?? [],
      ]
    }
    var fields: [String: Any] = [
      "groups": groups,
      "has_indicators": !input.entries.isEmpty,
      "indicator_count": input.entries.count,
      "has_judgements": input.judgedOn != nil,
      "about_tolerance": VietnameseNumber.format(IndicatorJudge.aboutTolerance * 100),
    ]
    if let judgedOn = input.judgedOn { fields["judged_on"] = judgedOn.vietnamese }
    if let section = input.section {
      fields["intro_html"] = section.body.html
      fields["section_title"] = "\(section.id.rawValue). \(section.title)"
    }
    return PageContent(
      title: "Chỉ tiêu",
      description:
        "Các chỉ tiêu chủ yếu của \(input.planName) và các văn bản liên quan.",
      trail: [], fields: fields)
  }

  private static func indicatorView(_ entry: Entry, link: Linker) -> [String: Any] {
    let indicator = entry.indicator
    let owner = entry.owner
    func point(_ p: Indicator.Point) -> [String: Any] {
      ["period": p.period, "value": p.value.shown]
    }
    let figures: [[String: Any]] = entry.figures.map { figure in
      var item = point(figure.point)
      if let key = figure.report, let name = figure.reporterName, let date = figure.date {
        item["source"] = "Báo cáo của \(name) ngày \(date.vietnamese)"
        item["source_href"] = link.href(.report(key.period, key.reporter))
        item["from_report"] = true
      } else {
        item["source"] = "Số liệu đã công bố (xem nguồn)"
      }
      return item
    }
    let judgements: [[String: Any]] = entry.judgements.map { judgement in
      var item = point(judgement.target)
      item["rule"] = rule(judgement.target.value, higherIsBetter: indicator.higherIsBetter)
      if let value = judgement.value {
        item["actual"] = value.shown
        item["has_actual"] = true
      }
      if let verdict = judgement.verdict {
        item["verdict_key"] = verdict.rawValue
        item["verdict_label"] = verdict.label
      } else {
        item["verdict_key"] = "not-yet"
        item["verdict_label"] = "Chưa đến kỳ đánh giá"
        item["not_yet"] = true
      }
      return item
    }
    var view: [String: Any] = [
      "id": indicator.id.rawValue,
      "name": indicator.name,
      "unit": indicator.unit,
      "targets": indicator.targets.map(point),
      "actuals": figures,
      "has_actuals": !figures.isEmpty,
      "judgements": judgements,
      "has_judgements": !judgements.isEmpty,
      "direction": indicator.higherIsBetter
        ? "Số liệu càng cao càng tốt" : "Số liệu càng thấp càng tốt",
      "sources": indicator.sources.map { source -> [String: Any] in
        let isLink = source.hasPrefix("https://") || source.hasPrefix("http://")
        return ["text": source, "href": isLink ? source : "", "is_link": isLink]
      },
      "has_sources": !indicator.sources.isEmpty,
    ]
    if let chart = IndicatorChart.view(indicator) { view["chart"] = chart }
    if let document = indicator.document { view["document"] = document }
    if let baseline = indicator.baseline { view["baseline"] = point(baseline) }
    if let note = indicator.note { view["note"] = note }
    if let ownerID = indicator.owner, let owner {
      view["owner"] = ["name": owner, "href": link.href(.agency(ownerID))]
    }
    return view
  }

  /// How a target is read, in words: the rule its verdict follows.
  static func rule(_ target: IndicatorValue, higherIsBetter: Bool) -> String {
    if target.high != nil {
      return target.qualifier == .about
        ? "Đạt khi số liệu nằm trong khoảng (cho phép sai lệch "
          + VietnameseNumber.format(IndicatorJudge.aboutTolerance * 100) + "%)"
        : "Đạt khi số liệu nằm trong khoảng"
    }
    switch target.qualifier {
    case .atLeast: return "Đạt khi bằng; vượt khi cao hơn mức tối thiểu"
    case .above: return "Đạt khi cao hơn mức này"
    case .atMost: return "Đạt khi không vượt quá mức này"
    case .below: return "Đạt khi thấp hơn mức này"
    case .about:
      return "Đạt khi chênh lệch không quá "
        + VietnameseNumber.format(IndicatorJudge.aboutTolerance * 100) + "%"
    case .exact:
      return higherIsBetter
        ? "Không ghi hướng: số liệu càng cao càng tốt, đạt khi bằng, vượt khi cao hơn"
        : "Không ghi hướng: số liệu càng thấp càng tốt, đạt khi không cao hơn"
    }
  }
}
