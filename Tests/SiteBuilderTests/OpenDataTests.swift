import ContentLoader
import Foundation
import PlanModel
import SiteBuilder
import SiteCore
import Testing

/// The open data, the calendars and the search index, checked three ways:
/// golden files for a small fixture plan, independent parsers (Python's
/// csv and json, a strict iCalendar reader) compared with the model, and
/// the site's own search script run under Node.
@Suite(.serialized) struct OpenDataTests {
  static let snapshots = TestProject.root.appendingPathComponent("Tests/SiteBuilderTests/Snapshots")

  /// The fixture project built into a temporary folder.
  static let fixtureSite: String = {
    let project = try? FixtureProject(caseName: nil)
    let result = project?.build()
    precondition(result?.published == true, "fixture build failed")
    return project?.root.appendingPathComponent("Site").path ?? ""
  }()

  static let realSite: String = {
    let directory = TestProject.temporaryDirectory("data-real").appendingPathComponent("Site").path
    TestProject.build(output: directory)
    return directory
  }()

  @Test(arguments: [
    "du-lieu/plan.json", "du-lieu/tasks.csv", "du-lieu/assignments.csv", "du-lieu/agencies.csv",
    "du-lieu/communes.csv", "du-lieu/indicators.csv", "co-quan/so-noi-vu/han.ics",
    "co-quan/so-noi-vu/nhiem-vu.csv", "tim-kiem/chi-muc.js",
  ])
  func matchesGoldenFile(path: String) throws {
    let produced = try Data(contentsOf: URL(fileURLWithPath: Self.fixtureSite + "/" + path))
    let golden = Self.snapshots.appendingPathComponent(
      path.replacingOccurrences(of: "/", with: "__"))
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
      || !FileManager.default.fileExists(atPath: golden.path)
    {
      try produced.write(to: golden)
    }
    let expected = try Data(contentsOf: golden)
    #expect(
      produced == expected,
      "\(path) differs from \(golden.lastPathComponent); RECORD_SNAPSHOTS=1 rewrites it")
  }

  /// Parses the data with Python and compares what it found with the model.
  @Test(arguments: ["fixture", "real"])
  func independentParsersAgreeWithTheModel(site name: String) throws {
    let site = name == "fixture" ? Self.fixtureSite : Self.realSite
    let content =
      name == "fixture"
      ? TestProject.fixtures.appendingPathComponent("base/Content").path : TestProject.content
    let summary = try runScript(["python3", "Tests/Scripts/check_data.py", site])
    let plan = try #require(
      PlanValidator().validate(ContentLoader(directory: content).load().draft).plan)
    let duties = DutyIndex(plan: plan)
    #expect(summary["schema_version"] as? Int == 3)
    #expect(summary["json_tasks"] as? [String] == plan.tasks.map(\.id.rawValue))
    #expect(summary["csv_tasks"] as? [String] == plan.tasks.map(\.id.rawValue))
    #expect(summary["csv_task_titles"] as? [String] == plan.tasks.map(\.title))
    let assigneeRows = plan.tasks.flatMap(\.assignments).map(\.assignees.count).reduce(0, +)
    #expect(summary["csv_assignments"] as? Int == assigneeRows)
    #expect(summary["json_assignments"] as? Int == assigneeRows)
    #expect(summary["csv_agencies"] as? [String] == plan.agencies.map(\.id.rawValue))
    #expect(summary["csv_agency_names"] as? [String] == plan.agencies.map(\.name))
    #expect(summary["json_communes"] as? [String] == plan.communes.map(\.id.rawValue))
    #expect(summary["csv_commune_names"] as? [String] == plan.communes.map(\.fullName))
    let figures = plan.indicators.map {
      ($0.baseline == nil ? 0 : 1) + $0.targets.count + $0.actuals.count
    }
    #expect(summary["csv_indicator_rows"] as? Int == figures.reduce(0, +))
    let events = try #require(summary["calendar_events"] as? [String: Int])
    let slices = try #require(summary["agency_slices"] as? [String: [String]])
    for agency in plan.agencies {
      let list = duties.duties(of: agency.id)
      let withDeadline = list.filter { duty in
        guard let task = plan.task(duty.task) else { return false }
        return (task.assignments[duty.assignment].deadline ?? task.deadline) != nil
      }
      #expect(events[agency.id.rawValue] == withDeadline.count, "\(agency.id)")
      #expect(slices[agency.id.rawValue] == list.map(\.task.rawValue), "\(agency.id)")
    }
    if name == "fixture" {
      // 1.1 (deadline 2026-06-30) is led by Sở Nội vụ.
      let dates = try #require(summary["calendar_dates"] as? [String: [String]])
      #expect(dates["so-noi-vu"] == ["20260630"])
    }
  }

  /// Cells a spreadsheet would run as formulas are written with a leading
  /// `'`; numbers are not; the independent reader undoes the guard and finds
  /// the plan's own words.
  @Test func cellsThatLookLikeFormulasAreEscaped() throws {
    let project = try FixtureProject(caseName: nil)
    let task = project.root.appendingPathComponent("Content/tasks/01-chung/1-2.md")
    let text = try String(contentsOf: task, encoding: .utf8)
    let title = try #require(text.split(separator: "\n").first { $0.hasPrefix("title:") })
    try text.replacingOccurrences(
      of: String(title), with: "title: \"=SUM(A1) không phải công thức\""
    )
    .write(to: task, atomically: true, encoding: .utf8)
    let agencies = project.root.appendingPathComponent("Content/agencies.yaml")
    try String(contentsOf: agencies, encoding: .utf8)
      .replacingOccurrences(of: "name: \"Sở Nội vụ\"", with: "name: \"@Sở Nội vụ\"")
      .write(to: agencies, atomically: true, encoding: .utf8)
    let indicators = project.root.appendingPathComponent("Content/indicators.yaml")
    let figures = try String(contentsOf: indicators, encoding: .utf8)
    try (figures + "  actuals:\n    \"2026\": \"-2,5\"\n").write(
      to: indicators, atomically: true, encoding: .utf8)
    let result = project.build()
    #expect(result.published, "\(result.diagnostics.formatted(.en))")
    let site = project.root.appendingPathComponent("Site")
    let tasks = try String(
      contentsOf: site.appendingPathComponent("du-lieu/tasks.csv"), encoding: .utf8)
    #expect(tasks.contains(",'=SUM(A1) không phải công thức,"))
    let agencyRows = try String(
      contentsOf: site.appendingPathComponent("du-lieu/agencies.csv"), encoding: .utf8)
    #expect(agencyRows.contains(",'@Sở Nội vụ,"))
    let indicatorRows = try String(
      contentsOf: site.appendingPathComponent("du-lieu/indicators.csv"), encoding: .utf8)
    #expect(indicatorRows.contains(",actual,2026,-2,5,") || indicatorRows.contains(",\"-2,5\","))
    #expect(indicatorRows.contains(",-2.5,"))
    let summary = try runScript(["python3", "Tests/Scripts/check_data.py", site.path])
    let titles = try #require(summary["csv_task_titles"] as? [String])
    #expect(titles.contains("=SUM(A1) không phải công thức"))
    #expect((summary["csv_agency_names"] as? [String])?.contains("@Sở Nội vụ") == true)
  }

  @Test func searchFindsWhatCitizensType() throws {
    let cases: [[String: Any]] = [
      ["query": "so tai chinh", "first": "co-quan/so-tai-chinh/index.html", "strong": true],
      ["query": "Sở Tài chính", "first": "co-quan/so-tai-chinh/index.html", "strong": true],
      ["query": "SO TAI CHINH", "first": "co-quan/so-tai-chinh/index.html"],
      [
        "query": "xay dung", "first": "co-quan/so-xay-dung/index.html",
        "contains": ["nhiem-vu/1-4/index.html"], "strong": false,
      ],
      ["query": "quynh luu", "first": "xa-phuong/xa-quynh-luu/index.html"],
      // A task's number finds the task, then its assignments ("1.1" in
      // that order), before entries that merely hold a 1 and another 1;
      // "1" is a whole number, not the start of a commune's statistics
      // code (16681), which is still found typed in full or from 3 digits.
      [
        "query": "1.1", "first": "nhiem-vu/1-1/index.html", "firstCount": 3,
        "excludes": ["xa-phuong/phuong-thanh-vinh/index.html"],
      ],
      ["query": "16681", "first": "xa-phuong/phuong-thanh-vinh/index.html"],
      ["query": "166", "contains": ["xa-phuong/phuong-thanh-vinh/index.html"]],
      [
        "query": "quynh",
        "contains": ["xa-phuong/xa-quynh-luu/index.html", "xa-phuong/phuong-quynh-mai/index.html"],
      ],
      ["query": "dong hieu", "first": "xa-phuong/xa-dong-hieu/index.html"],
      ["query": "nong ngh", "first": "co-quan/so-nong-nghiep-va-moi-truong/index.html"],
      ["query": "thanh tra", "first": "co-quan/thanh-tra-tinh/index.html"],
      ["query": "grdp", "contains": ["chi-tieu/index.html#dh20-grdp-tang-truong-binh-quan"]],
      ["query": "khong co gi nhu the nay", "count": 0],
      // Words far into an assignment's text (1.5, Sở Tài chính) are found,
      // and the result shows the text around them.
      // An assignment's result names its task: its own title ("Sở Tài
      // chính · Phối hợp") is the same on many tasks.
      [
        "query": "PCI", "contains": ["nhiem-vu/1-5/index.html"], "excerpt": "(PCI)",
        "assignmentShows": "Nhiệm vụ 1.5 · ",
      ],
      [
        "query": "năng lực cạnh tranh", "contains": ["nhiem-vu/1-5/index.html"],
        "excerpt": "năng lực cạnh tranh",
      ],
      // Words typed with their marks find only words with the same marks
      // ("số" is not "Sở"), whichever vowel carries the tone ("hoà" is
      // "Hòa"); typed without, they find both.
      [
        "query": "môi trường số", "contains": ["nhiem-vu/1-5/index.html"],
        "excludes": ["co-quan/so-nong-nghiep-va-moi-truong/index.html"],
      ],
      ["query": "moi truong so", "contains": ["co-quan/so-nong-nghiep-va-moi-truong/index.html"]],
      [
        "query": "hoà", "contains": ["xa-phuong/phuong-thai-hoa/index.html"],
        "excludes": ["co-quan/so-van-hoa-the-thao-va-du-lich/index.html"],
      ],
      ["query": "Hòa", "contains": ["xa-phuong/phuong-thai-hoa/index.html"]],
      // Typed decomposed (some keyboards, text pasted from a PDF), the same.
      [
        "query": "\u{68}\u{6F}\u{61}\u{300}", "contains": ["xa-phuong/phuong-thai-hoa/index.html"],
        "excludes": ["co-quan/so-van-hoa-the-thao-va-du-lich/index.html"],
      ],
      ["query": "văn hoá", "contains": ["co-quan/so-van-hoa-the-thao-va-du-lich/index.html"]],
      // Nor is "Sở" highlighted for "số" in a result found by its text.
      ["query": "số", "notMarked": "Sở"],
      // Two words that fold alike keep their own marks, in either order.
      ["query": "sở số", "count": 5], ["query": "số sở", "count": 5],
      // A common word of the query matches early; the rarer one is shown.
      ["query": "tỉnh PCI", "contains": ["nhiem-vu/1-5/index.html"], "excerpt": "(PCI)"],
    ]
    let file = TestProject.temporaryDirectory("search").appendingPathComponent("cases.json")
    try JSONSerialization.data(withJSONObject: cases).write(to: file)
    let output = try runProcess(["node", "Tests/Scripts/search_test.js", Self.realSite, file.path])
    #expect(output.status == 0, "\(output.stderr)")
  }

  @Test func searchIndexStaysSmall() throws {
    let size =
      try FileManager.default.attributesOfItem(atPath: Self.realSite + "/tim-kiem/chi-muc.js")[
        .size] as? Int ?? 0
    #expect(size > 1000 && size < 200_000)
  }

  @Test func sitemapAndRobotsOnlyWithABaseURL() throws {
    #expect(!FileManager.default.fileExists(atPath: Self.fixtureSite + "/sitemap.xml"))
    let project = try FixtureProject(caseName: nil)
    let siteFile = project.root.appendingPathComponent("Content/site.yaml")
    try
      (try String(contentsOf: siteFile, encoding: .utf8)
      + "base_url: \"https://kehoach.example.gov.vn/ke-hoach\"\nlicense: \"CC BY 4.0\"\n")
      .write(to: siteFile, atomically: true, encoding: .utf8)
    let result = project.build()
    #expect(result.published)
    #expect(result.notes.isEmpty)
    let site = project.root.appendingPathComponent("Site")
    let sitemap = try String(
      contentsOf: site.appendingPathComponent("sitemap.xml"), encoding: .utf8)
    #expect(sitemap.contains("<loc>https://kehoach.example.gov.vn/ke-hoach/nhiem-vu/1-1/</loc>"))
    #expect(!sitemap.contains("404"))
    let robots = try String(contentsOf: site.appendingPathComponent("robots.txt"), encoding: .utf8)
    #expect(robots.contains("Sitemap: https://kehoach.example.gov.vn/ke-hoach/sitemap.xml"))
    let page = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(
      page.contains("<link rel=\"canonical\" href=\"https://kehoach.example.gov.vn/ke-hoach/\">"))
  }

  func runScript(_ arguments: [String]) throws -> [String: Any] {
    let output = try runProcess(arguments)
    #expect(output.status == 0, "\(output.stderr)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
  }

  func runProcess(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = TestProject.root
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: stdout, as: UTF8.self),
      String(decoding: stderr, as: UTF8.self)
    )
  }
}
