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

  /// The host a valid address points to, without `www.` (`nhansu.vn`):
  /// what a phone shows of a long address.
  public static func host(of text: String) -> String? {
    guard isValid(text), let start = text.range(of: "://")?.upperBound else { return nil }
    var host = text[start...].prefix { !"/?#".contains($0) }
    if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
    if let colon = host.lastIndex(of: ":"), !host.contains("]") { host = host[..<colon] }
    let lower = host.lowercased()
    let shown = lower.hasPrefix("www.") ? String(lower.dropFirst(4)) : lower
    return shown.isEmpty ? nil : shown
  }
}
