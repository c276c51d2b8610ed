import Foundation
import Testing

/// Builds the real `Content/` of plan 22/KH-UBND and checks what citizens,
/// agencies and communes will read.
@Suite(.serialized) struct RealSiteTests {
  static let output: String = {
    let directory = TestProject.temporaryDirectory("real-site").appendingPathComponent("Site").path
    TestProject.build(output: directory)
    return directory
  }()

  func page(_ path: String) -> String { TestProject.read(Self.output + "/" + path) }

  func duties(of agency: String) -> [String: Set<String>] {
    var result: [String: Set<String>] = [:]
    for duty in HTMLProbe.duties(in: page("co-quan/\(agency)/index.html")) {
      result[duty.task, default: []].insert(duty.role)
    }
    return result
  }

  @Test func buildSucceeds() {
    let result = TestProject.build(
      output: TestProject.temporaryDirectory().appendingPathComponent("Site").path)
    #expect(result.published)
    #expect(!result.failed, "\(result.diagnostics)")
    #expect(result.pageCount > 150)
  }

  @Test func soTaiChinhListsItsTasksWithRoles() {
    let duties = duties(of: "so-tai-chinh")
    #expect(Set(duties.keys) == ["1.1", "1.3", "1.4", "1.5"])
    #expect(duties["1.1"] == ["Chủ trì", "Thực hiện"])
    #expect(duties["1.3"] == ["Chủ trì", "Thực hiện"])
    #expect(duties["1.4"] == ["Chủ trì", "Phối hợp"])
    #expect(duties["1.5"] == ["Chủ trì", "Phối hợp"])
  }

  @Test func soNoiVuListsTasks12And15() {
    let duties = duties(of: "so-noi-vu")
    #expect(duties["1.2"] == ["Chủ trì"])
    #expect(duties["1.5"] == ["Phối hợp"])
    // Named in 1.5 beside "các sở, ngành": listed once, as named.
    let entries = HTMLProbe.duties(in: page("co-quan/so-noi-vu/index.html")).filter {
      $0.task == "1.5"
    }
    #expect(entries.count == 1)
  }

  @Test(arguments: ["thanh-tra-tinh", "so-tu-phap"])
  func inspectionAgenciesList12(agency: String) {
    #expect(duties(of: agency)["1.2"] == ["Thực hiện"])
  }

  @Test func agencyPagesLinkTheirDataAndNoEmptyCalendar() {
    let html = page("co-quan/so-tai-chinh/index.html")
    #expect(html.contains("href=\"../../co-quan/so-tai-chinh/nhiem-vu.csv\""))
    // 22/KH-UBND's published part sets no deadline: no link to an empty calendar.
    #expect(!html.contains("han.ics"))
    #expect(html.contains("<meta property=\"og:title\" content=\"Sở Tài chính · "))
  }

  /// indicators.csv says what the indicators page says: ranges as ranges
  /// (the figure as the document writes it), each indicator's note and
  /// sources.
  @Test func indicatorsCSVKeepsRangesNotesAndSources() throws {
    let csv = try String(contentsOfFile: Self.output + "/du-lieu/indicators.csv", encoding: .utf8)
    let header = try #require(csv.split(separator: "\r\n").first)
    #expect(header.hasSuffix(",owner,note,sources"))
    #expect(
      csv.contains("dh20-grdp-binh-quan-dau-nguoi,")
        && csv.contains(",target,2030,165-190,range,165,190,"))
    #expect(csv.contains("https://vneconomy.vn/nghe-an-dat-muc-tieu-tang-truong-grdp-tren-12"))
    #expect(csv.contains("Bình quân cả giai đoạn 2025-2030."))
  }

  /// The plan page shows the document's header as issued.
  @Test func homeShowsTheDocumentHeaderAsIssued() {
    let html = page("index.html")
    #expect(
      html.contains(
        "<p>ỦY BAN NHÂN DÂN</p><p><strong>TỈNH NGHỆ AN</strong></p><p>Số: 22/KH-UBND</p>"))
    #expect(html.contains("<strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT&nbsp;NAM</strong>"))
    #expect(html.contains("<strong>Độc lập - Tự do - Hạnh phúc</strong>"))
    #expect(html.contains("<em>Nghệ An, ngày 13 tháng 01 năm 2026</em>"))
  }

  /// Only part of the plan is published: the site says so where it counts,
  /// and a missing deadline is "not stated in the published part".
  @Test func publishedPartIsStated() {
    #expect(page("index.html").contains("Trang này đăng các mục I, II và III.1 của văn bản"))
    let task = page("nhiem-vu/1-1/index.html")
    #expect(task.contains("<dt>Thời hạn</dt><dd>Không nêu trong phần đã đăng</dd>"))
    #expect(!task.contains("Chưa quy định"))
    #expect(
      page("co-quan/so-tai-chinh/index.html").contains(
        "(trong các mục I, II và III.1, phần đã đăng trên trang)"))
    #expect(
      page("xa-phuong/phuong-thanh-vinh/index.html").contains(
        "(trong các mục I, II và III.1, phần đã đăng trên trang)"))
  }

  /// Assignments name who is assigned in the plan's own words, and the plan
  /// names its collectives its own way.
  @Test func assignmentsUseThePlansWords() {
    let task = page("nhiem-vu/1-5/index.html")
    #expect(
      task.contains("<h3 class=\"assignment__who\">Sở Nội vụ và các sở, ngành, địa phương</h3>"))
    #expect(task.contains(">Các sở, ngành</a>"))
    #expect(!task.contains("Các sở, ban, ngành"))
    #expect(
      page("nhiem-vu/1-2/index.html").contains("Thanh tra tỉnh, Sở Tư pháp và Văn phòng UBND tỉnh"))
  }

  /// The data page lists only the kinds this plan has, with their labels, and says no licence is stated.
  @Test func dataPageLabelsCodesAndStatesTheLicence() {
    let html = page("du-lieu/index.html")
    #expect(html.contains("loại: xa (xã), phuong (phường)</td>"))
    #expect(!html.contains("dac-khu (đặc khu)"))
    #expect(html.contains("Trang chưa nêu giấy phép sử dụng dữ liệu"))
    // Readers are not told about the editors' files.
    #expect(!html.contains("site.yaml"))
  }

  /// The list of communes puts the 11 phường before the 119 xã, with links
  /// to both lists at the top (on a phone the phường were 5,000 px down).
  @Test func communeListLeadsWithTheShorterList() throws {
    let html = page("xa-phuong/index.html")
    #expect(
      html.contains(
        "Đi đến: <a href=\"#phuong\">Các phường (11)</a> · <a href=\"#xa\">Các xã (119)</a>"))
    let phuong = try #require(html.range(of: "id=\"phuong-tieu-de\""))
    let xa = try #require(html.range(of: "id=\"xa-tieu-de\""))
    #expect(phuong.lowerBound < xa.lowerBound)
  }

  /// "Các sở, ngành" reaches only the bodies agencies.yaml lists: the three
  /// ban directly under UBND tỉnh, which the published part never names,
  /// are not listed, so the site does not give them the collective's duties.
  @Test func noBodyTheSourcesDoNotTieToThePlanHoldsItsDuties() {
    #expect(page("co-quan/index.html").contains("Sở Tài chính"))
    #expect(!page("co-quan/index.html").contains("Ban Quản lý"))
    #expect(page("co-quan/ban-quan-ly-khu-kinh-te-dong-nam-nghe-an/index.html").isEmpty)
  }

  /// The content cites public sources, never a path on someone's machine.
  @Test func contentCitesNoMachinePaths() throws {
    for folder in [
      TestProject.content, TestProject.root.appendingPathComponent("docs/sample").path,
    ] {
      for (path, data) in TestProject.snapshot(of: folder) {
        let text = String(decoding: data, as: UTF8.self)
        for pattern in ["/work/", "/home/", "/Users/", "/tmp/", "C:\\"] {
          #expect(!text.contains(pattern), "\(folder)/\(path) cites \(pattern)")
        }
      }
    }
  }

  /// No report of 22/KH-UBND is published: the site says so, and prints no
  /// count that would read as a fact.
  @Test func saysNoReportIsPublishedAndPrintsNoZeroCounts() throws {
    let pages = [
      "index.html", "nhom/1/index.html", "co-quan/so-tai-chinh/index.html",
      "xa-phuong/phuong-thanh-vinh/index.html", "nhiem-vu/1-1/index.html",
    ]
    for path in pages {
      let html = page(path)
      #expect(html.contains("Chưa có báo cáo"), "\(path)")
      for zero in [
        "Hoàn thành: <strong>0</strong>", "Quá hạn: <strong>0</strong>",
        "Đang thực hiện: <strong>0</strong>", "Chưa thực hiện: <strong>0</strong>",
      ] {
        #expect(!html.contains(zero), "\(path) prints \(zero)")
      }
      #expect(!html.contains("badge--done\""), "\(path)")
      #expect(!html.contains("badge--overdue\""), "\(path)")
      #expect(!html.contains("Số liệu tính đến ngày"), "\(path)")
    }
    // No reporting schedule is in the seed: no report pages, no feeds, no data rows.
    #expect(!FileManager.default.fileExists(atPath: Self.output + "/bao-cao/index.html"))
    let reports = try String(contentsOfFile: Self.output + "/du-lieu/reports.csv", encoding: .utf8)
    #expect(reports.split(separator: "\r\n").count == 1)
    let plan = try String(contentsOfFile: Self.output + "/du-lieu/plan.json", encoding: .utf8)
    #expect(plan.contains("\"schedule\": null"))
    #expect(plan.contains("\"reports\": []"))
  }

  @Test func soXayDungListsTask14() {
    #expect(duties(of: "so-xay-dung")["1.4"]?.contains("Chủ trì") == true)
  }

  @Test func soKhoaHocVaCongNgheListsTask15() {
    #expect(duties(of: "so-khoa-hoc-va-cong-nghe")["1.5"]?.contains("Chủ trì") == true)
  }

  @Test func every130CommunePageListsTheCommuneDuties() throws {
    let communes = try String(
      contentsOfFile: TestProject.content + "/communes.yaml", encoding: .utf8
    )
    .split(separator: "\n").filter { $0.hasPrefix("- id: ") }.map { String($0.dropFirst(6)) }
    #expect(communes.count == 130)
    for id in communes {
      let html = page("xa-phuong/\(id)/index.html")
      #expect(!html.isEmpty, "missing page for \(id)")
      let tasks = Set(HTMLProbe.duties(in: html).map(\.task))
      #expect(tasks == ["1.1", "1.3", "1.4", "1.5"], "\(id): \(tasks)")
    }
  }

  @Test func taskPageShowsAssignmentsWithRolesAndLinks() {
    let html = page("nhiem-vu/1-2/index.html")
    #expect(html.contains("<h1>Nhiệm vụ 1.2</h1>"))
    #expect(html.contains("href=\"../../co-quan/so-noi-vu/index.html\">Sở Nội vụ</a>"))
    #expect(html.contains("href=\"../../co-quan/thanh-tra-tinh/index.html\">Thanh tra tỉnh</a>"))
    #expect(html.contains("<span class=\"role role--lead\">Chủ trì</span>"))
    #expect(html.contains("<span class=\"role role--implement\">Thực hiện</span>"))
    let collective = page("nhiem-vu/1-1/index.html")
    #expect(collective.contains("href=\"../../xa-phuong/index.html\">UBND các xã, phường</a>"))
    // 22/KH-UBND names all agencies "các sở, ngành" (collective_labels in plan.md).
    #expect(collective.contains("href=\"../../co-quan/index.html\">Các sở, ngành</a>"))
  }

  @Test func homePageShowsPlanMetadataAndStructure() {
    let html = page("index.html")
    for text in [
      "22/KH-UBND", "13/01/2026", "Võ Trọng Hải", "Bộ máy hành chính",
      "Ủy ban nhân dân tỉnh Nghệ An", "Căn cứ Chương trình hành động số 02-CTr/TU",
      "I. MỤC ĐÍCH, YÊU CẦU", "II. CÁC CHỈ TIÊU CHỦ YẾU", "III. NHIỆM VỤ, GIẢI PHÁP",
      "href=\"chi-tieu/index.html\"", "href=\"nhiem-vu/1-5/index.html\"",
    ] {
      #expect(html.contains(text), "home page lacks \(text)")
    }
  }

  @Test func everyRelativeLinkResolves() throws {
    let files = TestProject.snapshot(of: Self.output)
    var checked = 0
    for (path, data) in files where path.hasSuffix(".html") {
      let html = String(decoding: data, as: UTF8.self)
      let base = URL(fileURLWithPath: Self.output + "/" + path).deletingLastPathComponent()
      for link in HTMLProbe.links(in: html) {
        if link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("mailto:") {
          continue
        }
        #expect(!link.hasPrefix("/"), "\(path): absolute link \(link)")
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let target =
          parts[0].isEmpty
          ? URL(fileURLWithPath: Self.output + "/" + path)
          : base.appendingPathComponent(String(parts[0])).standardizedFileURL
        let relative = target.path.replacingOccurrences(of: Self.output + "/", with: "")
        #expect(files[relative] != nil, "\(path): broken link \(link)")
        if parts.count == 2, !parts[1].isEmpty, let targetData = files[relative] {
          let ids = HTMLProbe.ids(in: String(decoding: targetData, as: UTF8.self))
          #expect(ids.contains(String(parts[1])), "\(path): missing anchor \(link)")
        }
        checked += 1
      }
    }
    #expect(checked > 1000)
  }

  @Test func secondBuildIsByteIdentical() {
    let other = TestProject.temporaryDirectory().appendingPathComponent("Site").path
    TestProject.build(output: other)
    let first = TestProject.snapshot(of: Self.output)
    let second = TestProject.snapshot(of: other)
    #expect(first.count == second.count)
    #expect(first == second)
  }
}
