import Dispatch
import PlanModel
import SiteCore

/// The plan as data: `du-lieu/plan.json`, the CSV files, and each agency's
/// CSV slice and deadline calendar. Generated from the same `Plan` as the
/// pages, so pages and data always agree.
extension SiteRenderer {
  /// The JSON schema version; raise it when a field changes meaning or goes away.
  public static let dataSchemaVersion = 1

  /// The whole-plan data files: JSON and CSV, and the search index,
  /// generated side by side on all cores.
  public func planDataFiles() -> [OutputFile] {
    let makers: [@Sendable () -> OutputFile] = [
      { OutputFile(path: "du-lieu/plan.json", bytes: planJSON().serialized) },
      { OutputFile(path: "du-lieu/tasks.csv", bytes: tasksCSV().bytes) },
      { OutputFile(path: "du-lieu/assignments.csv", bytes: assignmentsCSV().bytes) },
      { OutputFile(path: "du-lieu/agencies.csv", bytes: agenciesCSV().bytes) },
      { OutputFile(path: "du-lieu/communes.csv", bytes: communesCSV().bytes) },
      { OutputFile(path: "du-lieu/indicators.csv", bytes: indicatorsCSV().bytes) },
      { searchIndexFile() },
    ]
    return Parallel.map(makers) { $0() }
  }

  /// An agency's own files: its CSV slice and its deadline calendar.
  ///
  /// They change exactly when its page does.
  public func agencyDataFiles(_ id: AgencyID) -> [OutputFile] {
    guard let agency = plan.agency(id) else { return [] }
    return [
      OutputFile(path: Self.agencyCSVPath(id), bytes: agencyCSV(id).bytes),
      OutputFile(path: Self.agencyCalendarPath(id), bytes: agencyCalendar(agency).bytes),
    ]
  }

  /// Every data file of the site.
  public func dataFiles() -> [OutputFile] {
    planDataFiles() + plan.agencies.flatMap { agencyDataFiles($0.id) }
  }

  public static func agencyCSVPath(_ id: AgencyID) -> String {
    "co-quan/\(id.rawValue)/nhiem-vu.csv"
  }
  public static func agencyCalendarPath(_ id: AgencyID) -> String {
    "co-quan/\(id.rawValue)/han.ics"
  }

  /// A path as published in data: absolute with `base_url`, else from the site root.
  func dataURL(_ path: String) -> String {
    guard let base = plan.site.baseURL else { return path }
    return base + (path.hasSuffix("/index.html") ? String(path.dropLast(10)) : path)
  }

  // MARK: - JSON

  func planJSON() -> JSONValue {
    let doc = plan.document
    let today = options.today
    @Sendable func rich(_ text: RichText) -> JSONValue { .string(text.markdown) }
    func figure(_ point: Indicator.Point) -> JSONValue {
      .object([
        ("period", .string(point.period)), ("value", .string(point.value.description)),
        ("qualifier", .string(point.value.qualifier.rawValue)), ("low", .double(point.value.low)),
        ("high", point.value.high.map(JSONValue.double) ?? .null),
      ])
    }
    @Sendable func taskJSON(_ task: PlanTask) -> JSONValue {
      .object([
        ("id", .string(task.id.rawValue)), ("group", .string(task.group.rawValue)),
        ("title", .string(task.title)), ("body", rich(task.body)),
        ("deadline", .optional(task.deadline?.iso)), ("status", .optional(task.status?.rawValue)),
        ("display_status", .string(task.displayStatus(today: today).rawValue)),
        ("progress", task.progress.map(JSONValue.int) ?? .null),
        ("indicators", .array(task.indicators.map { .string($0.rawValue) })),
        ("url", .string(dataURL(Route.task(task.id).path))),
        (
          "assignments",
          .array(
            task.assignments.enumerated().map { index, assignment in
              .object([
                ("number", .int(index + 1)), ("role", .string(assignment.role.rawValue)),
                ("to", .array(assignment.assignees.map(assigneeJSON))),
                ("text", rich(assignment.text)), ("deadline", .optional(assignment.deadline?.iso)),
              ])
            })
        ),
      ])
    }
    // Tasks are most of the file: they are serialized in parallel, each at
    // the indentation it has in the file (inside "tasks": [ … ]).
    let tasks = Parallel.map(plan.tasks, chunk: 256) {
      JSONValue.raw(taskJSON($0).serialized(indent: 4))
    }
    return .object([
      ("schema_version", .int(Self.dataSchemaVersion)),
      ("status_date", .string(today.iso)),
      (
        "document",
        .object([
          ("number", .string(doc.number)), ("title", .string(doc.title)),
          ("document_type", .string(doc.documentType)), ("issued", .string(doc.issued.iso)),
          ("effective", .optional(doc.effective?.iso)), ("issuer", .string(doc.issuer)),
          ("signer", .string(doc.signer)), ("signer_title", .optional(doc.signerTitle)),
          ("field", .optional(doc.field)), ("place", .optional(doc.place)),
          ("source_url", .optional(doc.sourceURL)), ("preamble", rich(doc.preamble)),
        ])
      ),
      (
        "sections",
        .array(
          plan.sections.map {
            .object([
              ("id", .string($0.id.rawValue)), ("title", .string($0.title)),
              ("shows", .string($0.shows.rawValue)), ("body", rich($0.body)),
            ])
          })
      ),
      (
        "groups",
        .array(
          plan.groups.map {
            .object([
              ("id", .string($0.id.rawValue)), ("title", .string($0.title)),
              ("intro", rich($0.intro)), ("tasks", .array($0.tasks.map { .string($0.rawValue) })),
              ("url", .string(dataURL(Route.group($0.id).path))),
            ])
          })
      ),
      ("tasks", .array(tasks)),
      (
        "agencies",
        .array(
          plan.agencies.map {
            .object([
              ("id", .string($0.id.rawValue)), ("name", .string($0.name)),
              ("short_name", .optional($0.shortName)), ("kind", .string($0.kind.rawValue)),
              ("note", .optional($0.note)), ("url", .string(dataURL(Route.agency($0.id).path))),
            ])
          })
      ),
      (
        "communes",
        .array(
          plan.communes.map {
            .object([
              ("id", .string($0.id.rawValue)), ("name", .string($0.name)),
              ("full_name", .string($0.fullName)), ("kind", .string($0.kind.rawValue)),
              ("gso_code", .optional($0.gsoCode)),
              ("formed_from", .array($0.formedFrom.map(JSONValue.string))),
              ("url", .string(dataURL(Route.commune($0.id).path))),
            ])
          })
      ),
      (
        "indicators",
        .array(
          plan.indicators.map {
            .object([
              ("id", .string($0.id.rawValue)), ("group", .string($0.group)),
              ("name", .string($0.name)), ("unit", .string($0.unit)),
              ("document", .optional($0.document)),
              ("baseline", $0.baseline.map(figure) ?? .null),
              ("targets", .array($0.targets.map(figure))),
              ("actuals", .array($0.actuals.map(figure))),
              ("owner", .optional($0.owner?.rawValue)),
              ("higher_is_better", .bool($0.higherIsBetter)), ("note", .optional($0.note)),
              ("sources", .array($0.sources.map(JSONValue.string))),
            ])
          })
      ),
    ])
  }

  private func assigneeJSON(_ assignee: Assignee) -> JSONValue {
    let (type, id, name) = assigneeFields(assignee)
    return .object([("type", .string(type)), ("id", .string(id)), ("name", .string(name))])
  }

  func assigneeFields(_ assignee: Assignee) -> (type: String, id: String, name: String) {
    switch assignee {
    case .agency(let id): ("agency", id.rawValue, plan.agency(id)?.name ?? id.rawValue)
    case .commune(let id): ("commune", id.rawValue, plan.commune(id)?.fullName ?? id.rawValue)
    case .collective(let c): ("collective", c.rawValue, c.label)
    }
  }

  // MARK: - CSV

  /// A table with the columns of `file`; each row lists them in order.
  private func table(_ file: DataDictionary.File, _ rows: [KeyValuePairs<String, String>])
    -> CSVTable
  {
    var table = CSVTable(header: file.fields.map(\.name))
    for row in rows { table.append(row) }
    return table
  }

  func tasksCSV() -> CSVTable {
    table(
      DataDictionary.tasks,
      plan.tasks.map { task in
        [
          "id": task.id.rawValue, "group": task.group.rawValue, "title": task.title,
          "deadline": task.deadline?.iso ?? "", "status": task.status?.rawValue ?? "",
          "display_status": task.displayStatus(today: options.today).rawValue,
          "progress": task.progress.map(String.init) ?? "",
          "assignment_count": String(task.assignments.count),
          "url": dataURL(Route.task(task.id).path),
        ]
      })
  }

  func assignmentsCSV() -> CSVTable {
    var table = CSVTable(header: DataDictionary.assignments.fields.map(\.name))
    for task in plan.tasks {
      for (index, assignment) in task.assignments.enumerated() {
        for assignee in assignment.assignees {
          let (type, id, name) = assigneeFields(assignee)
          table.append([
            "task_id": task.id.rawValue, "assignment": String(index + 1),
            "role": assignment.role.rawValue, "assignee_type": type, "assignee_id": id,
            "assignee_name": name, "text": assignment.text.markdown,
            "deadline": (assignment.deadline ?? task.deadline)?.iso ?? "",
          ])
        }
      }
    }
    return table
  }

  func agenciesCSV() -> CSVTable {
    table(
      DataDictionary.agencies,
      plan.agencies.map { agency in
        let list = duties.duties(of: agency.id)
        return [
          "id": agency.id.rawValue, "name": agency.name, "short_name": agency.shortName ?? "",
          "kind": agency.kind.rawValue, "duty_count": String(list.count),
          "lead_count": String(list.filter { $0.role == .lead }.count),
          "url": dataURL(Route.agency(agency.id).path),
          "csv_url": dataURL(Self.agencyCSVPath(agency.id)),
          "calendar_url": dataURL(Self.agencyCalendarPath(agency.id)),
        ]
      })
  }

  func communesCSV() -> CSVTable {
    let counts = duties.dutyCounts(of: plan.communes)
    return table(
      DataDictionary.communes,
      zip(plan.communes, counts).map { commune, count in
        [
          "id": commune.id.rawValue, "name": commune.name, "full_name": commune.fullName,
          "kind": commune.kind.rawValue, "gso_code": commune.gsoCode ?? "",
          "duty_count": String(count),
          "url": dataURL(Route.commune(commune.id).path),
        ]
      })
  }

  func indicatorsCSV() -> CSVTable {
    var rows: [KeyValuePairs<String, String>] = []
    for indicator in plan.indicators {
      let figures =
        (indicator.baseline.map { [("baseline", $0)] } ?? [])
        + indicator.actuals.map { ("actual", $0) } + indicator.targets.map { ("target", $0) }
      for (kind, point) in figures {
        rows.append([
          "id": indicator.id.rawValue, "group": indicator.group, "name": indicator.name,
          "unit": indicator.unit, "document": indicator.document ?? "", "figure": kind,
          "period": point.period, "value": point.value.description,
          "qualifier": point.value.qualifier.rawValue, "low": Self.plainNumber(point.value.low),
          "high": point.value.high.map(Self.plainNumber) ?? "",
          "owner": indicator.owner?.rawValue ?? "",
        ])
      }
    }
    return table(DataDictionary.indicators, rows)
  }

  func agencyCSV(_ id: AgencyID) -> CSVTable {
    table(
      DataDictionary.agencyDuties,
      duties.duties(of: id).compactMap { duty in
        guard let task = plan.task(duty.task), duty.assignment < task.assignments.count else {
          return nil
        }
        let assignment = task.assignments[duty.assignment]
        return [
          "task_id": task.id.rawValue, "task_title": task.title, "role": duty.role.rawValue,
          "via": duty.via?.rawValue ?? "", "text": assignment.text.markdown,
          "deadline": (assignment.deadline ?? task.deadline)?.iso ?? "",
          "display_status": task.displayStatus(today: options.today).rawValue,
          "url": dataURL(Route.task(task.id).path),
        ]
      })
  }

  /// `12`, `10.5`: a machine-readable number (dot decimal) for data columns.
  static func plainNumber(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }

  // MARK: - Calendar

  func agencyCalendar(_ agency: Agency) -> ICalendar {
    let stamp = options.today.compact + "T000000Z"
    var calendar = ICalendar(
      name: "Thời hạn · \(agency.name) · \(plan.document.number)", stamp: stamp)
    let host = plan.site.baseURL.flatMap { Self.host(of: $0) } ?? "plansite.local"
    for duty in duties.duties(of: agency.id) {
      guard let task = plan.task(duty.task), duty.assignment < task.assignments.count else {
        continue
      }
      let assignment = task.assignments[duty.assignment]
      guard let deadline = assignment.deadline ?? task.deadline else { continue }
      let summary =
        "Hạn \(duty.role.label.lowercased()): Nhiệm vụ \(task.id.rawValue) – \(Self.clip(task.title, 90))"
      var description = "\(agency.name) – \(duty.role.label)"
      if let via = duty.via { description += " (giao chung: \(via.label))" }
      description += "\n\(assignment.text.markdown)\n\nNhiệm vụ \(task.id.rawValue): \(task.title)"
      calendar.events.append(
        ICalendar.Event(
          uid:
            "\(Slug.make(from: plan.document.number))-\(task.slug)-\(duty.assignment + 1)-\(agency.id.rawValue)@\(host)",
          day: deadline.compact, nextDay: deadline.next.compact, summary: summary,
          description: description,
          url: plan.site.baseURL.map { _ in dataURL(Route.task(task.id).path) }))
    }
    return calendar
  }

  static func host(of url: String) -> String? {
    guard let schemeEnd = url.firstRange(of: "://") else { return nil }
    let rest = url[schemeEnd.upperBound...]
    return rest.split(separator: "/").first.map(String.init)
  }
}
