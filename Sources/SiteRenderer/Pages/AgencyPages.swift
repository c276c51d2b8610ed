import PlanModel
import SiteCore

extension SiteRenderer {
  func agenciesPage() -> PageContent {
    let link = Linker(from: Route.agencies.path)
    var kinds: [[String: Any]] = []
    for kind in Agency.Kind.allCases {
      let members = plan.agencies.filter { $0.kind == kind }
      guard !members.isEmpty else { continue }
      kinds.append([
        "label": kind.label,
        "anchor": kind.rawValue,
        "agencies": members.map { agency -> [String: Any] in
          let list = duties.duties(of: agency.id)
          var item: [String: Any] = [
            "name": agency.name,
            "href": link.href(.agency(agency.id)),
            "duty_count": list.count,
            "lead_count": list.filter { $0.role == .lead }.count,
          ]
          if let short = agency.shortName { item["short_name"] = short }
          return item
        },
      ])
    }
    return PageContent(
      title: "Cơ quan, đơn vị",
      description:
        "Nhiệm vụ của từng sở, ban, ngành theo \(plan.document.documentType.lowercased()) \(plan.document.number).",
      trail: [], fields: ["kinds": kinds, "agency_count": plan.agencies.count])
  }

  func agencyPage(_ id: AgencyID) -> PageContent {
    let route = Route.agency(id)
    let link = Linker(from: route.path)
    guard let agency = plan.agency(id) else { return missing(id.rawValue) }
    let list = duties.duties(of: id)
    let roles: [[String: Any]] = Assignment.Role.allCases.compactMap { role in
      let items = list.filter { $0.role == role }
      guard !items.isEmpty else { return nil }
      return [
        "key": role.rawValue,
        "label": role.label,
        "count": items.count,
        "items_html": dutiesHTML(items, showingVia: true, link: link),
      ]
    }
    var seen = Set<TaskID>()
    let tasks = list.compactMap { seen.insert($0.task).inserted ? plan.task($0.task) : nil }
    let owned: [[String: Any]] = plan.indicators.filter { $0.owner == id }.map {
      ["name": $0.name, "href": link.href(.indicators) + "#" + $0.id.rawValue]
    }
    var view: [String: Any] = [
      "id": agency.id.rawValue,
      "name": agency.name,
      "kind_label": agency.kind.label,
    ]
    if let short = agency.shortName { view["short_name"] = short }
    if let note = agency.note { view["note"] = note }
    let deadlines = list.filter { duty in
      guard let task = plan.task(duty.task), duty.assignment < task.assignments.count else {
        return false
      }
      return (task.assignments[duty.assignment].deadline ?? task.deadline) != nil
    }.count
    let fields: [String: Any] = [
      "csv_href": link.href(path: Self.agencyCSVPath(id)),
      "calendar_href": link.href(path: Self.agencyCalendarPath(id)),
      "deadline_count": deadlines,
      "agency": view,
      "roles": roles,
      "has_duties": !list.isEmpty,
      "duty_count": list.count,
      "task_count": tasks.count,
      "rollup": Views.rollup(Rollup(tasks, today: options.today)),
      "indicators": owned,
      "has_indicators": !owned.isEmpty,
    ]
    return PageContent(
      title: agency.name,
      description:
        "Các nhiệm vụ \(agency.name) chủ trì, phối hợp và thực hiện theo \(plan.document.documentType.lowercased()) \(plan.document.number).",
      trail: [("Cơ quan, đơn vị", .agencies)], fields: fields)
  }
}
