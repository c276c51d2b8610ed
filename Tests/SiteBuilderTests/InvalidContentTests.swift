import ContentLoader
import Foundation
import PlanModel
import SiteBuilder
import SiteCore
import Testing

/// One folder per "this must be reported" case, as zola's test_sites_invalid.
///
/// Each case in `Fixtures/invalid/<case>/` overlays files on the small valid
/// project in `Fixtures/base/` (with the real `Templates/`), optionally with
/// `delete.txt` (paths to remove), `symlinks.txt` (`link -> target`) and
/// `options.txt` (`--strict`). `expected.txt` holds the exact messages an
/// editor would see, so changing a message is a conscious change: run with
/// `RECORD_FIXTURES=1` to rewrite them, then review the diff.
@Suite struct InvalidContentTests {
  static let casesFolder = TestProject.fixtures.appendingPathComponent("invalid")

  static var caseNames: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: casesFolder.path)) ?? []).sorted()
  }

  @Test func thereAreAtLeastThirtyCases() {
    #expect(Self.caseNames.count >= 30)
  }

  @Test func theBaseProjectIsValid() throws {
    let project = try FixtureProject(caseName: nil)
    let result = project.check()
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.formatted())")
  }

  @Test(arguments: caseNames)
  func reportsExactlyTheExpectedDiagnostics(caseName: String) throws {
    let project = try FixtureProject(caseName: caseName)
    let result = project.check()
    let printed = result.diagnostics.formatted().replacingOccurrences(
      of: project.root.path + "/", with: "")
    let expectedFile = Self.casesFolder.appendingPathComponent("\(caseName)/expected.txt")
    if ProcessInfo.processInfo.environment["RECORD_FIXTURES"] != nil
      || !FileManager.default.fileExists(atPath: expectedFile.path)
    {
      try printed.write(to: expectedFile, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: expectedFile, encoding: .utf8)
    #expect(printed == expected, "\(caseName) printed:\n\(printed)")
    #expect(!result.diagnostics.isEmpty, "\(caseName) reported nothing")
    for diagnostic in result.diagnostics {
      #expect(!diagnostic.location.file.isEmpty)
    }
  }
}

/// A temporary copy of the base fixture project with one case applied.
struct FixtureProject {
  let root: URL
  let options: [String]

  init(caseName: String?) throws {
    root = TestProject.temporaryDirectory("fixture-\(caseName ?? "base")")
    let fm = FileManager.default
    try fm.copyItem(
      at: TestProject.fixtures.appendingPathComponent("base/Content"),
      to: root.appendingPathComponent("Content"))
    try fm.copyItem(
      atPath: TestProject.templates, toPath: root.appendingPathComponent("Templates").path)
    guard let caseName else {
      options = []
      return
    }
    let folder = InvalidContentTests.casesFolder.appendingPathComponent(caseName)
    for top in ["Content", "Templates"] {
      let source = folder.appendingPathComponent(top)
      guard let files = fm.enumerator(atPath: source.path) else { continue }
      for case let path as String in files {
        var isDirectory: ObjCBool = false
        _ = fm.fileExists(
          atPath: source.appendingPathComponent(path).path, isDirectory: &isDirectory)
        if isDirectory.boolValue { continue }
        let target = root.appendingPathComponent(top).appendingPathComponent(path)
        try fm.createDirectory(
          at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? fm.removeItem(at: target)
        try fm.copyItem(at: source.appendingPathComponent(path), to: target)
      }
    }
    for line in Self.lines(folder, "delete.txt") {
      try fm.removeItem(at: root.appendingPathComponent(line))
    }
    for line in Self.lines(folder, "symlinks.txt") {
      let parts = line.components(separatedBy: " -> ")
      try fm.createSymbolicLink(
        atPath: root.appendingPathComponent(parts[0]).path, withDestinationPath: parts[1])
    }
    options = Self.lines(folder, "options.txt")
  }

  private static func lines(_ folder: URL, _ name: String) -> [String] {
    let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
    return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
  }

  var configuration: BuildConfiguration {
    BuildConfiguration(
      contentDirectory: root.appendingPathComponent("Content").path,
      templatesDirectory: root.appendingPathComponent("Templates").path,
      outputDirectory: root.appendingPathComponent("Site").path,
      strict: options.contains("--strict"), today: TestProject.today)
  }

  func check() -> BuildResult { SiteBuilder(configuration: configuration).check() }

  /// The project's plan, loaded and validated.
  func plan() -> Plan? {
    PlanValidator().validate(
      ContentLoader(directory: root.appendingPathComponent("Content").path).load().draft
    ).plan
  }

  /// Dates every content file an hour back, as files saved long ago are
  /// (a file saved in the last two seconds is always read again).
  func ageContent() throws {
    let content = root.appendingPathComponent("Content")
    let hourAgo = Date(timeIntervalSinceNow: -3600)
    for case let path as String in FileManager.default.enumerator(atPath: content.path) ?? .init() {
      try FileManager.default.setAttributes(
        [.modificationDate: hourAgo], ofItemAtPath: content.appendingPathComponent(path).path)
    }
  }
  func build() -> BuildResult { SiteBuilder(configuration: configuration).build() }
}
