import Foundation

/// File helpers shared by the test targets (a library target the tests
/// depend on; nothing in the product uses it).
public enum TestFiles {
  /// A new, empty temporary folder named after `name`.
  public static func temporaryDirectory(_ name: String) -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "\(name)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// A temporary folder holding `files` (relative path → text).
  public static func folder(_ name: String, _ files: [String: String]) throws -> URL {
    let root = temporaryDirectory(name)
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return root
  }

  /// Every file under `directory`: relative path → bytes.
  public static func snapshot(of directory: String) -> [String: Data] {
    var result: [String: Data] = [:]
    let base = URL(fileURLWithPath: directory)
    guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [:] }
    for case let path as String in enumerator {
      let url = base.appendingPathComponent(path)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
        !isDirectory.boolValue, let data = FileManager.default.contents(atPath: url.path)
      {
        result[path] = data
      }
    }
    return result
  }
}
