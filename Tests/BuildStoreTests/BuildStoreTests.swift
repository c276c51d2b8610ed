import BuildStore
import Foundation
import TestSupport
import Testing

@Suite struct BuildStoreTests {
  func path() -> String {
    TestFiles.temporaryDirectory("store").appendingPathComponent("Site.db").path
  }

  /// The stored parses come in batches (decoded while the next is read):
  /// each entry once, none larger than asked, the same as read whole.
  @Test func storedParsesComeInBatchesEachOnce() throws {
    let store = try BuildStore(path: path(), identity: "plansite A")
    var changes = BuildStore.Changes()
    for index in 0..<1000 {
      changes.sources["tasks/\(index).md"] = BuildStore.SourceEntry(
        stamp: "\(index)", parsed: [UInt8(index % 256), 1])
    }
    try store.write(changes)
    var sizes: [Int] = []
    var seen: [String: BuildStore.SourceEntry] = [:]
    store.sources(inBatchesOf: 300) { batch in
      sizes.append(batch.count)
      for (path, entry) in batch { #expect(seen.updateValue(entry, forKey: path) == nil) }
    }
    #expect(sizes == [300, 300, 300, 100])
    #expect(seen == store.sources())
    #expect(seen["tasks/999.md"] == BuildStore.SourceEntry(stamp: "999", parsed: [231, 1]))
  }

  @Test func remembersWhatWasWrittenAndForgetsForAnotherIdentity() throws {
    let file = path()
    do {
      let store = try BuildStore(path: file, identity: "plansite A")
      var changes = BuildStore.Changes()
      changes.meta["live"] = [1, 2, 3]
      changes.sources["plan.md"] = BuildStore.SourceEntry(stamp: "10:20", parsed: [9, 9])
      changes.jobs["index.html"] = UInt64.max
      changes.outputs[0] = ["index.html": BuildStore.OutputEntry(hash: 7, inode: 8)]
      try store.write(changes)
    }
    let again = try BuildStore(path: file, identity: "plansite A")
    #expect(again.meta("live") == [1, 2, 3])
    #expect(again.sources()["plan.md"]?.parsed == [9, 9])
    #expect(again.jobs()["index.html"] == UInt64.max)
    #expect(again.outputs(generation: 0)["index.html"] == BuildStore.OutputEntry(hash: 7, inode: 8))
    #expect(again.outputs(generation: 1).isEmpty)
    var removal = BuildStore.Changes()
    removal.removedJobs = ["index.html"]
    removal.forgetOutputs = [0]
    try again.write(removal)
    #expect(again.jobs().isEmpty)
    #expect(again.outputs(generation: 0).isEmpty)
    // Written by another plansite (or for another content folder): emptied,
    // but for the output folders' records, which describe files on disk.
    var outputs = BuildStore.Changes()
    outputs.meta["published"] = [4]
    outputs.outputs[1] = ["index.html": BuildStore.OutputEntry(hash: 5, inode: 6)]
    outputs.jobs["index.html"] = 1
    try again.write(outputs)
    let other = try BuildStore(path: file, identity: "plansite B", keepingMeta: ["live"])
    #expect(other.meta("live") == [1, 2, 3])
    #expect(other.meta("published") == nil)
    #expect(other.sources().isEmpty)
    #expect(other.jobs().isEmpty)
    #expect(other.outputs(generation: 1)["index.html"] == BuildStore.OutputEntry(hash: 5, inode: 6))
    let third = try BuildStore(path: file, identity: "plansite C")
    #expect(third.meta("live") == nil)
  }

  @Test func aFileThatIsNotADatabaseCannotBeOpened() throws {
    let file = path()
    try Data("not a database".utf8).write(to: URL(fileURLWithPath: file))
    #expect(throws: (any Error).self) { try BuildStore(path: file, identity: "x") }
  }
}
