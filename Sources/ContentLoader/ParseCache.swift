import Foundation
import SiteCore

/// Parsed files remembered between loads in one process (`plansite watch`
/// and `serve`): a file whose size and modification time are unchanged is
/// not read or parsed again.
public final class ParseCache: @unchecked Sendable {
  private let lock = NSLock()
  private var entries: [String: (stamp: String, result: (ParsedFile, ContentLoader.InputFile?))] = [:]

  public init() {}

  func lookup(_ file: SourceTree.File) -> (ParsedFile, ContentLoader.InputFile?)? {
    lock.lock()
    defer { lock.unlock() }
    guard let entry = entries[file.path], entry.stamp == file.stamp else { return nil }
    return entry.result
  }

  func store(_ result: (ParsedFile, ContentLoader.InputFile?), for file: SourceTree.File) {
    lock.lock()
    defer { lock.unlock() }
    entries[file.path] = (file.stamp, result)
  }

  /// Whether nothing has been parsed yet.
  public var isEmpty: Bool {
    lock.lock()
    defer { lock.unlock() }
    return entries.isEmpty
  }

  /// Forgets files that no longer exist.
  public func retain(only paths: Set<String>) {
    lock.lock()
    defer { lock.unlock() }
    entries = entries.filter { paths.contains($0.key) }
  }
}
