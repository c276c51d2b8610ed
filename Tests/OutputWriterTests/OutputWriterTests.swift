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

  func publish(_ site: String, _ files: [String: String], keep: [String] = []) throws
    -> OutputWriter.Report
  {
    let writer = try OutputWriter(directory: site)
    let update = try writer.begin()
    for (path, text) in files.sorted(by: { $0.key < $1.key }) {
      try update.put(OutputFile(path: path, text: text))
    }
    for path in keep { try update.keep(path) }
    return try writer.commit(update)
  }

  func inode(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.systemFileNumber] as? Int
  }

  @Test func publishesAtomicallyAndReplacesThePreviousBuild() throws {
    let site = temporary().appendingPathComponent("Site").path
    _ = try publish(site, ["a/index.html": "1", "old.html": "old"])
    let writer = try OutputWriter(directory: site)
    let update = try writer.begin()
    try update.put(OutputFile(path: "a/index.html", text: "2"))
    // Until commit, the live folder is untouched.
    #expect(try String(contentsOfFile: site + "/a/index.html", encoding: .utf8) == "1")
    let report = try writer.commit(update)
    #expect(try String(contentsOfFile: site + "/a/index.html", encoding: .utf8) == "2")
    #expect(!FileManager.default.fileExists(atPath: site + "/old.html"))
    #expect(report.removed == ["old.html"])
    #expect(report.written == ["a/index.html"])
  }

  @Test func unchangedBytesKeepTheLiveInodeAcrossBuilds() throws {
    let site = temporary().appendingPathComponent("Site").path
    _ = try publish(site, ["a.html": "A", "b.html": "B"])
    let a1 = inode(site + "/a.html")
    let report = try publish(site, ["a.html": "A", "b.html": "B2"])
    #expect(report.unchanged == 1)
    #expect(report.written == ["b.html"])
    #expect(inode(site + "/a.html") == a1)
    // A third build swaps back to the first folder: still the same inode.
    let third = try publish(site, ["a.html": "A"], keep: ["b.html"])
    #expect(third.written.isEmpty)
    #expect(inode(site + "/a.html") == a1)
    #expect(try String(contentsOfFile: site + "/b.html", encoding: .utf8) == "B2")
  }

  @Test func aHalfUpdatedSpareIsRebuilt() throws {
    let site = temporary().appendingPathComponent("Site").path
    _ = try publish(site, ["a.html": "A"])
    _ = try publish(site, ["a.html": "A2"])
    // Simulate a build killed while updating the spare: manifest gone, junk left.
    try FileManager.default.removeItem(atPath: site + ".staging/.plansite-build")
    try "junk".write(toFile: site + ".staging/junk.html", atomically: true, encoding: .utf8)
    _ = try publish(site, ["a.html": "A3"])
    #expect(try String(contentsOfFile: site + "/a.html", encoding: .utf8) == "A3")
    #expect(!FileManager.default.fileExists(atPath: site + "/junk.html"))
  }

  @Test func refusesPathsOutsideTheFolder() throws {
    let writer = try OutputWriter(directory: temporary().appendingPathComponent("Site").path)
    defer { writer.abandon() }
    let update = try writer.begin()
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
    #expect(throws: OutputError.self) { try OutputWriter(directory: foreign.path) }
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
