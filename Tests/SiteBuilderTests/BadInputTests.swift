import Foundation
import Testing

/// A broken content file stops the build with a located error and leaves
/// the published site exactly as it was.
@Suite struct BadInputTests {
  /// A copy of the real content in a temporary project, with a built site.
  func projectWithSite() throws -> (content: URL, output: String) {
    let project = TestProject.temporaryDirectory("bad-input")
    let content = project.appendingPathComponent("Content")
    try TestProject.copy(TestProject.content, to: content)
    let output = project.appendingPathComponent("Site").path
    let result = TestProject.build(content: content.path, output: output)
    #expect(result.published)
    return (content, output)
  }

  @Test func unknownAgencyStopsTheBuildAndKeepsTheSite() throws {
    let (content, output) = try projectWithSite()
    let before = TestProject.snapshot(of: output)
    let task = content.appendingPathComponent("tasks/1-trong-tam/1-2.md")
    let text = try String(contentsOf: task, encoding: .utf8)
    try text.replacingOccurrences(of: "[so-noi-vu]", with: "[so-noi-vu2]")
      .write(to: task, atomically: true, encoding: .utf8)

    let result = TestProject.build(content: content.path, output: output)
    #expect(!result.published)
    let error = try #require(result.diagnostics.first { $0.severity == .error })
    #expect(error.message.en == "unknown agency 'so-noi-vu2'")
    #expect(error.location.file.hasSuffix("Content/tasks/1-trong-tam/1-2.md"))
    #expect(error.location.line == 5)
    #expect(error.location.column == 10)
    #expect(error.notes.map(\.message.en) == ["did you mean 'so-noi-vu' (Sở Nội vụ)?"])
    #expect(TestProject.snapshot(of: output) == before)
  }

  /// A renamed folder of content is an error, not a site without that
  /// content: `Tasks/` published a plan of no tasks, and a report folder
  /// renamed `Báo cáo/` showed every office as not having reported.
  @Test func renamedContentFolderStopsTheBuildAndKeepsTheSite() throws {
    let (content, output) = try projectWithSite()
    let before = TestProject.snapshot(of: output)
    try FileManager.default.moveItem(
      at: content.appendingPathComponent("tasks"), to: content.appendingPathComponent("Tasks"))
    let renamed = TestProject.build(content: content.path, output: output)
    #expect(!renamed.published)
    #expect(
      renamed.diagnostics.filter { $0.severity == .error }.map(\.message.vi) == [
        "thư mục 'Tasks' không được trang web đọc: 7 tệp trong đó không lên trang"
      ])
    #expect(renamed.diagnostics.first?.notes.first?.message.vi.contains("'tasks'") == true)
    try FileManager.default.removeItem(at: content.appendingPathComponent("Tasks"))
    let gone = TestProject.build(content: content.path, output: output)
    #expect(!gone.published)
    let error = try #require(gone.diagnostics.first { $0.severity == .error })
    #expect(error.message.en == "the plan has no tasks: there is no file in the 'tasks' folder")
    #expect(error.location.file.hasSuffix("Content/tasks"))
    #expect(TestProject.snapshot(of: output) == before)
  }

  /// A wrong templates folder is reported before the content is read (at
  /// 10,000 tasks with reports, reading takes seconds), and nothing changes.
  @Test func missingTemplatesFolderStopsBeforeReadingTheContent() throws {
    let (content, output) = try projectWithSite()
    let before = TestProject.snapshot(of: output)
    let result = TestProject.build(
      content: content.path, templates: content.path + "/../Mau", output: output)
    #expect(!result.published)
    #expect(
      result.diagnostics.map(\.message.en) == ["folder '\(content.path)/../Mau' does not exist"])
    #expect(!result.timings.map(\.phase).contains("load"))
    #expect(TestProject.snapshot(of: output) == before)
  }

  @Test func malformedYAMLStopsTheBuildAndKeepsTheSite() throws {
    let (content, output) = try projectWithSite()
    let before = TestProject.snapshot(of: output)
    let task = content.appendingPathComponent("tasks/1-trong-tam/1-3.md")
    let text = try String(contentsOf: task, encoding: .utf8)
    try text.replacingOccurrences(of: "role: lead", with: "role: lead: chủ trì")
      .write(to: task, atomically: true, encoding: .utf8)

    let result = TestProject.build(content: content.path, output: output)
    #expect(!result.published)
    let error = try #require(result.diagnostics.first { $0.severity == .error })
    #expect(error.message.en.hasPrefix("malformed YAML"))
    #expect(error.location.file.hasSuffix("1-3.md"))
    #expect(error.location.line != nil)
    #expect(TestProject.snapshot(of: output) == before)
  }
}
