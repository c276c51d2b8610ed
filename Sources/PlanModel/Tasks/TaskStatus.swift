/// Where a task stands, as reported in its file.
public enum TaskStatus: String, CaseIterable, Sendable, Codable {
  case notStarted = "not-started"
  case inProgress = "in-progress"
  case done

  /// `Chưa thực hiện`, `Đang thực hiện`, `Hoàn thành`.
  public var label: String {
    switch self {
    case .notStarted: "Chưa thực hiện"
    case .inProgress: "Đang thực hiện"
    case .done: "Hoàn thành"
    }
  }
}

/// The status a reader sees: the reported one, or overdue, or not reported.
public enum DisplayStatus: String, CaseIterable, Sendable, Codable {
  case notStarted = "not-started"
  case inProgress = "in-progress"
  case done
  /// Done, after its deadline.
  case doneLate = "done-late"
  case overdue
  case unreported

  public var label: String {
    switch self {
    case .notStarted: "Chưa thực hiện"
    case .inProgress: "Đang thực hiện"
    case .done: "Hoàn thành"
    case .doneLate: "Hoàn thành chậm"
    case .overdue: "Quá hạn"
    case .unreported: "Chưa có báo cáo"
    }
  }

  /// Whether the status is derived from the build date (the date it is
  /// judged on must then be shown with it).
  public var isJudgedOnToday: Bool { self == .overdue }

  /// The status a task shows on `today`.
  ///
  /// A task is overdue when something is known of it, it is not done, and
  /// its deadline has passed. Nothing known is never read as late: it stays
  /// "Chưa có báo cáo", with the deadline beside it.
  public init(status: TaskStatus?, deadline: Day?, today: Day) {
    self.init(status: status, today: today) { deadline }
  }

  /// The same, asking for the deadline only when the status could be
  /// overdue (a report's done lines never look theirs up).
  public init(status: TaskStatus?, today: Day, deadline: () -> Day?) {
    switch status {
    case nil: self = .unreported
    case .done: self = .done
    case .notStarted, .inProgress:
      if let deadline = deadline(), deadline < today {
        self = .overdue
      } else {
        self = status == .notStarted ? .notStarted : .inProgress
      }
    }
  }
}
