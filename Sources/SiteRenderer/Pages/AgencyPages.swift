import PlanModel
import SiteCore

/// The list of agencies, by kind, with how many duties each holds.
enum AgenciesPage: PageKind {
  static let template = "agencies"

  struct Input: Encodable, Sendable {
    let planName: String
    let agencies: [Entry]
  }

  struct Entry: Encodable, Sendable {
    let agency: Agency
    let dutyCount: Int
    let leadCount: Int
  }

  static func input(_ model: SiteModel) -> Input {
    Input(
      planName: model.planName,
      agencies: model.plan.agencies.map { agency in
        let list = model.duties.duties(of: agency.id)
        return Entry(
          agency: agency, dutyCount: list.count,
          leadCount: list.filter { $0.role == .lead }.count)
      })
  }

  static func view(_ input: Input, _ tools: PageTools) -> PageContent {
    var kinds: [[String: Any]] = []
    for kind in Agency.Kind.allCases {
      let members = input.agencies.filter { $0.agency.kind == kind }
      guard !members.isEmpty else { continue }
      kinds.append([
        "label": kind.label,
        "anchor": kind.rawValue,
        "agencies": members.map { entry -> [String: Any] in
          var item: [String: Any] = [
            "name": entry.agency.name,
            "href": tools.link.href(.agency(entry.agency.id)),
            "duty_count": entry.dutyCount,
            "lead_count": entry.leadCount,
          ]
          if let short = entry.agency.shortName { item["short_name"] = short }
          return item
        },
      ])
    }
    return PageContent(
      title: "Cơ quan, đơn vị",
      description: "Nhiệm vụ của từng sở, ban, ngành theo \(input.planName).",
      trail: [], fields: ["kinds": kinds, "agency_count": input.agencies.count])
  }
}

/// One agency: every duty it leads, supports or carries out.
enum AgencyPage: PageKind {
  static let template = "agency"

  struct Input: Encodable, Sendable {
    let agency: Agency
    let planName: String
    let duties: [DutyRow]
    let taskCount: Int
    let rollup: Rollup
    let indicators: [IndicatorLink]
  }

  static func input(_ id: AgencyID, _ model: SiteModel) -> Input? {
    guard let agency = model.plan.agency(id) else { return nil }
    let list = model.duties.duties(of: id)
    var seen = Set<TaskID>()
    let tasks = list.compactMap { seen.insert($0.task).inserted ? model.plan.task($0.task) : nil }
    return Input(
      agency: agency, planName: model.planName,
      duties: list.compactMap { DutyRow($0, in: model) }, taskCount: tasks.count,
      rollup: Rollup(tasks, today: model.today),
      indicators: model.plan.indicators.filter { $0.owner == id }.map {
        IndicatorLink(id: $0.id, name: $0.name)
      })
  }

  static func view(_ input: Input, _ tools: PageTools) -> PageContent {
    let link = tools.link
    let agency = input.agency
    let roles: [[String: Any]] = Assignment.Role.allCases.compactMap { role in
      let items = input.duties.filter { $0.role == role }
      guard !items.isEmpty else { return nil }
      return [
        "key": role.rawValue,
        "label": role.label,
        "count": items.count,
        "items_html": tools.fragments.duties(items, showingVia: true, link: link),
      ]
    }
    var view: [String: Any] = [
      "id": agency.id.rawValue,
      "name": agency.name,
      "kind_label": agency.kind.label,
    ]
    if let short = agency.shortName { view["short_name"] = short }
    if let note = agency.note { view["note"] = note }
    let deadlines = input.duties.filter { $0.deadline != nil }.count
    let indicators = input.indicators.map { $0.view(link: link) }
    let fields: [String: Any] = [
      "csv_href": link.href(path: AgencyFiles.csvPath(agency.id)),
      "calendar_href": link.href(path: AgencyFiles.calendarPath(agency.id)),
      "deadline_count": deadlines,
      "agency": view,
      "roles": roles,
      "has_duties": !input.duties.isEmpty,
      "duty_count": input.duties.count,
      "task_count": input.taskCount,
      "rollup": input.rollup.view(),
      "indicators": indicators,
      "has_indicators": !indicators.isEmpty,
    ]
    return PageContent(
      title: agency.name,
      description:
        "Các nhiệm vụ \(agency.name) chủ trì, phối hợp và thực hiện theo \(input.planName).",
      trail: [("Cơ quan, đơn vị", .agencies)], fields: fields)
  }
}
