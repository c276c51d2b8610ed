import Foundation
import PlanModel
import SiteBuilder
import Testing

/// Builds the sample project (`docs/sample/Content`: a made-up province with
/// three reporting periods) and checks what its reports make of the site.
@Suite(.serialized) struct ReportSiteTests {
  static let sample = TestProject.root.appendingPathComponent("docs/sample/Content").path

  static func build(_ name: String, today: Day = TestProject.today, drafts: Bool = false)
    -> (result: BuildResult, site: String)
  {
    let site = TestProject.temporaryDirectory(name).appendingPathComponent("Site").path
    let result = SiteBuilder(
      configuration: BuildConfiguration(
        contentDirectory: sample, templatesDirectory: TestProject.templates,
        outputDirectory: site, today: today, includesDrafts: drafts)
    ).build()
    return (result, site)
  }

  static let plain = build("sample")
  static let withDrafts = build("sample-drafts", drafts: true)

  func page(_ path: String, in site: String = Self.plain.site) -> String {
    TestProject.read(site + "/" + path)
  }

  @Test func theSampleBuildsCleanly() {
    #expect(Self.plain.result.published)
    #expect(Self.plain.result.diagnostics.isEmpty, "\(Self.plain.result.diagnostics.formatted())")
    // Every page says the data is made up.
    for path in ["index.html", "bao-cao/2026-9t/index.html", "nhiem-vu/1-3/index.html"] {
      #expect(page(path).contains("Dữ liệu mẫu, không phải số liệu thật"), "\(path)")
    }
  }

  /// With base_url the 404 page links absolutely: a server shows it at any address.
  @Test func theErrorPageLinksAbsolutelyWithABaseURL() {
    let html = page("404.html")
    #expect(html.contains("href=\"https://mau.example.org/assets/site."))
    #expect(html.contains("href=\"https://mau.example.org/index.html\""))
    #expect(!html.contains("href=\"assets/"))
  }

  /// Served by `plansite serve`, the 404 page links from the preview's
  /// root: links to base_url took the editor to the published site.
  @Test func thePreviewErrorPageLinksFromTheRoot() {
    let site = TestProject.temporaryDirectory("sample-root").appendingPathComponent("Site").path
    var configuration = BuildConfiguration(
      contentDirectory: Self.sample, templatesDirectory: TestProject.templates,
      outputDirectory: site, today: TestProject.today, includesDrafts: true)
    configuration.servedFromRoot = true
    #expect(SiteBuilder(configuration: configuration).build().published)
    let html = page("404.html", in: site)
    #expect(html.contains("href=\"/assets/site."), "\(html)")
    #expect(html.contains("href=\"/index.html\""))
    #expect(!html.contains("href=\"https://mau.example.org/index.html"))
    #expect(!html.contains("https://mau.example.org/assets/"))
    // Other pages are as in any build.
    #expect(page("index.html", in: site) == page("index.html", in: Self.withDrafts.site))
  }

  /// An entry giving a progress without a status shows the status the
  /// site counts it as on the report page and the task's timeline (a bare
  /// "50%" beside "Đang thực hiện 50%" on the commune's page).
  @Test func aProgressAloneShowsItsStatusEverywhere() throws {
    let root = TestProject.temporaryDirectory("progress-alone")
    let content = root.appendingPathComponent("Content")
    try FileManager.default.copyItem(atPath: Self.sample, toPath: content.path)
    let report = content.appendingPathComponent("reports/2026-9t/xa-thanh-son.md")
    let text = try String(contentsOf: report, encoding: .utf8)
    try text.replacingOccurrences(
      of: "    status: in-progress\n    progress: 50\n", with: "    progress: 50\n"
    )
    .write(to: report, atomically: true, encoding: .utf8)
    let site = root.appendingPathComponent("Site").path
    let result = SiteBuilder(
      configuration: BuildConfiguration(
        contentDirectory: content.path, templatesDirectory: TestProject.templates,
        outputDirectory: site, today: TestProject.today)
    ).build()
    #expect(result.published, "\(result.diagnostics.formatted())")
    let badge = "<span class=\"badge badge--in-progress\">Đang thực hiện</span> 50%"
    #expect(page("bao-cao/2026-9t/xa-thanh-son/index.html", in: site).contains(badge))
    #expect(page("nhiem-vu/1-3/index.html", in: site).contains(badge))
  }

  /// An agency's public contact is on its page; the data's licence on the data page.
  @Test func contactAndLicenceAreShown() {
    let html = page("co-quan/so-tai-chinh/index.html")
    #expect(html.contains("<a href=\"tel:0200000000\">0200 000 000</a>"))
    #expect(html.contains("<a href=\"mailto:stc@mau.example.org\">stc@mau.example.org</a>"))
    #expect(
      page("du-lieu/index.html").contains(
        "Giấy phép sử dụng dữ liệu:</strong> CC BY 4.0 (dữ liệu mẫu)"))
    #expect(
      TestProject.read(Self.plain.site + "/du-lieu/plan.json").contains(
        "\"license\": \"CC BY 4.0 (dữ liệu mẫu)\""))
  }

  @Test func draftsAreShownOnlyWhenAskedFor() {
    let draft = "bao-cao/2026-9t/so-giao-duc-va-dao-tao/index.html"
    #expect(!FileManager.default.fileExists(atPath: Self.plain.site + "/" + draft))
    #expect(!page("index.html").contains("Bản xem trước"))
    #expect(page("bao-cao/2026-9t/index.html").contains("Sở Giáo dục và Đào tạo"))
    #expect(Self.withDrafts.result.published)
    #expect(page(draft, in: Self.withDrafts.site).contains("Bản nháp"))
    #expect(page("index.html", in: Self.withDrafts.site).contains("Bản xem trước"))
    #expect(Self.withDrafts.result.notes.contains { $0.en.contains("1 draft report") })
  }

  @Test func aTaskIsDoneWhenEveryLeadAndImplementerSaysSo() {
    // 1.2: led by Sở Nội vụ (done), supported by every agency (most never reported).
    let done = page("nhiem-vu/1-2/index.html")
    #expect(done.contains("badge badge--done\">Hoàn thành</span>"))
    #expect(done.contains("1/1 đơn vị chủ trì, thực hiện đã báo cáo hoàn thành"))
    // 2.3: the lead and Hòa Lạc are done, Tân Phú is not, and the deadline has passed.
    let open = page("nhiem-vu/2-3/index.html")
    #expect(open.contains("badge badge--overdue\">Quá hạn</span>"))
    #expect(open.contains("2/3 đơn vị chủ trì, thực hiện đã báo cáo hoàn thành"))
    #expect(open.contains("Quá hạn: đã qua thời hạn mà chưa hoàn thành, tính đến ngày 27/11/2026"))
    // 2.2: done after its deadline.
    #expect(page("nhiem-vu/2-2/index.html").contains("Hoàn thành chậm"))
    // 2.5: nobody has reported.
    let silent = page("nhiem-vu/2-5/index.html")
    #expect(silent.contains("badge badge--unreported\">Chưa có báo cáo</span>"))
    #expect(!silent.contains("Diễn biến thực hiện"))
  }

  @Test func aCollectiveTaskListsEveryCommune() {
    let html = page("nhiem-vu/1-3/index.html")
    #expect(html.contains("Xã, phường: 1/10 đã báo cáo hoàn thành, 5/10 chưa báo cáo"))
    #expect(html.contains("id=\"bang-don-vi\""))
    // One row per holder: the lead and the ten communes.
    #expect(html.components(separatedBy: "<tr data-status=").count - 1 == 11)
    #expect(html.contains("Số liệu tính đến ngày 12/10/2026"))
    // The progress is a mean of those who reported it, and says so: the
    // units that have not reported are not counted as 0 %, nor hidden; the
    // status beside it shows no figure, which would read as the task's.
    #expect(
      html.contains(
        "<dt>Tình trạng</dt><dd><span class=\"badge badge--in-progress\">Đang thực hiện</span></dd>"
      ))
    #expect(
      html.contains(
        "tiến độ 60% là trung bình của 6/11 đơn vị đã báo cáo tiến độ; chưa tính 5 đơn vị chưa "
          + "báo cáo"))
    // The timeline, newest first: a card for each report of the lead, which
    // the task names, and one item a period for the communes it reaches as
    // "UBND các xã, phường", their ten entries in a table linking to each report.
    func count(_ text: String) -> Int { html.components(separatedBy: text).count - 1 }
    #expect(count("class=\"timeline__item\"") == 3)
    #expect(count("class=\"timeline__item timeline__item--group\"") == 3)
    #expect(
      html.contains(
        "12/10/2026</strong> · 9 tháng năm 2026 · UBND các xã, phường: 4 đơn vị báo cáo"))
    #expect(count("<tr><th scope=\"row\"><a href=\"../../bao-cao/") == 10)
    #expect(html.contains("<summary>Báo cáo của từng đơn vị (4)</summary>"))
    #expect(html.contains("href=\"../../bao-cao/2026-9t/xa-tan-phu/index.html\">Xã Tân Phú</a>"))
    // The holders table links each holder's latest report.
    #expect(html.contains("<a href=\"../../bao-cao/2026-9t/xa-tan-phu/index.html\">12/10/2026</a>"))
  }

  /// A report of work in progress dated after the task's deadline says
  /// so beside the status, as the body's page says "Quá hạn"; a task
  /// whose deadline is still to come says nothing.
  @Test func aReportLineSaysItsDeadlineHadPassed() {
    let html = page("bao-cao/2026-9t/xa-tan-phu/index.html")
    func line(_ id: String) -> String {
      let start = html.range(of: "<span class=\"duty__id\">\(id)</span>")?.lowerBound
      let rest = start.map { html[$0...] } ?? ""
      return String(rest.prefix { $0 != "\n" })
    }
    #expect(line("2.1").contains("đã quá thời hạn 31/08/2026"), "\(line("2.1"))")
    #expect(!line("1.3").contains("quá thời hạn"), "\(line("1.3"))")
  }

  @Test func anAgencyPageFlagsMissedDueDates() {
    let html = page("co-quan/so-xay-dung/index.html")
    #expect(html.contains("Chưa gửi báo cáo 3 kỳ đã đến hạn"))
    #expect(html.contains("(tính đến ngày 27/11/2026)"))
    #expect(html.contains("Chưa gửi báo cáo nào."))
    let sent = page("co-quan/so-tai-chinh/index.html")
    #expect(sent.contains("Báo cáo gần nhất: ngày <strong>09/10/2026</strong>"))
    #expect(!sent.contains("flag--missing"))
    #expect(sent.contains("bao-cao.xml"))
  }

  @Test func thePeriodPageIsTheChaseList() {
    let html = page("bao-cao/2026-9t/index.html")
    #expect(html.contains("Chưa gửi báo cáo (8)"))
    #expect(html.contains("Gửi chậm (1)"))
    #expect(html.contains("Nhiệm vụ hoàn thành trong kỳ (2)"))
    #expect(html.contains("Nhiệm vụ mới quá hạn (1)"))
    // 1.4 was due on the last day of Quý I, so it fell overdue in the
    // next period: the list says so, as the table of changes does.
    let half = page("bao-cao/2026-6t/index.html")
    #expect(half.contains("Nhiệm vụ mới quá hạn (1)"), "\(half)")
    #expect(half.contains("<a href=\"../../nhiem-vu/1-4/index.html\">Nhiệm vụ 1.4</a>"))
    #expect(html.contains("<svg class=\"dist__bar\""))
    #expect(html.contains("<caption>Số nhiệm vụ theo tình trạng ở cuối mỗi kỳ</caption>"))
    // The chart is drawn without script (the page loads only the site's search script).
    #expect(html.components(separatedBy: "<script").count == 2)
  }

  @Test func indicatorsAreJudgedConservatively() {
    let html = page("chi-tieu/index.html")
    func verdicts(_ id: String) -> [String] {
      guard let start = html.range(of: "id=\"\(id)\"") else { return [] }
      let rest = html[start.upperBound...]
      let end = rest.range(of: "</article>")?.lowerBound ?? rest.endIndex
      return rest[..<end].components(separatedBy: "class=\"verdict verdict--").dropFirst().map {
        String($0.prefix { $0 != "\"" })
      }
    }
    // 2025 reported 83 against "từ 80 trở lên": exceeded; 2026 and 2030 not yet.
    #expect(verdicts("ho-so-truc-tuyen") == ["exceeded", "not-yet", "not-yet"])
    // A target is shown in the document's words ("tối thiểu 85"), not reworded.
    #expect(html.contains("Mục tiêu 2026: tối thiểu 85"))
    #expect(!html.contains("Mục tiêu 2026: từ 85 trở lên"))
    // 2,8 against "dưới 3" (lower is better): met.
    #expect(verdicts("ty-le-ho-ngheo") == ["met", "not-yet"])
    // 68 against the range 70-75: not met.
    #expect(verdicts("truong-dat-chuan") == ["not-met", "not-yet"])
    // 2025 has ended with no figure: no data.
    #expect(verdicts("bao-hiem-y-te") == ["no-data", "not-yet"])
    // A 2026-2030 target is not judged in 2026, even with a figure reported.
    #expect(verdicts("grdp-tang-truong") == ["not-yet"])
  }

  @Test(arguments: [
    "du-lieu/reports.csv", "du-lieu/report-updates.csv", "du-lieu/indicator-values.csv",
    "du-lieu/submissions.csv", "bao-cao/feed.xml", "co-quan/so-tai-chinh/bao-cao.xml",
  ])
  func matchesGoldenFile(path: String) throws {
    let produced = try Data(contentsOf: URL(fileURLWithPath: Self.plain.site + "/" + path))
    let golden = OpenDataTests.snapshots.appendingPathComponent(
      "sample__" + path.replacingOccurrences(of: "/", with: "__"))
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
      || !FileManager.default.fileExists(atPath: golden.path)
    {
      try produced.write(to: golden)
    }
    #expect(
      produced == (try Data(contentsOf: golden)),
      "\(path) differs from \(golden.lastPathComponent); RECORD_SNAPSHOTS=1 rewrites it")
  }

  @Test func feedsAndLongFormatDataReadBack() throws {
    let summary = try OpenDataTests().runScript([
      "python3", "Tests/Scripts/check_reports.py", Self.plain.site,
    ])
    #expect(summary["reports"] as? Int == 30)
    #expect(summary["feeds"] as? Int == 19)
    #expect(summary["feed_entries"] as? Int == 30)
    #expect(summary["reported_values"] as? Int == 3)
    #expect(summary["schema_version"] as? Int == 3)
    let submissions = try #require(summary["submissions"] as? [String: Int])
    #expect(submissions["missing"] == 24)
    let drafts = try OpenDataTests().runScript([
      "python3", "Tests/Scripts/check_reports.py", Self.withDrafts.site,
    ])
    #expect(drafts["reports"] as? Int == 31)
  }

  /// Only pages showing a status derived from the build date (Quá hạn, a
  /// missing report) change when only the build date does, and they show
  /// that date.
  @Test func aNewBuildDateChangesOnlyPagesJudgedOnIt() {
    let next = Self.build(
      "sample-next-day", today: Day(year: 2026, month: 11, day: 28) ?? .unixEpoch)
    let before = TestProject.snapshot(of: Self.plain.site)
    let after = TestProject.snapshot(of: next.site)
    #expect(Set(before.keys) == Set(after.keys))
    var changed: [String] = []
    for (path, bytes) in before where after[path] != bytes {
      changed.append(path)
      if path.hasSuffix(".html") {
        let html = String(decoding: bytes, as: UTF8.self)
        #expect(html.contains("27/11/2026"), "\(path) changed but shows no judging date")
      }
    }
    #expect(!changed.isEmpty)
    // Reports, a done task's page and a commune that sent every report stay as they were.
    for path in [
      "bao-cao/2026-6t/so-tai-chinh/index.html", "nhiem-vu/1-1/index.html",
      "co-quan/so-tai-chinh/nhiem-vu.csv", "bao-cao/feed.xml",
    ] {
      #expect(!changed.contains(path), "\(path)")
    }
  }
}
