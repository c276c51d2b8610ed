import SiteCore

/// Who sends a report: an agency or a commune.
public enum Reporter: Hashable, Sendable, Codable, Comparable {
  case agency(AgencyID)
  case commune(CommuneID)

  /// The registry id (also the report's file name).
  public var id: String {
    switch self {
    case .agency(let id): id.rawValue
    case .commune(let id): id.rawValue
    }
  }

  /// The same body as an assignee.
  public var assignee: Assignee {
    switch self {
    case .agency(let id): .agency(id)
    case .commune(let id): .commune(id)
    }
  }

  public static func < (lhs: Reporter, rhs: Reporter) -> Bool {
    switch (lhs, rhs) {
    case (.agency, .commune): true
    case (.commune, .agency): false
    default: lhs.id < rhs.id
    }
  }
}

/// One report of one agency or commune for one period
/// (`reports/<period>/<reporter>.md`).
public struct Report: Hashable, Sendable, Codable {
  /// The period it reports on.
  public var period: PeriodID
  /// Who sends it.
  public var reporter: Reporter
  /// The day it was issued.
  public var date: Day
  /// A draft is shown by `serve` and `build --drafts` only.
  public var isDraft: Bool
  /// Its document number (`Báo cáo số 45/BC-STC`), if stated.
  public var document: String?
  /// Where the signed report can be read, if public.
  public var sourceURL: String?
  /// The report's own text.
  public var summary: RichText
  /// What it says of each task the reporter holds.
  public var tasks: [TaskUpdate]
  /// The indicator figures it gives.
  public var indicators: [IndicatorReport]
  /// Where the report is written.
  public var source: SourceRef

  public init(
    period: PeriodID, reporter: Reporter, date: Day, isDraft: Bool, document: String?,
    sourceURL: String?, summary: RichText, tasks: [TaskUpdate], indicators: [IndicatorReport],
    source: SourceRef
  ) {
    self.period = period
    self.reporter = reporter
    self.date = date
    self.isDraft = isDraft
    self.document = document
    self.sourceURL = sourceURL
    self.summary = summary
    self.tasks = tasks
    self.indicators = indicators
    self.source = source
  }

  /// What names a report: its period and its reporter.
  public struct Key: Hashable, Sendable, Codable {
    public var period: PeriodID
    public var reporter: Reporter

    public init(period: PeriodID, reporter: Reporter) {
      self.period = period
      self.reporter = reporter
    }
  }

  public var key: Key { Key(period: period, reporter: reporter) }
}

/// What one report says of one task: the unit of status is (reporter, task).
public struct TaskUpdate: Hashable, Sendable, Codable {
  public var task: TaskID
  /// The reported status, if the report states one.
  public var status: TaskStatus?
  /// The reported progress in percent, if stated.
  public var progress: Int?
  /// When the reporter's part was done, if stated.
  public var doneOn: Day?
  /// What was done (kết quả thực hiện).
  public var text: RichText
  /// Where the entry is written.
  public var source: SourceRef

  public init(
    task: TaskID, status: TaskStatus?, progress: Int?, doneOn: Day?, text: RichText,
    source: SourceRef
  ) {
    self.task = task
    self.status = status
    self.progress = progress
    self.doneOn = doneOn
    self.text = text
    self.source = source
  }

  /// Whether the entry states a status or a progress (an entry with only a
  /// text keeps the reporter's earlier status).
  public var statesStanding: Bool { status != nil || progress != nil }
}

/// Digested as a list of its fields (see `FieldWriter`): the reports'
/// digests are taken in every build. A stored property added must be
/// added here too (`ListCodingTests` counts them).
extension Report {
  public init(from decoder: Decoder) throws {
    var fields = try FieldReader(decoder)
    period = try fields.decode(PeriodID.self)
    reporter = try fields.decode(Reporter.self)
    date = try fields.decode(Day.self)
    isDraft = try fields.decode(Bool.self)
    document = try fields.decode(optional: String.self)
    sourceURL = try fields.decode(optional: String.self)
    summary = try fields.decode(RichText.self)
    tasks = try fields.decode([TaskUpdate].self)
    indicators = try fields.decode([IndicatorReport].self)
    source = try fields.decode(SourceRef.self)
  }

  public func encode(to encoder: Encoder) throws {
    var fields = FieldWriter(encoder)
    try fields.encode(period)
    try fields.encode(reporter)
    try fields.encode(date)
    try fields.encode(isDraft)
    try fields.encode(optional: document)
    try fields.encode(optional: sourceURL)
    try fields.encode(summary)
    try fields.encode(tasks)
    try fields.encode(indicators)
    try fields.encode(source)
  }
}

/// A figure a report gives for an indicator.
public struct IndicatorReport: Hashable, Sendable, Codable {
  public var indicator: IndicatorID
  /// The year or period the figure is for (`2026`).
  public var period: String
  public var value: IndicatorValue
  /// Where the entry is written.
  public var source: SourceRef

  public init(indicator: IndicatorID, period: String, value: IndicatorValue, source: SourceRef) {
    self.indicator = indicator
    self.period = period
    self.value = value
    self.source = source
  }
}

/// Stored and digested as the same body as an assignee (`[kind, id]`):
/// a keyed enum coding nests a container per case, and every entry of
/// every report names its reporter.
extension Reporter {
  public init(from decoder: Decoder) throws {
    switch try Assignee(from: decoder) {
    case .agency(let id): self = .agency(id)
    case .commune(let id): self = .commune(id)
    case .collective:
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "a reporter is not a collective"))
    }
  }

  public func encode(to encoder: Encoder) throws { try assignee.encode(to: encoder) }
}

/// Stored and digested as a list of its fields: a report of a commune
/// holds thousands of entries, and the keyed form was most of the cost of
/// digesting report and task pages (see `SourceLocation`).
extension TaskUpdate {
  public init(from decoder: Decoder) throws {
    var fields = try FieldReader(decoder)
    task = try fields.decode(TaskID.self)
    status = try fields.decode(optional: TaskStatus.self)
    progress = try fields.decode(optional: Int.self)
    doneOn = try fields.decode(optional: Day.self)
    text = try fields.decode(RichText.self)
    source = try fields.decode(SourceRef.self)
  }

  public func encode(to encoder: Encoder) throws {
    var fields = FieldWriter(encoder)
    try fields.encode(task)
    try fields.encode(optional: status)
    try fields.encode(optional: progress)
    try fields.encode(optional: doneOn)
    try fields.encode(text)
    try fields.encode(source)
  }
}
