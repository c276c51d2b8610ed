/// Progress figures over a set of tasks: counts per status, overdue, mean progress.
public struct Rollup: Hashable, Sendable, Codable {
  /// How many tasks show each status, in `DisplayStatus.allCases` order (an
  /// array, not a dictionary, so its encoding is the same in every run).
  private var counts = [Int](repeating: 0, count: DisplayStatus.allCases.count)
  /// How many tasks in all.
  public private(set) var total = 0
  private var progressSum = 0
  private var progressCount = 0

  /// The mean of reported progress, over tasks that report it (a done task counts as 100).
  public var meanProgress: Double? {
    progressCount > 0 ? Double(progressSum) / Double(progressCount) : nil
  }

  /// The figures for `tasks` as of `today`; a task counts once however many
  /// of its assignments concern the reader.
  public init<Tasks: Sequence>(_ tasks: Tasks, today: Day) where Tasks.Element == PlanTask {
    add(tasks, today: today)
  }

  /// Adds more tasks (callers make sure none is counted twice).
  public mutating func add<Tasks: Sequence>(_ tasks: Tasks, today: Day)
  where Tasks.Element == PlanTask {
    for task in tasks {
      counts[Self.index(of: task.displayStatus(today: today))] += 1
      total += 1
      if let progress = task.progress ?? (task.status == .done ? 100 : nil) {
        progressSum += progress
        progressCount += 1
      }
    }
  }

  /// The count for one status.
  public func count(_ status: DisplayStatus) -> Int { counts[Self.index(of: status)] }

  private static func index(of status: DisplayStatus) -> Int {
    DisplayStatus.allCases.firstIndex(of: status) ?? 0
  }

  /// The order statuses are shown in.
  public static let displayOrder: [DisplayStatus] = [
    .done, .inProgress, .notStarted, .overdue, .unreported,
  ]
}
