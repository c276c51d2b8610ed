import PlanModel
import SiteCore

/// A group of tasks: its heading, its text, its tasks.
enum GroupPage: PageKind {
  static let template = "group"

  struct Input: Encodable, Sendable {
    let group: TaskGroup
    let planName: String
    let rows: [Shared<TaskRow>]
    let rollup: Rollup
  }

  static func input(_ id: GroupID, _ model: SiteModel) -> Input? {
    guard let group = model.plan.group(id) else { return nil }
    let tasks = group.tasks.compactMap { model.plan.task($0) }
    return Input(
      group: group, planName: model.planName, rows: group.tasks.compactMap { model.row($0) },
      rollup: Rollup(tasks, today: model.today))
  }

  static func view(_ input: Input, _ tools: PageTools) -> PageContent {
    let group = input.group
    let fields: [String: Any] = [
      "group": [
        "number": group.id.rawValue,
        "title": group.title,
        "intro_html": group.intro.html,
        "task_count": input.rows.count,
      ],
      "items_html": tools.fragments.taskItems(input.rows, link: tools.link),
      "has_tasks": !input.rows.isEmpty,
      "rollup": input.rollup.view(),
    ]
    return PageContent(
      title: "\(group.id.rawValue). \(group.title)",
      description:
        "Nhóm nhiệm vụ \(group.id.rawValue) của \(input.planName): \(group.title)",
      trail: [], fields: fields)
  }
}

/// One task: its statement, status, deadline, who must do what.
enum TaskPage: PageKind {
  static let template = "task"

  struct Input: Encodable, Sendable {
    let task: Shared<PlanTask>
    let status: DisplayStatus
    let groupID: GroupID
    let groupTitle: String
    /// Who each assignment names, in order.
    let assignees: [[AssigneeName]]
    let indicators: [IndicatorLink]
    let previous: TaskLink?
    let next: TaskLink?
  }

  static func input(_ id: TaskID, _ model: SiteModel) -> Input? {
    let plan = model.plan
    guard let shared = model.shared(id), let group = plan.group(shared.value.group) else {
      return nil
    }
    let task = shared.value
    let siblings = group.tasks
    let position = siblings.firstIndex(of: id)
    func link(_ offset: Int) -> TaskLink? {
      guard let position, siblings.indices.contains(position + offset),
        let other = plan.task(siblings[position + offset])
      else { return nil }
      return TaskLink(id: other.id, title: other.title)
    }
    return Input(
      task: shared, status: task.displayStatus(today: model.today), groupID: group.id,
      groupTitle: group.title,
      assignees: task.assignments.map { $0.assignees.map { AssigneeName($0, in: plan) } },
      indicators: task.indicators.compactMap { plan.indicator($0) }.map {
        IndicatorLink(id: $0.id, name: $0.name)
      },
      previous: link(-1), next: link(1))
  }

  static func view(_ input: Input, _ tools: PageTools) -> PageContent {
    let link = tools.link
    let task = input.task.value
    let assignments: [[String: Any]] = zip(task.assignments, input.assignees).map {
      assignment, names in
      var item: [String: Any] = [
        "role": assignment.role.rawValue,
        "role_label": assignment.role.label,
        "assignees": names.map { $0.view(link: link) },
        "text_html": assignment.text.html,
      ]
      if let deadline = assignment.deadline { item["deadline"] = deadline.vietnamese }
      return item
    }
    var status: [String: Any] = ["key": input.status.rawValue, "label": input.status.label]
    if let progress = task.progress {
      status["progress"] = progress
      status["has_progress"] = true
    }
    var taskView: [String: Any] = [
      "id": task.id.rawValue,
      "title": task.title,
      "body_html": task.body.html,
      "has_body": !task.body.isEmpty,
      "status": status,
      "group_number": input.groupID.rawValue,
      "group_title": input.groupTitle,
      "group_href": link.href(.group(input.groupID)),
    ]
    if let deadline = task.deadline { taskView["deadline"] = deadline.vietnamese }
    let indicators = input.indicators.map { $0.view(link: link) }
    var fields: [String: Any] = [
      "task": taskView,
      "assignments": assignments,
      "indicators": indicators,
      "has_indicators": !indicators.isEmpty,
    ]
    if let previous = input.previous { fields["previous"] = previous.view(link: link) }
    if let next = input.next { fields["next"] = next.view(link: link) }
    return PageContent(
      title: "Nhiệm vụ \(task.id.rawValue)",
      description: Text.clip(task.title, 200),
      trail: [
        ("\(input.groupID.rawValue). \(Text.clip(input.groupTitle, 60))", .group(input.groupID))
      ],
      fields: fields)
  }
}

/// The page for addresses the site does not have.
enum NotFoundPage: PageKind {
  static let template = "404"

  struct Input: Encodable, Sendable {}

  static func view(_ input: Input, _ tools: PageTools) -> PageContent {
    PageContent(
      title: "Không tìm thấy trang", description: "Trang bạn tìm không có trên trang này.",
      trail: [],
      fields: [
        "agencies_href": tools.link.href(.agencies), "communes_href": tools.link.href(.communes),
      ])
  }
}

/// Small text helpers for titles and descriptions.
enum Text {
  /// `text` cut at a word boundary to at most `limit` characters, with `…`.
  static func clip(_ text: String, _ limit: Int) -> String {
    // A text of at most `limit` bytes has at most `limit` characters (no need to count them).
    guard text.utf8.count > limit, text.count > limit else { return text }
    let cut = text.prefix(limit)
    let end = cut.lastIndex(of: " ") ?? cut.endIndex
    var clipped = Substring(cut[..<end])
    while let last = clipped.last, last == "," || last == ";" || last == ":" || last == " " {
      clipped = clipped.dropLast()
    }
    return String(clipped) + "…"
  }

  /// `Phường Thành Vinh` → `phường Thành Vinh`.
  static func lowercasedFirst(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.lowercased() + text.dropFirst()
  }
}
