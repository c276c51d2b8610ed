import ContentLoader
import Foundation
import SiteCore

/// `plansite watch`: builds, then rebuilds on every change, for as long as it runs.
///
/// A build with errors reports them and keeps the last good site; the next save that fixes them
/// publishes again.
public final class WatchSession: @unchecked Sendable {
  /// What one rebuild did, for the one-line report.
  public struct Event: Sendable {
    public var changed: [String]
    public var result: BuildResult
    public var milliseconds: Int
  }

  /// What `Event.changed` holds for the first build.
  public static let startMarker = "(start)"
  /// What `Event.changed` holds when files were saved with nothing to name.
  public static let touchedMarker = "(files touched)"

  public let configuration: BuildConfiguration
  private let memory: BuildMemory
  private let watcher: FileWatcher
  private let stopLock = NSLock()
  private var stopped = false

  public init(configuration: BuildConfiguration, polling: Bool = false) {
    var configuration = configuration
    configuration.publishesPagesFirst = true
    self.configuration = configuration
    memory = BuildMemory(configuration: configuration)
    watcher = FileWatcher(
      folders: [configuration.contentDirectory, configuration.templatesDirectory], polling: polling)
  }

  /// Whether changes are noticed by inotify (false: polling).
  public var usesInotify: Bool { watcher.usesInotify }

  /// Asks the loop to stop after the current build.
  public func stop() {
    stopLock.lock()
    stopped = true
    stopLock.unlock()
  }

  private var isStopped: Bool {
    stopLock.lock()
    defer { stopLock.unlock() }
    return stopped
  }

  /// Builds once, then on every change until `stop()`; `report` is called after each build (on this
  /// thread).
  ///
  /// A build publishes in steps (`BuildConfiguration.publishesPagesFirst`):
  /// the pages of the edited tasks, the other changed pages, the files made
  /// from the whole plan; `published` is called after each step with the
  /// files it changed (on this thread). Call `finish()` afterwards.
  public func run(
    published: @escaping @Sendable ([String]) -> Void = { _ in }, report: (Event) -> Void
  ) {
    var changed = [Self.startMarker]
    var changes: FileWatcher.Changes?
    var builder = SiteBuilder(configuration: configuration, memory: memory)
    builder.progress = { progress in
      if case .published(let files) = progress { published(files) }
    }
    while !isStopped {
      let start = DispatchTime.now()
      let result = builder.build(changes: changes.flatMap { $0.isComplete ? $0.paths : nil })
      let ms = Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)
      report(Event(changed: changed, result: result, milliseconds: ms))
      if changed == [Self.startMarker], result.published {
        // Problems here only make the first save slower.
        _ = builder.prepareSpare()
      }
      changes = watcher.waitForChanges { isStopped }
      // Editors' temporary files come and go within the burst: name what is
      // there now, and what was deleted among the files a build reads.
      changed = (changes?.paths ?? []).sorted().filter { path in
        let name = (path as NSString).lastPathComponent
        return !SourceTree.isIgnored(name)
          && (FileManager.default.fileExists(atPath: path)
            || [".md", ".yaml", ".mustache", ".css", ".js", ".svg"].contains { path.hasSuffix($0) })
      }.map(displayName)
      if changed.isEmpty { changed = [Self.touchedMarker] }
    }
  }

  /// Removes the spare output folder and closes the build database, so
  /// nothing but the output folder and the database file is left behind
  /// (see `SiteBuilder.removeSpare()`); returns any problem.
  public func finish() -> [Diagnostic] {
    defer { memory.close() }
    return SiteBuilder(configuration: configuration, memory: memory).removeSpare()
  }

  private func displayName(_ path: String) -> String {
    for folder in [configuration.contentDirectory, configuration.templatesDirectory]
    where path.hasPrefix(folder + "/") {
      return (folder as NSString).lastPathComponent + "/" + path.dropFirst(folder.count + 1)
    }
    return path
  }
}
