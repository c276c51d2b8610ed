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
    // A plan with no file in tasks/ is an error.
    "tasks/9-khac/_group.md": "---\nid: \"9\"\ntitle: Khác\n---\n",
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

  /// Ids written as one text with commas, as people write lists, are the list.
  @Test func idsWrittenWithCommasAreAList() throws {
    var files = minimal
    files["tasks/g/_group.md"] = "---\nid: \"1\"\ntitle: G\n---\n"
    files["tasks/g/1.md"] =
      "---\nid: \"1.1\"\ntitle: T\nassignments:\n  - to: so-a, all-communes\n    role: lead\n"
      + "    text: x\n---\n"
    let result = ContentLoader(directory: try folder(files)).load()
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.formatted())")
    let to = result.draft.tasks.first?.assignments.first?.to.map(\.value)
    #expect(to == ["so-a", "all-communes"])
  }

  /// Addresses written in one text are a list of addresses.
  @Test func sourcesWrittenInOneTextAreAList() throws {
    var files = minimal
    files["indicators.yaml"] =
      "- id: a\n  name: A\n  unit: \"%\"\n  targets:\n    \"2030\": \"12\"\n"
      + "  sources: \"https://a.vn/1, https://b.vn/2\"\n"
    let result = ContentLoader(directory: try folder(files)).load()
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.formatted())")
    #expect(
      result.draft.indicators.first?.indicator.sources == ["https://a.vn/1", "https://b.vn/2"])
  }

  /// Task files only misnamed are said so, not "no task at all".
  @Test func misnamedTaskFilesAreNotNoTasks() throws {
    var files = minimal
    files["tasks/9-khac/_group.md"] = nil
    files["tasks/9-khac/_group.MD"] = "---\nid: \"9\"\ntitle: Khác\n---\n"
    let result = ContentLoader(directory: try folder(files)).load()
    let messages = result.diagnostics.map(\.message.en)
    #expect(messages.count == 1, "\(messages)")
    #expect(messages.first?.contains("_group.MD") == true, "\(messages)")
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

/// `watch` and `serve` patch the last load when only task files' text
/// changed: the patched load must be the full load, and any other change
/// must be left to a full load.
@Suite struct PatchedLoadTests {
  static func task(_ id: String, _ title: String) -> String {
    "---\nid: \"\(id)\"\ntitle: \"\(title)\"\nassignments:\n  - to: [so-a]\n    role: lead\n"
      + "    text: \"Làm.\"\n---\nNội dung \(id).\n"
  }

  let files = LoaderTests().minimal.merging([
    "tasks/01-a/_group.md": "---\nid: \"1\"\ntitle: \"Nhóm\"\n---\n",
    "tasks/01-a/1-1.md": task("1.1", "Một"),
    "tasks/01-a/1-2.md": task("1.2", "Hai"),
    "tasks/01-a/1-3.md": task("1.3", "Ba"),
  ]) { first, _ in first }

  /// A load that reuses what `first` parsed of files whose size and time
  /// are unchanged, as the build memory does; and the same load patched.
  func loads(_ root: String, after first: (SourceTree, ContentLoader.Result)) throws -> (
    patched: ContentLoader.Result?, full: ContentLoader.Result
  ) {
    let loader = ContentLoader(directory: root)
    let listed = loader.list()
    let tree = try #require(listed.tree)
    let stamps = Dictionary(first.0.files.map { ($0.path, $0.stamp) }) { a, _ in a }
    let remembered = { (file: SourceTree.File) -> ParsedFile? in
      stamps[file.path] == file.stamp ? first.1.parsed[file.path] : nil
    }
    let earlier = EarlierLoad(
      tree: first.0, listingDiagnostics: listed.diagnostics, result: first.1)
    return (
      loader.load(
        tree, listingDiagnostics: listed.diagnostics, patching: earlier, reusing: remembered),
      loader.load(tree, listingDiagnostics: listed.diagnostics, reusing: remembered)
    )
  }

  func firstLoad(_ root: String) throws -> (SourceTree, ContentLoader.Result) {
    let loader = ContentLoader(directory: root)
    let tree = try #require(loader.list().tree)
    // As remembered by the build: nothing counts as freshly parsed.
    var result = loader.load(tree)
    result.freshlyParsed = []
    return (tree, result)
  }

  func same(_ a: ContentLoader.Result, _ b: ContentLoader.Result) throws -> Bool {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return try encoder.encode(a.draft) == encoder.encode(b.draft)
      && a.diagnostics == b.diagnostics && a.freshlyParsed == b.freshlyParsed
      && Set(a.parsed.keys) == Set(b.parsed.keys)
  }

  @Test func aTaskEditIsPatchedAsAFullLoadWouldLoadIt() throws {
    let root = try TestFiles.folder("patch", files).path
    let first = try firstLoad(root)
    try Self.task("1.2", "Hai, sửa lại cho dài hơn").write(
      toFile: root + "/tasks/01-a/1-2.md", atomically: true, encoding: .utf8)
    let (patched, full) = try loads(root, after: first)
    let result = try #require(patched)
    #expect(try same(result, full))
    #expect(result.freshlyParsed == ["tasks/01-a/1-2.md"])
    #expect(result.draft.tasks.map(\.title) == ["Một", "Hai, sửa lại cho dài hơn", "Ba"])
    // Nothing changed: the earlier load again.
    let unchanged = try loads(
      root, after: (try #require(ContentLoader(directory: root).list().tree), full))
    #expect(try same(try #require(unchanged.patched), unchanged.full))
  }

  /// A report's text edited: patched in place, as a full load loads it.
  @Test func aReportEditIsPatchedAsAFullLoadWouldLoadIt() throws {
    func report(_ progress: Int) -> String {
      "---\ndate: 2026-07-05\ntasks:\n  - task: \"1.1\"\n    status: in-progress\n"
        + "    progress: \(progress)\n  - task: \"1.2\"\n    status: not-started\n---\n"
    }
    var files = files
    files["reports/2026-6t/so-a.md"] = report(40)
    files["reports/2026-6t/so-b.md"] = report(10)
    let root = try TestFiles.folder("patch-report", files).path
    let first = try firstLoad(root)
    #expect(first.1.draft.reports.count == 2)
    try report(60).write(
      toFile: root + "/reports/2026-6t/so-b.md", atomically: true, encoding: .utf8)
    let (patched, full) = try loads(root, after: first)
    let result = try #require(patched)
    #expect(try same(result, full))
    #expect(result.replacedReports == [1])
    #expect(result.replacedTasks.isEmpty)
    #expect(result.freshlyParsed == ["reports/2026-6t/so-b.md"])
    #expect(result.draft.reports[1].tasks[0].progress?.value == 60)
  }

  @Test(arguments: [
    "group file edited", "task added", "task removed", "task with a problem", "task now broken",
  ])
  func otherChangesAreLoadedInFull(change: String) throws {
    let root = try TestFiles.folder("patch", files).path
    var first = try firstLoad(root)
    let task = root + "/tasks/01-a/1-2.md"
    switch change {
    case "group file edited":
      try "---\nid: \"1\"\ntitle: \"Nhóm đã sửa\"\n---\n".write(
        toFile: root + "/tasks/01-a/_group.md", atomically: true, encoding: .utf8)
    case "task added":
      try Self.task("1.4", "Bốn").write(
        toFile: root + "/tasks/01-a/1-4.md", atomically: true, encoding: .utf8)
    case "task removed":
      try FileManager.default.removeItem(atPath: task)
    case "task with a problem":
      // The earlier load warned of an unknown field in the task: removing
      // it changes the diagnostics.
      try Self.task("1.2", "Hai").replacingOccurrences(of: "title:", with: "foo: 1\ntitle:")
        .write(toFile: task, atomically: true, encoding: .utf8)
      first = try firstLoad(root)
      #expect(first.1.diagnostics.count == 1)
      try Self.task("1.2", "Hai").write(toFile: task, atomically: true, encoding: .utf8)
    default:
      try "---\nid: \"1.2\"\n---\n".write(toFile: task, atomically: true, encoding: .utf8)
    }
    let (patched, full) = try loads(root, after: first)
    #expect(patched == nil, "\(change)")
    #expect(!full.parsed.isEmpty)
  }

  /// Validation patched after a patched load, against validation in full;
  /// and the task edits it must leave to a full validation.
  @Test(arguments: ["title", "id", "group", "warning", "unknown agency"])
  func aPatchedValidationIsAFullValidation(edit: String) throws {
    let root = try TestFiles.folder("patch", files).path
    let first = try firstLoad(root)
    let validator = PlanValidator()
    let earlier = try #require(validator.validate(first.1.draft, keeping: true).earlier)
    let task = root + "/tasks/01-a/1-2.md"
    var text = Self.task("1.2", "Hai, sửa lại")
    switch edit {
    case "id": text = Self.task("1.5", "Hai")
    case "group": text = text.replacingOccurrences(of: "title:", with: "group: \"2\"\ntitle:")
    case "warning":
      text = text.replacingOccurrences(of: "title:", with: "status: done\nprogress: 40\ntitle:")
    case "unknown agency": text = text.replacingOccurrences(of: "[so-a]", with: "[so-b]")
    default: break
    }
    try text.write(toFile: task, atomically: true, encoding: .utf8)
    let loaded = try #require(try loads(root, after: first).patched)
    #expect(loaded.replacedTasks.map(\.index) == [1])
    let patched = validator.validate(
      loaded.draft, patching: earlier, changedTasks: loaded.replacedTasks)
    guard edit == "title" else {
      #expect(patched == nil, "\(edit)")
      return
    }
    let full = validator.validate(loaded.draft)
    let result = try #require(patched)
    let plan = try #require(result.plan)
    let expected = try #require(full.plan)
    #expect(plan.tasks == expected.tasks)
    #expect(plan.groups == expected.groups)
    #expect(plan.tasks.map(\.title) == ["Một", "Hai, sửa lại", "Ba"])
    #expect(result.diagnostics == full.diagnostics)
    #expect(result.earlier != nil)
  }
}
