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
