/// Settings for the site as a whole (`site.yaml`).
public struct SiteSettings: Hashable, Sendable, Codable {
  /// The site's name, shown in every header.
  public var title: String
  /// The page language (`vi`).
  public var language: String
  /// The absolute address the site is published at, if known
  /// (`https://kehoach.example.gov.vn/`); enables the sitemap.
  public var baseURL: String?
  /// One sentence about the site, for search engines and link previews.
  public var description: String
  /// Who publishes the site, shown in the footer.
  public var publisher: String?
  /// A note shown in every footer, such as that the site is not the official text.
  public var footerNote: String?
  /// Whether the content is made-up sample data (`sample: true`): every
  /// page then says so.
  public var isSample: Bool
  /// The licence of the site's data (`CC BY 4.0`, or a URL), shown on the
  /// data page and in plan.json.
  public var license: String?

  public init(
    title: String, language: String = "vi", baseURL: String? = nil, description: String = "",
    publisher: String? = nil, footerNote: String? = nil, isSample: Bool = false,
    license: String? = nil
  ) {
    self.license = license
    self.isSample = isSample
    self.title = title
    self.language = language
    self.baseURL = baseURL
    self.description = description
    self.publisher = publisher
    self.footerNote = footerNote
  }
}
