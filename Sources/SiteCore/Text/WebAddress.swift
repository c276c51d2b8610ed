/// A web address as the site links to it.
///
/// A full `https://` or `http://` address: anything else would be a
/// broken relative link ("stc.gov.vn") or run as script when clicked
/// ("javascript:…").
public enum WebAddress {
  /// Whether `text` is a full web address: the scheme, a host, and no
  /// spaces or control characters.
  public static func isValid(_ text: String) -> Bool {
    let lower = text.lowercased()
    guard let scheme = ["https://", "http://"].first(where: { lower.hasPrefix($0) }) else {
      return false
    }
    let rest = text.unicodeScalars.dropFirst(scheme.count)
    guard let first = rest.first, first != "/" else { return false }
    return !rest.contains { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }
  }
}
