import PlanModel
import SiteCore

extension SiteRenderer {
  func indicatorsPage() -> PageContent {
    let link = Linker(from: Route.indicators.path)
    var groupOrder: [String] = []
    var byGroup: [String: [[String: Any]]] = [:]
    for indicator in plan.indicators {
      if byGroup[indicator.group] == nil { groupOrder.append(indicator.group) }
      byGroup[indicator.group, default: []].append(indicatorView(indicator, link: link))
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
      "has_indicators": !plan.indicators.isEmpty,
      "indicator_count": plan.indicators.count,
    ]
    if let section = plan.sections.first(where: { $0.shows == .indicators }) {
      fields["intro_html"] = section.body.html
      fields["section_title"] = "\(section.id.rawValue). \(section.title)"
    }
    return PageContent(
      title: "Chỉ tiêu",
      description:
        "Các chỉ tiêu chủ yếu của \(plan.document.documentType.lowercased()) \(plan.document.number) và các văn bản liên quan.",
      trail: [], fields: fields)
  }

  private func indicatorView(_ indicator: Indicator, link: Linker) -> [String: Any] {
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
    if let owner = indicator.owner, let agency = plan.agency(owner) {
      view["owner"] = ["name": agency.name, "href": link.href(.agency(owner))]
    }
    return view
  }
}
