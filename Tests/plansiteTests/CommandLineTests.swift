import Foundation
import Testing

/// The command as editors and webmasters run it: exit codes and output.
@Suite struct CommandLineTests {
  func project(breaking: Bool = false) throws -> URL {
    let folder = CommandRunner.temporaryDirectory("cli")
    try FileManager.default.copyItem(
      at: CommandRunner.root.appendingPathComponent("Content"),
      to: folder.appendingPathComponent("Content"))
    try FileManager.default.copyItem(
      at: CommandRunner.root.appendingPathComponent("Templates"),
      to: folder.appendingPathComponent("Templates"))
    if breaking {
      let task = folder.appendingPathComponent("Content/tasks/1-trong-tam/1-2.md")
      let text = try String(contentsOf: task, encoding: .utf8)
      try text.replacingOccurrences(of: "[so-noi-vu]", with: "[so-noi-vu2]")
        .replacingOccurrences(of: "role: lead", with: "role: chu tri")
        .write(to: task, atomically: true, encoding: .utf8)
    }
    return folder
  }

  /// The content folder named another way (absolute, then relative) changes
  /// every message's paths, so the pages are made again, but the files
  /// whose bytes are the same are kept as they are.
  @Test func anotherContentPathKeepsTheUnchangedFiles() throws {
    let folder = try project()
    let first = try CommandRunner.run(["build", "--today", "2026-11-27"], in: folder)
    #expect(first.status == 0, "\(first.stderr)")
    let page = folder.appendingPathComponent("Site/index.html").path
    let inode = try FileManager.default.attributesOfItem(atPath: page)[.systemFileNumber] as? Int
    let again = try CommandRunner.run(
      [
        "build", "--today", "2026-11-27", "--content",
        folder.appendingPathComponent("Content").path,
      ], in: folder)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout.contains("ghi 0 tệp"), "\(again.stdout)")
    #expect(
      try FileManager.default.attributesOfItem(atPath: page)[.systemFileNumber] as? Int == inode)
  }

  /// A mistyped --content is reported, and nothing is made beside the output.
  @Test func aMissingContentFolderLeavesNothingBehind() throws {
    let folder = try project()
    let output = try CommandRunner.run(
      ["build", "--content", "Nope", "--output", "Other"], in: folder)
    #expect(output.status == 1)
    #expect(output.stderr.contains("không có thư mục 'Nope'"))
    for left in ["Other", "Other.db", "Other.lock"] {
      #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(left).path))
    }
  }

  @Test func buildRemembersInSiteDBAndSurvivesADamagedOne() throws {
    let folder = try project()
    let content = folder.appendingPathComponent("Content")
    let hourAgo = Date(timeIntervalSinceNow: -3600)
    for case let path as String in FileManager.default.enumerator(atPath: content.path) ?? .init() {
      try FileManager.default.setAttributes(
        [.modificationDate: hourAgo], ofItemAtPath: content.appendingPathComponent(path).path)
    }
    let cache = folder.appendingPathComponent("Site.db")
    let page = folder.appendingPathComponent("Site/nhiem-vu/1-3/index.html")
    let task = content.appendingPathComponent("tasks/1-trong-tam/1-3.md")
    func build(_ extra: [String] = []) throws {
      let output = try CommandRunner.run(["build", "--today", "2026-11-27"] + extra, in: folder)
      #expect(output.status == 0, "\(output.stderr)")
    }
    func edit(_ from: String, _ to: String) throws {
      let text = try String(contentsOf: task, encoding: .utf8)
      try text.replacingOccurrences(of: from, with: to).write(
        to: task, atomically: true, encoding: .utf8)
      try FileManager.default.setAttributes(
        [.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: task.path)
    }
    try build()
    #expect((try? Data(contentsOf: cache))?.count ?? 0 > 1000)
    try edit("Bám sát định hướng", "Bám sát chặt chẽ định hướng")
    try build()
    #expect(try String(contentsOf: page, encoding: .utf8).contains("Bám sát chặt chẽ định hướng"))
    try Data("not a database".utf8).write(to: cache)
    try edit("Bám sát chặt chẽ định hướng", "Luôn bám sát định hướng")
    try build()
    #expect(try String(contentsOf: page, encoding: .utf8).contains("Luôn bám sát định hướng"))
    let incremental = CommandRunner.snapshot(folder.appendingPathComponent("Site"))
    try build(["--clean"])
    #expect(CommandRunner.snapshot(folder.appendingPathComponent("Site")) == incremental)
  }

  /// `init` starts a plan that checks clean and builds at once, and refuses
  /// a folder that has files.
  @Test func initStartsAPlanThatBuildsAtOnce() throws {
    let parent = CommandRunner.temporaryDirectory("init")
    let made = try CommandRunner.run(["init", "moi"], in: parent)
    #expect(made.status == 0, "\(made.stderr)")
    #expect(made.stdout.contains("Đã tạo moi/"))
    let folder = parent.appendingPathComponent("moi")
    for path in [
      "Content/site.yaml", "Content/plan.md", "Content/agencies.yaml", "Content/communes.yaml",
      "Content/indicators.yaml", "Content/tasks/1-nhiem-vu-trong-tam/1-1.md",
      "Content/reporting.yaml", "Content/reports/2026-6t/so-tai-chinh.md",
      "Templates/layout.mustache",
    ] {
      #expect(
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path), "\(path)")
    }
    let check = try CommandRunner.run(["check", "--strict"], in: folder)
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stdout.contains("Không phát hiện lỗi nào."))
    let build = try CommandRunner.run(["build", "--today", "2026-11-27"], in: folder)
    #expect(build.status == 0, "\(build.stderr)")
    // Not a terminal: no progress line, only the summary.
    #expect(!build.stdout.contains("\r"))
    #expect(build.stdout.hasPrefix("Đã dựng "))
    // The example report is a draft: the schedule is public, the report is not.
    let drafts = try CommandRunner.run(
      ["build", "--drafts", "--output", "Preview", "--today", "2026-11-27"], in: folder)
    #expect(drafts.status == 0, "\(drafts.stderr)")
    func shows(_ output: String) -> Bool {
      CommandRunner.snapshot(folder.appendingPathComponent(output)).values.contains {
        String(decoding: $0, as: UTF8.self).contains("trong kỳ (ví dụ)")
      }
    }
    #expect(shows("Preview"))
    #expect(!shows("Site"))
    // Not told where, a build with drafts goes beside Site/ (Site/ is what
    // is copied to the web server), not into serve's preview either.
    let site = CommandRunner.snapshot(folder.appendingPathComponent("Site"))
    let beside = try CommandRunner.run(["build", "--drafts", "--today", "2026-11-27"], in: folder)
    #expect(beside.status == 0, "\(beside.stderr)")
    #expect(beside.stdout.contains("vào Site.drafts/"), "\(beside.stdout)")
    #expect(shows("Site.drafts"))
    #expect(
      !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Site.preview").path))
    #expect(CommandRunner.snapshot(folder.appendingPathComponent("Site")) == site)
    // Nor when told to write into Site/ itself.
    for command in ["build", "watch"] {
      let refused = try CommandRunner.run(
        [command, "--drafts", "--output", "Site/", "--today", "2026-11-27"], in: folder)
      #expect(refused.status == 64, "\(refused.stderr)")
      #expect(refused.stderr.contains("lỗi: --drafts không ghi vào Site/: đó là thư mục đưa lên"))
    }
    #expect(CommandRunner.snapshot(folder.appendingPathComponent("Site")) == site)
    #expect(
      FileManager.default.fileExists(
        atPath: folder.appendingPathComponent("Site/bao-cao/2026-6t/index.html").path))
    let form = try CommandRunner.run(
      ["report", "form", "--period", "2026-6t", "--from", "all-communes", "--output", "mau.xlsx"],
      in: folder)
    #expect(form.status == 0, "\(form.stderr)")
    // A form of the same name (a unit's filled reply) is not written over.
    let filled = folder.appendingPathComponent("mau.xlsx")
    try Data("đã điền".utf8).write(to: filled)
    let over = try CommandRunner.run(
      ["report", "form", "--period", "2026-6t", "--from", "all-communes", "--output", "mau.xlsx"],
      in: folder)
    #expect(over.status == 1)
    #expect(over.stderr.contains("mau.xlsx: lỗi: đã có tệp 'mau.xlsx'"), "\(over.stderr)")
    #expect(try Data(contentsOf: filled) == Data("đã điền".utf8))
    let overwritten = try CommandRunner.run(
      [
        "report", "form", "--period", "2026-6t", "--from", "all-communes", "--output", "mau.xlsx",
        "--overwrite",
      ], in: folder)
    #expect(overwritten.status == 0, "\(overwritten.stderr)")
    #expect(try Data(contentsOf: filled) != Data("đã điền".utf8))
    // Without a schedule, the form names the file to write.
    let fm = FileManager.default
    try fm.removeItem(at: folder.appendingPathComponent("Content/reporting.yaml"))
    try fm.removeItem(at: folder.appendingPathComponent("Content/reports"))
    let noSchedule = try CommandRunner.run(
      ["report", "form", "--period", "2026-6t", "--from", "so-tai-chinh"], in: folder)
    #expect(noSchedule.status == 1)
    #expect(
      noSchedule.stderr.contains(
        "Content/reporting.yaml: lỗi: kế hoạch chưa có lịch báo cáo: chưa có tệp này"),
      "\(noSchedule.stderr)")
    let again = try CommandRunner.run(["init", "moi"], in: parent)
    #expect(again.status == 1)
    #expect(again.stderr.contains("moi: lỗi: thư mục 'moi' đã có tệp"))
  }

  /// A folder typed with a trailing slash (as shells complete it) is the
  /// same folder: messages name it once, and a second build rewrites
  /// nothing.
  @Test func foldersWithATrailingSlashAreTheSameFolders() throws {
    let folder = try project()
    let arguments = [
      "build", "--content", "Content/", "--templates", "Templates//", "--output", "Site/",
      "--today", "2026-11-27",
    ]
    let first = try CommandRunner.run(arguments, in: folder)
    #expect(first.stdout.hasPrefix("Đã dựng 159 trang vào Site/ trong "), "\(first.stdout)")
    let plain = try CommandRunner.run(["build", "--today", "2026-11-27"], in: folder)
    #expect(
      plain.stdout.contains("ghi 0 tệp") || plain.stdout.contains("đã mới nhất"), "\(plain.stdout)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Site/.db").path))
  }

  @Test func buildWithDefaultsWritesSite() throws {
    let folder = try project()
    let output = try CommandRunner.run(["build", "--today", "2026-11-27"], in: folder)
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.hasPrefix("Đã dựng 159 trang vào Site/ trong "))
    #expect(
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("Site/index.html").path))
  }

  /// A file a webmaster puts into Site/ by hand is not kept by the next
  /// build (it replaces the folder whole): the build says so, once.
  @Test func filesPutIntoTheOutputByHandAreNamed() throws {
    let folder = try project()
    #expect(try CommandRunner.run(["build", "--today", "2026-11-27"], in: folder).status == 0)
    try Data("ErrorDocument 404 /404.html\n".utf8).write(
      to: folder.appendingPathComponent("Site/.htaccess"))
    let next = try CommandRunner.run(["build", "--today", "2026-11-27", "--clean"], in: folder)
    #expect(next.status == 0)
    #expect(
      next.stderr.contains(
        "Site/.htaccess: cảnh báo: Site/ có '.htaccess' không do plansite làm ra nên không có "
          + "trong bản dựng mới"), "\(next.stderr)")
    #expect(
      !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Site/.htaccess").path)
    )
    let again = try CommandRunner.run(["build", "--today", "2026-11-27", "--clean"], in: folder)
    #expect(!again.stderr.contains(".htaccess"))
  }

  @Test func checkReportsAllErrorsSortedWithSummaryAndExitsOne() throws {
    let folder = try project(breaking: true)
    let output = try CommandRunner.run(["check"], in: folder)
    #expect(output.status == 1)
    #expect(
      output.stderr == """
        Content/tasks/1-trong-tam/1-2.md:5:10: lỗi: không tìm thấy cơ quan 'so-noi-vu2' (trong agencies.yaml)
        ghi chú: có phải là 'so-noi-vu' (Sở Nội vụ)?
        Content/tasks/1-trong-tam/1-2.md:6:11: lỗi: 'chu tri' không phải là giá trị hợp lệ của 'role'
        ghi chú: có phải là 'lead' (Chủ trì)?
        ghi chú: dùng một trong các từ: lead, support, implement
        2 lỗi

        """)
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Site").path))
  }

  /// A build stopped by errors says that the published folder is as it was.
  @Test func aFailedBuildSaysTheSiteIsUnchanged() throws {
    let folder = try project(breaking: true)
    let first = try CommandRunner.run(["build", "--today", "2026-11-27"], in: folder)
    #expect(first.status == 1)
    #expect(
      first.stderr.hasSuffix("2 lỗi\nChưa dựng: sửa các lỗi trên rồi chạy lại.\n"),
      "\(first.stderr)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("Site"), withIntermediateDirectories: true)
    let second = try CommandRunner.run(["build", "--today", "2026-11-27"], in: folder)
    #expect(
      second.stderr.hasSuffix(
        "Chưa dựng lại: Site/ vẫn giữ nguyên bản dựng trước. Sửa các lỗi trên rồi chạy lại.\n"),
      "\(second.stderr)")
  }

  /// Office PCs and servers often run an English locale: the site's language
  /// decides, and `--lang en` asks for English.
  @Test func messagesFollowTheSiteLanguageNotTheLocale() throws {
    let folder = try project(breaking: true)
    let english = ["LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8", "LANGUAGE": "en"]
    let vietnamese = try CommandRunner.run(["check"], in: folder, environment: english)
    #expect(vietnamese.stderr.hasSuffix("2 lỗi\n"), "\(vietnamese.stderr)")
    let asked = try CommandRunner.run(["check", "--lang", "en"], in: folder)
    #expect(
      asked.stderr == """
        Content/tasks/1-trong-tam/1-2.md:5:10: error: unknown agency 'so-noi-vu2'
        note: did you mean 'so-noi-vu' (Sở Nội vụ)?
        Content/tasks/1-trong-tam/1-2.md:6:11: error: 'chu tri' is not a valid role
        note: did you mean 'lead' (Chủ trì)?
        note: use one of: lead, support, implement
        2 errors

        """)
    // A site that says it is English gets English messages without --lang.
    let site = folder.appendingPathComponent("Content/site.yaml")
    let text = try String(contentsOf: site, encoding: .utf8)
    try text.replacingOccurrences(of: "language: vi", with: "language: en")
      .write(to: site, atomically: true, encoding: .utf8)
    let siteEnglish = try CommandRunner.run(["check"], in: folder)
    #expect(siteEnglish.stderr.hasSuffix("2 errors\n"), "\(siteEnglish.stderr)")
    let overridden = try CommandRunner.run(["check", "--lang", "vi"], in: folder)
    #expect(overridden.stderr.hasSuffix("2 lỗi\n"), "\(overridden.stderr)")
  }

  @Test func argumentProblemsAreExplainedInVietnamese() throws {
    let folder = try project()
    let typo = try CommandRunner.run(["buid"], in: folder)
    #expect(typo.status == 64)
    #expect(
      typo.stderr == "lỗi: không có lệnh 'buid'; có phải là 'build'?\n"
        + "ghi chú: xem cách dùng: plansite --help\n")
    let english = try CommandRunner.run(["chek", "--lang", "en"], in: folder)
    #expect(english.stderr.hasPrefix("error: there is no command 'chek'; did you mean 'check'?"))
    let option = try CommandRunner.run(["build", "--bogus"], in: folder)
    #expect(option.status == 64)
    #expect(option.stderr.hasPrefix("lỗi: không có tùy chọn '--bogus'"))
    // The note shows the subcommand's own usage and help.
    #expect(option.stderr.contains("ghi chú: cách dùng: plansite build [--content <thư mục>]"))
    #expect(option.stderr.contains("ghi chú: xem thêm: plansite build --help"))
    let form = try CommandRunner.run(["report", "form", "--from", "so-tai-chinh"], in: folder)
    #expect(form.status == 64)
    #expect(
      form.stderr.contains("ghi chú: cách dùng: plansite report form [--content <thư mục>]"),
      "\(form.stderr)")
    #expect(form.stderr.contains("ghi chú: xem thêm: plansite report form --help"))
    // A near miss is suggested in Vietnamese too.
    let near = try CommandRunner.run(["build", "--contnet", "Content"], in: folder)
    #expect(near.status == 64)
    #expect(
      near.stderr.hasPrefix("lỗi: không có tùy chọn '--contnet'; có phải là '--content'?"),
      "\(near.stderr)")
    // A missing option's value is named in Vietnamese, as the help names it.
    let missing = try CommandRunner.run(["report", "import", "mau.xlsx"], in: folder)
    #expect(missing.status == 64)
    #expect(missing.stderr.hasPrefix("lỗi: thiếu '--date <ngày>'"), "\(missing.stderr)")
    let noValue = try CommandRunner.run(["check", "--today"], in: folder)
    #expect(noValue.stderr.hasPrefix("lỗi: thiếu giá trị cho '--today <ngày>'"))
    // --today takes dates as content files do: 2026-11-27 or 27/11/2026.
    #expect(try CommandRunner.run(["check", "--today", "27/11/2026"], in: folder).status == 0)
    let impossible = try CommandRunner.run(["check", "--today", "31/02/2026"], in: folder)
    #expect(impossible.status == 64)
    #expect(impossible.stderr.hasPrefix("lỗi: --today phải là một ngày có thật"))
    let epoch = try CommandRunner.run(
      ["build"], in: folder, environment: ["SOURCE_DATE_EPOCH": "hôm nay"])
    #expect(epoch.status == 64)
    #expect(epoch.stderr.contains("SOURCE_DATE_EPOCH phải là một số giây"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Site").path))
    // A name with spaces, unquoted: the extra words are said in Vietnamese,
    // with the way to quote them.
    let spaced = try CommandRunner.run(
      ["report", "form", "--period", "2026-9t", "--from", "Xã", "An", "Lạc"], in: folder)
    #expect(spaced.status == 64)
    #expect(
      spaced.stderr.hasPrefix("lỗi: thừa 2 giá trị: 'An', 'Lạc' (tên có dấu cách phải đặt"),
      "\(spaced.stderr)")
    let version = try CommandRunner.run(["--version"], in: folder)
    #expect(version.status == 0)
    #expect(version.stdout.split(separator: ".").count == 3)
  }

  @Test func helpIsInVietnameseUnlessEnglishIsAskedFor() throws {
    let folder = try project()
    let top = try CommandRunner.run(["--help"], in: folder)
    #expect(top.status == 0)
    #expect(top.stdout.contains("CÁCH DÙNG: plansite <lệnh>"))
    #expect(top.stdout.contains("build (mặc định)        Dựng trang từ nội dung"))
    let form = try CommandRunner.run(["help", "report", "import"], in: folder)
    #expect(form.stdout.contains("--dry-run               Chỉ in những gì sẽ thay đổi"))
    #expect(form.stdout.contains("Thư mục nội dung. (mặc định: Content)"))
    #expect(form.stdout.contains("--date <ngày>           Ngày ban hành báo cáo"))
    for english in ["OVERVIEW", "USAGE", "OPTIONS", "Show help", "The content folder", "default"] {
      #expect(!top.stdout.contains(english) && !form.stdout.contains(english), "\(english)")
    }
    let english = try CommandRunner.run(["build", "--help", "--lang", "en"], in: folder)
    #expect(english.stdout.contains("USAGE: plansite build"))
    #expect(english.stdout.contains("The content folder. (default: Content)"))
    #expect(english.stdout.contains("--content <content>"))
  }

  @Test func checkOnGoodContentSaysSo() throws {
    let output = try CommandRunner.run(["check"], in: try project())
    #expect(output.status == 0)
    #expect(output.stdout == "Không phát hiện lỗi nào.\n")
  }

  @Test func strictTurnsWarningsIntoErrors() throws {
    let folder = try project()
    let task = folder.appendingPathComponent("Content/tasks/1-trong-tam/1-1.md")
    let text = try String(contentsOf: task, encoding: .utf8)
    try text.replacingOccurrences(of: "title:", with: "titel: \"x\"\ntitle:")
      .write(to: task, atomically: true, encoding: .utf8)
    let relaxed = try CommandRunner.run(["check"], in: folder)
    #expect(relaxed.status == 0)
    #expect(relaxed.stderr.contains("cảnh báo: trường 'titel' không dùng cho nhiệm vụ"))
    #expect(relaxed.stderr.hasSuffix("1 cảnh báo\n"))
    let strict = try CommandRunner.run(["check", "--strict"], in: folder)
    #expect(strict.status == 1)
    #expect(strict.stderr.contains("lỗi: trường 'titel' không dùng cho nhiệm vụ"))
  }

  @Test func badTodayIsRejected() throws {
    let output = try CommandRunner.run(["build", "--today", "2026-02-30"], in: try project())
    #expect(output.status != 0)
    #expect(output.stderr.contains("lỗi: --today phải là một ngày có thật"))
  }

  @Test func sourceDateEpochFixesTheBuildDate() throws {
    let folder = try project()
    let one = try CommandRunner.run(
      ["build", "--output", "A"], in: folder, environment: ["SOURCE_DATE_EPOCH": "1790000000"])
    let two = try CommandRunner.run(
      ["build", "--output", "B"], in: folder, environment: ["SOURCE_DATE_EPOCH": "1790000000"])
    #expect(one.status == 0 && two.status == 0)
    #expect(
      CommandRunner.snapshot(folder.appendingPathComponent("A"))
        == CommandRunner.snapshot(folder.appendingPathComponent("B")))
  }
}
