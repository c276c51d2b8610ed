import PlanModel
import SiteCore

/// What a page adds to the shared layout: its title, trail and own fields.
struct PageContent {
  /// The page title (also the `<h1>`).
  var title: String
  /// One sentence for search engines and link previews.
  var description: String
  /// The pages above this one, from the home page down (the current page is added last).
  var trail: [(label: String, route: Route)]
  /// The template fields specific to the page.
  var fields: [String: Any]
}

/// Small view values shared by several pages.
///
/// Every function takes the linker of the page being rendered, so every link is relative to it.
enum Views {
  static func status(_ task: PlanTask, today: Day) -> [String: Any] {
    let status = task.displayStatus(today: today)
    var view: [String: Any] = ["key": status.rawValue, "label": status.label]
    if let progress = task.progress {
      view["progress"] = progress
      view["has_progress"] = true
    }
    return view
  }

  /// The status as flat fields (`status_key`, `status_label`, `progress`):
  /// list rows are rendered often, and flat fields are the cheapest to look up.
  static func addStatus(of task: PlanTask, today: Day, to item: inout [String: Any]) {
    let status = task.displayStatus(today: today)
    item["status_key"] = status.rawValue
    item["status_label"] = status.label
    if let progress = task.progress {
      item["progress"] = progress
      item["has_progress"] = true
    }
  }

  static func taskItem(_ task: PlanTask, link: Linker, today: Day) -> [String: Any] {
    var item: [String: Any] = [
      "id": task.id.rawValue,
      "title": task.title,
      "href": link.href(.task(task.id)),
    ]
    addStatus(of: task, today: today, to: &item)
    if let deadline = task.deadline { item["deadline"] = deadline.vietnamese }
    return item
  }

  static func rollup(_ rollup: Rollup) -> [String: Any] {
    let width = 100.0
    var x = 0.0
    var segments: [[String: Any]] = []
    var rows: [[String: Any]] = []
    for status in Rollup.displayOrder {
      let count = rollup.count(status)
      rows.append(["key": status.rawValue, "label": status.label, "count": count])
      guard count > 0, rollup.total > 0 else { continue }
      let w = width * Double(count) / Double(rollup.total)
      segments.append([
        "key": status.rawValue, "label": status.label, "count": count,
        "x": svgNumber(x), "width": svgNumber(w),
      ])
      x += w
    }
    var view: [String: Any] = [
      "total": rollup.total, "segments": segments, "rows": rows,
      "overdue": rollup.count(.overdue), "has_overdue": rollup.count(.overdue) > 0,
    ]
    if let mean = rollup.meanProgress {
      view["mean_progress"] = VietnameseNumber.format(mean, maxFractionDigits: 1)
      view["has_mean_progress"] = true
    }
    return view
  }

  /// A number for an SVG attribute: `.` decimal point, at most 2 decimals.
  static func svgNumber(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    return String(rounded)
  }

  static func assignee(_ assignee: Assignee, plan: Plan, link: Linker) -> [String: Any] {
    switch assignee {
    case .agency(let id):
      let name = plan.agency(id)?.name ?? id.rawValue
      return ["name": name, "href": link.href(.agency(id)), "kind": "agency"]
    case .commune(let id):
      let name = plan.commune(id)?.fullName ?? id.rawValue
      return ["name": name, "href": link.href(.commune(id)), "kind": "commune"]
    case .collective(let collective):
      let route: Route = collective.includesAgencies ? .agencies : .communes
      let anchor: String =
        switch collective {
        case .allXa: "#xa"
        case .allPhuong: "#phuong"
        case .allDacKhu: "#dac-khu"
        default: ""
        }
      return [
        "name": collective.label, "href": link.href(route) + anchor, "kind": "collective",
      ]
    }
  }

  /// One duty as listed on an agency or commune page.
  static func duty(_ duty: Duty, plan: Plan, link: Linker, today: Day) -> [String: Any] {
    guard let task = plan.task(duty.task), duty.assignment < task.assignments.count else {
      return [:]
    }
    let assignment = task.assignments[duty.assignment]
    var item: [String: Any] = [
      "task_id": task.id.rawValue,
      "task_title": task.title,
      "task_href": link.href(.task(task.id)),
      "role": duty.role.rawValue,
      "role_label": duty.role.label,
      "text_html": assignment.text.html,
    ]
    addStatus(of: task, today: today, to: &item)
    if let via = duty.via { item["via"] = via.label }
    if let deadline = assignment.deadline ?? task.deadline {
      item["deadline"] = deadline.vietnamese
    }
    return item
  }
}
