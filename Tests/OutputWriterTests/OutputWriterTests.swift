import Foundation
import OutputWriter
import SiteCore
import Testing

@Suite struct OutputWriterTests {
  func temporary() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("out-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func publishesAtomicallyAndReplacesThePreviousBuild() throws {
    let site = temporary().appendingPathComponent("Site").path
    let first = try OutputWriter(directory: site)
    try first.staging.write(OutputFile(path: "a/index.html", text: "1"))
    try first.staging.write(OutputFile(path: "old.html", text: "old"))
    try first.publish()
    let second = try OutputWriter(directory: site)
    try second.staging.write(OutputFile(path: "a/index.html", text: "2"))
    // Until publish(), the live folder is untouched.
    #expect(try String(contentsOfFile: site + "/a/index.html", encoding: .utf8) == "1")
    try second.publish()
    #expect(try String(contentsOfFile: site + "/a/index.html", encoding: .utf8) == "2")
    #expect(!FileManager.default.fileExists(atPath: site + "/old.html"))
    #expect(!FileManager.default.fileExists(atPath: site + ".staging"))
  }

  @Test func refusesPathsOutsideTheFolder() throws {
    let writer = try OutputWriter(directory: temporary().appendingPathComponent("Site").path)
    defer { writer.abandon() }
    for bad in ["../x.html", "/etc/x", "a/../../x", "a//b", ""] {
      #expect(throws: OutputError.self) { try writer.staging.write(OutputFile(path: bad, text: "x")) }
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
    try "mine".write(to: foreign.appendingPathComponent("letter.txt"), atomically: true, encoding: .utf8)
    #expect(throws: OutputError.self) { try OutputWriter(directory: foreign.path) }
    let content = root.appendingPathComponent("Content")
    #expect(throws: OutputError.self) {
      try OutputWriter(directory: content.path, protecting: [content.path])
    }
    #expect(throws: OutputError.self) {
      try OutputWriter(directory: content.appendingPathComponent("Site").path, protecting: [content.path])
    }
  }
}
