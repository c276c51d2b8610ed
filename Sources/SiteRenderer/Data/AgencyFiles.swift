import PlanModel
import SiteCore

/// An agency's own files: its duties as CSV (`co-quan/<id>/nhiem-vu.csv`)
/// and its deadlines as a calendar an office can subscribe to
/// (`co-quan/<id>/han.ics`).
struct AgencyFiles: Sendable {
  struct Input: Encodable, Sendable {
    let agency: Agency
    let planNumber: String
    let baseURL: String?
    let duties: [DutyRow]
    /// The date statuses are judged on (also the calendar's stamp).
    let today: Day
  }

  static func csvPath(_ id: AgencyID) -> String { "co-quan/\(id.rawValue)/nhiem-vu.csv" }
  static func calendarPath(_ id: AgencyID) -> String { "co-quan/\(id.rawValue)/han.ics" }

  static func input(_ page: AgencyPage.Input, _ model: SiteModel) -> Input {
    Input(
      agency: page.agency, planNumber: model.plan.document.number,
      baseURL: model.plan.site.baseURL, duties: page.duties, today: model.today)
  }

  let input: Input

  /// A path as published in data: absolute with `base_url`, else from the site root.
  private func dataURL(_ path: String) -> String {
    guard let base = input.baseURL else { return path }
    return base + (path.hasSuffix("/index.html") ? String(path.dropLast(10)) : path)
  }

  func csv() -> CSVTable {
    var table = CSVTable(header: DataDictionary.agencyDuties.fields.map(\.name))
    for duty in input.duties {
      table.append([
        "task_id": duty.task.id.rawValue, "task_title": duty.task.title,
        "role": duty.role.rawValue, "via": duty.via?.rawValue ?? "", "text": duty.text.markdown,
        "deadline": duty.deadline?.iso ?? "", "display_status": duty.task.status.rawValue,
        "url": dataURL(Route.task(duty.task.id).path),
      ])
    }
    return table
  }

  func calendar() -> ICalendar {
    let agency = input.agency
    let stamp = input.today.compact + "T000000Z"
    var calendar = ICalendar(name: "Thời hạn · \(agency.name) · \(input.planNumber)", stamp: stamp)
    let host = input.baseURL.flatMap { Self.host(of: $0) } ?? "plansite.local"
    for duty in input.duties {
      guard let deadline = duty.deadline else { continue }
      let task = duty.task
      let summary =
        "Hạn \(duty.role.label.lowercased()): Nhiệm vụ \(task.id.rawValue) – "
        + Text.clip(task.title, 90)
      var description = "\(agency.name) – \(duty.role.label)"
      if let via = duty.via { description += " (giao chung: \(via.label))" }
      description += "\n\(duty.text.markdown)\n\nNhiệm vụ \(task.id.rawValue): \(task.title)"
      let uid =
        "\(Slug.make(from: input.planNumber))-\(Slug.make(from: task.id.rawValue))-"
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
