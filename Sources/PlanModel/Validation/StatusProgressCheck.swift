import SiteCore

/// A status that its progress figure contradicts, the same rule for a
/// task's own file and for a report's entry: done under 100 %, in progress
/// at 100 %, not started above 0 %.
enum StatusProgressCheck {
  /// Where the status is written.
  enum Place {
    /// A task's own file (no done date there).
    case task(id: String)
    /// A report's entry, whose location names the task; `form` when it
    /// was read from a report form's cells (the clerk chooses a status
    /// from a list and never sees the file's field names).
    case report(form: Bool)
  }

  /// The warning for `status` with `progress`, if they disagree.
  static func mismatch(
    _ status: TaskStatus, _ progress: Int, in place: Place
  ) -> (message: Message, note: Diagnostic.Note)? {
    // Most entries agree: their messages are not built (a plan whose
    // communes all report has hundreds of thousands of entries).
    switch status {
    case .done where progress < 100, .inProgress where progress == 100,
      .notStarted where progress > 0:
      break
    default: return nil
    }
    // A task's file names its task and has no done date; a report's entry
    // is located at its task, and a form's status is chosen from a list.
    let (subject, finish) =
      switch place {
      case .task(let id):
        (
          Message(vi: "nhiệm vụ '\(id)': ", en: "task '\(id)': "),
          Message(vi: "ghi 'status: done'", en: "write 'status: done'")
        )
      case .report(let form):
        (
          Message(vi: "", en: ""),
          Message(
            vi: "chọn \"\(TaskStatus.done.label)\"\(form ? "" : " (status: done)") và ghi ngày "
              + "hoàn thành",
            en: "choose \"\(TaskStatus.done.label)\"\(form ? "" : " (status: done)") with its done "
              + "date")
        )
      }
    let inForm = if case .report(form: true) = place { true } else { false }
    switch status {
    case .done where progress < 100:
      return (
        Message(
          vi: "\(subject.vi)ghi là hoàn thành nhưng tiến độ chỉ \(progress)%",
          en: "\(subject.en)marked done but its progress is \(progress)%"),
        Diagnostic.Note(
          vi: "ghi 'progress: 100', hoặc đổi 'status' thành in-progress",
          en: "set 'progress: 100', or change 'status' to in-progress")
      )
    case .inProgress where progress == 100:
      return (
        Message(
          vi:
            "\(subject.vi)tiến độ 100% nhưng tình trạng vẫn là \"\(TaskStatus.inProgress.label)\"",
          en: "\(subject.en)the progress is 100% but the status is still "
            + "\"\(TaskStatus.inProgress.label)\""),
        Diagnostic.Note(
          vi: "nếu đã hoàn thành, \(finish.vi); nếu chưa, ghi đúng tiến độ thực tế (dưới 100%)",
          en: "if it is finished, \(finish.en); if not, give the real progress (under 100%)")
      )
    case .notStarted where progress > 0:
      return (
        Message(
          vi: "\(subject.vi)ghi là chưa thực hiện nhưng tiến độ là \(progress)%",
          en: "\(subject.en)marked not started but its progress is \(progress)%"),
        Diagnostic.Note(
          vi: "đổi tình trạng thành \"\(TaskStatus.inProgress.label)\""
            + "\(inForm ? "" : " (status: in-progress)"), hoặc ghi tiến độ 0",
          en: "change the status to \"\(TaskStatus.inProgress.label)\""
            + "\(inForm ? "" : " (status: in-progress)"), or set the progress to 0")
      )
    default: return nil
    }
  }
}
