/// A numbered group of tasks (`1. Tập trung thực hiện 05 nhóm nhiệm vụ trọng tâm …`).
public struct TaskGroup: Hashable, Sendable, Codable {
  /// The plan's own number (`1`).
  public var id: GroupID
  /// The URL folder name derived from the id.
  public var slug: String
  /// The heading as printed.
  public var title: String
  /// Text under the heading, before the tasks.
  public var intro: RichText
  /// The tasks, in the plan's order.
  public var tasks: [TaskID]
  /// Where the group is defined (its `_group.md`).
  public var source: SourceRef

  public init(
    id: GroupID, slug: String, title: String, intro: RichText, tasks: [TaskID], source: SourceRef
  ) {
    self.id = id
    self.slug = slug
    self.title = title
    self.intro = intro
    self.tasks = tasks
    self.source = source
  }
}
