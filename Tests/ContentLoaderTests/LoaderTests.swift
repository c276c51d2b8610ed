import ContentLoader
import Foundation
import PlanModel
import SiteCore
import TestSupport
import Testing

@Suite struct LoaderTests {
  /// A content folder with `files` (path → text) in a temporary directory.
  func folder(_ files: [String: String]) throws -> String {
    try TestFiles.folder("folder", files).path
  }

  let minimal = [
    "site.yaml": "title: Thử\n",
    "plan.md":
      "---\nnumber: \"1\"\ntitle: T\nissued: 2026-01-13\nissuer: U\nsigner: S\n---\nCăn cứ.\n",
    "agencies.yaml": "- id: so-a\n  name: Sở A\n",
    "communes.yaml": "- id: xa-a\n  name: A\n  kind: xa\n",
  ]

  @Test func loadsAMinimalFolder() throws {
    let result = ContentLoader(directory: try folder(minimal)).load()
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.formatted())")
    #expect(result.draft.document?.preamble.html == "<p>Căn cứ.</p>\n")
    #expect(result.draft.agencies.first?.value.kind == .so)  // kind defaults to sở
    #expect(result.parsed.keys.sorted() == minimal.keys.sorted())
    #expect(result.freshlyParsed == Set(minimal.keys))
  }

  /// A parse kept by an earlier build is used as it is; the file is not read.
  @Test func reusesRememberedParsesAndTheyRoundTrip() throws {
    let root = try folder(minimal)
    let first = ContentLoader(directory: root).load()
    var remembered: [String: ParsedFile] = [:]
    for (path, parsed) in first.parsed {
      let bytes = try BinaryCoding.encode(parsed)
      remembered[path] = try BinaryCoding.decode(ParsedFile.self, from: bytes)
    }
    try "not even UTF-8 \u{FFFF}".write(
      toFile: root + "/plan.md", atomically: true, encoding: .utf16)
    let loader = ContentLoader(directory: root)
    let listed = loader.list()
    let tree = try #require(listed.tree)
    let second = loader.load(tree, reusing: { remembered[$0.path] })
    #expect(second.freshlyParsed.isEmpty)
    #expect(second.diagnostics.isEmpty)
    #expect(second.draft.document == first.draft.document)
  }

  @Test func yamlPositionsAreFileLines() throws {
    var files = minimal
    files["tasks/g/_group.md"] = "---\nid: \"1\"\ntitle: G\n---\n"
    files["tasks/g/1.md"] =
      "---\nid: \"1.1\"\ntitle: T\nassignments:\n  - to: [so-a]\n    role: lead\n    text: x\nprogress: 101\n---\nBody\n"
    let result = ContentLoader(directory: try folder(files)).load()
    let error = try #require(result.diagnostics.first)
    #expect(error.location.line == 8)
    #expect(error.location.column == 11)
    #expect(error.location.file.hasSuffix("tasks/g/1.md"))
  }

  @Test func missingFolderIsReported() {
    let result = ContentLoader(directory: "/nonexistent/Content").load()
    #expect(result.diagnostics.first?.message.en == "folder '/nonexistent/Content' does not exist")
  }

  @Test func editorLeftoversAreIgnored() throws {
    var files = minimal
    files[".DS_Store"] = "x"
    files["plan.md~"] = "x"
    files["#plan.md#"] = "x"
    let result = ContentLoader(directory: try folder(files)).load()
    #expect(result.diagnostics.isEmpty)
  }
}
