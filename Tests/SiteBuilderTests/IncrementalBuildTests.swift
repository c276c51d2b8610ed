import Foundation
import SiteBuilder
import SiteCore
import Testing

/// Incremental builds must publish exactly what a clean build publishes.
///
/// The property test applies random sequences of edits an editor makes
/// (add, change, delete and rename tasks; edit agencies, communes and
/// indicators; edit a template; break a file and fix it) and after every
/// step compares the incrementally built folder with a clean build of the
/// same input, byte for byte. 500 steps by default; set
/// `PLANSITE_PROPERTY_STEPS` for more.
@Suite struct IncrementalBuildTests {
  static var steps: Int {
    Int(ProcessInfo.processInfo.environment["PLANSITE_PROPERTY_STEPS"] ?? "") ?? 500
  }

  @Test func incrementalBuildsMatchCleanBuilds() throws {
    let project = try FixtureProject(caseName: nil)
    let content = project.root.appendingPathComponent("Content")
    let templates = project.root.appendingPathComponent("Templates")
    let live = project.root.appendingPathComponent("Site").path
    var rng = SeededGenerator(seed: 4_2026)
    var editor = ContentEditor(content: content, templates: templates)
    let first = project.build()
    #expect(first.published, "\(first.diagnostics.formatted())")
    var incrementalSteps = 0

    for step in 0..<Self.steps {
      let edit = try editor.randomEdit(using: &rng)
      let before = TestProject.snapshot(of: live)
      let incremental = project.build()
      let reference = TestProject.temporaryDirectory("clean").appendingPathComponent("Site").path
      let clean = SiteBuilder(
        configuration: BuildConfiguration(
          contentDirectory: content.path, templatesDirectory: templates.path,
          outputDirectory: reference, today: TestProject.today)
      ).build(clean: true)
      #expect(incremental.published == clean.published, "step \(step) \(edit)")
      if incremental.published {
        let got = Self.site(live)
        let want = Self.site(reference)
        if got != want {
          let differing = Set(got.keys).symmetricDifference(want.keys)
            .union(got.keys.filter { want[$0] != nil && want[$0] != got[$0] })
          Issue.record(
            "step \(step) (\(edit)): incremental differs from clean in \(differing.sorted().prefix(8))"
          )
          return
        }
        if incremental.renderedPages < incremental.pageCount { incrementalSteps += 1 }
      } else {
        // A failed build leaves the site exactly as it was.
        #expect(TestProject.snapshot(of: live) == before, "step \(step) \(edit)")
      }
      try? FileManager.default.removeItem(atPath: reference)
      try? FileManager.default.removeItem(atPath: reference + ".staging")
      try? FileManager.default.removeItem(atPath: reference + ".lock")
      try? FileManager.default.removeItem(atPath: reference + ".cache")
    }
    // Most steps must really be incremental, or the test proves nothing.
    #expect(incrementalSteps > Self.steps / 3)
  }

  @Test func unchangedFilesKeepTheirInodeAndTime() throws {
    let project = try FixtureProject(caseName: nil)
    let site = project.root.appendingPathComponent("Site")
    #expect(project.build().published)
    let task = project.root.appendingPathComponent("Content/tasks/01-chung/1-2.md")
    let stable = site.appendingPathComponent("xa-phuong/phuong-thanh-vinh/index.html").path
    let changed = site.appendingPathComponent("nhiem-vu/1-2/index.html").path
    let beforeStable = try FileManager.default.attributesOfItem(atPath: stable)
    let beforeChanged = try FileManager.default.attributesOfItem(atPath: changed)
    Thread.sleep(forTimeInterval: 0.02)
    let text = try String(contentsOf: task, encoding: .utf8)
    try text.replacingOccurrences(of: "Kiểm tra, giám sát", with: "Kiểm tra, giám sát, đôn đốc")
      .write(to: task, atomically: true, encoding: .utf8)
    let result = project.build()
    #expect(result.published)
    #expect(result.renderedPages < result.pageCount)
    let afterStable = try FileManager.default.attributesOfItem(atPath: stable)
    let afterChanged = try FileManager.default.attributesOfItem(atPath: changed)
    #expect(afterStable[.systemFileNumber] as? Int == beforeStable[.systemFileNumber] as? Int)
    #expect(afterStable[.modificationDate] as? Date == beforeStable[.modificationDate] as? Date)
    #expect(afterChanged[.systemFileNumber] as? Int != beforeChanged[.systemFileNumber] as? Int)
    #expect(result.report?.written.contains("nhiem-vu/1-2/index.html") == true)
    #expect(result.report?.written.contains("xa-phuong/phuong-thanh-vinh/index.html") == false)
  }

  @Test func nothingChangedIsUpToDateAndDeletedContentIsRemoved() throws {
    let project = try FixtureProject(caseName: nil)
    #expect(project.build().published)
    #expect(project.build().upToDate)
    try FileManager.default.removeItem(
      at: project.root.appendingPathComponent("Content/tasks/01-chung/1-2.md"))
    let result = project.build()
    #expect(result.report?.removed == ["nhiem-vu/1-2/index.html"])
    #expect(
      !FileManager.default.fileExists(
        atPath: project.root.appendingPathComponent("Site/nhiem-vu/1-2").path))
  }

  /// Every published file (manifest and state included: they follow from the input).
  static func site(_ path: String) -> [String: Data] {
    TestProject.snapshot(of: path)
  }
}

/// Random edits to a fixture project, as an editor would make them.
struct ContentEditor {
  let content: URL
  let templates: URL
  var nextTask = 3
  var broken: (url: URL, original: Data)?

  init(content: URL, templates: URL) {
    self.content = content
    self.templates = templates
  }

  var taskFolder: URL { content.appendingPathComponent("tasks/01-chung") }

  func taskFiles() -> [URL] {
    ((try? FileManager.default.contentsOfDirectory(at: taskFolder, includingPropertiesForKeys: nil))
      ?? [])
      .filter { $0.lastPathComponent != "_group.md" }.sorted { $0.path < $1.path }
  }

  func task(
    id: String, title: String, to: [String], role: String, status: String?, deadline: String?
  ) -> String {
    var text =
      "---\nid: \"\(id)\"\ntitle: \"\(title)\"\nassignments:\n  - to: [\(to.joined(separator: ", "))]\n    role: \(role)\n    text: \"Thực hiện \(title.lowercased()).\"\n"
    if let status { text += "status: \(status)\n" }
    if let deadline { text += "deadline: \(deadline)\n" }
    return text + "---\n\nNội dung \(title).\n"
  }

  static let assignees = [
    ["so-noi-vu"], ["so-tai-chinh", "thanh-tra-tinh"], ["all-communes"], ["all-xa"], ["xa-anh-son"],
    ["all-agencies"], ["phuong-thanh-vinh", "so-noi-vu"], ["all-phuong"],
  ]

  mutating func randomEdit(using rng: inout SeededGenerator) throws -> String {
    if let broken {
      try broken.original.write(to: broken.url)
      self.broken = nil
      return "fix \(broken.url.lastPathComponent)"
    }
    let roll = Int.random(in: 0..<100, using: &rng)
    let files = taskFiles()
    switch roll {
    case 0..<20:
      let id = "1.\(nextTask)"
      nextTask += 1
      let to = Self.assignees.randomElement(using: &rng) ?? ["so-noi-vu"]
      try task(
        id: id, title: "Nhiệm vụ mới \(id)", to: to,
        role: ["lead", "support", "implement"].randomElement(using: &rng) ?? "lead",
        status: ["done", "in-progress", nil].randomElement(using: &rng) ?? nil,
        deadline: ["2026-01-10", "2026-12-31", nil].randomElement(using: &rng) ?? nil
      )
      .write(
        to: taskFolder.appendingPathComponent("\(id.replacingOccurrences(of: ".", with: "-")).md"),
        atomically: true, encoding: .utf8)
      return "add \(id)"
    case 20..<45:
      guard let file = files.randomElement(using: &rng) else { return "nothing" }
      var text = try String(contentsOf: file, encoding: .utf8)
      let choices = [
        ("title: \"", "title: \"Sửa "), ("role: lead", "role: support"),
        ("role: support", "role: implement"),
        ("role: implement", "role: lead"), ("status: done", "status: in-progress"),
        ("status: in-progress", "status: done"), ("Nội dung", "Nội dung đã sửa"),
        ("deadline: 2026-12-31", "deadline: 2026-02-01"),
      ]
      let (from, to) = choices.randomElement(using: &rng) ?? choices[0]
      text = text.replacingOccurrences(of: from, with: to)
      if let recipients = Self.assignees.randomElement(using: &rng), Bool.random(using: &rng),
        let range = text.range(of: "to: [")
      {
        let end = text[range.upperBound...].firstIndex(of: "]") ?? range.upperBound
        text.replaceSubrange(range.upperBound..<end, with: recipients.joined(separator: ", "))
      }
      try text.write(to: file, atomically: true, encoding: .utf8)
      return "change \(file.lastPathComponent)"
    case 45..<55:
      guard files.count > 1, let file = files.randomElement(using: &rng) else { return "nothing" }
      try FileManager.default.removeItem(at: file)
      return "delete \(file.lastPathComponent)"
    case 55..<62:
      guard let file = files.randomElement(using: &rng) else { return "nothing" }
      let id = "1.\(nextTask)"
      nextTask += 1
      var text = try String(contentsOf: file, encoding: .utf8)
      if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("id: ") }) {
        text = text.replacingOccurrences(of: String(line), with: "id: \"\(id)\"")
      }
      try FileManager.default.removeItem(at: file)
      try text.write(
        to: taskFolder.appendingPathComponent("\(id.replacingOccurrences(of: ".", with: "-")).md"),
        atomically: true, encoding: .utf8)
      return "rename to \(id)"
    case 62..<72:
      let agencies = content.appendingPathComponent("agencies.yaml")
      var text = try String(contentsOf: agencies, encoding: .utf8)
      let choices = [
        ("Sở Tài chính", "Sở Tài chính và Kế hoạch"), ("Sở Tài chính và Kế hoạch", "Sở Tài chính"),
        ("kind: thanh-tra", "kind: so"), ("kind: so\n- id: so-tai", "kind: ban\n- id: so-tai"),
      ]
      let (from, to) = choices.randomElement(using: &rng) ?? choices[0]
      text = text.replacingOccurrences(of: from, with: to)
      if Int.random(in: 0..<4, using: &rng) == 0, !text.contains("so-moi") {
        text += "- id: so-moi\n  name: \"Sở Mới\"\n  kind: so\n"
      } else if Int.random(in: 0..<4, using: &rng) == 0, text.contains("so-moi") {
        text = text.replacingOccurrences(
          of: "- id: so-moi\n  name: \"Sở Mới\"\n  kind: so\n", with: "")
      }
      try text.write(to: agencies, atomically: true, encoding: .utf8)
      return "edit agencies"
    case 72..<78:
      let communes = content.appendingPathComponent("communes.yaml")
      var text = try String(contentsOf: communes, encoding: .utf8)
      text =
        text.contains("Quỳnh Lưu Mới")
        ? text.replacingOccurrences(of: "Quỳnh Lưu Mới", with: "Quỳnh Lưu")
        : text.replacingOccurrences(of: "Quỳnh Lưu", with: "Quỳnh Lưu Mới")
      try text.write(to: communes, atomically: true, encoding: .utf8)
      return "edit communes"
    case 78..<84:
      let indicators = content.appendingPathComponent("indicators.yaml")
      var text = try String(contentsOf: indicators, encoding: .utf8)
      text =
        text.contains("owner: so-tai-chinh")
        ? text.replacingOccurrences(of: "owner: so-tai-chinh", with: "owner: so-noi-vu")
        : text.replacingOccurrences(of: "owner: so-noi-vu", with: "owner: so-tai-chinh")
      try text.write(to: indicators, atomically: true, encoding: .utf8)
      return "edit indicators"
    case 84..<90:
      let template = templates.appendingPathComponent("partials/footer.mustache")
      var text = try String(contentsOf: template, encoding: .utf8)
      text =
        text.contains("<!-- sửa -->")
        ? text.replacingOccurrences(of: "<!-- sửa -->", with: "") : text + "<!-- sửa -->\n"
      try text.write(to: template, atomically: true, encoding: .utf8)
      return "edit template"
    case 90..<94:
      let group = taskFolder.appendingPathComponent("_group.md")
      var text = try String(contentsOf: group, encoding: .utf8)
      text =
        text.contains("Nhiệm vụ chung và riêng")
        ? text.replacingOccurrences(of: "Nhiệm vụ chung và riêng", with: "Nhiệm vụ chung")
        : text.replacingOccurrences(of: "Nhiệm vụ chung", with: "Nhiệm vụ chung và riêng")
      try text.write(to: group, atomically: true, encoding: .utf8)
      return "edit group"
    default:
      guard let file = files.randomElement(using: &rng) else { return "nothing" }
      let original = try Data(contentsOf: file)
      broken = (file, original)
      try Data("---\nid: \"x\ntitle: [\n".utf8).write(to: file)
      return "break \(file.lastPathComponent)"
    }
  }
}
