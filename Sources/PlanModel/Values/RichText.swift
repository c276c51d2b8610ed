import SiteCore

/// Text written in Markdown, with its HTML rendered once at load time.
///
/// The HTML comes from libcmark in safe mode (see `Markup`) and is the only
/// kind of string that templates may insert unescaped. The text's digest is
/// computed once: a page showing it changes when the Markdown does (the
/// HTML follows from the Markdown and the plansite version, which the build
/// database records).
public struct RichText: Hashable, Sendable, Codable, PrecomputedDigest {
  /// The Markdown as written in the content file.
  public let markdown: String
  /// The rendered, safe HTML fragment.
  public let html: String
  /// The digest of the Markdown.
  public let digest: ContentHash

  public init(markdown: String, html: String) {
    self.markdown = markdown
    self.html = html
    digest = ContentHash(markdown)
  }

  /// No text.
  public static let empty = RichText(markdown: "", html: "")

  /// Whether there is no text at all.
  public var isEmpty: Bool { markdown.allSatisfy(\.isWhitespace) }

  // A list of the two texts, not a keyed container (see `SourceLocation`'s
  // coding); the digest follows from the Markdown.
  public init(from decoder: Decoder) throws {
    var texts = try FieldReader(decoder)
    let markdown = try texts.decode(String.self)
    self.init(markdown: markdown, html: try texts.decode(String.self))
  }

  public func encode(to encoder: Encoder) throws {
    var texts = FieldWriter(encoder)
    try texts.encode(markdown)
    try texts.encode(html)
  }
}
