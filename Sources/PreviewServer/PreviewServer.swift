import FlyingFox
import Foundation
import SiteCore

/// `plansite serve`: serves the output folder on 127.0.0.1 for preview,
/// reloading open pages after each successful rebuild.
///
/// Live reload works by a small script the server adds to HTML responses
/// only (never to the files in `Site/`): it asks `/_plansite/changes` for
/// the build number, which answers as soon as a newer build is published,
/// with the files it changed; a page reloads when its own file is among
/// them (a build publishes in steps, so each page reloads once, when it is
/// new).
public final class PreviewServer: Sendable {
  /// The address the server listens on.
  public let port: UInt16
  private let files: SiteFiles
  private let generation = BuildGeneration()
  private let server: HTTPServer

  /// How long `/_plansite/changes` holds a request when nothing new is
  /// published, in seconds.
  static let longPoll: Double = 25
  /// How long the HTTP server lets a request run: longer than the long
  /// poll, or a quiet one ends as an empty 500 (FlyingFox's default is 15 s).
  static let requestTimeout: TimeInterval = 60

  public init(root: String, port: UInt16) throws {
    self.port = port
    files = SiteFiles(root: root)
    // IPv4 loopback only: the preview is for this computer.
    server = HTTPServer(
      address: try .inet(ip4: "127.0.0.1", port: port), timeout: Self.requestTimeout,
      logger: .disabled)
  }

  /// Tells open pages that files changed (paths in the output folder):
  /// those showing one of them reload; with nil, every page reloads.
  public func published(_ changed: [String]?) async {
    await generation.advance(problems: nil, changed: changed)
  }

  /// Tells open pages that a save broke the build: they show `problems`
  /// over the page (the last good build) until the next good build.
  public func failed(_ problems: String) async {
    await generation.advance(problems: problems)
  }

  /// Whether nothing listens on `port` of 127.0.0.1 yet: checked before
  /// starting, so a busy port fails at once with a clear message.
  public static func isFree(_ port: UInt16) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return true }
    defer { close(fd) }
    var one: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    return bound == 0
  }

  /// Runs until the task is cancelled.
  public func run() async throws {
    let files = self.files
    let generation = self.generation
    await server.appendRoute("GET /_plansite/live.js") { _ in
      HTTPResponse(
        statusCode: .ok,
        headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
        body: Data(LiveReload.script.utf8))
    }
    await server.appendRoute("GET /_plansite/changes") { request in
      let since = Int(request.query.first { $0.name == "since" }?.value ?? "") ?? -1
      let current = await generation.wait(after: since, timeout: Self.longPoll)
      let problems = await generation.problems
      let changed = await generation.changed(after: since, through: current)
      var body = [UInt8]("{\"build\":\(current),\"problems\":".utf8)
      if let problems {
        body += Array(Self.jsonString(problems).utf8)
      } else {
        body += Array("null".utf8)
      }
      body += Array(",\"changed\":".utf8)
      if let changed {
        body += Array(("[" + changed.map(Self.jsonString).joined(separator: ",") + "]").utf8)
      } else {
        body += Array("null".utf8)
      }
      body.append(UInt8(ascii: "}"))
      return HTTPResponse(
        statusCode: .ok,
        headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
        body: Data(body))
    }
    await server.appendRoute("GET *") { request in
      Self.respond(to: request.path, files: files)
    }
    await server.appendRoute("HEAD *") { request in
      var response = Self.respond(to: request.path, files: files)
      response.payload = .httpBody(HTTPBodySequence(data: Data()))
      return response
    }
    try await server.run()
  }

  /// Waits until the server accepts connections (at most `timeout` seconds).
  public func waitUntilListening(timeout: TimeInterval = 5) async throws {
    try await server.waitUntilListening(timeout: timeout)
  }

  /// A JSON string literal.
  static func jsonString(_ text: String) -> String { QuotedText.quoted(text) }

  static func respond(to path: String, files: SiteFiles) -> HTTPResponse {
    if let file = files.file(for: path), let data = FileManager.default.contents(atPath: file) {
      let type = ContentTypes.type(forPath: file)
      let body = type.hasPrefix("text/html") ? LiveReload.inject(into: data) : data
      return HTTPResponse(
        statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: body)
    }
    let page = files.file(for: "/404.html").flatMap { FileManager.default.contents(atPath: $0) }
    return HTTPResponse(
      statusCode: .notFound,
      headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"],
      body: LiveReload.inject(
        into: page ?? Data("<!DOCTYPE html><title>404</title><p>Không tìm thấy trang.</p>".utf8)))
  }
}

/// The number of the latest published build, and the requests waiting for a newer one.
actor BuildGeneration {
  private var current = 0
  private var waiting: [UUID: CheckedContinuation<Int, Never>] = [:]
  /// The last build's problems, if it failed (the page then shows them).
  private(set) var problems: String?
  /// The files each of the latest numbers changed (nil: unknown, every
  /// page reloads), oldest first.
  private var history: [(number: Int, changed: Set<String>?)] = []
  private static let historyLength = 64

  func advance(problems: String?, changed: [String]? = nil) {
    self.problems = problems
    current += 1
    history.append((current, changed.map(Set.init)))
    if history.count > Self.historyLength { history.removeFirst() }
    let ready = waiting
    waiting = [:]
    for continuation in ready.values { continuation.resume(returning: current) }
  }

  /// The files changed by the numbers after `after` up to `through`,
  /// sorted; nil when one of them is not known (a page then reloads).
  func changed(after: Int, through: Int) -> [String]? {
    guard after >= 0, through > after else { return after >= 0 ? [] : nil }
    var union = Set<String>()
    for number in (after + 1)...through {
      guard let entry = history.first(where: { $0.number == number }),
        let changed = entry.changed
      else { return nil }
      union.formUnion(changed)
    }
    return union.sorted()
  }

  /// The current number once it is above `after`, or after `timeout` seconds.
  func wait(after: Int, timeout: Double) async -> Int {
    if current > after || after < 0 { return current }
    let id = UUID()
    return await withCheckedContinuation { continuation in
      waiting[id] = continuation
      Task {
        try? await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
        self.expire(id)
      }
    }
  }

  private func expire(_ id: UUID) {
    // Resume only if still waiting (a build may have answered already).
    if let continuation = waiting.removeValue(forKey: id) {
      continuation.resume(returning: current)
    }
  }
}

/// The live-reload snippet served pages get.
enum LiveReload {
  static let tag = "<script src=\"/_plansite/live.js\"></script>"

  static func inject(into html: Data) -> Data {
    guard let text = String(data: html, encoding: .utf8) else { return html }
    if let range = text.range(of: "</body>", options: .backwards) {
      return Data((text[..<range.lowerBound] + tag + text[range.lowerBound...]).utf8)
    }
    return Data((text + tag).utf8)
  }

  static let script = """
    (function () {
      var build = -1;
      var shown = false;
      // A failed build: its messages over the page (the last good build),
      // until the next good build reloads the page.
      function show(problems) {
        var box = document.getElementById("plansite-problems");
        if (!box) {
          box = document.createElement("div");
          box.id = "plansite-problems";
          box.setAttribute("role", "alert");
          box.style.cssText = "position:fixed;inset:0 0 auto 0;max-height:70vh;overflow:auto;" +
            "z-index:2147483647;background:#fff8f7;color:#1b1b1b;border-bottom:4px solid #b3261e;" +
            "padding:1rem;font:14px/1.5 monospace;white-space:pre-wrap;box-shadow:0 4px 16px #0004";
          document.body.appendChild(box);
        }
        box.textContent = "Bản dựng mới có lỗi; trang đang hiện bản dựng tốt gần nhất.\\n\\n" + problems;
        shown = true;
      }
      // This page's file in the output folder: /a/b/ is a/b/index.html.
      function file() {
        var path = decodeURIComponent(location.pathname).replace(/^\\/+/, "");
        if (path === "" || path.charAt(path.length - 1) === "/") return path + "index.html";
        return /\\.[A-Za-z0-9]+$/.test(path) ? path : path + "/index.html";
      }
      function changed(data) {
        return data.changed === null || data.changed.indexOf(file()) >= 0;
      }
      function check() {
        fetch("/_plansite/changes?since=" + build, { cache: "no-store" })
          .then(function (r) { return r.json(); })
          .then(function (data) {
            if (data.problems) {
              show(data.problems);
            } else if ((build >= 0 && data.build > build && changed(data)) || shown) {
              location.reload();
              return;
            }
            build = data.build;
            check();
          })
          .catch(function () { setTimeout(check, 1000); });
      }
      check();
    })();
    """
}
