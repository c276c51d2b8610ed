import SiteCore

/// One numbered task of the plan (`1.1`), with everyone assigned to it.
public struct PlanTask: Hashable, Sendable, Codable {
  /// The plan's own number, as printed (`1.1`, `A.2`).
  public var id: TaskID
  /// The URL folder name derived from the id (`1-1`).
  public var slug: String
  /// The group it belongs to.
  public var group: GroupID
  /// The task statement's first sentence or a short title.
  public var title: String
  /// The full statement and any detail, in Markdown.
  public var body: RichText
  /// Who must do what.
  public var assignments: [Assignment]
  /// When it must be done, if the plan says.
  public var deadline: Day?
  /// The reported status, if any has been reported.
  public var status: TaskStatus?
  /// Reported progress in percent, if any.
  public var progress: Int?
  /// The indicators this task contributes to.
  public var indicators: [IndicatorID]
  /// Where the task is defined.
  public var source: SourceRef

  public init(
    id: TaskID, slug: String, group: GroupID, title: String, body: RichText,
    assignments: [Assignment], deadline: Day? = nil, status: TaskStatus? = nil,
    progress: Int? = nil, indicators: [IndicatorID] = [], source: SourceRef
  ) {
    self.id = id
    self.slug = slug
    self.group = group
    self.title = title
    self.body = body
    self.assignments = assignments
    self.deadline = deadline
    self.status = status
    self.progress = progress
    self.indicators = indicators
    self.source = source
  }

  /// The status a reader sees on `today`.
  public func displayStatus(today: Day) -> DisplayStatus {
    DisplayStatus(status: status, deadline: deadline, today: today)
  }
}

/// Stored and digested as a list of its fields (see `SourceLocation`): every
/// task's digest is taken once per build (`Shared<PlanTask>`), and the keyed
/// form wrote and compared a key per field. A stored property added must be
/// added here too (`handWrittenCodingsCoverEveryStoredProperty` lists them).
extension PlanTask {
  public init(from decoder: Decoder) throws {
    var fields = try FieldReader(decoder)
    id = try fields.decode(TaskID.self)
    slug = try fields.decode(String.self)
    group = try fields.decode(GroupID.self)
    title = try fields.decode(String.self)
    body = try fields.decode(RichText.self)
    assignments = try fields.decode([Assignment].self)
    deadline = try fields.decode(optional: Day.self)
    status = try fields.decode(optional: TaskStatus.self)
    progress = try fields.decode(optional: Int.self)
    indicators = try fields.decode([IndicatorID].self)
    source = try fields.decode(SourceRef.self)
  }

  public func encode(to encoder: Encoder) throws {
    var fields = FieldWriter(encoder)
    try fields.encode(id)
    try fields.encode(slug)
    try fields.encode(group)
    try fields.encode(title)
    try fields.encode(body)
    try fields.encode(assignments)
    try fields.encode(optional: deadline)
    try fields.encode(optional: status)
    try fields.encode(optional: progress)
    try fields.encode(indicators)
    try fields.encode(source)
  }
}
