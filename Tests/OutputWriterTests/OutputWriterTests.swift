import Foundation
import OutputWriter
import SiteCore
import Testing

@Suite struct OutputWriterTests {
  func temporary() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "out-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// What the builder would remember between publishes (the build database's part).
  final class Records {
    var published: OutputWriter.Published?
  }

  func publish(
    _ site: String, _ files: [String: String], keep: [String] = [], records: Records
  ) throws -> OutputWriter.Report {
    let writer = try OutputWriter(directory: site)
    let update = try writer.begin(live: records.published?.live, spare: records.published?.spare)
    for (path, text) in files.sorted(by: { $0.key < $1.key }) {
      try update.put(OutputFile(path: path, text: text))
    }
    for path in keep { try update.keep(path) }
    let (report, published) = try writer.commit(update)
    records.published = published
    writer.release()
    return report
  }

  func inode(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.systemFileNumber] as? Int
  }

  @Test func publishesAtomicallyAndReplacesThePreviousBuild() throws {
    let site = temporary().appendingPathComponent("Site").path
    let records = Records()
    _ = try publish(site, ["a/index.html": "1", "old.html": "old"], records: records)
    let writer = try OutputWriter(directory: site)
    let update = try writer.begin(live: records.published?.live, spare: records.published?.spare)
    try update.put(OutputFile(path: "a/index.html", text: "2"))
    // Until commit, the live folder is untouched.
    #expect(try String(contentsOfFile: site + "/a/index.html", encoding: .utf8) == "1")
    let (report, published) = try writer.commit(update)
    #expect(try String(contentsOfFile: site + "/a/index.html", encoding: .utf8) == "2")
    #expect(!FileManager.default.fileExists(atPath: site + "/old.html"))
    #expect(report.removed == ["old.html"])
    #expect(report.written == ["a/index.html"])
    // Nothing but the site is in the folder.
    #expect(try FileManager.default.contentsOfDirectory(atPath: site).sorted() == ["a"])
    #expect(published.live.identity == FolderIdentity.of(site))
    #expect(published.spare?.identity == FolderIdentity.of(site + ".staging"))
  }

  @Test func unchangedBytesKeepTheLiveInodeAcrossBuilds() throws {
    let site = temporary().appendingPathComponent("Site").path
    let records = Records()
    _ = try publish(site, ["a.html": "A", "b.html": "B"], records: records)
    let a1 = inode(site + "/a.html")
    let report = try publish(site, ["a.html": "A", "b.html": "B2"], records: records)
    #expect(report.unchanged == 1)
    #expect(report.written == ["b.html"])
    #expect(inode(site + "/a.html") == a1)
    // A third build swaps back to the first folder: still the same inode.
    let third = try publish(site, ["a.html": "A"], keep: ["b.html"], records: records)
    #expect(third.written.isEmpty)
    #expect(inode(site + "/a.html") == a1)
    #expect(try String(contentsOfFile: site + "/b.html", encoding: .utf8) == "B2")
  }

  @Test func anUnknownSpareIsRebuilt() throws {
    let site = temporary().appendingPathComponent("Site").path
    let records = Records()
    _ = try publish(site, ["a.html": "A"], records: records)
    _ = try publish(site, ["a.html": "A2"], records: records)
    // A build killed while updating the spare: the builder forgot the
    // spare's record before touching it, and junk is left.
    records.published?.spare = nil
    try "junk".write(toFile: site + ".staging/junk.html", atomically: true, encoding: .utf8)
    _ = try publish(site, ["a.html": "A3"], records: records)
    #expect(try String(contentsOfFile: site + "/a.html", encoding: .utf8) == "A3")
    #expect(!FileManager.default.fileExists(atPath: site + "/junk.html"))
  }

  @Test func aRecordOfAnotherFolderIsNotTrusted() throws {
    let site = temporary().appendingPathComponent("Site").path
    let records = Records()
    _ = try publish(site, ["a.html": "A"], records: records)
    // Someone replaces the folder by hand with other bytes under the same name.
    try FileManager.default.removeItem(atPath: site)
    try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
    try "other".write(toFile: site + "/a.html", atomically: true, encoding: .utf8)
    let writer = try OutputWriter(directory: site)
    let update = try writer.begin(live: records.published?.live, spare: records.published?.spare)
    // The record no longer describes the live folder: nothing can be kept.
    #expect(throws: OutputError.self) { try update.keep("a.html") }
    writer.abandon()
  }

  @Test func refusesPathsOutsideTheFolder() throws {
    let writer = try OutputWriter(directory: temporary().appendingPathComponent("Site").path)
    defer { writer.abandon() }
    let update = try writer.begin(live: nil, spare: nil)
    for bad in ["../x.html", "/etc/x", "a/../../x", "a//b", ""] {
      #expect(throws: OutputError.self) { try update.put(OutputFile(path: bad, text: "x")) }
    }
  }

  @Test func secondWriterIsLockedOut() throws {
    let site = temporary().appendingPathComponent("Site").path
    let first = try OutputWriter(directory: site)
    #expect(throws: OutputError.self) { try OutputWriter(directory: site) }
    first.abandon()
    let again = try OutputWriter(directory: site)
    again.abandon()
  }

  @Test func refusesFoldersItDidNotMake() throws {
    let root = temporary()
    let foreign = root.appendingPathComponent("Documents")
    try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
    try "mine".write(
      to: foreign.appendingPathComponent("letter.txt"), atomically: true, encoding: .utf8)
    let writer = try OutputWriter(directory: foreign.path)
    #expect(throws: OutputError.self) { try writer.checkOwnership(recorded: nil) }
    writer.abandon()
    // A folder whose home page plansite wrote is recognised without a record.
    let site = root.appendingPathComponent("Site")
    try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
    try "<!DOCTYPE html><meta name=\"generator\" content=\"plansite 0.5.0\">".write(
      to: site.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
    let ours = try OutputWriter(directory: site.path)
    #expect(throws: Never.self) { try ours.checkOwnership(recorded: nil) }
    ours.abandon()
    let content = root.appendingPathComponent("Content")
    #expect(throws: OutputError.self) {
      try OutputWriter(directory: content.path, protecting: [content.path])
    }
    #expect(throws: OutputError.self) {
      try OutputWriter(
        directory: content.appendingPathComponent("Site").path, protecting: [content.path])
    }
  }
}
