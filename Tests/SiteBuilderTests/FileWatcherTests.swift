import Foundation
import SiteCore
import TestSupport
import Testing

@testable import SiteBuilder

/// What `watch` relies on to list only what changed: inotify names every
/// file an editor's save touches.
@Suite struct FileWatcherTests {
  @Test func theWatcherNamesEverySavedFile() throws {
    let root = try TestFiles.folder(
      "watched", ["a.md": "a", "tasks/01/1-1.md": "x", "tasks/01/1-2.md": "y"])
    let watcher = FileWatcher(folders: [root.path])
    try #require(watcher.usesInotify)
    var tree = try SourceTree(directory: root.path, diagnostics: DiagnosticCollector())
    // An editor's save: a temporary file renamed over the original.
    let temporary = root.appendingPathComponent("tasks/01/.1-1.md.swp")
    try Data("x, longer".utf8).write(to: temporary)
    _ = rename(temporary.path, root.appendingPathComponent("tasks/01/1-1.md").path)
    try Data("new".utf8).write(to: root.appendingPathComponent("tasks/01/1-3.md"))
    try FileManager.default.removeItem(at: root.appendingPathComponent("a.md"))
    let changes = watcher.waitForChanges { false }
    #expect(changes.isComplete)
    let inside = changes.paths.map { String($0.dropFirst(root.path.count + 1)) }
    let updated = tree.update(changedAt: inside)
    #expect(updated)
    let listed = try SourceTree(directory: root.path, diagnostics: DiagnosticCollector())
    #expect(tree.files == listed.files)
  }

  /// An editor replacing the whole content folder with a fresh copy: the
  /// watches followed the old folder, so the new one is watched anew and
  /// the wait says anything may have changed.
  @Test func aReplacedFolderIsWatchedAgain() throws {
    let root = try TestFiles.folder("watched", ["a.md": "a", "tasks/1.md": "x"])
    let watcher = FileWatcher(folders: [root.path])
    try #require(watcher.usesInotify)
    let old = root.deletingLastPathComponent().appendingPathComponent(
      root.lastPathComponent + ".old")
    try FileManager.default.moveItem(at: root, to: old)
    try FileManager.default.copyItem(at: old, to: root)
    // A wait that gives up after two seconds (a watcher that missed the
    // change would wait for ever).
    func wait() -> FileWatcher.Changes {
      let end = Date(timeIntervalSinceNow: 2)
      return watcher.waitForChanges { Date() > end }
    }
    let replaced = wait()
    #expect(replaced.paths.contains(root.path))
    #expect(!replaced.isComplete)
    // Saves in the new folder are seen one by one again.
    try Data("y".utf8).write(to: root.appendingPathComponent("tasks/1.md"))
    let saved = wait()
    #expect(saved.isComplete)
    #expect(saved.paths.contains(root.path + "/tasks/1.md"))
    // The old folder is not watched any more.
    try Data("z".utf8).write(to: old.appendingPathComponent("a.md"))
    #expect(wait().paths.isEmpty)
  }

  @Test func aNewFolderIsWatchedAndListed() throws {
    let root = try TestFiles.folder("watched", ["a.md": "a"])
    let watcher = FileWatcher(folders: [root.path])
    try #require(watcher.usesInotify)
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("tasks/02"), withIntermediateDirectories: true)
    let first = watcher.waitForChanges { false }
    #expect(first.paths.contains(root.path + "/tasks"))
    // Files saved in the new folder afterwards are seen one by one.
    try Data("b".utf8).write(to: root.appendingPathComponent("tasks/02/2-1.md"))
    let second = watcher.waitForChanges { false }
    #expect(second.paths.contains(root.path + "/tasks/02/2-1.md"))
  }
}
