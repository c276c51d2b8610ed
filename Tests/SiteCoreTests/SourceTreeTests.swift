import Foundation
import SiteCore
import TestSupport
import Testing

/// A listing updated at the paths that changed must be the listing of the
/// whole folder, or refuse.
@Suite struct SourceTreeTests {
  func listing(_ root: String) throws -> SourceTree {
    try SourceTree(directory: root, diagnostics: DiagnosticCollector())
  }

  func same(_ a: SourceTree, _ b: SourceTree) -> Bool {
    a.files == b.files && a.hasLinks == b.hasLinks
  }

  func write(_ text: String, _ root: URL, _ path: String) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  @Test func filesEditedAddedAndRemovedAreListedAsAWholeListingListsThem() throws {
    let root = try TestFiles.folder(
      "tree", ["a.md": "a", "tasks/01/1-1.md": "x", "tasks/01/1-2.md": "y", "z.yaml": "z"])
    var tree = try listing(root.path)
    try write("longer text", root, "tasks/01/1-1.md")
    try write("new", root, "tasks/01/1-0.md")
    try write("new", root, "tasks/01/1-3.md")
    try FileManager.default.removeItem(at: root.appendingPathComponent("a.md"))
    try write("leftover", root, "tasks/01/.1-1.md.swp")
    try write("leftover", root, "tasks/01/1-1.md~")
    // A path named twice, or named though nothing changed there, is harmless.
    let changed = [
      "tasks/01/1-1.md", "tasks/01/1-0.md", "tasks/01/1-3.md", "a.md", "tasks/01/.1-1.md.swp",
      "tasks/01/1-1.md~", "z.yaml", "tasks/01/1-1.md", "gone.md",
    ]
    let updated1 = tree.update(changedAt: changed)
    #expect(updated1)
    #expect(same(tree, try listing(root.path)))
    #expect(
      tree.files.map(\.path) == [
        "tasks/01/1-0.md", "tasks/01/1-1.md", "tasks/01/1-2.md",
        "tasks/01/1-3.md", "z.yaml",
      ])
  }

  /// A name that is not UTF-8 (a Windows .zip unpacked) is an error, not
  /// a file silently left out.
  @Test func aNameThatIsNotUTF8IsReported() throws {
    let root = try TestFiles.folder("tree", ["tasks/01/1-1.md": "x"])
    func create(_ name: [UInt8]) {
      let raw = Array(root.path.utf8) + [UInt8(ascii: "/")] + name + [0]
      let descriptor = raw.withUnsafeBufferPointer { bytes in
        bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
      }
      #expect(descriptor >= 0)
      close(descriptor)
    }
    create(Array("tasks/01/1-6-nhi".utf8) + [0xEA, 0xD2] + Array("m-vu.md".utf8))
    // A file the site would not read anyway is only a warning.
    create(Array("tasks/B".utf8) + [0xA0] + Array("o c".utf8) + [0xA0] + Array("o.pdf".utf8))
    let diagnostics = DiagnosticCollector()
    var tree = try SourceTree(directory: root.path, diagnostics: diagnostics)
    #expect(tree.files.map(\.path) == ["tasks/01/1-1.md"])
    let found = diagnostics.diagnostics.map { ($0.severity, $0.message.en) }
    #expect(found.count == 2)
    #expect(
      found.contains {
        $0.0 == .error
          && $0.1.hasSuffix(
            "/tasks/01/1-6-nhi\u{FFFD}\u{FFFD}m-vu.md' is not written in UTF-8, so it cannot be read"
          )
      }, "\(found)")
    #expect(found.contains { $0.0 == .warning && $0.1.contains(".pdf'") }, "\(found)")
    // The watcher names it decoded: only a whole listing can say what it is.
    let updated = tree.update(changedAt: ["tasks/01/1-6-nhi\u{FFFD}\u{FFFD}m-vu.md"])
    #expect(!updated)
  }

  /// A link to a folder that holds it is reported once, not walked until
  /// paths grow too long.
  @Test func aLinkToAFolderThatHoldsItIsReported() throws {
    let root = try TestFiles.folder("tree", ["tasks/01/1-1.md": "x"])
    try FileManager.default.createSymbolicLink(
      atPath: root.path + "/tasks/01/vong", withDestinationPath: "..")
    let diagnostics = DiagnosticCollector()
    let tree = try SourceTree(directory: root.path, diagnostics: diagnostics)
    #expect(tree.files.map(\.path) == ["tasks/01/1-1.md"])
    #expect(
      diagnostics.diagnostics.map(\.message.en) == [
        "'\(root.path)/tasks/01/vong' is a link to a folder that holds it, so it is not read"
      ])
  }

  /// Two links to each other's folders are a loop too.
  @Test func twoLinksToEachOthersFoldersAreReported() throws {
    let root = try TestFiles.folder("tree", ["tasks/1/1-1.md": "x", "tasks/2/2-1.md": "y"])
    try FileManager.default.createSymbolicLink(
      atPath: root.path + "/tasks/1/den-2", withDestinationPath: "../2")
    try FileManager.default.createSymbolicLink(
      atPath: root.path + "/tasks/2/den-1", withDestinationPath: "../1")
    let diagnostics = DiagnosticCollector()
    let tree = try SourceTree(directory: root.path, diagnostics: diagnostics)
    #expect(tree.files.allSatisfy { $0.path.split(separator: "/").count <= 4 }, "\(tree.files)")
    #expect(
      diagnostics.diagnostics.map(\.message.en).allSatisfy {
        $0.hasSuffix("is a link to a folder that holds it, so it is not read")
      })
    #expect(!diagnostics.diagnostics.isEmpty)
  }

  /// A large folder's files are looked at on all cores: the listing is
  /// still in order, with each file's own size.
  @Test func aLargeFolderIsListedInOrderWithEachFilesSize() throws {
    var files = ["tasks/zz/inner.md": "inner", "tasks/.hidden.md": "x", "tasks/a.md~": "x"]
    for index in 0..<700 { files["tasks/t-\(index).md"] = String(repeating: "x", count: index) }
    let root = try TestFiles.folder("tree", files)
    let tree = try listing(root.path)
    let expected = (0..<700).map { "tasks/t-\($0).md" }.sorted() + ["tasks/zz/inner.md"]
    #expect(tree.files.map(\.path) == expected)
    for file in tree.files where file.path.hasPrefix("tasks/t-") {
      #expect(file.size == Int64(file.path.dropFirst(8).dropLast(3)))
    }
  }

  /// Files are read whole, whatever their size against the read's first
  /// buffer (the size the file had, plus one; 64 KiB for an empty one).
  @Test func filesAreReadWhole() throws {
    let root = TestFiles.temporaryDirectory("bytes")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    var generator = SystemRandomNumberGenerator()
    for size in [0, 1, 65_535, 65_536, 65_537, 1_000_003] {
      let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
      let path = root.appendingPathComponent("f\(size)").path
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      #expect(try FileBytes.read(path) == bytes, "\(size)")
    }
    #expect(throws: FileBytes.ReadError.self) {
      try FileBytes.read(root.appendingPathComponent("missing").path)
    }
  }

  @Test func filesInANewFolderAreListedWithoutTheFolder() throws {
    let root = try TestFiles.folder("tree", ["a.md": "a"])
    var tree = try listing(root.path)
    try write("b", root, "tasks/02/2-1.md")
    let updated2 = tree.update(changedAt: ["tasks/02/2-1.md"])
    #expect(updated2)
    #expect(same(tree, try listing(root.path)))
  }

  @Test func aChangedFolderOrLinkNeedsAWholeListing() throws {
    let root = try TestFiles.folder("tree", ["a.md": "a", "tasks/01/1-1.md": "x"])
    var tree = try listing(root.path)
    try write("b", root, "tasks/02/2-1.md")
    let updated3 = tree.update(changedAt: ["tasks/02"])
    #expect(!updated3)

    tree = try listing(root.path)
    try FileManager.default.removeItem(at: root.appendingPathComponent("tasks/01"))
    let updated4 = tree.update(changedAt: ["tasks/01"])
    #expect(!updated4)

    tree = try listing(root.path)
    try FileManager.default.createSymbolicLink(
      atPath: root.appendingPathComponent("b.md").path, withDestinationPath: "a.md")
    let updated5 = tree.update(changedAt: ["b.md"])
    #expect(!updated5)
    // Once the folder holds a link, an edit of its target changes two files.
    tree = try listing(root.path)
    #expect(tree.hasLinks)
    let updated6 = tree.update(changedAt: ["a.md"])
    #expect(!updated6)

    let updated7 = tree.update(changedAt: [""])
    #expect(!updated7)
    let updated8 = tree.update(changedAt: ["tasks//1-1.md"])
    #expect(!updated8)
  }
}
