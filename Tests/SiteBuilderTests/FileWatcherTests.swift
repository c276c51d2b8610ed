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
