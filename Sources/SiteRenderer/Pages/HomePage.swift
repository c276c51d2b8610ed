import PlanModel
import SiteCore

extension SiteRenderer {
  /// How many tasks a group lists on the home page before linking to its own page.
  static let homeTasksPerGroup = 30

  func homePage() -> PageContent {
    let link = Linker(from: Route.home.path)
    let doc = plan.document
    var document: [String: Any] = [
      "number": doc.number, "title": doc.title, "type": doc.documentType,
      "issued": doc.issued.vietnamese, "issuer": doc.issuer, "signer": doc.signer,
    ]
    if let effective = doc.effective { document["effective"] = effective.vietnamese }
    if let title = doc.signerTitle { document["signer_title"] = title }
    if let field = doc.field { document["field"] = field }
    if let place = doc.place { document["place"] = place }
    if let url = doc.sourceURL { document["source_url"] = url }

    let groups = groupSummaries(link: link)
    let sections: [[String: Any]] = plan.sections.map { section in
      [
        "number": section.id.rawValue,
        "anchor": "muc-" + Slug.make(from: section.id.rawValue),
        "title": section.title,
        "body_html": section.body.html,
        "shows_indicators": section.shows == .indicators,
        "shows_tasks": section.shows == .tasks,
      ]
    }
    let fields: [String: Any] = [
      "document": document,
      "preamble_html": doc.preamble.html,
      "sections": sections,
      "has_sections": !sections.isEmpty,
      "groups": groups,
      "indicators_href": link.href(.indicators),
      "indicator_count": plan.indicators.count,
      "agencies_href": link.href(.agencies),
      "communes_href": link.href(.communes),
      "task_count": plan.tasks.count,
      "agency_count": plan.agencies.count,
      "commune_count": plan.communes.count,
      "rollup": Views.rollup(Rollup(plan.tasks, today: options.today)),
    ]
    return PageContent(
      title: doc.documentType + " " + doc.number, description: plan.site.description, trail: [],
      fields: fields)
  }

  func groupSummaries(link: Linker) -> [[String: Any]] {
    plan.groups.map { group in
      let tasks = group.tasks.compactMap { plan.task($0) }
      let listed = tasks.prefix(Self.homeTasksPerGroup)
      return [
        "number": group.id.rawValue,
        "title": group.title,
        "href": link.href(.group(group.id)),
        "task_count": tasks.count,
        "has_tasks": !tasks.isEmpty,
        "items_html": listed.map { taskItemHTML($0, link: link) }.joined(),
        "more_count": tasks.count - listed.count,
        "has_more": tasks.count > listed.count,
      ]
    }
  }
}
