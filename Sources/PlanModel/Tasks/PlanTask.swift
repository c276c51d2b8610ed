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
