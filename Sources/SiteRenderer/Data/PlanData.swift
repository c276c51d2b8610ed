import Dispatch
import PlanModel
import SiteCore

/// The whole plan as data: `du-lieu/plan.json`, the CSV files and the
/// search index, all made from one input so pages and data always agree.
struct PlanData: Sendable {
  /// The JSON schema version; raise it when a field changes meaning or goes away.
  ///
  /// 2: reports (`schedule`, `reports`, `submissions`, each task's `state`
  /// and `history`, each indicator's `figures` and `judgements`);
  /// `status_date` became `judged_on` (null when no status is derived from
  /// the build date) and `data_as_of`.
  /// 3: a figure's `value` is as its file writes it (`tối thiểu 85`, not
  /// `từ 85 trở lên`), and a plain range's `qualifier` is `range` (it was
  /// `exact`, where the CSV said `range`); a task's `state` has
  /// `progress_from`.
  static let schemaVersion = 3

  /// Everything the whole-plan files show: each task's data, and the
  /// rest, each with its digest.
  @dynamicMemberLookup
  struct Input: Encodable, Sendable {
    let tasks: [Shared<TaskData>]
    /// Everything but the tasks.
    ///
    /// A run of tasks is written with it too (agencies' names, the site's
    /// address), so its digest is part of every run's key (`taskRuns`).
    let rest: Shared<Rest>

    subscript<Value>(dynamicMember path: KeyPath<Rest, Value>) -> Value {
      rest.value[keyPath: path]
    }
  }

  struct Rest: Encodable, Sendable {
    let document: PlanDocument
    let baseURL: String?
    /// The licence of the data (`license` in site.yaml).
    let license: String?
    let sections: [PlanSection]
    let groups: [TaskGroup]
    let agencies: [AgenciesPage.Entry]
    let communes: [CommuneEntry]
    let indicators: [IndicatorsPage.Entry]
    let schedule: ReportingSchedule?
    let reports: [ReportData]
    let submissions: [SubmissionData]
    /// The build date, when some status shown is derived from it (Quá hạn).
    let judgedOn: Day?
    /// The date of the latest report.
    let dataAsOf: Day?
  }

  struct TaskData: Encodable, Sendable {
    let shared: Shared<PlanTask>
    let shown: ShownStatus
    let state: TaskState
    /// The task's timeline, as its page shows it (`SiteModel.timeline`).
    let history: Shared<[TaskPage.TimelineEntry]>

    var task: PlanTask { shared.value }

    /// Digested as a list of its fields: one per task, for every data file.
    func encode(to encoder: Encoder) throws {
      var fields = FieldWriter(encoder)
      try fields.encode(shared)
      try fields.encode(shown)
      try fields.encode(state)
      try fields.encode(history)
    }
  }

  struct ReportData: Encodable, Sendable {
    /// Digested once for the report's pages and these files.
    let shared: Shared<Report>
    let reporterName: String
    let due: Day?

    var report: Report { shared.value }
  }

  /// Whether one body that must report sent its report for one period.
  struct SubmissionData: Encodable, Sendable {
    let period: PeriodID
    let reporter: Reporter
    let reporterName: String
    let submission: ReportIndex.Submission
  }

  struct CommuneEntry: Encodable, Sendable {
    let commune: Commune
    let dutyCount: Int
  }

  static func input(_ model: SiteModel) -> Input {
    let plan = model.plan
    let counts = plan.communes.map { model.communeDutyCounts[$0.id] ?? 0 }
    let tasks = plan.tasks.compactMap { task -> Shared<TaskData>? in
      guard let shared = model.shared(task.id) else { return nil }
      return Shared(
        TaskData(
          shared: shared, shown: model.shown(task), state: model.state(task.id),
          history: model.timeline(task.id)))
    }
    let rest = Rest(
      document: plan.document, baseURL: plan.site.baseURL, license: plan.site.license,
      sections: plan.sections,
      groups: plan.groups,
      agencies: AgenciesPage.input(model).agencies,
      communes: zip(plan.communes, counts).map { CommuneEntry(commune: $0, dutyCount: $1) },
      indicators: IndicatorsPage.input(model).entries, schedule: plan.schedule,
      reports: plan.reports.map {
        ReportData(
          shared: model.shared($0), reporterName: plan.name(of: $0.reporter),
          due: plan.period($0.period)?.due)
      },
      submissions: (plan.schedule?.periods ?? []).flatMap { period in
        model.expected(in: period.id).map { reporter in
          SubmissionData(
            period: period.id, reporter: reporter, reporterName: plan.name(of: reporter),
            submission: model.reports.submission(period, reporter, today: model.today))
        }
      },
      judgedOn: tasks.contains { $0.value.shown.judgedOn != nil } ? model.today : nil,
      dataAsOf: model.reports.latestDate)
    return Input(tasks: tasks, rest: Shared(rest))
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

  /// A file made in runs of tasks, each run taken from the published
  /// file when made from the same values (see `taskRuns`).
  typealias KeyedFile = @Sendable (PlanData, EarlierPieces?, PieceSink) -> Void

  /// The files made in runs of tasks, by path: the ones that grow with the
  /// plan, so that an edit of one task remakes one run of each.
  static let keyedFiles: [(path: String, make: KeyedFile)] = [
    ("du-lieu/plan.json", { $0.planJSON($1).serialize(into: $2) }),
    ("du-lieu/tasks.csv", { $0.tasksCSV($1, into: $2) }),
    ("du-lieu/assignments.csv", { $0.assignmentsCSV($1, into: $2) }),
    (SiteRenderer.searchIndexPath, { $0.searchIndex($1, into: $2) }),
  ]

  /// The other files, by path, each made on demand into a sink, piece by
  /// piece (see `PieceSink`), from an input without its tasks (they read
  /// only `Rest`, and are made again only when it changes).
  static let files: [(path: String, make: @Sendable (PlanData, PieceSink) -> Void)] = [
    ("du-lieu/agencies.csv", { $0.agenciesCSV(into: $1) }),
    ("du-lieu/communes.csv", { $0.communesCSV(into: $1) }),
    ("du-lieu/indicators.csv", { $0.indicatorsCSV(into: $1) }),
    ("du-lieu/reports.csv", { $0.reportsCSV(into: $1) }),
    ("du-lieu/report-updates.csv", { $0.reportUpdatesCSV(into: $1) }),
    ("du-lieu/indicator-values.csv", { $0.indicatorValuesCSV(into: $1) }),
    ("du-lieu/submissions.csv", { $0.submissionsCSV(into: $1) }),
  ]

  /// Every file's path.
  static let paths = keyedFiles.map(\.path) + files.map(\.path)

  /// How many of `count` tasks make a run: a piece of a keyed file, made
  /// on one core.
  ///
  /// About 64 runs, of at most 256 tasks. An edit of one task makes its
  /// run again. The bytes of `plan.json` and the CSVs do not depend on
  /// where runs end; the search index has a string table per run.
  static func runLength(_ count: Int) -> Int {
    min(256, max(1, (count + 63) / 64))
  }

  /// The tasks in runs of `runLength`, each written by `write` (given the
  /// run and whether it ends the list) or taken from `earlier` (the same
  /// file's) when it was made from the same values, and handed to `sink`
  /// in order with its key: the digest of its tasks' data and of
  /// everything else the files are written with (`Input.rest`), so
  /// whatever `write` reads from the input is part of it.
  ///
  /// Runs are made `runsAtOnce` at a time on all cores, and each is let go
  /// once the sink has it, so the file is never whole in memory.
  func taskRuns(
    _ earlier: EarlierPieces?, into sink: PieceSink,
    _ write: @Sendable (ArraySlice<Shared<TaskData>>, _ last: Bool) -> [UInt8]
  ) {
    let tasks = input.tasks
    let rest = input.rest.digest
    let length = Self.runLength(tasks.count)
    let starts = Array(stride(from: 0, to: tasks.count, by: length))
    for first in stride(from: 0, to: starts.count, by: Self.runsAtOnce) {
      let some = starts[first..<min(starts.count, first + Self.runsAtOnce)]
      let runs = Parallel.map(Array(some), chunk: 1) { start -> (ArraySlice<UInt8>, ContentHash) in
        let end = min(tasks.count, start + length)
        var key = ContentHash()
        key.update(rest.value)
        key.update(end == tasks.count ? 1 : 0)
        for task in tasks[start..<end] { key.update(task.digest.value) }
        // A piece taken from the published file stays in its bytes.
        return (earlier?.slice(key) ?? write(tasks[start..<end], end == tasks.count)[...], key)
      }
      for (bytes, key) in runs { sink.append(slice: bytes, key: key) }
    }
  }

  /// How many runs `taskRuns` makes before handing them on: enough for
  /// every core, few enough to keep a few megabytes in memory.
  static let runsAtOnce = 8

  /// A path as published in data: absolute with `base_url`, else from the site root.
  func dataURL(_ path: String) -> String {
    guard let base = input.baseURL else { return path }
    return base + (path.hasSuffix("/index.html") ? String(path.dropLast(10)) : path)
  }

  // MARK: - JSON

  func planJSON(_ earlier: EarlierPieces? = nil) -> JSONValue {
    let doc = input.document
    @Sendable func rich(_ text: RichText) -> JSONValue { .string(text.markdown) }
    @Sendable func taskJSON(_ data: TaskData) -> JSONValue {
      let task = data.task
      return .object([
        ("id", .string(task.id.rawValue)), ("group", .string(task.group.rawValue)),
        ("title", .string(task.title)), ("body", rich(task.body)),
        ("deadline", .optional(task.deadline?.iso)), ("status", .optional(task.status?.rawValue)),
        ("display_status", .string(data.shown.status.rawValue)),
        ("progress", task.progress.map(JSONValue.int) ?? .null),
        ("state", stateJSON(data.state)),
        ("history", .array(data.history.value.map(historyJSON))),
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
    // Tasks are most of the file: they are serialized on all cores, in
    // runs that become the pieces the file is written in.
    let tasks = JSONValue.runs(count: input.tasks.count) { sink in
      taskRuns(earlier, into: sink) { run, last in
        JSONValue.runBytes(run.map { taskJSON($0.value) }, indent: 2, last: last)
      }
    }
    return .object([
      ("schema_version", .int(Self.schemaVersion)),
      ("license", .optional(input.license)),
      ("judged_on", .optional(input.judgedOn?.iso)),
      ("data_as_of", .optional(input.dataAsOf?.iso)),
      (
        "document",
        .object([
          ("number", .string(doc.number)), ("title", .string(doc.title)),
          ("document_type", .string(doc.documentType)), ("issued", .string(doc.issued.iso)),
          ("effective", .optional(doc.effective?.iso)), ("issuer", .string(doc.issuer)),
          ("signer", .string(doc.signer)), ("signer_title", .optional(doc.signerTitle)),
          ("field", .optional(doc.field)), ("place", .optional(doc.place)),
          ("source_url", .optional(doc.sourceURL)), ("preamble", rich(doc.preamble)),
          ("issuer_header", .array(doc.issuerHeader.map(JSONValue.string))),
          ("published_part", .optional(doc.publishedPart)),
          (
            "collective_labels",
            .object(
              doc.collectiveLabels.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
          ),
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
      ("tasks", tasks),
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
          input.indicators.map { entry in
            let indicator = entry.indicator
            return .object([
              ("id", .string(indicator.id.rawValue)), ("group", .string(indicator.group)),
              ("name", .string(indicator.name)), ("unit", .string(indicator.unit)),
              ("document", .optional(indicator.document)),
              ("baseline", indicator.baseline.map(figure) ?? .null),
              ("targets", .array(indicator.targets.map(figure))),
              (
                "actuals",
                .array(entry.figures.filter { $0.report == nil }.map { figure($0.point) })
              ),
              ("figures", .array(entry.figures.map(figureJSON))),
              (
                "judgements",
                .array(
                  entry.judgements.map { judgement in
                    .object([
                      ("target", figure(judgement.target)),
                      ("value", .optional(judgement.value?.shown)),
                      ("verdict", .optional(judgement.verdict?.rawValue)),
                    ])
                  })
              ),
              ("owner", .optional(indicator.owner?.rawValue)),
              ("higher_is_better", .bool(indicator.higherIsBetter)),
              ("note", .optional(indicator.note)),
              ("sources", .array(indicator.sources.map(JSONValue.string))),
            ])
          })
      ),
      ("schedule", input.schedule.map(scheduleJSON) ?? .null),
      ("reports", .array(input.reports.map(reportJSON))),
      (
        "submissions",
        .array(
          input.submissions.map { item in
            .object([
              ("period", .string(item.period.rawValue)),
              ("reporter", reporterJSON(item.reporter, item.reporterName)),
              ("state", .string(Self.submissionState(item.submission))),
              ("date", .optional(Self.submissionDate(item.submission)?.iso)),
            ])
          })
      ),
    ])
  }

  // MARK: - Reports in JSON

  /// The `qualifier` column and field: `range` for a plain range
  /// (`165–190`), else the qualifier's name (`about` for `khoảng 165–190`).
  private static func qualifier(_ value: IndicatorValue) -> String {
    value.high != nil && value.qualifier == .exact ? "range" : value.qualifier.rawValue
  }

  private func figure(_ point: Indicator.Point) -> JSONValue {
    .object([
      ("period", .string(point.period)), ("value", .string(point.value.shown)),
      ("qualifier", .string(Self.qualifier(point.value))), ("low", .double(point.value.low)),
      ("high", point.value.high.map(JSONValue.double) ?? .null),
    ])
  }

  private func figureJSON(_ item: IndicatorsPage.Figure) -> JSONValue {
    var pairs: [(String, JSONValue)] = [
      ("period", .string(item.point.period)), ("value", .string(item.point.value.shown)),
      ("low", .double(item.point.value.low)),
      ("high", item.point.value.high.map(JSONValue.double) ?? .null),
      ("source", .string(item.report == nil ? "actuals" : "report")),
    ]
    if let key = item.report {
      pairs.append(
        (
          "report",
          .object([
            ("period", .string(key.period.rawValue)),
            ("reporter", reporterJSON(key.reporter, item.reporterName ?? key.reporter.id)),
            ("date", .optional(item.date?.iso)),
            ("url", .string(dataURL(Route.report(key.period, key.reporter).path))),
          ])
        ))
    } else {
      pairs.append(("report", .null))
    }
    return .object(pairs)
  }

  private func stateJSON(_ state: TaskState) -> JSONValue {
    .object([
      ("status", .optional(state.status?.rawValue)),
      ("progress", state.progress.map(JSONValue.int) ?? .null),
      ("done_on", .optional(state.doneOn?.iso)), ("as_of", .optional(state.asOf?.iso)),
      ("source", .string(state.source.rawValue)), ("deciding", .int(state.deciding)),
      ("deciding_done", .int(state.decidingDone)),
      (
        "progress_from", state.source == .reports ? .int(state.progressFrom) : .null
      ),
    ])
  }

  /// One entry of a task's history: the report is found in `reports` by
  /// its period and reporter.
  private func historyJSON(_ entry: TaskPage.TimelineEntry) -> JSONValue {
    .object([
      ("date", .string(entry.date.iso)), ("period", .string(entry.period.rawValue)),
      ("reporter_type", .string(Self.reporterType(entry.reporter))),
      ("reporter_id", .string(entry.reporter.id)),
      ("status", .optional(entry.status?.rawValue)),
      ("progress", entry.progress.map(JSONValue.int) ?? .null),
      ("done_on", .optional(entry.doneOn?.iso)), ("text", .string(entry.text.markdown)),
    ])
  }

  private func reporterJSON(_ reporter: Reporter, _ name: String) -> JSONValue {
    .object([
      ("type", .string(Self.reporterType(reporter))), ("id", .string(reporter.id)),
      ("name", .string(name)),
    ])
  }

  private func scheduleJSON(_ schedule: ReportingSchedule) -> JSONValue {
    .object([
      (
        "periods",
        .array(
          schedule.periods.map { period in
            .object([
              ("id", .string(period.id.rawValue)), ("name", .string(period.name)),
              ("start", .string(period.start.iso)), ("end", .string(period.end.iso)),
              ("due", .string(period.due.iso)),
              ("url", .string(dataURL(Route.period(period.id).path))),
            ])
          })
      ),
      ("reporters", schedule.reporters.map { .array($0.map(assigneeJSON)) } ?? .null),
      ("compiler", .optional(schedule.compiler?.rawValue)),
    ])
  }

  private func reportJSON(_ data: ReportData) -> JSONValue {
    let report = data.report
    return .object([
      ("period", .string(report.period.rawValue)),
      ("reporter", reporterJSON(report.reporter, data.reporterName)),
      ("date", .string(report.date.iso)), ("due", .optional(data.due?.iso)),
      ("submission", .string(data.due.map { report.date > $0 ? "late" : "on-time" } ?? "")),
      ("draft", .bool(report.isDraft)), ("document", .optional(report.document)),
      ("source_url", .optional(report.sourceURL)), ("summary", .string(report.summary.markdown)),
      ("url", .string(dataURL(Route.report(report.period, report.reporter).path))),
      ("tasks", .array(report.tasks.map { .string($0.task.rawValue) })),
      (
        "indicators",
        .array(
          report.indicators.map { figure in
            .object([
              ("indicator", .string(figure.indicator.rawValue)), ("period", .string(figure.period)),
              ("value", .string(figure.value.shown)), ("low", .double(figure.value.low)),
              ("high", figure.value.high.map(JSONValue.double) ?? .null),
            ])
          })
      ),
    ])
  }

  static func reporterType(_ reporter: Reporter) -> String {
    switch reporter {
    case .agency: "agency"
    case .commune: "commune"
    }
  }

  static func submissionState(_ submission: ReportIndex.Submission) -> String {
    switch submission {
    case .onTime: "on-time"
    case .late: "late"
    case .missing: "missing"
    case .notDue: "not-due"
    }
  }

  static func submissionDate(_ submission: ReportIndex.Submission) -> Day? {
    switch submission {
    case .onTime(let day), .late(let day): day
    case .missing, .notDue: nil
    }
  }

  private func assigneeJSON(_ assignee: Assignee) -> JSONValue {
    let (type, id, name) = assigneeFields(assignee)
    return .object([("type", .string(type)), ("id", .string(id)), ("name", .string(name))])
  }

  func assigneeFields(_ assignee: Assignee) -> (type: String, id: String, name: String) {
    switch assignee {
    case .agency(let id): ("agency", id.rawValue, agencyNames[id] ?? id.rawValue)
    case .commune(let id): ("commune", id.rawValue, communeNames[id] ?? id.rawValue)
    case .collective(let c):
      ("collective", c.rawValue, input.document.collectiveLabels[c.rawValue] ?? c.label)
    }
  }

  // MARK: - CSV

  /// A table with the columns of `file`; each row lists them in order.
  ///
  /// Written into `sink` as it is made; rows may be made lazily, as they
  /// are written (the report entries of a large plan are hundreds of
  /// thousands).
  private func table<Rows: Sequence>(
    into sink: PieceSink, _ file: DataDictionary.File, _ rows: Rows
  ) where Rows.Element == KeyValuePairs<String, String> {
    var table = CSVTable(header: file.fields.map(\.name))
    for row in rows {
      table.append(row)
      table.sendFilled(to: sink)
    }
    table.send(to: sink)
  }

  func tasksCSV(_ earlier: EarlierPieces?, into sink: PieceSink) {
    keyedTable(DataDictionary.tasks, earlier, into: sink) { data in
      let task = data.task
      return [
        [
          "id": task.id.rawValue, "group": task.group.rawValue, "title": task.title,
          "deadline": task.deadline?.iso ?? "", "status": data.state.status?.rawValue ?? "",
          "display_status": data.shown.status.rawValue,
          "progress": data.state.progress.map(String.init) ?? "",
          "done_on": data.state.doneOn?.iso ?? "", "as_of": data.state.asOf?.iso ?? "",
          "assignment_count": String(task.assignments.count),
          "url": dataURL(Route.task(task.id).path),
        ]
      ]
    }
  }

  func assignmentsCSV(_ earlier: EarlierPieces?, into sink: PieceSink) {
    keyedTable(DataDictionary.assignments, earlier, into: sink) { data in
      let task = data.task
      return task.assignments.enumerated().flatMap { index, assignment in
        assignment.assignees.map { assignee -> KeyValuePairs<String, String> in
          let (type, id, name) = assigneeFields(assignee)
          return [
            "task_id": task.id.rawValue, "assignment": String(index + 1),
            "role": assignment.role.rawValue, "assignee_type": type, "assignee_id": id,
            "assignee_name": name, "text": assignment.text.markdown,
            "deadline": (assignment.deadline ?? task.deadline)?.iso ?? "",
          ]
        }
      }
    }
  }

  /// A table of `file`'s columns with each task's `rows`, in runs of
  /// tasks (`taskRuns`): the header, then one piece per run.
  private func keyedTable(
    _ file: DataDictionary.File, _ earlier: EarlierPieces?, into sink: PieceSink,
    _ rows: @escaping @Sendable (TaskData) -> [KeyValuePairs<String, String>]
  ) {
    let header = file.fields.map(\.name)
    sink.append(CSVTable(header: header).bytes, key: nil)
    taskRuns(earlier, into: sink) { run, _ in
      var table = CSVTable(header: header, continuing: true)
      for task in run {
        for row in rows(task.value) { table.append(row) }
      }
      return table.bytes
    }
  }

  func agenciesCSV(into sink: PieceSink) {
    table(
      into: sink, DataDictionary.agencies,
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

  func communesCSV(into sink: PieceSink) {
    table(
      into: sink, DataDictionary.communes,
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

  func indicatorsCSV(into sink: PieceSink) {
    var rows: [KeyValuePairs<String, String>] = []
    for entry in input.indicators {
      // The indicator's own figures; those from reports are in indicator-values.csv.
      let indicator = entry.indicator
      let actuals = entry.figures.filter { $0.report == nil }.map(\.point)
      let figures =
        (indicator.baseline.map { [("baseline", $0)] } ?? [])
        + actuals.map { ("actual", $0) } + indicator.targets.map { ("target", $0) }
      for (kind, point) in figures {
        rows.append([
          "id": indicator.id.rawValue, "group": indicator.group, "name": indicator.name,
          "unit": indicator.unit, "document": indicator.document ?? "", "figure": kind,
          "period": point.period, "value": point.value.shown,
          "qualifier": Self.qualifier(point.value),
          "low": Self.plainNumber(point.value.low),
          "high": point.value.high.map(Self.plainNumber) ?? "",
          "owner": indicator.owner?.rawValue ?? "",
          "note": indicator.note ?? "", "sources": indicator.sources.joined(separator: " | "),
        ])
      }
    }
    table(into: sink, DataDictionary.indicators, rows)
  }

  /// `12`, `10.5`: a machine-readable number (dot decimal) for data columns.
  static func plainNumber(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }

  func reportsCSV(into sink: PieceSink) {
    table(
      into: sink, DataDictionary.reports,
      input.reports.map { data in
        let report = data.report
        return [
          "period": report.period.rawValue, "reporter_type": Self.reporterType(report.reporter),
          "reporter_id": report.reporter.id, "reporter_name": data.reporterName,
          "date": report.date.iso, "due": data.due?.iso ?? "",
          "submission": data.due.map { report.date > $0 ? "late" : "on-time" } ?? "",
          "draft": report.isDraft ? "true" : "false", "document": report.document ?? "",
          "source_url": report.sourceURL ?? "", "task_count": String(report.tasks.count),
          "indicator_count": String(report.indicators.count),
          "url": dataURL(Route.report(report.period, report.reporter).path),
        ]
      })
  }

  func reportUpdatesCSV(into sink: PieceSink) {
    let rows = input.reports.lazy.flatMap { data in
      let report = data.report
      let url = dataURL(Route.report(report.period, report.reporter).path)
      return report.tasks.lazy.map { update -> KeyValuePairs<String, String> in
        [
          "period": report.period.rawValue, "reporter_type": Self.reporterType(report.reporter),
          "reporter_id": report.reporter.id, "reporter_name": data.reporterName,
          "report_date": report.date.iso, "task_id": update.task.rawValue,
          "status": update.status?.rawValue ?? "",
          "progress": update.progress.map(String.init) ?? "", "done_on": update.doneOn?.iso ?? "",
          "text": update.text.markdown, "report_url": url,
        ]
      }
    }
    table(into: sink, DataDictionary.reportUpdates, rows)
  }

  func indicatorValuesCSV(into sink: PieceSink) {
    var rows: [KeyValuePairs<String, String>] = []
    for entry in input.indicators {
      let indicator = entry.indicator
      for figure in entry.figures {
        let value = figure.point.value
        rows.append([
          "indicator_id": indicator.id.rawValue, "indicator_name": indicator.name,
          "unit": indicator.unit, "period": figure.point.period, "value": value.shown,
          "low": Self.plainNumber(value.low), "high": value.high.map(Self.plainNumber) ?? "",
          "source": figure.report == nil ? "actuals" : "report",
          "report_period": figure.report?.period.rawValue ?? "",
          "reporter_id": figure.report?.reporter.id ?? "",
          "report_date": figure.date?.iso ?? "",
          "report_url": figure.report.map { dataURL(Route.report($0.period, $0.reporter).path) }
            ?? "",
        ])
      }
    }
    table(into: sink, DataDictionary.indicatorValues, rows)
  }

  func submissionsCSV(into sink: PieceSink) {
    table(
      into: sink, DataDictionary.submissions,
      input.submissions.map { item in
        [
          "period": item.period.rawValue, "reporter_type": Self.reporterType(item.reporter),
          "reporter_id": item.reporter.id, "reporter_name": item.reporterName,
          "state": Self.submissionState(item.submission),
          "date": Self.submissionDate(item.submission)?.iso ?? "",
        ]
      })
  }
}
