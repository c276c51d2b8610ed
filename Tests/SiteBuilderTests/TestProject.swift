import Foundation
import PlanModel
import SiteBuilder
import SiteCore
import TestSupport
import Testing

/// Paths of the repository and helpers to build sites into temporary folders.
enum TestProject {
  /// The package root (three levels above this file).
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static var content: String { root.appendingPathComponent("Content").path }
  static var templates: String { root.appendingPathComponent("Templates").path }
  static var fixtures: URL { root.appendingPathComponent("Tests/SiteBuilderTests/Fixtures") }

  static let today = Day(year: 2026, month: 11, day: 27) ?? .unixEpoch

  /// A new empty temporary folder.
  static func temporaryDirectory(_ name: String = "plansite-test") -> URL {
    TestFiles.temporaryDirectory(name)
  }

  /// Builds `content` with `templates` into `output`.
  @discardableResult
  static func build(
    content: String = content, templates: String = templates, output: String, strict: Bool = false
  ) -> BuildResult {
    SiteBuilder(
      configuration: BuildConfiguration(
        contentDirectory: content, templatesDirectory: templates, outputDirectory: output,
        strict: strict, today: today)
    ).build()
  }

  /// Every file under `directory`, relative path → bytes.
  static func snapshot(of directory: String) -> [String: Data] {
    TestFiles.snapshot(of: directory)
  }

  /// The benchmark's synthetic corpus (`bench/gen_corpus.py`) at `tasks`
  /// tasks (with `reports`, its reports too), made in `folder`; returns its
  /// content folder.
  static func syntheticCorpus(tasks: Int, reports: Bool = false, in folder: URL) throws -> String {
    let corpus = folder.appendingPathComponent("corpus")
    let generator = Process()
    generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    generator.arguments =
      [
        "python3", root.appendingPathComponent("bench/gen_corpus.py").path,
        "--tasks", "\(tasks)", "--format", "plansite", "--out", corpus.path,
      ] + (reports ? ["--reports"] : [])
    generator.standardOutput = Pipe()
    try generator.run()
    generator.waitUntilExit()
    #expect(generator.terminationStatus == 0)
    return corpus.appendingPathComponent("Content").path
  }

  /// Copies a folder tree.
  static func copy(_ source: String, to destination: URL) throws {
    try FileManager.default.copyItem(atPath: source, toPath: destination.path)
  }

  static func read(_ path: String) -> String {
    (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
  }
}

/// Minimal HTML inspection for assertions: links, and the duties of a page.
enum HTMLProbe {
  /// Every `href` and `src` attribute value.
  static func links(in html: String) -> [String] {
    var result: [String] = []
    for attribute in ["href=\"", "src=\""] {
      var rest = html[...]
      while let start = rest.firstRange(of: attribute) {
        rest = rest[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { break }
        result.append(String(rest[..<end]))
        rest = rest[end...]
      }
    }
    return result
  }

  /// Every `id` attribute value.
  static func ids(in html: String) -> Set<String> {
    var result = Set<String>()
    var rest = html[...]
    while let start = rest.firstRange(of: " id=\"") {
      rest = rest[start.upperBound...]
      guard let end = rest.firstIndex(of: "\"") else { break }
      result.insert(String(rest[..<end]))
      rest = rest[end...]
    }
    return result
  }

  /// (task id, role label) of every duty listed in a duty list.
  static func duties(in html: String) -> [(task: String, role: String)] {
    var result: [(String, String)] = []
    var rest = html[...]
    while let start = rest.firstRange(of: "<p class=\"duty__task\"><span class=\"role role--") {
      rest = rest[start.upperBound...]
      guard let labelStart = rest.firstRange(of: "\">"),
        let labelEnd = rest.firstRange(of: "</span>"),
        let taskStart = rest.firstRange(of: "<span class=\"duty__id\">"),
        let taskEnd = rest[taskStart.upperBound...].firstIndex(of: "<")
      else { break }
      let role = String(rest[labelStart.upperBound..<labelEnd.lowerBound])
      let task = String(rest[taskStart.upperBound..<taskEnd])
      result.append((task, role))
      rest = rest[taskEnd...]
    }
    return result
  }
}
