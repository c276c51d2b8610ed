import PlanModel
import SiteCore

/// A task as lists show it: number, title, status, deadline.
struct TaskRow: Encodable, Sendable, Hashable {
  let id: TaskID
  let group: GroupID
  let title: String
  let shown: ShownStatus
  let deadline: Day?

  init(_ task: PlanTask, shown: ShownStatus) {
    id = task.id
    group = task.group
    title = task.title
    self.shown = shown
    deadline = task.deadline
  }

  /// The fields of `partials/task-item`.
  func view(link: Linker) -> [String: Any] {
    var item: [String: Any] = [
      "id": id.rawValue,
      "title": title,
      "href": link.href(.task(id)),
    ]
    shown.add(to: &item)
    if let deadline { item["deadline"] = deadline.vietnamese }
    return item
  }

  /// Digested as a list of its fields (see `FieldWriter`): every list of
  /// every page has rows.
  func encode(to encoder: Encoder) throws {
    var fields = FieldWriter(encoder)
    try fields.encode(id)
    try fields.encode(group)
    try fields.encode(title)
    try fields.encode(shown)
    try fields.encode(optional: deadline)
  }
}

/// One assignment as seen by one assignee: a compact row of an agency's or
/// a commune's duty list (the task page holds the full text).
struct DutyRow: Encodable, Sendable, Equatable, PrecomputedDigest {
  let task: Shared<TaskRow>
  /// Which of the task's assignments (its position).
  let assignment: Int
  let role: Assignment.Role
  /// The collective that brings the assignee in, if not named.
  let via: Collective?
  /// How the plan names that collective.
  let viaLabel: String?
  /// The assignment's own deadline, else the task's.
  let deadline: Day?
  /// The assignee's own reported status (nil in a plan without reports:
  /// the row shows the task's status).
  let own: ShownStatus?

  /// The row of `duty` for `reporter`, or nil if the model has no such task.
  init?(_ duty: Duty, for reporter: Reporter, in model: SiteModel) {
    guard let row = model.row(duty.task),
      let deadlines = model.assignmentDeadlines[duty.task],
      duty.assignment < deadlines.count
    else { return nil }
    self.task = row
    self.assignment = duty.assignment
    role = duty.role
    via = duty.via
    viaLabel = duty.via.map { model.plan.label(of: $0) }
    deadline = deadlines[duty.assignment] ?? row.value.deadline
    own = model.own(reporter, on: duty.task, deadline: deadline)
  }

  /// The row of a duty in a list shared by a collective (no body's own status).
  init?(shared duty: Duty, in model: SiteModel) {
    guard let row = model.row(duty.task),
      let deadlines = model.assignmentDeadlines[duty.task],
      duty.assignment < deadlines.count
    else { return nil }
    self.task = row
    assignment = duty.assignment
    role = duty.role
    via = nil
    viaLabel = nil
    deadline = deadlines[duty.assignment] ?? row.value.deadline
    own = nil
  }

  /// What the row shows, hashed without encoding it (rows are hashed once
  /// per page that lists them: hundreds of thousands in a large plan).
  var digest: ContentHash {
    var hash = ContentHash()
    hash.update(task.digest.value)
    hash.update(UInt64(assignment))
    hash.update(role.rawValue)
    hash.update(viaLabel ?? "-")
    // Days as numbers, not texts: rows are hashed by the hundred thousand.
    func number(_ day: Day?) -> UInt64 {
      day.map { UInt64(truncatingIfNeeded: $0.number) + 1 } ?? 0
    }
    hash.update(number(deadline))
    if let own {
      hash.update(own.status.rawValue)
      hash.update(own.progress.map { UInt64($0) + 1 } ?? 0)
      hash.update(number(own.asOf))
      hash.update(number(own.judgedOn))
    } else {
      hash.update("shared")
    }
    return hash
  }

  /// The task group the row's task belongs to.
  func group(in model: SiteModel) -> GroupID? { model.plan.task(task.id)?.group }

  /// The fields of `partials/duty`.
  func view(link: Linker, showingVia: Bool) -> [String: Any] {
    var item: [String: Any] = [
      "task_id": task.id.rawValue,
      "task_title": task.title,
      "task_href": link.href(.task(task.id)),
      "role": role.rawValue,
      "role_label": role.label,
    ]
    (own ?? task.shown).add(to: &item)
    if showingVia, let viaLabel { item["via"] = viaLabel }
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
    case .collective(let collective): name = plan.label(of: collective)
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

  /// Digested as a list of its fields: each task page names its assignees.
  func encode(to encoder: Encoder) throws {
    var fields = FieldWriter(encoder)
    try fields.encode(assignee)
    try fields.encode(name)
  }
}

/// A reference to another page by number and title (previous/next task).
struct TaskLink: Encodable, Sendable, Hashable {
  let id: TaskID
  let title: String

  func view(link: Linker) -> [String: Any] {
    ["id": id.rawValue, "title": title, "href": link.href(.task(id))]
  }

  func encode(to encoder: Encoder) throws {
    var fields = FieldWriter(encoder)
    try fields.encode(id)
    try fields.encode(title)
  }
}

/// An indicator named on another page.
struct IndicatorLink: Encodable, Sendable, Hashable {
  let id: IndicatorID
  let name: String

  func view(link: Linker) -> [String: Any] {
    ["name": name, "href": link.href(.indicators) + "#" + id.rawValue]
  }

  func encode(to encoder: Encoder) throws {
    var fields = FieldWriter(encoder)
    try fields.encode(id)
    try fields.encode(name)
  }
}

/// Progress figures over a set of tasks, with the dates they are true on.
struct StatusSummary: Encodable, Sendable, Equatable {
  let rollup: Rollup
  /// The latest report date among the statuses counted.
  let asOf: Day?
  /// The build date, when some status is judged on it (Quá hạn).
  let judgedOn: Day?

  /// The mean progress is of the figures the rows show: a task's partial
  /// mean (of only some of its bodies), which its badge leaves out, is
  /// left out here too, so a reader can check the mean against the list.
  init(_ shown: [ShownStatus]) {
    rollup = Rollup(shown.map { ($0.status, $0.partial ? nil : $0.progress) })
    asOf = shown.compactMap(\.asOf).max()
    judgedOn = shown.compactMap(\.judgedOn).max()
  }

  private init(rollup: Rollup, asOf: Day?, judgedOn: Day?) {
    self.rollup = rollup
    self.asOf = asOf
    self.judgedOn = judgedOn
  }

  /// The summary of `all` with `changes` in place of their entries (and
  /// those not in `all` added), given `summary`, the summary of `all`.
  ///
  /// Worked out from the changes alone: a commune's page summed the
  /// ~3,000 duties shared by its kind again for each of 130 communes
  /// (3 % of a build after a one-task edit at 10,000 tasks), when a
  /// commune names a few dozen of its own. Only when a replaced entry
  /// held the latest date does it count them all again.
  static func replacing<Key: Hashable>(
    _ changes: [Key: ShownStatus], in all: [Key: ShownStatus], summary: StatusSummary
  ) -> StatusSummary {
    var rollup = summary.rollup
    var asOf = summary.asOf
    var judgedOn = summary.judgedOn
    for (key, status) in changes {
      if let old = all[key] {
        // A latest date taken away may leave an earlier one latest.
        if old.asOf != nil && old.asOf == summary.asOf
          || old.judgedOn != nil && old.judgedOn == summary.judgedOn
        {
          return StatusSummary(
            all.map { changes[$0.key] ?? $0.value }
              + changes.filter { all[$0.key] == nil }.values)
        }
        rollup.remove(old.status, progress: old.partial ? nil : old.progress)
      }
      rollup.add(status.status, progress: status.partial ? nil : status.progress)
      asOf = [asOf, status.asOf].compactMap(\.self).max()
      judgedOn = [judgedOn, status.judgedOn].compactMap(\.self).max()
    }
    return StatusSummary(rollup: rollup, asOf: asOf, judgedOn: judgedOn)
  }

  /// The fields of `partials/rollup`.
  ///
  /// When nothing is known of any task the counts are left out:
  /// "Hoàn thành: 0" would read as a fact.
  func view() -> [String: Any] {
    let width = 100.0
    var x = 0.0
    var segments: [[String: Any]] = []
    var rows: [[String: Any]] = []
    for status in Rollup.displayOrder {
      let count = rollup.count(status)
      guard count > 0 || [.done, .inProgress, .notStarted].contains(status) else { continue }
      rows.append(["key": status.rawValue, "label": status.label, "count": count])
      guard count > 0, rollup.total > 0 else { continue }
      let w = width * Double(count) / Double(rollup.total)
      segments.append([
        // "Tình trạng 10 nhiệm vụ: Hoàn thành: 2; Đang thực hiện: 3".
        "separator": segments.isEmpty ? ": " : "; ",
        "key": status.rawValue, "label": status.label, "count": count,
        "x": SVGNumber.format(x), "width": SVGNumber.format(w),
      ])
      x += w
    }
    var view: [String: Any] = [
      "total": rollup.total, "segments": segments, "rows": rows,
      "overdue": rollup.count(.overdue), "has_overdue": rollup.count(.overdue) > 0,
      "has_facts": rollup.hasFacts,
      "unreported": rollup.count(.unreported),
    ]
    if let mean = rollup.meanProgress {
      view["mean_progress"] = VietnameseNumber.format(mean, maxFractionDigits: 1)
      view["has_mean_progress"] = true
    }
    if let asOf { view["as_of"] = asOf.vietnamese }
    if let judgedOn { view["judged_on"] = judgedOn.vietnamese }
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

/// What one report says of one task, as the timeline and the report page
/// show it: `status_key`, `status_label`, `progress`, `done_on`, each with
/// its `has_…` flag.
enum UpdateFields {
  /// An entry's fields; a progress without a status shows the status the
  /// site counts it as (`TaskState.word`: 70 % is in progress), as the
  /// body's and task's pages do.
  static func add(status: TaskStatus?, progress: Int?, doneOn: Day?, to item: inout [String: Any]) {
    if let status = TaskState.word(status: status, progress: progress).status {
      item["status_key"] = status.rawValue
      item["status_label"] = status.label
      item["has_status"] = true
    }
    if let progress {
      item["progress"] = progress
      item["has_progress"] = true
    }
    if let doneOn {
      item["done_on"] = doneOn.vietnamese
      item["has_done_on"] = true
    }
  }
}
