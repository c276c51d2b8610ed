import Foundation
import Testing

@testable import PreviewServer

@Suite struct SiteFilesTests {
  func site() throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "serve-\(UUID().uuidString)")
    let fm = FileManager.default
    try fm.createDirectory(
      at: root.appendingPathComponent("co-quan/so-a"), withIntermediateDirectories: true)
    try "home".write(
      to: root.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
    try "agency".write(
      to: root.appendingPathComponent("co-quan/so-a/index.html"), atomically: true, encoding: .utf8)
    try fm.createSymbolicLink(
      atPath: root.appendingPathComponent("escape").path, withDestinationPath: "/etc")
    return root.path
  }

  @Test func resolvesFilesAndFolders() throws {
    let files = SiteFiles(root: try site())
    #expect(files.file(for: "/")?.hasSuffix("/index.html") == true)
    #expect(files.file(for: "/co-quan/so-a/")?.hasSuffix("co-quan/so-a/index.html") == true)
    #expect(files.file(for: "/co-quan/so-a/index.html") != nil)
    #expect(files.file(for: "/co-quan/so-%61/index.html") != nil)
    #expect(files.file(for: "/nope.html") == nil)
  }

  @Test(arguments: [
    "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc/passwd", "/co-quan/../../x",
    "/escape/passwd", "/escape/hostname",
  ])
  func neverLeavesTheFolder(path: String) throws {
    #expect(SiteFiles(root: try site()).file(for: path) == nil)
  }

  @Test func contentTypes() {
    #expect(ContentTypes.type(forPath: "a/index.html") == "text/html; charset=utf-8")
    #expect(ContentTypes.type(forPath: "du-lieu/tasks.csv") == "text/csv; charset=utf-8")
    #expect(ContentTypes.type(forPath: "co-quan/x/han.ics") == "text/calendar; charset=utf-8")
    #expect(ContentTypes.type(forPath: "assets/site.1a2b3c4d.css") == "text/css; charset=utf-8")
    #expect(ContentTypes.type(forPath: "favicon.svg") == "image/svg+xml")
    #expect(ContentTypes.type(forPath: "README") == "application/octet-stream")
  }

  @Test func liveReloadIsAddedBeforeTheBodyEnds() {
    let page = Data("<html><body><p>x</p></body></html>".utf8)
    let served = String(decoding: LiveReload.inject(into: page), as: UTF8.self)
    #expect(served == "<html><body><p>x</p>\(LiveReload.tag)</body></html>")
  }
}

@Suite struct ServeProblemsTests {
  /// A busy port is found before the server starts: `serve` then fails at
  /// once with a message, instead of hanging.
  @Test func aBusyPortIsFoundAtOnce() async throws {
    let port = UInt16(19_000 + Int.random(in: 0..<1000))
    #expect(PreviewServer.isFree(port))
    let server = try PreviewServer(root: FileManager.default.temporaryDirectory.path, port: port)
    let task = Task { try await server.run() }
    // Generous: synchronous suites running meanwhile can hold both of
    // Swift's task threads on a 2-core machine for minutes, and the
    // server's task (and FlyingFox's 5 s timer) then waits for a thread:
    // one CI run failed here after 178 s with "timed out".
    try await server.waitUntilListening(timeout: 600)
    #expect(!PreviewServer.isFree(port))
    task.cancel()
  }

  /// A page asks what changed since the build it saw: the files of every
  /// build since, or nil (reload) when one of them is not known.
  @Test func changedFilesAreTheUnionSinceTheBuildAPageSaw() async {
    let generation = BuildGeneration()
    await generation.advance(problems: nil, changed: ["nhiem-vu/1-2/index.html"])
    await generation.advance(problems: nil, changed: ["nhom/1/index.html", "du-lieu/plan.json"])
    #expect(await generation.changed(after: -1, through: 2) == nil)
    #expect(await generation.changed(after: 0, through: 1) == ["nhiem-vu/1-2/index.html"])
    #expect(
      await generation.changed(after: 0, through: 2)
        == ["du-lieu/plan.json", "nhiem-vu/1-2/index.html", "nhom/1/index.html"])
    #expect(await generation.changed(after: 2, through: 2) == [])
    await generation.advance(problems: nil)
    #expect(await generation.changed(after: 1, through: 3) == nil)
    for _ in 0..<100 { await generation.advance(problems: nil, changed: []) }
    // Older than the history kept: unknown.
    #expect(await generation.changed(after: 3, through: 103) == nil)
    #expect(await generation.changed(after: 100, through: 103) == [])
  }

  /// A failed build's messages reach open pages (shown over the page), and
  /// the next good build clears them.
  @Test func problemsReachThePageUntilTheNextGoodBuild() async {
    let generation = BuildGeneration()
    await generation.advance(problems: "Content/plan.md:2:9: lỗi: …")
    #expect(await generation.problems == "Content/plan.md:2:9: lỗi: …")
    #expect(await generation.wait(after: -1, timeout: 0) == 1)
    await generation.advance(problems: nil)
    #expect(await generation.problems == nil)
    #expect(LiveReload.script.contains("plansite-problems"))
  }

  /// A long poll with nothing new answers before the HTTP server gives up
  /// on the request (FlyingFox then sends an empty 500, which a page reads
  /// as no JSON: one `make test` run failed so, after a rebuild under load
  /// took longer than FlyingFox's default 15 s).
  @Test func aQuietLongPollAnswersBeforeTheServerGivesUp() {
    #expect(PreviewServer.longPoll + 10 <= PreviewServer.requestTimeout)
  }

  @Test func problemsAreSentAsAJSONString() {
    #expect(PreviewServer.jsonString("a \"b\"\n\\c") == "\"a \\\"b\\\"\\n\\\\c\"")
  }
}
