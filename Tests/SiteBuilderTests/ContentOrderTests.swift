import Foundation
import Testing

/// Sections and task groups come in the order of their file and folder
/// names as people number them: `10-…` after `2-…`, not between `1-…` and
/// `2-…` as sorting by characters puts it.
@Suite struct ContentOrderTests {
  @Test func tenthSectionAndGroupComeAfterTheSecond() throws {
    let project = TestProject.temporaryDirectory("content-order")
    let content = project.appendingPathComponent("Content")
    try TestProject.copy(TestProject.content, to: content)
    try "---\nid: \"V\"\ntitle: \"PHỤ LỤC MƯỜI\"\n---\n\nVăn bản.\n".write(
      to: content.appendingPathComponent("sections/10-phu-luc.md"), atomically: true,
      encoding: .utf8)
    let group = content.appendingPathComponent("tasks/10-nhom-muoi")
    try FileManager.default.createDirectory(at: group, withIntermediateDirectories: true)
    try "---\nid: \"10\"\ntitle: \"Nhóm thứ mười\"\n---\n".write(
      to: group.appendingPathComponent("_group.md"), atomically: true, encoding: .utf8)
    try """
    ---
    id: "10.1"
    title: "Việc của nhóm thứ mười"
    assignments:
      - to: [so-noi-vu]
        role: lead
        text: "Chủ trì."
    ---

    """.write(to: group.appendingPathComponent("10-1.md"), atomically: true, encoding: .utf8)
    let output = project.appendingPathComponent("Site").path
    let result = TestProject.build(content: content.path, output: output)
    #expect(result.published, "\(result.diagnostics)")
    let home = TestProject.read(output + "/index.html")
    func position(_ text: String) -> Int? {
      home.range(of: text).map { home.distance(from: home.startIndex, to: $0.lowerBound) }
    }
    let fourth = try #require(position("TỔ CHỨC THỰC HIỆN"))
    let tenthSection = try #require(position("PHỤ LỤC MƯỜI"))
    #expect(fourth < tenthSection)
    let second = try #require(position("Cụ thể hóa và triển khai"))
    let tenthGroup = try #require(position("Nhóm thứ mười"))
    #expect(second < tenthGroup)
  }
}
