import Foundation
import PlanModel
import SiteCore

/// Parsed files remembered between loads: a file whose size and
/// modification time are unchanged is not read or parsed again.
///
/// `plansite watch` and `serve` keep one in memory for as long as they
/// run; `plansite build` reads one from beside the output folder and
/// stores it back (see `ParseCacheFile.swift`).
public final class ParseCache: @unchecked Sendable {
  private let lock = NSLock()
  private var entries: [String: (stamp: String, result: (ParsedFile, ContentLoader.InputFile?))] =
    [:]
  private var changed = false

  public init() {}

  func lookup(_ file: SourceTree.File) -> (ParsedFile, ContentLoader.InputFile?)? {
    lock.lock()
    defer { lock.unlock() }
    guard let entry = entries[file.path], entry.stamp == file.stamp else { return nil }
    return entry.result
  }

  /// Remembers `result` for `file`, unless the file was modified in the last two seconds: file
  /// times are only as fine as the kernel's clock tick, so a second save of the same size within
  /// one tick would keep the same stamp.
  ///
  /// Such a file is simply parsed again next time (git's "racily clean" rule).
  func store(_ result: (ParsedFile, ContentLoader.InputFile?), for file: SourceTree.File) {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    let nanoseconds = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    guard file.modified < nanoseconds - 2_000_000_000 else { return }
    lock.lock()
    defer { lock.unlock() }
    entries[file.path] = (file.stamp, result)
    if Self.storable(result) != nil { changed = true }
  }

  /// Whether nothing has been parsed yet.
  public var isEmpty: Bool {
    lock.lock()
    defer { lock.unlock() }
    return entries.isEmpty
  }

  /// Whether files were parsed or forgotten since the cache was made or
  /// loaded (whether storing it again would store anything new).
  public var hasChanged: Bool {
    lock.lock()
    defer { lock.unlock() }
    return changed
  }

  /// Forgets everything (a one-shot build, once the cache is stored, so the
  /// parsed drafts do not stay in memory while pages render).
  public func removeAll() {
    lock.lock()
    defer { lock.unlock() }
    entries = [:]
  }

  /// Forgets files that no longer exist.
  public func retain(only paths: Set<String>) {
    lock.lock()
    defer { lock.unlock() }
    let before = entries.count
    entries = entries.filter { paths.contains($0.key) }
    if entries.count != before { changed = true }
  }

  /// The entries worth storing on disk: task files parsed without any
  /// diagnostic, in path order (so the bytes are the same for the same files).
  func storable() -> [(
    path: String, stamp: String, input: ContentLoader.InputFile, task: PlanDraft.TaskDraft
  )] {
    lock.lock()
    defer { lock.unlock() }
    return entries.keys.sorted().compactMap { path in
      guard let entry = entries[path], let (input, task) = Self.storable(entry.result) else {
        return nil
      }
      return (path, entry.stamp, input, task)
    }
  }

  private static func storable(_ result: (ParsedFile, ContentLoader.InputFile?))
    -> (ContentLoader.InputFile, PlanDraft.TaskDraft)?
  {
    guard result.0.diagnostics.isEmpty, case .task(let task) = result.0.content,
      let input = result.1
    else { return nil }
    return (input, task)
  }

  /// Adds entries read from disk.
  func restore(
    _ loaded: [(path: String, stamp: String, parsed: ParsedFile, input: ContentLoader.InputFile)]
  ) {
    lock.lock()
    defer { lock.unlock() }
    for entry in loaded { entries[entry.path] = (entry.stamp, (entry.parsed, entry.input)) }
  }
}
