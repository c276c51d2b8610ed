import PlanModel
import SiteCore

/// The plan: its header, its parts, its groups of tasks, its progress.
enum HomePage: PageKind {
  static let template = "index"
  /// How many tasks a group lists before linking to its own page.
  static let tasksPerGroup = 30

  struct Input: Encodable, Sendable {
    let document: PlanDocument
    let siteDescription: String
    let sections: [PlanSection]
    let groups: [GroupSummary]
    let taskCount: Int
    let agencyCount: Int
    let communeCount: Int
    let indicatorCount: Int
    let summary: StatusSummary
    let periodCount: Int
    let reportCount: Int
    let latestReport: Day?
  }

  /// A group as the home page lists it: its first tasks.
  struct GroupSummary: Encodable, Sendable {
    let id: GroupID
    let title: String
    let taskCount: Int
    let rows: [Shared<TaskRow>]
  }

  static func input(_ model: SiteModel) -> Input {
    let plan = model.plan
    return Input(
      document: plan.document, siteDescription: plan.site.description, sections: plan.sections,
      groups: plan.groups.map { group in
        GroupSummary(
          id: group.id, title: group.title, taskCount: group.tasks.count,
          rows: group.tasks.prefix(tasksPerGroup).compactMap { model.row($0) })
      },
      taskCount: plan.tasks.count, agencyCount: plan.agencies.count,
      communeCount: plan.communes.count, indicatorCount: plan.indicators.count,
      summary: StatusSummary(plan.tasks.map { model.shown($0) }),
      periodCount: plan.schedule?.periods.count ?? 0, reportCount: plan.reports.count,
      latestReport: model.reports.latestDate)
  }

  static func view(_ input: Input, _ tools: PageTools) -> PageContent {
    let link = tools.link
    let doc = input.document
    var document: [String: Any] = [
      "number": doc.number, "title": doc.title, "type": doc.documentType,
      "issued": doc.issued.vietnamese, "issuer": doc.issuer, "signer": doc.signer,
    ]
    if let effective = doc.effective { document["effective"] = effective.vietnamese }
    if let title = doc.signerTitle { document["signer_title"] = title }
    if let field = doc.field { document["field"] = field }
    if let place = doc.place { document["place"] = place }
    if let url = doc.sourceURL {
      document["source_url"] = url
      document["source_host"] = WebAddress.host(of: url) ?? url
    }
    // The header as issued: issuer, Quốc hiệu and Tiêu ngữ, number, place and date.
    let issuerLines = doc.issuerHeader.isEmpty ? [doc.issuer.uppercased()] : doc.issuerHeader
    document["issuer_lines"] = issuerLines.enumerated().map { index, line in
      ["text": line, "is_last": index == issuerLines.count - 1]
    }
    let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
    document["dated"] =
      (doc.place.map { $0 + ", " } ?? "")
      + "ngày \(two(doc.issued.day)) tháng \(two(doc.issued.month)) năm \(doc.issued.year)"
    document["type_upper"] = doc.documentType.uppercased()
    if let part = doc.publishedPart { document["published_part"] = part }
    let groups: [[String: Any]] = input.groups.map { group in
      [
        "number": group.id.rawValue,
        "title": group.title,
        "href": link.href(.group(group.id)),
        "task_count": group.taskCount,
        "has_tasks": group.taskCount > 0,
        "items_html": tools.fragments.taskItems(group.rows, link: link),
        "more_count": group.taskCount - group.rows.count,
        "has_more": group.taskCount > group.rows.count,
      ]
    }
    let sections: [[String: Any]] = input.sections.map { section in
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
      "indicator_count": input.indicatorCount,
      "agencies_href": link.href(.agencies),
      "communes_href": link.href(.communes),
      "task_count": input.taskCount,
      "agency_count": input.agencyCount,
      "commune_count": input.communeCount,
      "rollup": input.summary.view(),
      "reports_href": link.href(.reports),
      "period_count": input.periodCount,
      "report_count": input.reportCount,
      "has_reports": input.reportCount > 0,
      "has_schedule": input.periodCount > 0,
      "latest_report": input.latestReport?.vietnamese ?? "",
    ]
    return PageContent(
      title: doc.documentType + " " + doc.number, description: input.siteDescription, trail: [],
      fields: fields)
  }
}
