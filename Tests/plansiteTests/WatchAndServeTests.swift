import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `plansite watch` and `plansite serve`, run as editors run them.
@Suite(.serialized) struct WatchAndServeTests {
  func project() throws -> URL {
    let folder = CommandRunner.temporaryDirectory("watch")
    for name in ["Content", "Templates"] {
      try FileManager.default.copyItem(
        at: CommandRunner.root.appendingPathComponent(name), to: folder.appendingPathComponent(name)
      )
    }
    return folder
  }

  func edit(_ file: URL, _ from: String, _ to: String) throws {
    let text = try String(contentsOf: file, encoding: .utf8)
    // Save the way editors do: a temporary file renamed over the original.
    let temporary = file.deletingLastPathComponent().appendingPathComponent(
      ".~\(file.lastPathComponent)")
    try text.replacingOccurrences(of: from, with: to).write(
      to: temporary, atomically: false, encoding: .utf8)
    _ = rename(temporary.path, file.path)
  }

  @Test func watchRebuildsKeepsTheSiteOnErrorsAndRecovers() throws {
    let folder = try project()
    let watch = try LiveProcess(["watch", "--today", "2026-11-27"], in: folder)
    #expect(watch.wait { $0.contains("(khởi động): dựng lại") }, "\(watch.text)")
    let task = folder.appendingPathComponent("Content/tasks/1-trong-tam/1-3.md")
    let page = folder.appendingPathComponent("Site/nhiem-vu/1-3/index.html")

    try edit(task, "Bám sát định hướng", "Bám sát chặt chẽ định hướng")
    #expect(
      watch.wait { $0.contains("Content/tasks/1-trong-tam/1-3.md: dựng lại") }, "\(watch.text)")
    #expect(try String(contentsOf: page, encoding: .utf8).contains("Bám sát chặt chẽ định hướng"))

    let before = CommandRunner.snapshot(folder.appendingPathComponent("Site"))
    try edit(task, "role: lead", "role: chu tri")
    #expect(watch.wait { $0.contains("chưa xuất bản") }, "\(watch.text)")
    #expect(
      watch.text.contains("1-3.md:10:11: lỗi: 'chu tri' không phải là giá trị hợp lệ của 'role'"))
    #expect(CommandRunner.snapshot(folder.appendingPathComponent("Site")) == before)

    try edit(task, "role: chu tri", "role: lead")
    #expect(
      watch.wait { $0.components(separatedBy: "1-3.md: dựng lại").count == 3 }, "\(watch.text)")
    watch.interrupt()
    #expect(watch.process.terminationStatus == 0)
    #expect(watch.text.hasSuffix("Đã dừng.\n"))
    // Ctrl-C leaves Site/ and no staging folder beside it.
    #expect(
      !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Site.staging").path))
    #expect(
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("Site.db").path))
    #expect(
      try FileManager.default.contentsOfDirectory(
        atPath: folder.appendingPathComponent("Site").path
      )
      .allSatisfy { !$0.hasPrefix(".") })
    let published = CommandRunner.snapshot(folder.appendingPathComponent("Site"))
    // The next build finds nothing to do, and a clean build agrees with Site/.
    let next = try CommandRunner.run(["build", "--today", "2026-11-27"], in: folder)
    // (Up to date, or, if the last save was under two seconds ago, checked
    // again with nothing to render.)
    #expect(
      next.status == 0
        && (next.stdout.contains("không có gì cần dựng lại")
          || next.stdout.contains("dựng lại 0 trang")),
      "\(next.stdout)\(next.stderr)")
    let clean = try CommandRunner.run(["build", "--clean", "--today", "2026-11-27"], in: folder)
    #expect(clean.status == 0, "\(clean.stderr)")
    #expect(CommandRunner.snapshot(folder.appendingPathComponent("Site")) == published)
  }

  @Test func serveAnswersWithTheRightTypesAndReloads() async throws {
    let folder = try project()
    let port = 18_000 + Int.random(in: 0..<1000)
    let serve = try LiveProcess(
      ["serve", "--port", "\(port)", "--today", "2026-11-27", "--lang", "en"], in: folder)
    #expect(serve.wait { $0.contains("(start): rendered") }, "\(serve.text)")
    let base = "http://127.0.0.1:\(port)"

    // A second preview on the same port fails at once, saying what to do.
    let started = Date()
    let busy = try CommandRunner.run(
      ["serve", "--port", "\(port)", "--today", "2026-11-27"], in: folder)
    #expect(busy.status == 1)
    #expect(busy.stderr.contains("lỗi: cổng \(port) đang được dùng; thử --port \(port + 1)"))
    #expect(Date().timeIntervalSince(started) < 3)

    // A save that breaks the build: the page shows the problem over itself.
    let changes = try await get(base + "/_plansite/changes?since=-1")
    #expect(String(decoding: changes.0, as: UTF8.self).contains("\"problems\":null"))

    for (path, status, type) in [
      ("/", 200, "text/html; charset=utf-8"),
      ("/co-quan/so-tai-chinh/index.html", 200, "text/html; charset=utf-8"),
      ("/co-quan/", 200, "text/html; charset=utf-8"),
      ("/du-lieu/plan.json", 200, "application/json; charset=utf-8"),
      ("/du-lieu/tasks.csv", 200, "text/csv; charset=utf-8"),
      ("/co-quan/so-tai-chinh/han.ics", 200, "text/calendar; charset=utf-8"),
      ("/assets/favicon.svg", 200, "image/svg+xml"),
      ("/tim-kiem/chi-muc.js", 200, "text/javascript; charset=utf-8"),
      ("/khong-co/index.html", 404, "text/html; charset=utf-8"),
    ] {
      let (data, response) = try await get(base + path)
      #expect(response.statusCode == status, "\(path)")
      #expect(response.value(forHTTPHeaderField: "Content-Type") == type, "\(path)")
      if type.hasPrefix("text/html") {
        #expect(String(decoding: data, as: UTF8.self).contains("/_plansite/live.js"), "\(path)")
      }
    }
    // Traversal, plain and encoded, never leaves Site/.
    for attack in ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc/passwd"]
    {
      let (data, response) = try await raw(port: port, path: attack)
      #expect(response.hasPrefix("HTTP/1.1 404"), "\(attack): \(response)")
      #expect(!data.contains("root:"))
    }
    // The reload script and endpoint: a change publishes a newer build.
    let (script, _) = try await get(base + "/_plansite/live.js")
    #expect(String(decoding: script, as: UTF8.self).contains("location.reload()"))
    let (first, _) = try await get(base + "/_plansite/changes?since=-1")
    let build = try #require(
      (try JSONSerialization.jsonObject(with: first) as? [String: Any])?["build"] as? Int)
    // The answer that names the edited task's page (published first,
    // alone; the other steps may have followed already).
    async let waiting = reply(base, after: build) {
      ($0["changed"] as? [String])?.contains("nhiem-vu/1-2/index.html") == true
    }
    try await Task.sleep(nanoseconds: 300_000_000)
    try edit(
      folder.appendingPathComponent("Content/tasks/1-trong-tam/1-2.md"), "Thực hiện kiểm tra",
      "Thực hiện kiểm tra (mới)")
    let next = try #require(try await waiting, "no answer named nhiem-vu/1-2/index.html")
    let nextBuild = try #require(next["build"] as? Int)
    #expect(nextBuild > build)
    #expect(next["problems"] is NSNull)
    // A save that breaks the build: open pages get its messages to show.
    async let broken = reply(base, after: nextBuild) { $0["problems"] is String }
    try await Task.sleep(nanoseconds: 300_000_000)
    try edit(
      folder.appendingPathComponent("Content/tasks/1-trong-tam/1-2.md"), "role: lead",
      "role: chu tri")
    let problem = try #require(try await broken, "no answer with the build's problems")
    #expect((problem["problems"] as? String)?.contains("'chu tri'") == true)
    try edit(
      folder.appendingPathComponent("Content/tasks/1-trong-tam/1-2.md"), "role: chu tri",
      "role: lead")
    let (page, _) = try await get(base + "/nhiem-vu/1-2/index.html")
    #expect(String(decoding: page, as: UTF8.self).contains("Thực hiện kiểm tra (mới)"))
    // The snippet is only in served responses, never in the files; the
    // preview (drafts shown) has a folder of its own, and Site/ is left to
    // plain builds, so copying Site/ never publishes a draft.
    let file = try String(
      contentsOf: folder.appendingPathComponent("Site.preview/nhiem-vu/1-2/index.html"),
      encoding: .utf8)
    #expect(!file.contains("_plansite"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Site").path))
    serve.interrupt()
    #expect(serve.text.contains("Stopped."))
    #expect(
      !FileManager.default.fileExists(
        atPath: folder.appendingPathComponent("Site.preview.staging").path))
  }

  /// The first answer of the changes endpoint newer than `since` that is
  /// `wanted`, or nil after 30 s.
  ///
  /// A build publishes in up to three steps, each answered on its own, and
  /// a save may be followed by a check that publishes nothing: asked
  /// again from each answer's build, so that no step is missed.
  func reply(_ base: String, after since: Int, where wanted: ([String: Any]) -> Bool)
    async throws -> [String: Any]?
  {
    var since = since
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline {
      let (data, _) = try await get(base + "/_plansite/changes?since=\(since)")
      guard let answer = try JSONSerialization.jsonObject(with: data) as? [String: Any],
        let build = answer["build"] as? Int
      else { return nil }
      if build > since, wanted(answer) { return answer }
      since = max(since, build)
    }
    return nil
  }

  func get(_ url: String) async throws -> (Data, HTTPURLResponse) {
    let (data, response) = try await URLSession.shared.data(from: try #require(URL(string: url)))
    return (data, try #require(response as? HTTPURLResponse))
  }

  /// A request sent byte for byte (URL libraries normalise `..` away).
  func raw(port: Int, path: String) async throws -> (data: String, response: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-c",
      """
      import socket,sys
      s=socket.create_connection(("127.0.0.1",\(port)))
      s.sendall(b"GET \(path) HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n")
      d=b""
      while True:
          c=s.recv(65536)
          if not c: break
          d+=c
      sys.stdout.write(d.decode("utf-8","replace"))
      """,
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    return (text, text)
  }
}
