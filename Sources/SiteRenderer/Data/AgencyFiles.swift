import PlanModel
import SiteCore

/// An agency's own files: its duties as CSV (`co-quan/<id>/nhiem-vu.csv`)
/// and its deadlines as a calendar an office can subscribe to
/// (`co-quan/<id>/han.ics`).
struct AgencyFiles: Sendable {
  struct Input: Encodable, Sendable, Equatable {
    let agency: Agency
    let planNumber: String
    let baseURL: String?
    let duties: [Duty]
    /// The calendar's stamp: the plan's issue date, so the file changes
    /// only when its content does.
    let stamp: Day
  }

  /// One duty as the files list it.
  struct Duty: Encodable, Sendable, Equatable {
    let row: DutyRow
    let text: String

    func encode(to encoder: Encoder) throws {
      var fields = FieldWriter(encoder)
      try fields.encode(row)
      try fields.encode(text)
    }
  }

  static func csvPath(_ id: AgencyID) -> String { "co-quan/\(id.rawValue)/nhiem-vu.csv" }
  static func jsonPath(_ id: AgencyID) -> String { "co-quan/\(id.rawValue)/nhiem-vu.json" }
  static func calendarPath(_ id: AgencyID) -> String { "co-quan/\(id.rawValue)/han.ics" }

  /// The agency's duties in plan order (its page lists them by role).
  static func input(_ agency: Agency, _ model: SiteModel) -> Input {
    let rows = model.duties.duties(of: agency.id).compactMap {
      DutyRow($0, for: .agency(agency.id), in: model)
    }
    return Input(
      agency: agency, planNumber: model.plan.document.number,
      baseURL: model.plan.site.baseURL,
      duties: rows.map { row in
        // Read in place: copying the task out retained every part of it.
        let text = model.plan.text(ofAssignment: row.assignment, of: row.task.id)
        return Duty(row: row, text: text?.markdown ?? "")
      },
      stamp: model.plan.document.issued)
  }

  let input: Input

  /// A path as published in data: absolute with `base_url`, else from the site root.
  private func dataURL(_ path: String) -> String {
    guard let base = input.baseURL else { return path }
    return base + (path.hasSuffix("/index.html") ? String(path.dropLast(10)) : path)
  }

  /// The same rows as the CSV, as a JSON array of objects (for programs
  /// that want one agency's duties without reading the whole plan.json).
  func json() -> JSONValue {
    .array(
      rows().map { row in
        .object(row.map { ($0.key, .string($0.value)) })
      })
  }

  func csv() -> CSVTable {
    var table = CSVTable(header: DataDictionary.agencyDuties.fields.map(\.name))
    for row in rows() { table.append(row) }
    return table
  }

  /// Each duty's fields, in the data dictionary's order.
  private func rows() -> [KeyValuePairs<String, String>] {
    input.duties.map { duty in
      let row = duty.row
      let shown = row.own ?? row.task.shown
      return [
        "task_id": row.task.id.rawValue, "task_title": row.task.title,
        "role": row.role.rawValue, "via": row.via?.rawValue ?? "", "text": duty.text,
        "deadline": row.deadline?.iso ?? "", "display_status": shown.status.rawValue,
        "progress": shown.progress.map(String.init) ?? "", "as_of": shown.asOf?.iso ?? "",
        "url": dataURL(Route.task(row.task.id).path),
      ]
    }
  }

  func calendar() -> ICalendar {
    let agency = input.agency
    let stamp = input.stamp.compact + "T000000Z"
    var calendar = ICalendar(name: "Thời hạn · \(agency.name) · \(input.planNumber)", stamp: stamp)
    let host = input.baseURL.flatMap { Self.host(of: $0) } ?? "plansite.local"
    let plan = Slug.make(from: input.planNumber)
    for entry in input.duties {
      let duty = entry.row
      guard let deadline = duty.deadline else { continue }
      let task = duty.task
      let summary =
        "Hạn \(duty.role.label.lowercased()): Nhiệm vụ \(task.id.rawValue) – "
        + task.title.clipped(to: 90)
      var description = "\(agency.name) – \(duty.role.label)"
      if let via = duty.viaLabel { description += " (giao chung: \(via))" }
      // What to do is on the task page (the event's URL); the calendar
      // stays small enough for a phone to sync.
      description += "\nNhiệm vụ \(task.id.rawValue): \(task.title)"
      let uid =
        "\(plan)-\(Slug.make(from: task.id.rawValue))-"
        + "\(duty.assignment + 1)-\(agency.id.rawValue)@\(host)"
      calendar.events.append(
        ICalendar.Event(
          uid: uid, day: deadline.compact, nextDay: deadline.next.compact, summary: summary,
          description: description,
          url: input.baseURL.map { _ in dataURL(Route.task(task.id).path) }))
    }
    return calendar
  }

  static func host(of url: String) -> String? {
    guard let schemeEnd = url.firstRange(of: "://") else { return nil }
    let rest = url[schemeEnd.upperBound...]
    return rest.split(separator: "/").first.map(String.init)
  }
}
