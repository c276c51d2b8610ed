import ContentLoader
import Foundation
import PlanModel
import SiteCore
import TestSupport
import Testing

/// The parse cache that `plansite build` keeps beside the output folder.
@Suite struct ParseCacheTests {
  /// A copy of the real content whose files were last modified an hour ago
  /// (files saved in the last two seconds are never cached).
  func agedContent() throws -> String {
    let root = TestFiles.temporaryDirectory("cache")
    let content = root.appendingPathComponent("Content")
    let real = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Content")
    try FileManager.default.copyItem(at: real, to: content)
    for file in try taskFiles(content.path) { try age(file) }
    return content.path
  }

  func taskFiles(_ content: String) throws -> [String] {
    let tasks = content + "/tasks"
    return (FileManager.default.enumerator(atPath: tasks)?.allObjects as? [String] ?? [])
      .filter { $0.hasSuffix(".md") && !$0.hasSuffix("_group.md") }.sorted().map {
        tasks + "/" + $0
      }
  }

  func age(_ path: String) throws {
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: path)
  }

  @Test func storedTasksComeBackAsTheyWereParsed() throws {
    let content = try agedContent()
    let cache = ParseCache()
    let fresh = ContentLoader(directory: content, cache: cache).load()
    #expect(fresh.diagnostics.isEmpty)
    #expect(cache.hasChanged)
    let bytes = cache.encoded(header: "h")

    let restored = ParseCache()
    #expect(restored.load(bytes, header: "h"))
    #expect(!restored.hasChanged)
    #expect(restored.encoded(header: "h") == bytes)
    let again = ContentLoader(directory: content, cache: restored).load()
    #expect(again.diagnostics.isEmpty)
    #expect(again.inputs == fresh.inputs)
    #expect(again.draft.tasks.count == 5)
    #expect(again.draft.tasks.map(\.id) == fresh.draft.tasks.map(\.id))
    #expect(again.draft.tasks.map(\.body) == fresh.draft.tasks.map(\.body))
    #expect(again.draft.tasks.map(\.source) == fresh.draft.tasks.map(\.source))
    #expect(
      again.draft.tasks.flatMap(\.assignments).map(\.to)
        == fresh.draft.tasks.flatMap(\.assignments).map(\.to))
    // Validation gives the same plan either way.
    let plan = try #require(PlanValidator().validate(again.draft).plan)
    #expect(
      plan.tasks.map(\.title) == PlanValidator().validate(fresh.draft).plan?.tasks.map(\.title))
  }

  @Test func aFileWithTheSameStampIsNotReadAgainButAChangedOneIs() throws {
    let content = try agedContent()
    let cache = ParseCache()
    _ = ContentLoader(directory: content, cache: cache).load()
    let restored = ParseCache()
    #expect(restored.load(cache.encoded(header: "h"), header: "h"))
    let files = try taskFiles(content)
    // Same size, same time: the cache answers, the bytes are not read.
    let first = files[0]
    let original = try Data(contentsOf: URL(fileURLWithPath: first))
    var before = stat()
    #expect(stat(first, &before) == 0)
    try Data(repeating: 0x78, count: original.count).write(to: URL(fileURLWithPath: first))
    var times = [before.st_atim, before.st_mtim]
    #expect(utimensat(AT_FDCWD, first, &times, 0) == 0)
    // Another file edited (a different size): parsed again.
    let second = files[1]
    let text = try String(contentsOfFile: second, encoding: .utf8)
    try (text + "\nThêm một câu.\n").write(toFile: second, atomically: true, encoding: .utf8)
    try age(second)
    let loaded = ContentLoader(directory: content, cache: restored).load()
    #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.formatted())")
    #expect(loaded.draft.tasks.contains { $0.body.markdown.contains("Thêm một câu.") })
    #expect(restored.hasChanged)
  }

  @Test func recentlySavedFilesAreNotCached() throws {
    let content = try agedContent()
    let files = try taskFiles(content)
    try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: files[0])
    let cache = ParseCache()
    _ = ContentLoader(directory: content, cache: cache).load()
    let restored = ParseCache()
    #expect(restored.load(cache.encoded(header: "h"), header: "h"))
    // Four of the five task files are stored; the one saved just now is not.
    let stored = restored.encoded(header: "h")
    let name = Array(("tasks/" + files[0].components(separatedBy: "/tasks/")[1]).utf8)
    #expect(stored.count > 1000)
    #expect(!contains(stored, name))
  }

  @Test func anotherHeaderOrDamagedBytesAreIgnored() throws {
    let content = try agedContent()
    let cache = ParseCache()
    _ = ContentLoader(directory: content, cache: cache).load()
    let bytes = cache.encoded(header: "plansite A|Content")
    #expect(!ParseCache().load(bytes, header: "plansite B|Content"))
    #expect(!ParseCache().load([], header: "plansite A|Content"))
    // Cut anywhere: refused, never a crash.
    for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
      #expect(!ParseCache().load(Array(bytes[0..<length]), header: "plansite A|Content"))
    }
    // Lengths and counts damaged: refused or read, never a crash.
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      var damaged = bytes
      let index = Int.random(in: 0..<damaged.count, using: &generator)
      damaged[index] = UInt8.random(in: 0...255, using: &generator)
      _ = ParseCache().load(damaged, header: "plansite A|Content")
    }
  }

  func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard needle.count <= haystack.count else { return false }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
      if Array(haystack[start..<start + needle.count]) == needle { return true }
    }
    return false
  }
}
