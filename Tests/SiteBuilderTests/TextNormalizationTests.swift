import Foundation
import Testing

/// Content saved by other editors: decomposed Vietnamese (macOS), a byte order mark and CRLF line
/// endings (Windows).
///
/// All must be accepted and published as NFC.
@Suite struct TextNormalizationTests {
  @Test func decomposedTextWithBOMAndCRLFIsAcceptedAndPublishedAsNFC() throws {
    let project = try FixtureProject(caseName: nil)
    let title = "Rà soát, điều chỉnh quy hoạch tỉnh"
    let decomposed = title.decomposedStringWithCanonicalMapping
    #expect(Array(decomposed.unicodeScalars) != Array(title.unicodeScalars))
    let text =
      "---\nid: \"1.3\"\ntitle: \"\(decomposed)\"\nassignments:\n  - to: [so-tai-chinh]\n    role: lead\n    text: \"Chủ trì.\"\n---\n\nNội dung.\n"
    let bytes =
      [UInt8]([0xEF, 0xBB, 0xBF]) + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    try Data(bytes).write(to: project.root.appendingPathComponent("Content/tasks/01-chung/1-3.md"))

    let result = project.build()
    #expect(result.published, "\(result.diagnostics.formatted())")
    let page = TestProject.read(
      project.root.appendingPathComponent("Site/nhiem-vu/1-3/index.html").path)
    #expect(page.contains(title))
    #expect(!page.unicodeScalars.contains { (0x300...0x36F).contains($0.value) })
    #expect(!page.contains("\r"))
  }

  @Test func decomposedAgencyNameInToListIsStillSuggested() throws {
    let project = try FixtureProject(caseName: nil)
    let path = project.root.appendingPathComponent("Content/tasks/01-chung/1-2.md")
    let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(
      of: "[thanh-tra-tinh, so-tai-chinh]",
      with: "[thanh-tra-tinh, \("Sở Tài chính".decomposedStringWithCanonicalMapping)]")
    try text.write(to: path, atomically: true, encoding: .utf8)
    let result = project.check()
    let error = try #require(result.diagnostics.first)
    #expect(error.message.en == "unknown agency 'Sở Tài chính'")
    #expect(
      Array(error.message.en.unicodeScalars)
        == Array("unknown agency 'Sở Tài chính'".unicodeScalars))
    #expect(error.notes.first?.message.en == "did you mean 'so-tai-chinh' (Sở Tài chính)?")
  }
}
