import Dispatch
import PlanModel
import SiteCore

/// The whole plan as data: `du-lieu/plan.json`, the CSV files and the
/// search index, all made from one input so pages and data always agree.
struct PlanData: Sendable {
  /// The JSON schema version; raise it when a field changes meaning or goes away.
  static let schemaVersion = 1

  /// Everything the whole-plan files show.
  struct Input: Encodable, Sendable {
    let document: PlanDocument
    let baseURL: String?
    let sections: [PlanSection]
    let groups: [TaskGroup]
    let tasks: [TaskData]
    let agencies: [AgenciesPage.Entry]
    let communes: [CommuneEntry]
    let indicators: [Indicator]
    /// The date statuses are judged on.
    let today: Day
  }

  struct TaskData: Encodable, Sendable {
    let shared: Shared<PlanTask>
    let status: DisplayStatus

    var task: PlanTask { shared.value }
  }

  struct CommuneEntry: Encodable, Sendable {
    let commune: Commune
    let dutyCount: Int
  }

  static func input(_ model: SiteModel) -> Input {
    let plan = model.plan
    let counts = model.duties.dutyCounts(of: plan.communes)
    return Input(
      document: plan.document, baseURL: plan.site.baseURL, sections: plan.sections,
      groups: plan.groups,
      tasks: plan.tasks.compactMap { task in
        model.shared(task.id).map {
          TaskData(shared: $0, status: task.displayStatus(today: model.today))
        }
      },
      agencies: AgenciesPage.input(model).agencies,
      communes: zip(plan.communes, counts).map { CommuneEntry(commune: $0, dutyCount: $1) },
      indicators: plan.indicators, today: model.today)
  }

  let input: Input
  private let agencyNames: [AgencyID: String]
  private let communeNames: [CommuneID: String]

  init(_ input: Input) {
    self.input = input
    agencyNames = Dictionary(input.agencies.map { ($0.agency.id, $0.agency.name) }) { a, _ in a }
    communeNames = Dictionary(input.communes.map { ($0.commune.id, $0.commune.fullName) }) {
      a, _ in a
    }
  }

  /// The files, by path, each made on demand.
  static let files: [(path: String, make: @Sendable (PlanData) -> [UInt8])] = [
    ("du-lieu/plan.json", { $0.planJSON().serialized }),
    ("du-lieu/tasks.csv", { $0.tasksCSV().bytes }),
    ("du-lieu/assignments.csv", { $0.assignmentsCSV().bytes }),
    ("du-lieu/agencies.csv", { $0.agenciesCSV().bytes }),
    ("du-lieu/communes.csv", { $0.communesCSV().bytes }),
    ("du-lieu/indicators.csv", { $0.indicatorsCSV().bytes }),
    (SiteRenderer.searchIndexPath, { $0.searchIndex() }),
  ]

  /// A path as published in data: absolute with `base_url`, else from the site root.
  func dataURL(_ path: String) -> String {
    guard let base = input.baseURL else { return path }
    return base + (path.hasSuffix("/index.html") ? String(path.dropLast(10)) : path)
  }

  // MARK: - JSON

  func planJSON() -> JSONValue {
    let doc = input.document
    let today = input.today
    @Sendable func rich(_ text: RichText) -> JSONValue { .string(text.markdown) }
    func figure(_ point: Indicator.Point) -> JSONValue {
      .object([
        ("period", .string(point.period)), ("value", .string(point.value.description)),
        ("qualifier", .string(point.value.qualifier.rawValue)), ("low", .double(point.value.low)),
        ("high", point.value.high.map(JSONValue.double) ?? .null),
      ])
    }
    @Sendable func taskJSON(_ data: TaskData) -> JSONValue {
      let task = data.task
      return .object([
        ("id", .string(task.id.rawValue)), ("group", .string(task.group.rawValue)),
        ("title", .string(task.title)), ("body", rich(task.body)),
        ("deadline", .optional(task.deadline?.iso)), ("status", .optional(task.status?.rawValue)),
        ("display_status", .string(data.status.rawValue)),
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
    let tasks = Parallel.map(input.tasks, chunk: 256) {
      JSONValue.raw(taskJSON($0).serialized(indent: 4))
    }
    return .object([
      ("schema_version", .int(Self.schemaVersion)),
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
          input.sections.map {
            .object([
              ("id", .string($0.id.rawValue)), ("title", .string($0.title)),
              ("shows", .string($0.shows.rawValue)), ("body", rich($0.body)),
            ])
          })
      ),
      (
        "groups",
        .array(
          input.groups.map {
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
          input.agencies.map(\.agency).map {
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
          input.communes.map(\.commune).map {
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
          input.indicators.map {
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
    case .agency(let id): ("agency", id.rawValue, agencyNames[id] ?? id.rawValue)
    case .commune(let id): ("commune", id.rawValue, communeNames[id] ?? id.rawValue)
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
      input.tasks.map { data in
        let task = data.task
        return [
          "id": task.id.rawValue, "group": task.group.rawValue, "title": task.title,
          "deadline": task.deadline?.iso ?? "", "status": task.status?.rawValue ?? "",
          "display_status": data.status.rawValue,
          "progress": task.progress.map(String.init) ?? "",
          "assignment_count": String(task.assignments.count),
          "url": dataURL(Route.task(task.id).path),
        ]
      })
  }

  func assignmentsCSV() -> CSVTable {
    var table = CSVTable(header: DataDictionary.assignments.fields.map(\.name))
    for task in input.tasks.map(\.task) {
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
      input.agencies.map { entry in
        let agency = entry.agency
        return [
          "id": agency.id.rawValue, "name": agency.name, "short_name": agency.shortName ?? "",
          "kind": agency.kind.rawValue, "duty_count": String(entry.dutyCount),
          "lead_count": String(entry.leadCount),
          "url": dataURL(Route.agency(agency.id).path),
          "csv_url": dataURL(AgencyFiles.csvPath(agency.id)),
          "calendar_url": dataURL(AgencyFiles.calendarPath(agency.id)),
        ]
      })
  }

  func communesCSV() -> CSVTable {
    table(
      DataDictionary.communes,
      input.communes.map { entry in
        let commune = entry.commune
        return [
          "id": commune.id.rawValue, "name": commune.name, "full_name": commune.fullName,
          "kind": commune.kind.rawValue, "gso_code": commune.gsoCode ?? "",
          "duty_count": String(entry.dutyCount),
          "url": dataURL(Route.commune(commune.id).path),
        ]
      })
  }

  func indicatorsCSV() -> CSVTable {
    var rows: [KeyValuePairs<String, String>] = []
    for indicator in input.indicators {
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

  /// `12`, `10.5`: a machine-readable number (dot decimal) for data columns.
  static func plainNumber(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }

}
