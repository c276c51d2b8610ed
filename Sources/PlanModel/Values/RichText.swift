/// Text written in Markdown, with its HTML rendered once at load time.
///
/// The HTML comes from libcmark in safe mode (see `Markup`) and is the only
/// kind of string that templates may insert unescaped.
public struct RichText: Hashable, Sendable {
  /// The Markdown as written in the content file.
  public var markdown: String
  /// The rendered, safe HTML fragment.
  public var html: String

  public init(markdown: String, html: String) {
    self.markdown = markdown
    self.html = html
  }

  /// No text.
  public static let empty = RichText(markdown: "", html: "")

  /// Whether there is no text at all.
  public var isEmpty: Bool { markdown.allSatisfy(\.isWhitespace) }
}
