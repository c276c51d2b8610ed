import PlanModel
import SiteCore

/// The plan's indicators, by field, each with its figures and a chart.
enum IndicatorsPage: PageKind {
  static let template = "indicators"

  struct Input: Encodable, Sendable {
    let planName: String
    let indicators: [Indicator]
    /// The name of each indicator's owner, in the same order.
    let owners: [String?]
    /// The part of the plan that introduces the indicators, if any.
    let section: PlanSection?
  }

  static func input(_ model: SiteModel) -> Input {
    let plan = model.plan
    return Input(
      planName: model.planName, indicators: plan.indicators,
      owners: plan.indicators.map { $0.owner.flatMap { plan.agency($0)?.name } },
      section: plan.sections.first { $0.shows == .indicators })
  }

  static func view(_ input: Input, _ tools: PageTools) -> PageContent {
    var groupOrder: [String] = []
    var byGroup: [String: [[String: Any]]] = [:]
    for (indicator, owner) in zip(input.indicators, input.owners) {
      if byGroup[indicator.group] == nil { groupOrder.append(indicator.group) }
      byGroup[indicator.group, default: []].append(
        indicatorView(indicator, owner: owner, link: tools.link))
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
      "has_indicators": !input.indicators.isEmpty,
      "indicator_count": input.indicators.count,
    ]
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

  private static func indicatorView(_ indicator: Indicator, owner: String?, link: Linker)
    -> [String: Any]
  {
    func point(_ p: Indicator.Point) -> [String: Any] {
      ["period": p.period, "value": p.value.description]
    }
    var view: [String: Any] = [
      "id": indicator.id.rawValue,
      "name": indicator.name,
      "unit": indicator.unit,
      "targets": indicator.targets.map(point),
      "actuals": indicator.actuals.map(point),
      "has_actuals": !indicator.actuals.isEmpty,
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
}
