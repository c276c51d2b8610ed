/// The languages plansite speaks to its users.
///
/// Everything a user reads (the site, command-line messages) is Vietnamese
/// by default; English is there on request (`--lang en`), for developers and
/// for reports to people who do not read Vietnamese.
public enum Language: String, CaseIterable, Sendable, Codable {
  /// Tiếng Việt, the default.
  case vi
  /// English.
  case en

  /// The language for a site's `language:` setting (`vi`, `vi-VN`, `en`):
  /// English only when the site says so, Vietnamese otherwise.
  public init(siteLanguage: String) {
    self = siteLanguage.lowercased().hasPrefix("en") ? .en : .vi
  }
}
