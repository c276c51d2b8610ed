import Foundation
import PlanModel
import SiteBuilder
import SiteCore
import TestSupport
import Testing

/// Mutates the real `Content/` the way editors and broken tools do (flipped
/// bytes, cut files, lost and doubled lines, swapped ids) and checks that
/// the build never crashes and either succeeds or says where it failed.
///
/// 2,000 seeded iterations by default; set `PLANSITE_FUZZ_ITERATIONS` for more.
@Suite struct ContentFuzzTests {
  static var iterations: Int {
    Int(ProcessInfo.processInfo.environment["PLANSITE_FUZZ_ITERATIONS"] ?? "") ?? 2000
  }

  @Test func mutatedContentNeverCrashesTheBuild() throws {
    let project = TestProject.temporaryDirectory("fuzz")
    let content = project.appendingPathComponent("Content")
    try TestProject.copy(TestProject.content, to: content)
    let files = TestProject.snapshot(of: content.path).keys.filter {
      $0.hasSuffix(".md") || $0.hasSuffix(".yaml")
    }.sorted()
    let originals = Dictionary(
      uniqueKeysWithValues: files.map {
        ($0, [UInt8]((try? Data(contentsOf: content.appendingPathComponent($0))) ?? Data()))
      })
    let ids = [
      "so-tai-chinh", "so-noi-vu", "all-communes", "1.1", "1.2", "phuong-thanh-vinh", "lead",
    ]
    var rng = SeededGenerator(seed: 20_261_127)
    var outcomes = (succeeded: 0, failed: 0)
    let builder = SiteBuilder(
      configuration: BuildConfiguration(
        contentDirectory: content.path, templatesDirectory: TestProject.templates,
        outputDirectory: project.appendingPathComponent("Site").path, today: TestProject.today))

    for iteration in 0..<Self.iterations {
      guard let file = files.randomElement(using: &rng), let original = originals[file] else {
        continue
      }
      let mutated =
        Mutation.allCases.randomElement(using: &rng)?.apply(
          to: original, ids: ids, rng: &rng) ?? original
      let url = content.appendingPathComponent(file)
      try Data(mutated).write(to: url)
      // check() runs load, validation and template loading, and renders
      // every page in memory when the content is valid.
      let result = builder.check(renderingPages: iteration % 10 == 0)
      if result.failed {
        outcomes.failed += 1
        for diagnostic in result.diagnostics where diagnostic.severity == .error {
          #expect(!diagnostic.location.file.isEmpty, "iteration \(iteration): \(diagnostic)")
          #expect(!diagnostic.message.en.isEmpty)
        }
      } else {
        outcomes.succeeded += 1
      }
      try Data(original).write(to: url)
    }
    #expect(outcomes.failed > 0)
    #expect(outcomes.succeeded > 0)
  }
}

/// The kinds of damage the fuzz test does to a file.
enum Mutation: CaseIterable {
  case flipByte, truncate, deleteLine, duplicateLine, swapID, insertGarbage, dropIndentation

  func apply(to bytes: [UInt8], ids: [String], rng: inout SeededGenerator) -> [UInt8] {
    guard !bytes.isEmpty else { return bytes }
    var out = bytes
    switch self {
    case .flipByte:
      let index = Int.random(in: 0..<out.count, using: &rng)
      out[index] ^= UInt8.random(in: 1...255, using: &rng)
    case .truncate:
      out = Array(out.prefix(Int.random(in: 0..<out.count, using: &rng)))
    case .deleteLine, .duplicateLine, .dropIndentation:
      var lines = out.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
      let index = Int.random(in: 0..<lines.count, using: &rng)
      switch self {
      case .deleteLine: lines.remove(at: index)
      case .duplicateLine: lines.insert(lines[index], at: index)
      default: lines[index] = Array(lines[index].drop { $0 == 0x20 })
      }
      out = Array(lines.joined(separator: [0x0A]))
    case .swapID:
      let text = String(decoding: out, as: UTF8.self)
      guard let from = ids.randomElement(using: &rng), let to = ids.randomElement(using: &rng)
      else { return out }
      out = Array(text.replacingOccurrences(of: from, with: to).utf8)
    case .insertGarbage:
      let garbage: [[UInt8]] = [
        Array(": ".utf8), Array("- ".utf8), Array("\"".utf8), Array("{{".utf8), [0xC3],
        Array("\t".utf8), Array("---\n".utf8), Array("&anchor ".utf8), Array("*alias".utf8),
      ]
      let index = Int.random(in: 0...out.count, using: &rng)
      out.insert(contentsOf: garbage.randomElement(using: &rng) ?? [], at: index)
    }
    return out
  }
}
