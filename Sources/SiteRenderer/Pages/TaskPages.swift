import PlanModel
import SiteCore

extension SiteRenderer {
  func groupPage(_ id: GroupID) -> PageContent {
    let route = Route.group(id)
    let link = Linker(from: route.path)
    guard let group = plan.group(id) else { return missing(id.rawValue) }
    let tasks = group.tasks.compactMap { plan.task($0) }
    let fields: [String: Any] = [
      "group": [
        "number": group.id.rawValue,
        "title": group.title,
        "intro_html": group.intro.html,
        "task_count": tasks.count,
      ],
      "items_html": tasks.map { taskItemHTML($0, link: link) }.joined(),
      "has_tasks": !tasks.isEmpty,
      "rollup": Views.rollup(Rollup(tasks, today: options.today)),
    ]
    return PageContent(
      title: "\(group.id.rawValue). \(group.title)",
      description:
        "Nhóm nhiệm vụ \(group.id.rawValue) của \(plan.document.documentType.lowercased()) \(plan.document.number): \(group.title)",
      trail: [], fields: fields)
  }

  func taskPage(_ id: TaskID) -> PageContent {
    let route = Route.task(id)
    let link = Linker(from: route.path)
    guard let task = plan.task(id), let group = plan.group(task.group) else {
      return missing(id.rawValue)
    }
    let assignments: [[String: Any]] = task.assignments.map { assignment in
      var item: [String: Any] = [
        "role": assignment.role.rawValue,
        "role_label": assignment.role.label,
        "assignees": assignment.assignees.map { Views.assignee($0, plan: plan, link: link) },
        "text_html": assignment.text.html,
      ]
      if let deadline = assignment.deadline { item["deadline"] = deadline.vietnamese }
      return item
    }
    var taskView: [String: Any] = [
      "id": task.id.rawValue,
      "title": task.title,
      "body_html": task.body.html,
      "has_body": !task.body.isEmpty,
      "status": Views.status(task, today: options.today),
      "group_number": group.id.rawValue,
      "group_title": group.title,
      "group_href": link.href(.group(group.id)),
    ]
    if let deadline = task.deadline { taskView["deadline"] = deadline.vietnamese }
    let indicators: [[String: Any]] = task.indicators.compactMap { plan.indicator($0) }.map {
      ["name": $0.name, "href": link.href(.indicators) + "#" + $0.id.rawValue]
    }
    let siblings = group.tasks
    let position = siblings.firstIndex(of: task.id)
    var fields: [String: Any] = [
      "task": taskView,
      "assignments": assignments,
      "indicators": indicators,
      "has_indicators": !indicators.isEmpty,
    ]
    if let position, position > 0, let previous = plan.task(siblings[position - 1]) {
      fields["previous"] = [
        "id": previous.id.rawValue, "title": previous.title, "href": link.href(.task(previous.id)),
      ]
    }
    if let position, position + 1 < siblings.count, let next = plan.task(siblings[position + 1]) {
      fields["next"] = [
        "id": next.id.rawValue, "title": next.title, "href": link.href(.task(next.id)),
      ]
    }
    return PageContent(
      title: "Nhiệm vụ \(task.id.rawValue)",
      description: Self.clip(task.title, 200),
      trail: [("\(group.id.rawValue). \(Self.clip(group.title, 60))", .group(group.id))],
      fields: fields)
  }

  func notFoundPage() -> PageContent {
    PageContent(
      title: "Không tìm thấy trang", description: "Trang bạn tìm không có trên trang này.",
      trail: [],
      fields: [
        "agencies_href": Linker(from: Route.notFound.path).href(.agencies),
        "communes_href": Linker(from: Route.notFound.path).href(.communes),
      ])
  }

  /// A page for an id the plan does not have; cannot happen for routes from `Route.all`.
  func missing(_ id: String) -> PageContent {
    PageContent(title: id, description: "", trail: [], fields: [:])
  }

  /// `text` cut at a word boundary to at most `limit` characters, with `…`.
  static func clip(_ text: String, _ limit: Int) -> String {
    // A text of at most `limit` bytes has at most `limit` characters (no need to count them).
    guard text.utf8.count > limit, text.count > limit else { return text }
    let cut = text.prefix(limit)
    let end = cut.lastIndex(of: " ") ?? cut.endIndex
    return String(cut[..<end]).trimmingTrailingPunctuation + "…"
  }
}

extension String {
  var trimmingTrailingPunctuation: String {
    var s = Substring(self)
    while let last = s.last, last == "," || last == ";" || last == ":" || last == " " {
      s = s.dropLast()
    }
    return String(s)
  }
}
