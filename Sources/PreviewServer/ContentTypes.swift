/// Media types for the files a site has.
enum ContentTypes {
  static func type(forPath path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    let ext =
      name.split(separator: ".").count > 1
      ? (name.split(separator: ".").last.map(String.init) ?? "") : ""
    switch ext.lowercased() {
    case "html", "htm": return "text/html; charset=utf-8"
    case "css": return "text/css; charset=utf-8"
    case "js", "mjs": return "text/javascript; charset=utf-8"
    case "json": return "application/json; charset=utf-8"
    case "csv": return "text/csv; charset=utf-8"
    case "svg": return "image/svg+xml"
    case "ics": return "text/calendar; charset=utf-8"
    case "xml": return "application/xml; charset=utf-8"
    case "txt": return "text/plain; charset=utf-8"
    case "png": return "image/png"
    case "jpg", "jpeg": return "image/jpeg"
    case "gif": return "image/gif"
    case "webp": return "image/webp"
    case "ico": return "image/x-icon"
    case "woff2": return "font/woff2"
    case "pdf": return "application/pdf"
    default: return "application/octet-stream"
    }
  }
}
