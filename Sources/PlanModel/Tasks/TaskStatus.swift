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
  case overdue
  case unreported

  public var label: String {
    switch self {
    case .notStarted: "Chưa thực hiện"
    case .inProgress: "Đang thực hiện"
    case .done: "Hoàn thành"
    case .overdue: "Quá hạn"
    case .unreported: "Chưa cập nhật"
    }
  }

  /// A task is overdue when its deadline has passed (as of `today`) and it is not done.
  public init(status: TaskStatus?, deadline: Day?, today: Day) {
    if status == .done {
      self = .done
    } else if let deadline, deadline < today {
      self = .overdue
    } else {
      switch status {
      case .notStarted: self = .notStarted
      case .inProgress: self = .inProgress
      case .done: self = .done
      case nil: self = .unreported
      }
    }
  }
}
