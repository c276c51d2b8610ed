import SiteCore

/// The plan as read from `Content/`, before references are resolved.
///
/// The loader fills this with what each file says, type-checked but not
/// cross-checked: ids may repeat and references may point nowhere.
/// `PlanValidator` turns it into a `Plan` or into diagnostics.
public struct PlanDraft: Sendable, Codable {
  public var site: SiteSettings?
  public var document: PlanDocument?
  public var sections: [Entry<PlanSection>] = []
  public var groups: [GroupDraft] = []
  public var tasks: [TaskDraft] = []
  public var agencies: [Entry<Agency>] = []
  public var communes: [Entry<Commune>] = []
  public var indicators: [IndicatorDraft] = []
  /// The reporting schedule (`reporting.yaml`), if there is one.
  public var schedule: ScheduleDraft?
  /// Every report, drafts included.
  public var reports: [ReportDraft] = []
  /// Registries whose files could not be read completely.
  ///
  /// References into them are not checked, so one broken file does not cascade into hundreds of
  /// "unknown id" errors.
  public var incomplete: Set<Registry> = []

  /// The kinds of things references point to.
  public enum Registry: Hashable, Sendable, Codable {
    case agencies, communes, indicators, groups, periods, tasks
  }

  public init() {}

  /// A finished value with the location of its id, for duplicate checks.
  public struct Entry<Value: Sendable & Codable>: Sendable, Codable {
    public var value: Value
    public var idLocation: SourceLocation

    public init(_ value: Value, idLocation: SourceLocation) {
      self.value = value
      self.idLocation = idLocation
    }
  }

  /// A task group: its file and the folder its tasks live in.
  public struct GroupDraft: Sendable, Codable {
    public var group: TaskGroup
    public var idLocation: SourceLocation
    /// The folder under `tasks/` (`01-trong-tam`), which tasks inside it join.
    public var folder: String

    public init(group: TaskGroup, idLocation: SourceLocation, folder: String) {
      self.group = group
      self.idLocation = idLocation
      self.folder = folder
    }
  }

  /// A task with its references still as written.
  public struct TaskDraft: Sendable, Codable, Equatable {
    public var id: Located<String>
    /// The folder the file is in, which names its group unless `group:` says otherwise.
    public var folder: String
    /// An explicit `group:` key.
    public var groupRef: Located<String>?
    public var title: String
    public var body: RichText
    public var assignments: [AssignmentDraft]
    public var deadline: Located<Day>?
    /// The reported status, where it is written.
    public var status: Located<TaskStatus>?
    public var progress: Located<Int>?
    public var indicatorRefs: [Located<String>]
    public var source: SourceRef

    public init(
      id: Located<String>, folder: String, groupRef: Located<String>?, title: String,
      body: RichText, assignments: [AssignmentDraft],
      deadline: Located<Day>?, status: Located<TaskStatus>?, progress: Located<Int>?,
      indicatorRefs: [Located<String>],
      source: SourceRef
    ) {
      self.id = id
      self.folder = folder
      self.groupRef = groupRef
      self.title = title
      self.body = body
      self.assignments = assignments
      self.deadline = deadline
      self.status = status
      self.progress = progress
      self.indicatorRefs = indicatorRefs
      self.source = source
    }
  }

  /// One assignment with its `to:` list unresolved.
  public struct AssignmentDraft: Sendable, Codable, Equatable {
    public var to: [Located<String>]
    public var role: Assignment.Role
    public var text: RichText
    public var deadline: Located<Day>?
    public var source: SourceRef
    public var label: String?

    public init(
      to: [Located<String>], role: Assignment.Role, text: RichText, deadline: Located<Day>?,
      source: SourceRef, label: String? = nil
    ) {
      self.label = label
      self.to = to
      self.role = role
      self.text = text
      self.deadline = deadline
      self.source = source
    }
  }

  /// An indicator whose owner is still a string.
  public struct IndicatorDraft: Sendable, Codable {
    /// The indicator, with `owner` unset.
    public var indicator: Indicator
    public var idLocation: SourceLocation
    public var ownerRef: Located<String>?

    public init(indicator: Indicator, idLocation: SourceLocation, ownerRef: Located<String>?) {
      self.indicator = indicator
      self.idLocation = idLocation
      self.ownerRef = ownerRef
    }
  }
}

/// Stored as a list of their fields (see `PlanTask`): every task file's
/// parse is read back from the build database by an incremental build, and
/// in the keyed form each absent optional field (`group`, `status` …) made
/// the reader look through every other entry of the task for its key. A
/// stored property added must be added here too
/// (`handWrittenCodingsCoverEveryStoredProperty` lists them).
extension PlanDraft.TaskDraft {
  public init(from decoder: Decoder) throws {
    var fields = try FieldReader(decoder)
    id = try fields.decode(located: String.self)
    folder = try fields.decode(String.self)
    groupRef = try fields.decode(optionalLocated: String.self)
    title = try fields.decode(String.self)
    body = try fields.decode(RichText.self)
    assignments = try fields.decode([PlanDraft.AssignmentDraft].self)
    deadline = try fields.decode(optionalLocated: Day.self)
    status = try fields.decode(optionalLocated: TaskStatus.self)
    progress = try fields.decode(optionalLocated: Int.self)
    indicatorRefs = try fields.decode(locatedList: String.self)
    source = try fields.decode(SourceRef.self)
  }

  public func encode(to encoder: Encoder) throws {
    var fields = FieldWriter(encoder)
    try fields.encode(id)
    try fields.encode(folder)
    try fields.encode(optional: groupRef)
    try fields.encode(title)
    try fields.encode(body)
    try fields.encode(assignments)
    try fields.encode(optional: deadline)
    try fields.encode(optional: status)
    try fields.encode(optional: progress)
    try fields.encode(indicatorRefs)
    try fields.encode(source)
  }
}

extension PlanDraft.AssignmentDraft {
  public init(from decoder: Decoder) throws {
    var fields = try FieldReader(decoder)
    to = try fields.decode(locatedList: String.self)
    role = try fields.decode(Assignment.Role.self)
    text = try fields.decode(RichText.self)
    deadline = try fields.decode(optionalLocated: Day.self)
    source = try fields.decode(SourceRef.self)
    label = try fields.decode(optional: String.self)
  }

  public func encode(to encoder: Encoder) throws {
    var fields = FieldWriter(encoder)
    try fields.encode(to)
    try fields.encode(role)
    try fields.encode(text)
    try fields.encode(optional: deadline)
    try fields.encode(source)
    try fields.encode(optional: label)
  }
}
