import Foundation
import PlanModel
import SiteCore
import TestSupport
import Testing

@testable import ContentLoader

/// A parsed file, as the build database keeps it, comes back as it was:
/// every kind of content file of the repository's projects, and a file
/// that could not be read.
@Suite struct ParsedFileCodingTests {
  static let root = YAMLComposerTests.root

  /// Each file's parse, stored and read back, is stored again as the same
  /// bytes, and loading from the stored parses gives the same plan; every
  /// case of `ParsedFile.Content` is among them.
  @Test func everyKindOfParsedFileRoundTrips() throws {
    var broken = try TestFiles.folder(
      "broken", ["site.yaml": "title: [unclosed\n", "agencies.yaml": "- id: so-a\n  name: Sở A\n"])
    broken = broken.standardizedFileURL
    var kinds = Set<String>()
    for folder in [
      Self.root.appendingPathComponent("Content"),
      Self.root.appendingPathComponent("docs/sample/Content"), broken,
    ] {
      let loader = ContentLoader(directory: folder.path)
      let first = loader.load()
      var stored: [String: ParsedFile] = [:]
      for (path, parsed) in first.parsed {
        let bytes = try BinaryCoding.encode(parsed)
        let decoded = try BinaryCoding.decode(ParsedFile.self, from: bytes)
        #expect(try BinaryCoding.encode(decoded) == bytes, "\(path)")
        #expect(decoded.diagnostics == parsed.diagnostics, "\(path)")
        #expect(decoded.hash == parsed.hash, "\(path)")
        kinds.insert(Mirror(reflecting: decoded.content).children.first?.label ?? "nothing")
        stored[path] = decoded
      }
      let tree = try #require(loader.list().tree)
      let second = loader.load(tree, reusing: { stored[$0.path] })
      #expect(second.freshlyParsed.isEmpty)
      #expect(second.diagnostics == first.diagnostics)
      #expect(try BinaryCoding.encode(second.draft) == BinaryCoding.encode(first.draft))
    }
    #expect(
      kinds == [
        "site", "plan", "section", "agencies", "communes", "indicators", "group", "task",
        "schedule", "report", "nothing",
      ])
    let parsed = ParsedFile(content: .nothing, diagnostics: [], hash: nil)
    #expect(Mirror(reflecting: parsed).children.map(\.label) == ["content", "diagnostics", "hash"])
  }
}
