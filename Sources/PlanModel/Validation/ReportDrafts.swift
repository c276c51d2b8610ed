import SiteCore

extension PlanDraft {
  /// `reporting.yaml` with its references still as written.
  public struct ScheduleDraft: Sendable, Codable {
    public var periods: [PeriodDraft]
    /// `reporters:` as written (collectives, agencies, communes), if given.
    public var reporterRefs: [Located<String>]?
    public var compilerRef: Located<String>?
    public var source: SourceRef

    public init(
      periods: [PeriodDraft], reporterRefs: [Located<String>]?, compilerRef: Located<String>?,
      source: SourceRef
    ) {
      self.periods = periods
      self.reporterRefs = reporterRefs
      self.compilerRef = compilerRef
      self.source = source
    }
  }

  /// A period with where its fields are written.
  public struct PeriodDraft: Sendable, Codable {
    public var period: ReportingPeriod
    public var idLocation: SourceLocation
    public var endLocation: SourceLocation
    public var dueLocation: SourceLocation

    public init(
      period: ReportingPeriod, idLocation: SourceLocation, endLocation: SourceLocation,
      dueLocation: SourceLocation
    ) {
      self.period = period
      self.idLocation = idLocation
      self.endLocation = endLocation
      self.dueLocation = dueLocation
    }
  }

  /// A report as written: its period and reporter are its folder and file name.
  public struct ReportDraft: Sendable, Codable {
    /// The folder under `reports/` (the period's id).
    public var periodRef: Located<String>
    /// The file name without `.md` (the reporter's id).
    public var reporterRef: Located<String>
    public var date: Located<Day>?
    public var isDraft: Bool
    public var document: String?
    public var sourceURL: String?
    public var summary: RichText
    public var tasks: [TaskUpdateDraft]
    public var indicators: [IndicatorReportDraft]
    public var source: SourceRef

    public init(
      periodRef: Located<String>, reporterRef: Located<String>, date: Located<Day>?,
      isDraft: Bool, document: String?, sourceURL: String?, summary: RichText,
      tasks: [TaskUpdateDraft], indicators: [IndicatorReportDraft], source: SourceRef
    ) {
      self.periodRef = periodRef
      self.reporterRef = reporterRef
      self.date = date
      self.isDraft = isDraft
      self.document = document
      self.sourceURL = sourceURL
      self.summary = summary
      self.tasks = tasks
      self.indicators = indicators
      self.source = source
    }
  }

  /// One entry of a report's `tasks:`.
  public struct TaskUpdateDraft: Sendable, Codable {
    public var task: Located<String>
    public var status: Located<TaskStatus>?
    public var progress: Located<Int>?
    public var doneOn: Located<Day>?
    /// Whether a `done_on` is written but cannot be read (its error is
    /// reported where it is read): the entry is then not also told it
    /// gives no done date.
    public var doneOnUnreadable = false
    public var text: RichText
    public var source: SourceRef

    public init(
      task: Located<String>, status: Located<TaskStatus>?, progress: Located<Int>?,
      doneOn: Located<Day>?, text: RichText, source: SourceRef
    ) {
      self.task = task
      self.status = status
      self.progress = progress
      self.doneOn = doneOn
      self.text = text
      self.source = source
    }
  }

  /// One entry of a report's `indicators:`.
  public struct IndicatorReportDraft: Sendable, Codable {
    public var indicator: Located<String>
    public var period: Located<String>
    public var value: IndicatorValue
    public var source: SourceRef

    public init(
      indicator: Located<String>, period: Located<String>, value: IndicatorValue, source: SourceRef
    ) {
      self.indicator = indicator
      self.period = period
      self.value = value
      self.source = source
    }
  }
}

// A list of its fields, not a keyed container (see `TaskDraft`'s coding):
// a report's parsed file holds one per line, and a site whose communes all
// report has hundreds of thousands, read back from the build database by
// every incremental build. A field added must be added here too (the
// coding test lists the stored properties).
extension PlanDraft.TaskUpdateDraft {
  public init(from decoder: Decoder) throws {
    var fields = try FieldReader(decoder)
    task = try fields.decode(located: String.self)
    status = try fields.decode(optionalLocated: TaskStatus.self)
    progress = try fields.decode(optionalLocated: Int.self)
    doneOn = try fields.decode(optionalLocated: Day.self)
    doneOnUnreadable = try fields.decode(Bool.self)
    text = try fields.decode(RichText.self)
    source = try fields.decode(SourceRef.self)
  }

  public func encode(to encoder: Encoder) throws {
    var fields = FieldWriter(encoder)
    try fields.encode(task)
    try fields.encode(optional: status)
    try fields.encode(optional: progress)
    try fields.encode(optional: doneOn)
    try fields.encode(doneOnUnreadable)
    try fields.encode(text)
    try fields.encode(source)
  }
}
