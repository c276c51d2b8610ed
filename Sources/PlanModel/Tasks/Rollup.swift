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

  /// The figures for tasks given as the status each shows and its progress;
  /// a task counts once however many of its assignments concern the reader.
  public init<Tasks: Sequence>(_ tasks: Tasks)
  where Tasks.Element == (status: DisplayStatus, progress: Int?) {
    for task in tasks { add(task.status, progress: task.progress) }
  }

  /// The figures for tasks as their own files state them (a plan without reports).
  public init<Tasks: Sequence>(_ tasks: Tasks, today: Day) where Tasks.Element == PlanTask {
    self.init(
      tasks.map { task in
        (task.displayStatus(today: today), task.progress ?? (task.status == .done ? 100 : nil))
      })
  }

  /// Counts one more task showing `status`, with `progress`.
  public mutating func add(_ status: DisplayStatus, progress: Int?) {
    counts[Self.index(of: status)] += 1
    total += 1
    if let progress {
      progressSum += progress
      progressCount += 1
    }
  }

  /// Takes back a task counted with `add(_:progress:)` (or the
  /// initializer), with the same status and progress: the figures are
  /// those of the tasks without it (counts and sums are whole numbers, so
  /// in any order).
  public mutating func remove(_ status: DisplayStatus, progress: Int?) {
    counts[Self.index(of: status)] -= 1
    total -= 1
    if let progress {
      progressSum -= progress
      progressCount -= 1
    }
  }

  /// The count for one status.
  public func count(_ status: DisplayStatus) -> Int { counts[Self.index(of: status)] }

  private static func index(of status: DisplayStatus) -> Int {
    DisplayStatus.allCases.firstIndex(of: status) ?? 0
  }

  /// The order statuses are shown in.
  public static let displayOrder: [DisplayStatus] = [
    .done, .doneLate, .inProgress, .notStarted, .overdue, .unreported,
  ]

  /// Whether anything is known of any task: when nothing is, the counts
  /// would read as facts ("Hoàn thành: 0") and are not shown.
  public var hasFacts: Bool { total > count(.unreported) || progressCount > 0 }
}
