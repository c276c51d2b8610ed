import FlyingFox
import Foundation
import SiteCore

/// `plansite serve`: serves the output folder on 127.0.0.1 for preview,
/// reloading open pages after each successful rebuild.
///
/// Live reload works by a small script the server adds to HTML responses
/// only (never to the files in `Site/`): it asks `/_plansite/changes` for
/// the build number, which answers as soon as a newer build is published.
public final class PreviewServer: Sendable {
  /// The address the server listens on.
  public let port: UInt16
  private let files: SiteFiles
  private let generation = BuildGeneration()
  private let server: HTTPServer

  public init(root: String, port: UInt16) throws {
    self.port = port
    files = SiteFiles(root: root)
    // IPv4 loopback only: the preview is for this computer.
    server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled)
  }

  /// Tells open pages to reload.
  public func published() async {
    await generation.advance()
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
      let current = await generation.wait(after: since, timeout: 25)
      return HTTPResponse(
        statusCode: .ok,
        headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
        body: Data("{\"build\":\(current)}".utf8))
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

  /// Waits until the server accepts connections.
  public func waitUntilListening() async throws {
    try await server.waitUntilListening()
  }

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

  func advance() {
    current += 1
    let ready = waiting
    waiting = [:]
    for continuation in ready.values { continuation.resume(returning: current) }
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
      function check() {
        fetch("/_plansite/changes?since=" + build, { cache: "no-store" })
          .then(function (r) { return r.json(); })
          .then(function (data) {
            if (build >= 0 && data.build > build) { location.reload(); return; }
            build = data.build;
            check();
          })
          .catch(function () { setTimeout(check, 1000); });
      }
      check();
    })();
    """
}
