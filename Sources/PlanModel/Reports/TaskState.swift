import SiteCore

/// Where a task stands, from its reports (or, in a plan without reports,
/// from its own `status:` and `progress:`).
///
/// The rule, stated on the site: a task is done when every body that leads
/// it or carries it out (chủ trì, thực hiện) has reported it done; it is in
/// progress once any body has reported work on it; bodies that only support
/// it (phối hợp) do not decide whether it is done.
public struct TaskState: Hashable, Sendable, Codable {
  /// Where the state comes from.
  public enum Source: String, Hashable, Sendable, Codable {
    /// The reports of the bodies holding the task.
    case reports
    /// The task file's own `status:` (a plan without reports).
    case written
    /// Nothing says anything yet.
    case none
  }

  public var status: TaskStatus?
  /// Percent done: 100 when done, else the mean of what the leading and
  /// implementing bodies reported (done counts 100, not started without a
  /// figure 0; a body that gave neither is left out, see `progressFrom`).
  public var progress: Int?
  /// When it was done (the last of the deciding bodies' done dates), if done.
  public var doneOn: Day?
  /// The date of the latest report it is taken from (the data's cut-off).
  public var asOf: Day?
  public var source: Source
  /// How many bodies decide whether it is done, and how many reported it done.
  public var deciding: Int
  public var decidingDone: Int
  /// How many of the deciding bodies stated the progress that is averaged
  /// (a body that has not reported counts for nothing, not for 0 %).
  public var progressFrom: Int

  /// Whether `progress` is the mean of only some of the deciding bodies
  /// (the others have not reported one): not the task's own figure.
  public var progressIsPartial: Bool {
    source == .reports && progress != nil && progressFrom < deciding
  }

  public init(
    status: TaskStatus?, progress: Int?, doneOn: Day?, asOf: Day?, source: Source, deciding: Int,
    decidingDone: Int, progressFrom: Int = 0
  ) {
    self.status = status
    self.progress = progress
    self.doneOn = doneOn
    self.asOf = asOf
    self.source = source
    self.deciding = deciding
    self.decidingDone = decidingDone
    self.progressFrom = progressFrom
  }

  /// The state written in a task file (a plan without reports).
  public init(written task: PlanTask) {
    self.init(
      status: task.status, progress: task.progress, doneOn: nil, asOf: nil,
      source: task.status == nil && task.progress == nil ? .none : .written, deciding: 0,
      decidingDone: 0)
  }

  /// The status a reader sees on `today`, given the task's `deadline`.
  public func display(deadline: Day?, today: Day) -> DisplayStatus {
    if status == .done, let deadline, let doneOn, doneOn > deadline { return .doneLate }
    return DisplayStatus(status: status, deadline: deadline, today: today)
  }
}

extension TaskState {
  /// One body's own word on a task as pages show it: its status, or, with
  /// a progress alone, in progress from 1 % (not started at 0); "done" is
  /// 100 %. (`SiteModel.own`, and an import's dry run, which says what
  /// the site will show.)
  public static func word(status: TaskStatus?, progress: Int?) -> (
    status: TaskStatus?, progress: Int?
  ) {
    let status = status ?? progress.map { $0 > 0 ? .inProgress : .notStarted }
    return (status, status == .done ? 100 : progress)
  }
}

/// Digested as a list of its fields (see `FieldWriter`): every task page,
/// row and data file holds a state. A stored property added must be added
/// here too (`ListCodingTests` counts them).
extension TaskState {
  public init(from decoder: Decoder) throws {
    var fields = try FieldReader(decoder)
    status = try fields.decode(optional: TaskStatus.self)
    progress = try fields.decode(optional: Int.self)
    doneOn = try fields.decode(optional: Day.self)
    asOf = try fields.decode(optional: Day.self)
    source = try fields.decode(Source.self)
    deciding = try fields.decode(Int.self)
    decidingDone = try fields.decode(Int.self)
    progressFrom = try fields.decode(Int.self)
  }

  public func encode(to encoder: Encoder) throws {
    var fields = FieldWriter(encoder)
    try fields.encode(optional: status)
    try fields.encode(optional: progress)
    try fields.encode(optional: doneOn)
    try fields.encode(optional: asOf)
    try fields.encode(source)
    try fields.encode(deciding)
    try fields.encode(decidingDone)
    try fields.encode(progressFrom)
  }
}
