/// A numbered part of the plan's text (`I. Mục đích, yêu cầu`), shown on the
/// home page in file order.
public struct PlanSection: Hashable, Sendable, Codable {
  /// What the home page shows under the section's own text.
  public enum Shows: String, CaseIterable, Sendable, Codable {
    /// Only the text.
    case text
    /// A summary of the indicators and a link to their page.
    case indicators
    /// The task groups with their tasks.
    case tasks
  }

  /// The section number as printed (`I`, `II`).
  public var id: SectionID
  /// The heading (`MỤC ĐÍCH, YÊU CẦU`).
  public var title: String
  /// The section's text.
  public var body: RichText
  /// What follows the text.
  public var shows: Shows
  /// Where the section is defined.
  public var source: SourceRef

  public init(id: SectionID, title: String, body: RichText, shows: Shows, source: SourceRef) {
    self.id = id
    self.title = title
    self.body = body
    self.shows = shows
    self.source = source
  }
}
