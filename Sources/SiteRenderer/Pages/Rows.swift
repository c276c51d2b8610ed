import PlanModel
import SiteCore

/// A task as lists show it: number, title, status, deadline.
struct TaskRow: Encodable, Sendable, Hashable {
  let id: TaskID
  let title: String
  let status: DisplayStatus
  let progress: Int?
  let deadline: Day?

  init(_ task: PlanTask, today: Day) {
    id = task.id
    title = task.title
    status = task.displayStatus(today: today)
    progress = task.progress
    deadline = task.deadline
  }

  /// The fields of `partials/task-item`.
  func view(link: Linker) -> [String: Any] {
    var item: [String: Any] = [
      "id": id.rawValue,
      "title": title,
      "href": link.href(.task(id)),
    ]
    Self.addStatus(status, progress: progress, to: &item)
    if let deadline { item["deadline"] = deadline.vietnamese }
    return item
  }

  /// The status as flat fields (`status_key`, `status_label`, `progress`):
  /// list rows are rendered often, and flat fields are the cheapest to look up.
  static func addStatus(_ status: DisplayStatus, progress: Int?, to item: inout [String: Any]) {
    item["status_key"] = status.rawValue
    item["status_label"] = status.label
    if let progress {
      item["progress"] = progress
      item["has_progress"] = true
    }
  }
}

/// One assignment as seen by one assignee: a row of an agency's or a
/// commune's duty list.
struct DutyRow: Encodable, Sendable {
  let task: Shared<TaskRow>
  /// Which of the task's assignments (its position).
  let assignment: Int
  let role: Assignment.Role
  /// The collective that brings the assignee in, if not named.
  let via: Collective?
  let text: RichText
  /// The assignment's own deadline, else the task's.
  let deadline: Day?

  /// The row of `duty`, or nil if the model has no such task.
  init?(_ duty: Duty, in model: SiteModel) {
    guard let task = model.plan.task(duty.task), let row = model.row(duty.task),
      duty.assignment < task.assignments.count
    else { return nil }
    let assignment = task.assignments[duty.assignment]
    self.task = row
    self.assignment = duty.assignment
    role = duty.role
    via = duty.via
    text = assignment.text
    deadline = assignment.deadline ?? task.deadline
  }

  /// The fields of `partials/duty`.
  func view(link: Linker, showingVia: Bool) -> [String: Any] {
    var item: [String: Any] = [
      "task_id": task.id.rawValue,
      "task_title": task.title,
      "task_href": link.href(.task(task.id)),
      "role": role.rawValue,
      "role_label": role.label,
      "text_html": text.html,
    ]
    TaskRow.addStatus(task.status, progress: task.progress, to: &item)
    if showingVia, let via { item["via"] = via.label }
    if let deadline { item["deadline"] = deadline.vietnamese }
    return item
  }
}

/// Someone an assignment names, as a task page links to them.
struct AssigneeName: Encodable, Sendable, Hashable {
  let assignee: Assignee
  let name: String

  init(_ assignee: Assignee, in plan: Plan) {
    self.assignee = assignee
    switch assignee {
    case .agency(let id): name = plan.agency(id)?.name ?? id.rawValue
    case .commune(let id): name = plan.commune(id)?.fullName ?? id.rawValue
    case .collective(let collective): name = collective.label
    }
  }

  func view(link: Linker) -> [String: Any] {
    switch assignee {
    case .agency(let id):
      return ["name": name, "href": link.href(.agency(id)), "kind": "agency"]
    case .commune(let id):
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
      return ["name": name, "href": link.href(route) + anchor, "kind": "collective"]
    }
  }
}

/// A reference to another page by number and title (previous/next task).
struct TaskLink: Encodable, Sendable, Hashable {
  let id: TaskID
  let title: String

  func view(link: Linker) -> [String: Any] {
    ["id": id.rawValue, "title": title, "href": link.href(.task(id))]
  }
}

/// An indicator named on another page.
struct IndicatorLink: Encodable, Sendable, Hashable {
  let id: IndicatorID
  let name: String

  func view(link: Linker) -> [String: Any] {
    ["name": name, "href": link.href(.indicators) + "#" + id.rawValue]
  }
}

/// Progress figures as the rollup partial draws them.
extension Rollup {
  func view() -> [String: Any] {
    let width = 100.0
    var x = 0.0
    var segments: [[String: Any]] = []
    var rows: [[String: Any]] = []
    for status in Rollup.displayOrder {
      let count = count(status)
      rows.append(["key": status.rawValue, "label": status.label, "count": count])
      guard count > 0, total > 0 else { continue }
      let w = width * Double(count) / Double(total)
      segments.append([
        "key": status.rawValue, "label": status.label, "count": count,
        "x": SVGNumber.format(x), "width": SVGNumber.format(w),
      ])
      x += w
    }
    var view: [String: Any] = [
      "total": total, "segments": segments, "rows": rows,
      "overdue": count(.overdue), "has_overdue": count(.overdue) > 0,
    ]
    if let mean = meanProgress {
      view["mean_progress"] = VietnameseNumber.format(mean, maxFractionDigits: 1)
      view["has_mean_progress"] = true
    }
    return view
  }
}

/// Numbers for SVG attributes: `.` decimal point, at most 2 decimals.
enum SVGNumber {
  static func format(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    return String(rounded)
  }
}
