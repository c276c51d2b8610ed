import Foundation
import SiteCore

/// Resolves request paths to files of the served folder, never outside it.
struct SiteFiles: Sendable {
  /// The folder served (`Site`); resolved on every request, because builds
  /// swap the folder.
  let root: String

  /// The file for a request path, or `nil` when there is none (or the path
  /// tries to leave the folder: `..`, encoded or not, or a link outside).
  func file(for requestPath: String) -> String? {
    let decoded = requestPath.removingPercentEncoding ?? requestPath
    let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
    guard
      !parts.contains(where: { $0 == ".." || $0 == "." || $0.contains("\\") || $0.contains("\0") })
    else { return nil }
    var path = parts.joined(separator: "/")
    var isDirectory: ObjCBool = false
    let base = Self.resolve(root)
    var absolute = path.isEmpty ? base : base + "/" + path
    if FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      path = path.isEmpty ? "index.html" : path + "/index.html"
      absolute = base + "/" + path
    }
    let resolved = Self.resolve(absolute)
    guard resolved == base || resolved.hasPrefix(base + "/") else { return nil }
    guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory),
      !isDirectory.boolValue
    else { return nil }
    return resolved
  }

  static func resolve(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
