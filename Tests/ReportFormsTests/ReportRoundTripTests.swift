import ContentLoader
import Foundation
import PlanModel
import SiteCore
import TestSupport
import Testing
import ZIPFoundation

@testable import ReportForms

/// The round trip an office makes: a form for a reporter, filled in by a
/// script the way a clerk would (Tests/Scripts/fill_form.py), imported as a
/// draft, published, built; and every way a form can be wrong.
@Suite(.serialized) struct ReportRoundTripTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let sample = root.appendingPathComponent("docs/sample/Content").path
  static let plansite = root.appendingPathComponent(".build/debug/plansite").path
  static let templates = root.appendingPathComponent("Templates").path
  static let today = "2026-11-27"

  /// A fresh copy of the sample project.
  func project(_ name: String) throws -> URL {
    let folder = TestFiles.temporaryDirectory("forms-\(name)")
    try FileManager.default.copyItem(
      atPath: Self.sample, toPath: folder.appendingPathComponent("Content").path)
    return folder
  }

  @discardableResult
  func run(_ arguments: [String], in folder: URL, expecting status: Int32 = 0) throws -> (
    out: String, err: String
  ) {
    let result = try TestProcess.run(arguments, in: folder)
    #expect(
      result.status == status,
      "\(arguments.joined(separator: " ")) → \(result.status)\n\(result.stdout)\n\(result.stderr)")
    return (result.stdout, result.stderr)
  }

  @discardableResult
  func plansite(_ arguments: [String], in folder: URL, expecting status: Int32 = 0) throws -> (
    out: String, err: String
  ) {
    try run([Self.plansite] + arguments, in: folder, expecting: status)
  }

  func fill(_ form: String, _ out: String, _ sets: [String], _ extra: [String] = [], in folder: URL)
    throws
  {
    try run(
      ["python3", Self.root.appendingPathComponent("Tests/Scripts/fill_form.py").path, form, out]
        + sets.flatMap { ["--set", $0] } + extra, in: folder)
  }

  /// The sample plan, and the options of an import dated 09/10/2026: what
  /// a `FormReader` reading a grid made in a test needs.
  func sampleReading() throws -> (Plan, FormImport.Options) {
    let loaded = ContentLoader(directory: Self.sample).load()
    let plan = try #require(
      PlanValidator(today: Day(year: 2026, month: 11, day: 27), includeDrafts: true).validate(
        loaded.draft
      ).plan)
    let options = FormImport.Options(
      date: Day(year: 2026, month: 10, day: 9) ?? .unixEpoch,
      today: Day(year: 2026, month: 11, day: 27) ?? .unixEpoch)
    return (plan, options)
  }

  /// A reader of `rows` (the first the header) for the sample plan, its
  /// rows read (`groups`), with the options of `sampleReading` or `options`.
  func read(
    _ rows: [[String]], path: String = "x.xlsx", options given: FormImport.Options? = nil
  ) throws -> (reader: FormReader, groups: [FormReader.Group]) {
    let (plan, options) = try sampleReading()
    let reader = FormReader(
      path: path, grid: FormGrid(rows: rows), plan: plan, options: given ?? options)
    return (reader, reader.groups())
  }

  /// A copy of the sample with `from`'s form for `period` written to
  /// `form` and filled in with `sets` as `filled`.
  func filledForm(
    _ name: String, period: String, from: String, form: String, filled: String, _ sets: [String]
  ) throws -> URL {
    let folder = try project(name)
    try self.form(period: period, from: from, output: form, in: folder)
    try fill(form, filled, sets, in: folder)
    return folder
  }

  /// `plansite report form` for one period and reporter(s), as of `today`.
  func form(period: String, from: String, output: String, in folder: URL) throws {
    try plansite(
      [
        "report", "form", "--period", period, "--from", from, "--output", output, "--today",
        Self.today,
      ], in: folder)
  }

  /// `plansite report import FILE --date 2026-10-09 [--replace] --dry-run`, as of `today`.
  @discardableResult
  func dryRun(
    _ file: String, replacing: Bool = true, in folder: URL, expecting status: Int32 = 0
  ) throws -> (out: String, err: String) {
    try plansite(
      ["report", "import", file, "--date", "2026-10-09", "--dry-run", "--today", Self.today]
        + (replacing ? ["--replace"] : []), in: folder, expecting: status)
  }

  /// `plansite report import FILE --date DATE --replace`, as of `today`.
  @discardableResult
  func importForm(_ file: String, date: String, in folder: URL, expecting status: Int32 = 0)
    throws -> (out: String, err: String)
  {
    try plansite(
      ["report", "import", file, "--date", date, "--replace", "--today", Self.today], in: folder,
      expecting: status)
  }

  func read(_ folder: URL, _ path: String) -> String {
    (try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)) ?? ""
  }

  func snapshot(_ folder: URL) -> [String: Data] {
    TestFiles.snapshot(of: folder.appendingPathComponent("Content").path)
  }

  /// Form, fill, import, publish, build: the task page shows the new status
  /// and the new entry in its timeline.
  @Test(arguments: ["xlsx", "csv"])
  func aFilledFormBecomesAPublishedReport(format: String) throws {
    let folder = try project("round-trip-\(format)")
    try form(
      period: "2026-9t", from: "so-giao-duc-va-dao-tao", output: "form.\(format)", in: folder)
    try fill(
      "form.\(format)", "filled.\(format)",
      [
        "2.1|Tình trạng=Hoàn thành", "2.1|Tiến độ (%)=100%", "2.1|Ngày hoàn thành=30/09/2026",
        "2.1|Kết quả thực hiện=Đã sắp xếp xong mạng lưới trường lớp;\\nbáo cáo \"chi tiết\" kèm theo.",
        "truong-dat-chuan|Số liệu (chỉ tiêu)=72,5",
      ], in: folder)
    let imported = try plansite(
      [
        "report", "import", "filled.\(format)", "--date", "2026-10-09", "--document",
        "Báo cáo số 61/BC-SGDĐT", "--replace", "--today", Self.today,
      ], in: folder)
    #expect(
      imported.out.contains(
        "Sở Giáo dục và Đào tạo, nhiệm vụ 2.1: Đang thực hiện 70% → Hoàn thành 100%"))
    // The command that publishes it, whole.
    #expect(
      imported.out.contains(
        "rồi công bố bằng 'plansite report publish 2026-9t so-giao-duc-va-dao-tao'"),
      "\(imported.out)")
    let file = read(folder, "Content/reports/2026-9t/so-giao-duc-va-dao-tao.md")
    #expect(file.contains("draft: true"))
    #expect(file.contains("date: 2026-10-09"))
    // A 9-month figure is the period's, never judged against the year's target.
    #expect(file.contains("    year: \"9 tháng năm 2026\"\n    value: \"72,5\""), "\(file)")
    // Two lines, written as the clerk wrote them.
    #expect(
      file.contains(
        "    text: |-\n      Đã sắp xếp xong mạng lưới trường lớp;\n"
          + "      báo cáo \"chi tiết\" kèm theo.\n"))
    // A plain build leaves the draft out; publishing puts it on the site.
    try plansite(["build", "--today", Self.today, "--templates", Self.templates], in: folder)
    #expect(!read(folder, "Site/nhiem-vu/2-1/index.html").contains("Đã sắp xếp xong"))
    // Without arguments, the drafts waiting are listed, as the help says:
    // a clerk asking is not an error.
    let waiting = try plansite(["report", "publish"], in: folder)
    #expect(
      waiting.out.contains(
        "Các bản nháp đang chờ công bố (1):\n  plansite report publish 2026-9t so-giao-duc-va-dao-tao\n"
      ),
      "\(waiting.out)")
    #expect(!waiting.err.contains("lỗi"), "\(waiting.err)")
    // A content folder that is not there is not "no drafts".
    let nowhere = try plansite(
      ["report", "publish", "--content", "Khong-co"], in: folder, expecting: 1)
    #expect(nowhere.err.contains("không có thư mục"), "\(nowhere.err)")
    // A mistyped id gets the one meant, with its command.
    let typo = try plansite(
      ["report", "publish", "2026-9t", "so-giao-duc-va-dao-ta"], in: folder, expecting: 1)
    #expect(
      typo.err.contains(
        "có phải là 'so-giao-duc-va-dao-tao'? plansite report publish 2026-9t so-giao-duc-va-dao-tao"
      ),
      "\(typo.err)")
    // Listed with a report published before, it is published, the other
    // left as it was (the list was refused whole, unsaid why).
    let listed = try plansite(
      ["report", "publish", "2026-9t", "xa-thanh-son,so-giao-duc-va-dao-tao"], in: folder)
    #expect(listed.out.contains("reports/2026-9t/xa-thanh-son.md đã được công bố từ trước"))
    #expect(!read(folder, "Content/reports/2026-9t/so-giao-duc-va-dao-tao.md").contains("draft"))
    // Alone, a published report is an error.
    let again = try plansite(
      ["report", "publish", "2026-9t", "so-giao-duc-va-dao-tao"], in: folder, expecting: 1)
    #expect(again.err.contains("không phải bản nháp"), "\(again.err)")
    try plansite(["build", "--today", Self.today, "--templates", Self.templates], in: folder)
    let page = read(folder, "Site/nhiem-vu/2-1/index.html")
    #expect(page.contains("Đã sắp xếp xong mạng lưới trường lớp"))
    #expect(
      page.contains("báo cáo “chi tiết” kèm theo")
        || page.contains("báo cáo &quot;chi tiết&quot; kèm theo"))
    #expect(page.contains("Báo cáo số 61/BC-SGDĐT"))
    let agency = read(folder, "Site/co-quan/so-giao-duc-va-dao-tao/index.html")
    #expect(agency.contains("Hoàn thành"))
    // The same form imported again: its reference cells are as plansite
    // wrote them (the report it replaces is not "before" it).
    let reimported = try dryRun("filled.\(format)", in: folder)
    #expect(!reimported.err.contains("chỉ để xem"), "\(reimported.err)")
  }

  /// The reference columns show the body's word before the form's period:
  /// a form made again for an earlier period does not show a later report.
  @Test func theReferenceColumnsShowTheEarlierPeriods() throws {
    let folder = try project("reference-columns")
    // Xã Thanh Sơn reported only for the nine months (09/10/2026, 50 %).
    try form(period: "2026-6t", from: "xa-thanh-son", output: "six.csv", in: folder)
    let six = read(folder, "six.csv")
    #expect(!six.contains("09/10/2026") && !six.contains("50%"))
    // Xã Hòa Lạc's nine-month form shows its six-month word (40 %, 09/07/2026).
    try form(period: "2026-9t", from: "xa-hoa-lac", output: "nine.csv", in: folder)
    let nine = read(folder, "nine.csv")
    #expect(nine.contains("Đang thực hiện,40%,09/07/2026"))
    #expect(!nine.contains("10/10/2026"))
    // A draft under review is not what was reported: Sở Giáo dục's
    // nine-month draft says 70 %, its published six-month report 50 %.
    let schedule = folder.appendingPathComponent("Content/reporting.yaml")
    try read(folder, "Content/reporting.yaml").replacingOccurrences(
      of: "compiler:",
      with: "  - id: 2026-nam\n    name: \"Năm 2026\"\n    start: 2026-01-01\n    end: 2026-12-31\n"
        + "    due: 2027-01-15\ncompiler:"
    ).write(to: schedule, atomically: true, encoding: .utf8)
    try form(period: "2026-nam", from: "so-giao-duc-va-dao-tao", output: "year.csv", in: folder)
    let year = read(folder, "year.csv")
    #expect(year.contains("Đang thực hiện,50%,"), "\(year)")
    #expect(!year.contains("70%"))
  }

  /// What a clerk types into a reference column (filled by plansite) is
  /// not imported, and the import says so at the cell; what plansite wrote
  /// there is left alone.
  @Test func whatIsTypedIntoTheReferenceColumnsIsSaid() throws {
    let folder = try filledForm(
      "typed-references", period: "2026-9t", from: "xa-hoa-lac", form: "nine.xlsx",
      filled: "typed.xlsx",
      [
        "2.1|Tình trạng đã báo cáo=Hoàn thành", "1.3|Tiến độ đã báo cáo=100",
        "2.3|Tình trạng=Đang thực hiện", "2.3|Tiến độ (%)=45", "2.3|Ngày hoàn thành=",
      ])
    let result = try dryRun("typed.xlsx", in: folder)
    #expect(
      result.err.contains(
        ":J (Tình trạng đã báo cáo): cảnh báo: cột \"Tình trạng đã báo cáo\" chỉ để xem: "
          + "'Hoàn thành' ghi ở đây không được nhập"), "\(result.err)")
    #expect(result.err.contains("ô này do plansite ghi, theo báo cáo trước: 'Đang thực hiện'"))
    #expect(result.err.contains("'100' ghi ở đây không được nhập"))
    #expect(result.err.contains("ghi giá trị của kỳ này vào cột \"Tiến độ (%)\""))
    // 2.3's reference cells are as plansite wrote them.
    #expect(result.err.components(separatedBy: "chỉ để xem").count == 3, "\(result.err)")
    #expect(result.out.contains("nhiệm vụ 2.3"))
  }

  /// What a clerk changes in the columns copied from the plan (title,
  /// roles, duty, deadline) is not imported, and the import says so once
  /// per column, at the first changed cell.
  @Test func whatIsChangedInThePlanColumnsIsSaid() throws {
    let folder = try filledForm(
      "typed-plan-columns", period: "2026-9t", from: "xa-hoa-lac", form: "nine.xlsx",
      filled: "typed.xlsx",
      [
        "2.3|Nội dung=Tên nhiệm vụ đã sửa", "2.3|Thời hạn=31/12/2027",
        "2.1|Thời hạn=31/12/2027", "2.3|Tình trạng=Đang thực hiện", "2.3|Ngày hoàn thành=",
        "2.3|Tiến độ (%)=90",
      ])
    let result = try dryRun("typed.xlsx", in: folder)
    #expect(
      result.err.contains(
        ":F (Nội dung): cảnh báo: cột \"Nội dung\" chép từ kế hoạch, chỉ để xem: nội dung sửa "
          + "ở đây không được nhập"), "\(result.err)")
    #expect(result.err.contains("tệp ghi: 'Tên nhiệm vụ đã sửa'"), "\(result.err)")
    #expect(
      result.err.contains(
        "cảnh báo: cột \"Thời hạn\" chép từ kế hoạch, chỉ để xem: 2 ô khác với kế hoạch"),
      "\(result.err)")
    #expect(result.err.components(separatedBy: "chép từ kế hoạch").count == 3, "\(result.err)")
  }

  /// The Mã decides a row's kind when it names one thing: a task's row
  /// whose Loại a drag-fill turned into "Chỉ tiêu" is still read, and said
  /// of once (it was dropped with no word: an indicator's row with no figure).
  @Test func aRowsKindFollowsItsNumber() throws {
    let folder = try filledForm(
      "kind-by-number", period: "2026-9t", from: "xa-binh-minh", form: "nine.xlsx",
      filled: "kind.xlsx",
      [
        "1.3|Loại=Chỉ tiêu", "1.3|Tình trạng=Đang thực hiện", "1.3|Tiến độ (%)=30",
        "2.1|Loại=Chỉ tiêu", "2.1|Tình trạng=Hoàn thành",
      ])
    let result = try dryRun("kind.xlsx", in: folder)
    #expect(result.out.contains("Xã Bình Minh, nhiệm vụ 1.3:"), "\(result.out)")
    #expect(result.out.contains("→ Đang thực hiện 30%"), "\(result.out)")
    #expect(result.out.contains("nhiệm vụ 2.1:"), "\(result.out)")
    #expect(
      result.err.contains(
        ":D (Loại): cảnh báo: ô Loại ghi 'Chỉ tiêu', nhưng '1.3' là số hiệu nhiệm vụ: dòng được "
          + "đọc theo số hiệu (các dòng: "), "\(result.err)")
    #expect(result.err.components(separatedBy: "ô Loại ghi").count == 2, "\(result.err)")
  }

  /// A form passed on to another office keeps the first one's Mã đơn vị:
  /// a Đơn vị naming another body stops the import (its report would have
  /// gone to the first body), once; a name that is no body's is warned of.
  @Test func aFormFilledInByAnotherBodyIsRefused() throws {
    let folder = try filledForm(
      "another-body", period: "2026-9t", from: "xa-binh-minh", form: "nine.xlsx",
      filled: "other.xlsx",
      [
        "1.3|Đơn vị=xa thanh son", "2.1|Đơn vị=xa thanh son", "1.3|Tình trạng=Đang thực hiện",
        "2.1|Tình trạng=Hoàn thành",
      ])
    var result = try dryRun("other.xlsx", replacing: false, in: folder, expecting: 1)
    #expect(
      result.err.contains(
        ":C (Đơn vị): lỗi: ô Đơn vị ghi 'xa thanh son', nhưng mã đơn vị 'xa-binh-minh' là của "
          + "Xã Bình Minh"), "\(result.err)")
    #expect(result.err.contains("ghi 'xa-thanh-son' vào cột \"Mã đơn vị\""), "\(result.err)")
    #expect(result.err.contains("1 lỗi"), "\(result.err)")
    // As offices write it, and the body's own name is no mistake.
    try fill(
      "nine.xlsx", "council.xlsx",
      ["1.3|Đơn vị=UBND xã Thanh Sơn", "1.3|Tình trạng=Đang thực hiện"], in: folder)
    result = try dryRun("council.xlsx", replacing: false, in: folder, expecting: 1)
    #expect(result.err.contains("lỗi: ô Đơn vị ghi 'UBND xã Thanh Sơn'"), "\(result.err)")
    try fill(
      "nine.xlsx", "own.xlsx",
      [
        "1.3|Đơn vị=Ủy ban nhân dân xã Bình Minh", "2.1|Đơn vị=Bình Minh.",
        "1.3|Tình trạng=Đang thực hiện",
      ],
      in: folder)
    result = try dryRun("own.xlsx", in: folder)
    #expect(!result.err.contains("Đơn vị"), "\(result.err)")
    // Another body's id or short name, or its full name or id among other
    // words and punctuation.
    for typed in [
      "xa-thanh-son", "Đảng ủy xã Thanh Sơn", "Xã Thanh Sơn, tỉnh Mẫu", "Mã xa-thanh-son", "STC",
    ] {
      try fill(
        "nine.xlsx", "mention.xlsx", ["1.3|Đơn vị=\(typed)", "1.3|Tình trạng=Đang thực hiện"],
        in: folder)
      result = try dryRun("mention.xlsx", replacing: false, in: folder, expecting: 1)
      #expect(result.err.contains("lỗi: ô Đơn vị ghi '\(typed)'"), "\(result.err)")
    }
    try fill(
      "nine.xlsx", "renamed.xlsx",
      ["1.3|Đơn vị=UBND xã Bình Minh (cũ)", "1.3|Tình trạng=Đang thực hiện"], in: folder)
    result = try dryRun("renamed.xlsx", in: folder)
    #expect(
      result.err.contains(
        ":C (Đơn vị): cảnh báo: ô Đơn vị ghi 'UBND xã Bình Minh (cũ)', khác tên của đơn vị có mã "
          + "'xa-binh-minh' (Xã Bình Minh): báo cáo được nhập cho Xã Bình Minh"), "\(result.err)")
    #expect(result.out.contains("Xã Bình Minh, nhiệm vụ 1.3:"), "\(result.out)")
  }

  /// A body with nothing new sends its form blank: refused with a note
  /// alone, recorded as a report with no entries once its document is
  /// given, so the period's page lists the body as having reported.
  @Test func aBlankFormIsAReportWithNothingNewWhenItsDocumentIsGiven() throws {
    let folder = try project("nothing-new")
    try form(period: "2026-6t", from: "xa-thanh-son", output: "blank.xlsx", in: folder)
    let refused = try plansite(
      ["report", "import", "blank.xlsx", "--date", "2026-07-08", "--today", Self.today],
      in: folder, expecting: 1)
    #expect(refused.err.contains("lỗi: biểu mẫu chưa có dòng nào được điền"), "\(refused.err)")
    #expect(refused.err.contains("nhập lại kèm số hiệu văn bản báo cáo (--document"))
    let recorded = try plansite(
      [
        "report", "import", "blank.xlsx", "--date", "2026-07-08", "--document",
        "Báo cáo số 5/BC-UBND", "--today", Self.today,
      ], in: folder)
    #expect(
      recorded.out.contains("Xã Thanh Sơn, kỳ 6 tháng đầu năm 2026: báo cáo không có gì mới"),
      "\(recorded.out)")
    let file = read(folder, "Content/reports/2026-6t/xa-thanh-son.md")
    #expect(file.contains("document: \"Báo cáo số 5/BC-UBND\""), "\(file)")
    #expect(!file.contains("tasks:"), "\(file)")
    try plansite(["report", "publish", "2026-6t", "xa-thanh-son"], in: folder)
    try plansite(["build", "--today", Self.today, "--templates", Self.templates], in: folder)
    // The period's page no longer lists the commune as not having sent.
    let period = read(folder, "Site/bao-cao/2026-6t/index.html")
    let missing = try #require(period.range(of: "reporter-list--missing\">"))
    let list = period[missing.upperBound...].prefix { $0 != "\n" }
    #expect(!list.contains("Xã Thanh Sơn"), "\(list)")
    #expect(period.contains("Báo cáo số 5/BC-UBND"))
  }

  /// A form made by an earlier plansite wrote an indicator's targets in
  /// canonical words ("từ 85 trở lên" where indicators.yaml says "tối
  /// thiểu 85"): that is no edit of the plan's column, and is not warned.
  @Test func targetsInAnEarlierFormsWordsAreNoEdit() throws {
    let folder = try filledForm(
      "earlier-target-words", period: "2026-9t", from: "van-phong-ubnd-tinh", form: "nine.xlsx",
      filled: "earlier.xlsx",
      [
        "ho-so-truc-tuyen|Việc được giao=Mục tiêu 2025: từ 80 trở lên\nMục tiêu 2026: từ 85 trở "
          + "lên\nMục tiêu 2030: 100",
        "ho-so-truc-tuyen|Số liệu (chỉ tiêu)=81",
      ])
    let result = try dryRun("earlier.xlsx", in: folder)
    #expect(!result.err.contains("chép từ kế hoạch"), "\(result.err)")
    #expect(result.out.contains("ho-so-truc-tuyen"), "\(result.out)")
  }

  /// A row with a text and no status is said of when the body has no
  /// earlier status on the task: the page would still list it as not
  /// having reported.
  @Test func aTextWithoutAStatusIsSaidOf() throws {
    let folder = try filledForm(
      "text-alone", period: "2026-9t", from: "xa-binh-minh", form: "nine.xlsx",
      filled: "text.xlsx", ["2.1|Kết quả thực hiện=Đã họp dân ở 3 thôn"])
    let result = try dryRun("text.xlsx", replacing: false, in: folder)
    #expect(
      result.err.contains(
        ":M (Tình trạng): cảnh báo: dòng chỉ có \"Kết quả thực hiện\", không có \"Tình trạng\": "
          + "trang nhiệm vụ vẫn ghi đơn vị \"Chưa có báo cáo\""), "\(result.err)")
  }

  /// A status that is none is said once, at its cell: the done date beside
  /// it brings no second error in the report file's words.
  @Test func aWrongStatusIsSaidOnce() throws {
    let folder = try filledForm(
      "wrong-status", period: "2026-9t", from: "xa-hoa-lac", form: "nine.xlsx",
      filled: "wrong.xlsx", ["2.3|Tình trạng=Đã xong hết", "2.3|Ngày hoàn thành=15/09/2026"])
    let result = try importForm("wrong.xlsx", date: "2026-10-09", in: folder, expecting: 1)
    #expect(result.err.contains("lỗi: 'Đã xong hết' không phải là một tình trạng"))
    #expect(!result.err.contains("done_on"), "\(result.err)")
    #expect(result.err.contains("1 lỗi"), "\(result.err)")
  }

  /// The dry run says what the site will show.
  ///
  /// A report for an earlier period is compared with the periods before
  /// it, not with a later one; "done" without a progress is 100 %. And a
  /// date outside the period is said at `--date` as the build would say it.
  @Test func theDryRunSaysWhatTheSiteWillShow() throws {
    let folder = try project("dry-run")
    // Xã Thanh Sơn reported only for the nine months (1.3: 50 %).
    try form(period: "2026-6t", from: "xa-thanh-son", output: "six.csv", in: folder)
    try fill(
      "six.csv", "six-filled.csv",
      ["1.3|Tình trạng=Đang thực hiện", "1.3|Tiến độ (%)=20", "2.1|Tình trạng=Hoàn thành"],
      in: folder)
    var result = try plansite(
      [
        "report", "import", "six-filled.csv", "--date", "2026-07-05", "--dry-run", "--today",
        Self.today,
      ], in: folder)
    #expect(result.out.contains("Xã Thanh Sơn, nhiệm vụ 1.3: chưa báo cáo → Đang thực hiện 20%"))
    #expect(result.out.contains("Xã Thanh Sơn, nhiệm vụ 2.1: chưa báo cáo → Hoàn thành 100%"))
    #expect(!result.err.contains("ngoài kỳ"))
    result = try plansite(
      [
        "report", "import", "six-filled.csv", "--date", "2025-12-01", "--dry-run", "--today",
        Self.today,
      ], in: folder)
    #expect(result.err.contains("cảnh báo: báo cáo đề ngày 01/12/2025, ngoài kỳ"), "\(result.err)")
    // The import has no folder to move: it says what the clerk can change.
    #expect(result.err.contains("kiểm tra lại --date, hoặc dùng biểu mẫu của kỳ đúng"))
    #expect(!result.err.contains("thư mục"), "\(result.err)")
    // The six months' form filled in October, after the nine months ended:
    // most often the wrong period's form (it went in as a late report).
    result = try plansite(
      [
        "report", "import", "six-filled.csv", "--date", "2026-10-08", "--dry-run", "--today",
        Self.today,
      ], in: folder)
    #expect(
      result.err.contains(
        "cảnh báo: báo cáo kỳ '6 tháng đầu năm 2026' đề ngày 08/10/2026, khi cả kỳ sau ('9 tháng "
          + "năm 2026', đến 30/09/2026) đã kết thúc"), "\(result.err)")
    // A status without a progress shows no figure: none is taken from the
    // report before (it printed "Đang thực hiện 50% → Chưa thực hiện 50%").
    try form(period: "2026-9t", from: "xa-thanh-son", output: "nine.csv", in: folder)
    try fill(
      "nine.csv", "nine-filled.csv", ["1.3|Tình trạng=Chưa thực hiện", "1.3|Tiến độ (%)="],
      in: folder)
    result = try dryRun("nine-filled.csv", in: folder)
    #expect(
      result.out.contains("Xã Thanh Sơn, nhiệm vụ 1.3: Đang thực hiện 50% → Chưa thực hiện\n"),
      "\(result.out)")
    // A new text alone, and a new document number, are said too.
    try form(period: "2026-9t", from: "so-tai-chinh", output: "stc.csv", in: folder)
    try fill("stc.csv", "stc-filled.csv", ["2.5|Kết quả thực hiện=Đã bố trí kinh phí."], in: folder)
    result = try plansite(
      [
        "report", "import", "stc-filled.csv", "--date", "2026-10-09", "--replace", "--dry-run",
        "--document", "Báo cáo số 71/BC-STC", "--today", Self.today,
      ], in: folder)
    #expect(
      result.out.contains("Sở Tài chính, nhiệm vụ 2.5: kết quả thực hiện 'Đã bố trí kinh phí.'"),
      "\(result.out)")
    #expect(
      result.out.contains(
        "số hiệu văn bản đổi từ \"Báo cáo số 70/BC-STC\" thành \"Báo cáo số 71/BC-STC\""))
    // The texts the prefilled form repeats from the report are not.
    #expect(!result.out.contains("nhiệm vụ 1.5: kết quả thực hiện"), "\(result.out)")
  }

  /// A progress cell the clerk formatted as a percentage holds 1 for what
  /// Excel shows as "100%": it is read as shown; a figure in a number cell
  /// holds 72.5 for what Vietnamese Excel shows as "72,5".
  @Test func percentCellsAreReadAsShown() throws {
    let folder = try filledForm(
      "percent-cells", period: "2026-9t", from: "so-giao-duc-va-dao-tao", form: "form.xlsx",
      filled: "filled.xlsx",
      [
        "2.1|Tình trạng=Hoàn thành", "2.1|Tiến độ (%)=pct:1",
        "truong-dat-chuan|Số liệu (chỉ tiêu)=num:72.5",
      ])
    let grid = try XLSXReader.grid(
      try Data(contentsOf: folder.appendingPathComponent("filled.xlsx")))
    #expect(grid.rows.contains { $0.contains("100%") })
    let imported = try dryRun("filled.xlsx", in: folder)
    #expect(
      imported.out.contains(
        "Sở Giáo dục và Đào tạo, nhiệm vụ 2.1: Đang thực hiện 70% → Hoàn thành 100%"))
    // A figure in a number cell is the number, written the Vietnamese way.
    #expect(
      imported.out.contains(
        "Sở Giáo dục và Đào tạo, chỉ tiêu truong-dat-chuan 9 tháng năm 2026: 72,5"),
      "\(imported.out)")
    // A fraction in a plain number cell is a percentage, and said so.
    try fill(
      "form.xlsx", "fraction.xlsx",
      ["2.1|Tình trạng=Đang thực hiện", "2.1|Tiến độ (%)=num:0.8"], in: folder)
    let fraction = try dryRun("fraction.xlsx", in: folder)
    #expect(
      fraction.err.contains("(Tiến độ (%)): cảnh báo: tiến độ '0,8' được hiểu là 80%"),
      "\(fraction.err)")
    #expect(fraction.out.contains("→ Đang thực hiện 80%"), "\(fraction.out)")
    #expect(XLSXReader.percentage("0.455") == "45.5%")
    #expect(XLSXReader.percentage("0.29") == "29%")
    #expect(SpreadsheetML.ReadStyles.isPercent("0.0%"))
    #expect(!SpreadsheetML.ReadStyles.isPercent("0.0\"%\""))
  }

  /// A cell whose formula gives no value is named, never read as blank; a
  /// column the clerk copied is refused, since which copy holds the answer
  /// cannot be guessed.
  @Test func cellsWithoutAValueAndColumnsTwiceAreRefused() throws {
    let folder = try project("formulas")
    try form(period: "2026-9t", from: "so-giao-duc-va-dao-tao", output: "form.xlsx", in: folder)
    let before = snapshot(folder)
    try fill(
      "form.xlsx", "filled.xlsx",
      [
        "2.1|Tiến độ (%)=err:#DIV/0!", "2.1|Tình trạng=Đang thực hiện",
        "1.2|Tiến độ (%)=formula:C3*2",
        // openpyxl's way: an empty value element, no result either.
        "2.1|Kết quả thực hiện=formula-empty:\"Hoàn \"&\"thành\"",
      ],
      in: folder)
    let result = try importForm("filled.xlsx", date: "2026-10-09", in: folder, expecting: 1)
    #expect(
      result.err.contains(
        "(Tiến độ (%)): lỗi: ô này hiện lỗi công thức '#DIV/0!', không có giá trị để nhập"),
      "\(result.err)")
    #expect(
      result.err.contains(
        "(Tiến độ (%)): lỗi: ô này có công thức nhưng tệp không lưu kết quả của công thức"))
    #expect(
      result.err.contains(
        "(Kết quả thực hiện): lỗi: ô này có công thức nhưng tệp không lưu kết quả của công thức"),
      "\(result.err)")
    #expect(result.err.contains("mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi nhập lại"))
    // The same status written in a copied column, with another value.
    try form(period: "2026-9t", from: "so-giao-duc-va-dao-tao", output: "form.csv", in: folder)
    var lines = read(folder, "form.csv").components(separatedBy: "\r\n")
    for index in lines.indices where !lines[index].isEmpty {
      lines[index] += index == 0 ? ",Tình trạng" : ",Hoàn thành"
    }
    try lines.joined(separator: "\r\n").write(
      to: folder.appendingPathComponent("twice.csv"), atomically: true, encoding: .utf8)
    let twice = try importForm("twice.csv", date: "2026-10-09", in: folder, expecting: 1)
    #expect(
      twice.err.contains(
        "twice.csv:1:S (Tình trạng): lỗi: cột \"Tình trạng\" có hai lần, ở cột M và cột S"),
      "\(twice.err)")
    #expect(snapshot(folder) == before)
  }

  /// A clerk who renames the form's sheet and puts another before it:
  /// the sheet whose row 1 names the form's columns is read; when none
  /// does, the message names the sheet read.
  @Test func theFormsSheetIsFoundWhateverItsNameAndPlace() throws {
    let folder = try project("renamed-sheet")
    try form(period: "2026-9t", from: "so-giao-duc-va-dao-tao", output: "form.xlsx", in: folder)
    try fill(
      "form.xlsx", "renamed.xlsx", ["2.1|Tiến độ (%)=60"], ["--rename-sheet", "Sheet1"], in: folder)
    let grid = try XLSXReader.grid(
      try Data(contentsOf: folder.appendingPathComponent("renamed.xlsx")))
    #expect(grid.sheetName == "Sheet1")
    let imported = try dryRun("renamed.xlsx", in: folder)
    #expect(imported.out.contains("nhiệm vụ 2.1: Đang thực hiện 70% → Đang thực hiện 60%"))
    // No sheet with the header row: the sheet read is named.
    let loaded = ContentLoader(directory: Self.sample).load()
    let plan = try #require(
      PlanValidator(today: Day(year: 2026, month: 11, day: 27), includeDrafts: true).validate(
        loaded.draft
      ).plan)
    var notes = FormGrid(rows: [["Ghi chú của đơn vị"]])
    notes.sheetName = "Ghi chú"
    let reader = FormReader(
      path: "x.xlsx", grid: notes, plan: plan,
      options: FormImport.Options(
        date: Day(year: 2026, month: 10, day: 9) ?? .unixEpoch,
        today: Day(year: 2026, month: 11, day: 27) ?? .unixEpoch))
    #expect(reader.groups().isEmpty)
    let said = reader.report.diagnostics.flatMap { diagnostic in
      diagnostic.notes.map { $0.message.vi }
    }
    #expect(said.contains { $0.hasPrefix("đã đọc trang tính 'Ghi chú'") }, "\(said)")
  }

  /// A column deleted as unused ("Ngày hoàn thành") reads as empty; with
  /// no column to fill in at all, the message names them.
  @Test func aDeletedColumnToFillInReadsAsEmpty() throws {
    let (plan, options) = try sampleReading()
    let header = [
      "Kỳ báo cáo", "Mã đơn vị", "Mã", "Tình trạng", "Tiến độ (%)", "Kết quả thực hiện",
    ]
    var grid = FormGrid(rows: [
      header, ["2026-9t", "so-giao-duc-va-dao-tao", "2.1", "Đang thực hiện", "60", ""],
    ])
    grid.sheetName = "Báo cáo"
    let reader = FormReader(path: "x.xlsx", grid: grid, plan: plan, options: options)
    let groups = reader.groups()
    #expect(reader.report.diagnostics.isEmpty, "\(reader.report.diagnostics)")
    #expect(groups.first?.tasks.first?.progress?.value == 60)
    var bare = FormGrid(rows: [["Kỳ báo cáo", "Mã đơn vị", "Mã"], ["2026-9t", "so-a", "2.1"]])
    bare.sheetName = "Báo cáo"
    let refused = FormReader(path: "x.xlsx", grid: bare, plan: plan, options: options)
    #expect(refused.groups().isEmpty)
    let messages = refused.report.diagnostics.map(\.message.vi)
    #expect(messages.first?.hasPrefix("dòng 1 thiếu cột \"Tình trạng\"") == true, "\(messages)")
    let notes = refused.report.diagnostics.flatMap(\.notes).map(\.message.vi)
    #expect(!notes.contains { $0.hasPrefix("đã đọc trang tính") }, "\(notes)")
  }

  /// What a row's kind does not read, and a column not of the form, are
  /// warned about at the cell, not dropped without a word.
  @Test func cellsThatAreNotImportedAreWarnedAbout() throws {
    let (plan, options) = try sampleReading()
    let header = [
      "Kỳ báo cáo", "Mã đơn vị", "Mã", "Tình trạng", "Kết quả thực hiện", "Năm (chỉ tiêu)",
      "Số liệu (chỉ tiêu)", "Ghi chú",
    ]
    let grid = FormGrid(rows: [
      header,
      ["2026-9t", "so-tai-chinh", "1.5", "Đang thực hiện", "", "", "15", "đã họp"],
      ["2026-9t", "so-tai-chinh", "grdp-tang-truong", "Hoàn thành", "", "2026", "7,9", ""],
      ["2026-9t", "so-tai-chinh", "1.2", "Đang thực hiện", "", "", "", "chờ"],
    ])
    let reader = FormReader(path: "x.xlsx", grid: grid, plan: plan, options: options)
    let groups = reader.groups()
    #expect(groups.first?.tasks.count == 2)
    #expect(groups.first?.figures.count == 1)
    let said = reader.report.diagnostics.map {
      "\($0.location.line ?? 0):\($0.location.columnLabel ?? ""): \($0.message.vi)"
    }
    #expect(
      said == [
        "2:G (Số liệu (chỉ tiêu)): ô này không được nhập: dòng nhiệm vụ không dùng cột "
          + "\"Số liệu (chỉ tiêu)\"",
        "3:D (Tình trạng): ô này không được nhập: dòng chỉ tiêu không dùng cột \"Tình trạng\"",
        "2:H (Ghi chú): cột H (Ghi chú) không thuộc biểu mẫu: 2 ô ghi trong cột này không được "
          + "nhập",
      ], "\(said)")
  }

  /// A header cut short ("Mã ĐV", "Ngày HT") is named as the form's
  /// column; without its body column, the import says so once, not on
  /// every row.
  @Test func abbreviatedHeadersAreNamed() throws {
    let rows = [
      ["Kỳ báo cáo", "Mã ĐV", "Mã", "Tình trạng", "Ngày HT"],
      ["2026-9t", "so-tai-chinh", "1.5", "Đang thực hiện", ""],
      ["2026-9t", "so-tai-chinh", "1.2", "Hoàn thành", "30/9/2026"],
    ]
    var (reader, groups) = try read(rows)
    #expect(groups.isEmpty)
    var said = reader.report.diagnostics.map(\.message.vi)
    #expect(
      said == ["biểu mẫu không có cột \"Mã đơn vị\": không biết các dòng là của đơn vị nào"],
      "\(said)")
    #expect(
      reader.report.diagnostics.first?.notes.first?.message.vi
        == "có phải cột \"Mã ĐV\" (ô B1) là cột đó? Ghi lại tiêu đề \"Mã đơn vị\" như biểu mẫu, "
        + "hoặc thêm --from khi nhập")
    var given = try sampleReading().1
    given.from = "so-tai-chinh"
    (reader, groups) = try read(rows, options: given)
    // Rows sorted by the clerk are read in the plan's order.
    #expect(groups.first?.tasks.map(\.task.value) == ["1.2", "1.5"])
    said = reader.report.diagnostics.compactMap { $0.notes.first?.message.vi }
    #expect(said.contains { $0.hasPrefix("có phải là cột \"Mã đơn vị\"?") }, "\(said)")
    #expect(said.contains { $0.hasPrefix("có phải là cột \"Ngày hoàn thành\"?") }, "\(said)")
    // The done date would be lost: an error, not a warning ("Mã ĐV" loses
    // nothing --from does not say).
    #expect(
      reader.report.diagnostics.map { "\($0.severity) \($0.location.columnLabel ?? "")" }.sorted()
        == ["error E (Ngày HT)", "warning B (Mã ĐV)"])
  }

  /// A sheet that rewrote plansite's dates month first (Google Sheets or
  /// an English Excel: "8/31/2026") edited no deadline, and its done date
  /// "6/5/2026" is said to be read as 6 May, not 5 June.
  @Test func datesRewrittenMonthFirstAreTold() throws {
    let (reader, groups) = try read(
      [
        ["Kỳ báo cáo", "Mã đơn vị", "Mã", "Thời hạn", "Tình trạng", "Ngày hoàn thành"],
        ["2026-9t", "xa-phu-my", "1.3", "12/31/2026", "Hoàn thành", "6/5/2026"],
        ["2026-9t", "xa-phu-my", "2.1", "8/31/2026", "", ""],
      ], path: "x.csv")
    #expect(groups.first?.tasks.first?.doneOn?.value == Day(year: 2026, month: 5, day: 6))
    #expect(
      reader.report.diagnostics.map(\.message.vi) == [
        "ngày hoàn thành '6/5/2026' được đọc là ngày 06/05/2026, nhưng bảng tính này ghi tháng "
          + "trước ngày (ô D2 ghi '12/31/2026'): có thể là ngày 05/06/2026"
      ])
  }

  /// A reworded column to fill in stops the import, even when a
  /// reference column it resembles was deleted with it ("Tiến độ" is
  /// "Tiến độ (%)", not "Tiến độ đã báo cáo"); a UTF-8 CSV opened as
  /// Windows-1252 is said to be so.
  @Test func rewordedAndMisdecodedHeadersStopTheImport() throws {
    var (reader, _) = try read([
      ["Kỳ báo cáo", "Mã đơn vị", "Mã", "Tình trạng", "Tiến độ"],
      ["2026-9t", "so-tai-chinh", "1.5", "Đang thực hiện", "60"],
    ])
    #expect(reader.report.diagnostics.map(\.severity) == [.error])
    #expect(
      reader.report.diagnostics.first?.notes.first?.message.vi.hasPrefix(
        "có phải là cột \"Tiến độ (%)\"?") == true, "\(reader.report.diagnostics)")
    // The headers as LibreOffice shows them when it reads the UTF-8 file
    // as Windows-1252 (the byte 0x90 has no character there).
    let header = FormColumn.allCases.map(\.header).map { header in
      String(
        Array(header.utf8).map {
          Character(Unicode.Scalar($0 == 0x90 ? 0xF190 : UInt32($0)) ?? " ")
        })
    }
    (reader, _) = try read([header, []])
    #expect(
      reader.report.diagnostics.first?.message.vi.hasPrefix(
        "tiêu đề 'Ká»³ bÃ¡o cÃ¡o' bị đổi bảng mã")
        == true, "\(reader.report.diagnostics.map(\.message.vi))")
  }

  /// A total row is one mistake, said as such; the period and body
  /// columns deleted are said together, once.
  @Test func totalRowsAndDeletedColumnsAreSaidOnce() throws {
    var (reader, groups) = try read([
      ["Kỳ báo cáo", "Mã đơn vị", "Loại", "Mã", "Tiến độ (%)"],
      ["2026-9t", "so-tai-chinh", "Nhiệm vụ", "1.5", "40"],
      ["", "", "Tổng cộng", "", "40"],
    ])
    #expect(
      reader.report.diagnostics.map { "\($0.location.line ?? 0): \($0.message.vi)" } == [
        "3: dòng này không có Mã, kỳ báo cáo hay mã đơn vị: không phải một dòng của biểu mẫu"
      ])
    // Given --period and --from, only the Mã is missing.
    var given = try sampleReading().1
    given.period = "2026-9t"
    given.from = "so-tai-chinh"
    (reader, groups) = try read(
      [["Loại", "Mã", "Tiến độ (%)"], ["Nhiệm vụ", "1.5", "40"], ["Tổng cộng", "", "40"]],
      options: given)
    #expect(groups.first?.tasks.map(\.task.value) == ["1.5"])
    #expect(
      reader.report.diagnostics.map(\.message.vi) == [
        "dòng này không có Mã: không phải một dòng của biểu mẫu"
      ])
    (reader, groups) = try read([
      ["Loại", "Mã", "Tiến độ (%)"], ["Nhiệm vụ", "1.5", "40"], ["Nhiệm vụ", "1.1", "100"],
    ])
    #expect(groups.isEmpty)
    #expect(
      reader.report.diagnostics.map(\.message.vi) == [
        "biểu mẫu không có cột \"Kỳ báo cáo\": không biết các dòng là của kỳ nào",
        "biểu mẫu không có cột \"Mã đơn vị\": không biết các dòng là của đơn vị nào",
      ])
  }

  /// Figures, like tasks, are written in the plan's order whatever the
  /// sheet's sort.
  @Test func figuresAreReadInThePlansOrder() throws {
    let (_, groups) = try read([
      ["Kỳ báo cáo", "Mã đơn vị", "Loại", "Mã", "Năm (chỉ tiêu)", "Số liệu (chỉ tiêu)"],
      ["2026-9t", "so-tai-chinh", "Chỉ tiêu", "grdp-tang-truong", "2025", "7,5"],
      ["2026-9t", "so-tai-chinh", "Chỉ tiêu", "ho-so-truc-tuyen", "2025", "60"],
    ])
    #expect(
      groups.first?.figures.map(\.indicator.value) == ["ho-so-truc-tuyen", "grdp-tang-truong"])
  }

  /// A row pasted twice is taken once and said; a repeated task whose
  /// rows differ is still refused (by the report's own check, after).
  @Test func aRowRepeatedAsItIsIsTakenOnce() throws {
    let header = [
      "Kỳ báo cáo", "Mã đơn vị", "Mã", "Tình trạng", "Tiến độ (%)", "Kết quả thực hiện",
    ]
    let row = ["2026-9t", "so-tai-chinh", "1.5", "Đang thực hiện", "40", "Đã trình dự thảo."]
    var (reader, groups) = try read([header, row, row])
    #expect(groups.first?.tasks.map(\.task.value) == ["1.5"])
    #expect(
      reader.report.diagnostics.map { "\($0.severity) \($0.location.line ?? 0): \($0.message.vi)" }
        == ["warning 3: dòng này giống hệt dòng 2 (nhiệm vụ 1.5): chỉ lấy một lần"])
    var other = row
    other[4] = "50"
    (reader, groups) = try read([header, row, other])
    #expect(groups.first?.tasks.map(\.task.value) == ["1.5", "1.5"])
    #expect(reader.report.diagnostics.isEmpty)
  }

  /// A title a clerk puts above the table is not the header row: the
  /// first top row naming "Mã" is, and rows keep their spreadsheet numbers.
  @Test func aTitleAboveTheTableIsSkipped() throws {
    let (plan, options) = try sampleReading()
    var grid = FormGrid(rows: [
      ["BÁO CÁO KẾT QUẢ THỰC HIỆN 9 THÁNG"], [],
      ["Kỳ báo cáo", "Mã đơn vị", "Mã", "Tình trạng", "Tiến độ (%)"],
      ["2026-9t", "so-giao-duc-va-dao-tao", "2.1", "Đang thực hiện", "160"],
    ])
    grid.sheetName = "Báo cáo"
    #expect(grid.headerRow == 2)
    let reader = FormReader(path: "x.xlsx", grid: grid, plan: plan, options: options)
    #expect(reader.groups().first?.tasks.map(\.task.value) == ["2.1"])
    let error = try #require(reader.report.diagnostics.first)
    #expect(error.location.line == 4, "\(error)")
    #expect(error.message.vi.contains("160"), "\(error)")
  }

  /// A form made from an older plan: a task renumbered or dropped since is
  /// said so, with what to do (not Excel's CSV dates, nor a guess).
  @Test func aFormFromAnOlderPlanIsSaidSo() throws {
    let (plan, options) = try sampleReading()
    let task = try #require(plan.task(TaskID("1.2")))
    var grid = FormGrid(rows: [
      ["Kỳ báo cáo", "Mã đơn vị", "Mã", "Nội dung", "Tình trạng"],
      ["2026-9t", "so-tai-chinh", "1.9", task.title, "Đang thực hiện"],
      ["2026-9t", "so-tai-chinh", "9.9", "Một việc đã bỏ", "Đang thực hiện"],
    ])
    grid.sheetName = "Báo cáo"
    let reader = FormReader(path: "x.xlsx", grid: grid, plan: plan, options: options)
    _ = reader.groups()
    let said = reader.report.diagnostics.map {
      ([$0.message.vi] + $0.notes.map(\.message.vi)).joined(separator: " | ")
    }
    #expect(said.count == 2, "\(said)")
    #expect(said.first?.contains("nếu kế hoạch đã đổi số hiệu sau khi tạo biểu mẫu") == true)
    #expect(said.first?.contains("Excel") == false)
    #expect(
      said.last?.hasPrefix(
        "kế hoạch hiện nay không có nhiệm vụ '9.9' (\"Một việc đã bỏ\") | biểu mẫu có thể được "
          + "tạo từ bản kế hoạch cũ") == true, "\(said)")
  }

  /// A status merged over several rows shows on each, but only the first
  /// holds it: said, not silently lost.
  @Test func cellsMergedAcrossRowsAreWarnedAbout() throws {
    let folder = try filledForm(
      "merged", period: "2026-9t", from: "so-tai-chinh", form: "form.xlsx", filled: "m.xlsx",
      ["1.2|Tình trạng=Đang thực hiện"])
    try fill("m.xlsx", "merged.xlsx", [], ["--merge", "M3:M4"], in: folder)
    let grid = try XLSXReader.grid(
      try Data(contentsOf: folder.appendingPathComponent("merged.xlsx")))
    #expect(grid.merged.map(\.reference) == ["M3:M4"])
    let imported = try dryRun("merged.xlsx", in: folder)
    #expect(
      imported.err.contains(
        "merged.xlsx:3:M: cảnh báo: các ô M3:M4 được gộp: chỉ dòng 3 nhận giá trị, dòng 4 coi "
          + "như để trống"), "\(imported.err)")
    // A range naming rows far outside the sheet is read within it, not trapped on.
    for range in ["N0:N9223372036854775807", "N2:N9223372036854775807"] {
      try fill("m.xlsx", "wide.xlsx", [], ["--merge", range], in: folder)
      try dryRun("wide.xlsx", in: folder)
    }
  }

  /// A hidden sheet is not read (an old copy the clerk hid away); two
  /// visible sheets of the form are refused, naming both.
  @Test func hiddenSheetsAreSkippedAndTwoFormsRefused() throws {
    let folder = try project("two-sheets")
    try form(period: "2026-9t", from: "so-giao-duc-va-dao-tao", output: "form.xlsx", in: folder)
    let sets = ["2.1|Tiến độ (%)=60"]
    try fill("form.xlsx", "hidden.xlsx", sets, ["--copy-sheet", "cũ", "--hidden"], in: folder)
    try fill("form.xlsx", "two.xlsx", sets, ["--copy-sheet", "cũ"], in: folder)
    let arguments = ["--date", "2026-10-09", "--replace", "--dry-run", "--today", Self.today]
    // Read from the workbook's list of sheets (nil is the fallback to the first part).
    let read = try XLSXReader.grid(
      try Data(contentsOf: folder.appendingPathComponent("hidden.xlsx")))
    #expect(read.sheetName == "Báo cáo")
    let hidden = try plansite(["report", "import", "hidden.xlsx"] + arguments, in: folder)
    #expect(hidden.out.contains("nhiệm vụ 2.1: Đang thực hiện 70% → Đang thực hiện 60%"))
    let two = try plansite(
      ["report", "import", "two.xlsx"] + arguments, in: folder, expecting: 1)
    #expect(
      two.err.contains(
        "two.xlsx: lỗi: tệp có 2 trang tính theo mẫu báo cáo ('cũ', 'Báo cáo'): không biết "
          + "trang nào là báo cáo"), "\(two.err)")
    #expect(!two.err.contains("gửi lại đúng tệp"), "\(two.err)")
  }

  /// A file named as another unit's or period's form (a reply copied over
  /// the wrong name, last period's form sent again) is warned about.
  @Test func aFileNamedForAnotherUnitOrPeriodIsWarnedAbout() throws {
    let folder = try filledForm(
      "misnamed", period: "2026-9t", from: "so-giao-duc-va-dao-tao", form: "form.xlsx",
      filled: "bao-cao-2026-6t-so-tai-chinh.xlsx", ["2.1|Tiến độ (%)=60"])
    let imported = try plansite(
      [
        "report", "import", "bao-cao-2026-6t-so-tai-chinh.xlsx", "--date", "2026-10-09",
        "--replace", "--dry-run", "--today", Self.today,
      ], in: folder)
    #expect(
      imported.err.contains(
        "cảnh báo: tên tệp là của Sở Tài chính, nhưng các dòng trong tệp là của Sở Giáo dục và "
          + "Đào tạo"), "\(imported.err)")
    #expect(
      imported.err.contains(
        "cảnh báo: tên tệp là của kỳ 6 tháng đầu năm 2026, nhưng các dòng trong tệp ghi kỳ 9 "
          + "tháng năm 2026"), "\(imported.err)")
  }

  /// CSV as real programs write it: semicolons (Excel in a Vietnamese
  /// locale), no BOM, LF line ends, a cell with line breaks and quotes.
  @Test(arguments: [
    ["--delimiter", ";"], ["--no-bom"], ["--lf", "--no-bom", "--delimiter", ";"],
    ["--delimiter", "\t"],
  ])
  func csvVariantsImportAlike(_ variant: [String]) throws {
    let folder = try project("csv-\(variant.joined().filter(\.isLetter))")
    try form(period: "2026-9t", from: "xa-hoa-lac", output: "form.csv", in: folder)
    try fill(
      "form.csv", "filled.csv",
      [
        "1.3|Tình trạng=dang thuc hien", "1.3|Tiến độ (%)=85",
        "1.3|Kết quả thực hiện=Dòng một\\nDòng \"hai\"",
      ],
      variant, in: folder)
    try importForm("filled.csv", date: "2026-11-20", in: folder)
    let file = read(folder, "Content/reports/2026-9t/xa-hoa-lac.md")
    #expect(file.contains("status: in-progress"))
    #expect(file.contains("progress: 85"))
    #expect(file.contains("    text: |-\n      Dòng một\n      Dòng \"hai\"\n"))
  }

  /// A problem inside what was done is reported at its line and column in
  /// the report file the import wrote.
  @Test func problemsInTheTextPointAtTheirLine() throws {
    let folder = try project("text-lines")
    try form(period: "2026-9t", from: "xa-hoa-lac", output: "form.csv", in: folder)
    try fill(
      "form.csv", "filled.csv",
      ["1.3|Tiến độ (%)=85", "1.3|Kết quả thực hiện=Dòng một\\nDòng hai có <b>chữ đậm</b>."],
      in: folder)
    let imported = try importForm("filled.csv", date: "2026-11-20", in: folder)
    let lines = read(folder, "Content/reports/2026-9t/xa-hoa-lac.md").components(
      separatedBy: "\n")
    let line = try #require(lines.firstIndex { $0.contains("<b>") }) + 1
    let column =
      try #require(lines[line - 1].range(of: "<b>")).lowerBound.utf16Offset(
        in: lines[line - 1]) + 1
    let warning =
      "Content/reports/2026-9t/xa-hoa-lac.md:\(line):\(column): cảnh báo: thẻ HTML '<b>'"
    // The import says it at the cell, the built site at the file's line.
    #expect(
      imported.err.contains("filled.csv:2:P (Kết quả thực hiện): cảnh báo: thẻ HTML '<b>'"),
      "\(imported.err)")
    let checked = try plansite(
      ["check", "--today", Self.today, "--templates", Self.templates], in: folder)
    #expect(checked.err.contains(warning), "\(checked.err)")
  }

  /// One form for several communes (paper reports entered by the office):
  /// all or nothing.
  @Test func aMultiReporterFormIsAllOrNothing() throws {
    let folder = try project("multi")
    try form(period: "2026-9t", from: "xa-phu-my,xa-binh-minh", output: "all.csv", in: folder)
    try fill(
      "all.csv", "good.csv", ["1.3|Tình trạng=Đang thực hiện", "1.3|Tiến độ (%)=20"],
      ["--reporter", "xa-phu-my"], in: folder)
    try fill(
      "good.csv", "both.csv", ["1.3|Tình trạng=Hoàn thành", "1.3|Ngày hoàn thành=2026-09-30"],
      ["--reporter", "xa-binh-minh"], in: folder)
    // One bad cell for one commune: nothing is written for either.
    try fill(
      "both.csv", "bad.csv", ["2.1|Tiến độ (%)=120"], ["--reporter", "xa-binh-minh"], in: folder)
    let before = snapshot(folder)
    let refused = try plansite(
      ["report", "import", "bad.csv", "--date", "2026-10-05", "--today", Self.today], in: folder,
      expecting: 1)
    #expect(refused.err.contains("bad.csv:"))
    #expect(
      refused.err.contains("(Tiến độ (%)): lỗi: tiến độ '120' phải là một số nguyên từ 0 đến 100"))
    #expect(snapshot(folder) == before)
    // One document number for two bodies' reports is refused.
    let numbered = try plansite(
      [
        "report", "import", "both.csv", "--date", "2026-10-05", "--document", "Báo cáo số 1/BC",
        "--today", Self.today,
      ], in: folder, expecting: 1)
    #expect(
      numbered.err.contains(
        "both.csv: lỗi: tệp có báo cáo của 2 đơn vị: --document chỉ dùng cho tệp của một đơn vị"),
      "\(numbered.err)")
    #expect(snapshot(folder) == before)
    let both = try plansite(
      ["report", "import", "both.csv", "--date", "2026-10-05", "--today", Self.today], in: folder)
    #expect(
      both.err.contains("cảnh báo: ngày 05/10/2026 (--date) được ghi cho cả 2 đơn vị"),
      "\(both.err)")
    #expect(read(folder, "Content/reports/2026-9t/xa-phu-my.md").contains("progress: 20"))
    #expect(read(folder, "Content/reports/2026-9t/xa-binh-minh.md").contains("status: done"))
    // One command publishes them all, said once.
    let command = try #require(
      both.out.split(separator: "\n").first { $0.contains("công bố cả 2 bản bằng") })
    #expect(command.contains("'plansite report publish 2026-9t xa-"), "\(command)")
    // A commune's draft that does not load stops the list: nothing is published.
    let broken = folder.appendingPathComponent("Content/reports/2026-9t/xa-hong-ha.md")
    try "---\ndate: \"2026-10-05\ndraft: true\n---\n".write(
      to: broken, atomically: true, encoding: .utf8)
    let stopped = try plansite(
      ["report", "publish", "2026-9t", "all-communes", "--today", Self.today], in: folder,
      expecting: 1)
    #expect(stopped.err.contains("xa-hong-ha.md"), "\(stopped.err)")
    #expect(read(folder, "Content/reports/2026-9t/xa-phu-my.md").contains("draft: true"))
    try FileManager.default.removeItem(at: broken)
    try plansite(
      ["report", "publish", "2026-9t", "all-communes", "--today", Self.today], in: folder)
    for commune in ["xa-phu-my", "xa-binh-minh"] {
      #expect(!read(folder, "Content/reports/2026-9t/\(commune).md").contains("draft: true"))
    }
    let none = try plansite(
      ["report", "publish", "2026-9t", "all-communes", "--today", Self.today], in: folder,
      expecting: 1)
    #expect(none.err.contains("không có bản nháp nào của all-communes"), "\(none.err)")
  }

  /// Each mistake is reported at its row and column, and nothing changes.
  @Test func mistakesAreLocatedAndChangeNothing() throws {
    let folder = try project("mistakes")
    try form(period: "2026-9t", from: "xa-hoa-lac", output: "form.csv", in: folder)
    let before = snapshot(folder)
    // A status word that is not one.
    try fill("form.csv", "word.csv", ["1.3|Tình trạng=xong rồi"], in: folder)
    var result = try importForm("word.csv", date: "2026-10-05", in: folder, expecting: 1)
    #expect(
      result.err.contains("word.csv:2:M (Tình trạng): lỗi: 'xong rồi' không phải là một tình trạng")
    )
    #expect(
      result.err.contains("chọn một trong: \"Chưa thực hiện\", \"Đang thực hiện\", \"Hoàn thành\""))
    // Excel turned the number 1.3 into a date: the row's title says which task it is.
    let title =
      "\"Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại bộ phận một cửa cấp xã.\""
    let dated = read(folder, "form.csv").replacingOccurrences(
      of: ",1.3,\(title),", with: ",01/03/2026,\(title),")
    try dated.write(
      to: folder.appendingPathComponent("dated.csv"), atomically: true, encoding: .utf8)
    try fill("dated.csv", "dated-filled.csv", ["01/03/2026|Tiến độ (%)=60"], in: folder)
    result = try importForm("dated-filled.csv", date: "2026-10-05", in: folder, expecting: 1)
    #expect(
      result.err.contains(
        "dated-filled.csv:2:E (Mã): lỗi: dòng này là nhiệm vụ 1.3 (\"Số hóa hồ sơ"), "\(result.err)"
    )
    #expect(result.err.contains("nhưng ô Mã ghi '01/03/2026'"))
    #expect(result.err.contains("ghi lại '1.3' vào ô Mã"))
    #expect(!result.err.contains("không tìm thấy nhiệm vụ"))
    // A row for a task the commune does not hold (someone else's), its title left blank.
    let csv = read(folder, "form.csv").replacingOccurrences(of: ",1.3,\(title),", with: ",1.1,,")
    try csv.write(to: folder.appendingPathComponent("other.csv"), atomically: true, encoding: .utf8)
    try fill("other.csv", "other-filled.csv", ["1.1|Tình trạng=Hoàn thành"], in: folder)
    result = try importForm("other-filled.csv", date: "2026-10-05", in: folder, expecting: 1)
    #expect(
      result.err.contains(
        "other-filled.csv:2:E (Mã): lỗi: Xã Hòa Lạc không được giao nhiệm vụ '1.1'"))
    #expect(result.err.contains("các nhiệm vụ Xã Hòa Lạc được giao: 1.3, 2.1, 2.3"))
    // Saved as plain "CSV" in Windows-1258: refused, with the menu item to use.
    try fill(
      "form.csv", "legacy.csv", ["1.3|Kết quả thực hiện=Đã số hóa hồ sơ"], ["--cp1258"], in: folder)
    result = try importForm("legacy.csv", date: "2026-10-05", in: folder, expecting: 1)
    #expect(result.err.contains("legacy.csv: lỗi: tệp không ở dạng UTF-8"))
    #expect(result.err.contains("CSV UTF-8 (Comma delimited) (*.csv)"))
    // A date in neither form, and a done date without "done".
    try fill(
      "form.csv", "dates.csv",
      [
        "1.3|Ngày hoàn thành=30/9", "2.1|Tình trạng=Đang thực hiện", "2.1|Tiến độ (%)=80",
        "2.1|Ngày hoàn thành=30/09/2026",
      ], in: folder)
    result = try importForm("dates.csv", date: "2026-10-05", in: folder, expecting: 1)
    #expect(
      result.err.contains("dates.csv:2:O (Ngày hoàn thành): lỗi: ngày hoàn thành '30/9' thiếu năm"),
      "\(result.err)")
    #expect(
      result.err.contains(
        "dates.csv:3:O (Ngày hoàn thành): lỗi: có Ngày hoàn thành nhưng Tình trạng không phải "
          + "\"Hoàn thành\""))
    #expect(!result.err.contains("'done_on'"))
    // Done, but not 100 %: said with the form's columns.
    try fill(
      "form.csv", "partial.csv", ["2.3|Tình trạng=Hoàn thành", "2.3|Tiến độ (%)=40"], in: folder)
    result = try importForm("partial.csv", date: "2026-10-05", in: folder, expecting: 1)
    #expect(
      result.err.contains(
        "partial.csv:4:N (Tiến độ (%)): lỗi: Tình trạng \"Hoàn thành\" nhưng Tiến độ là 40%"))
    #expect(!result.err.contains("'progress: 100'"))
    // A report date after today, said in the import's words.
    result = try importForm("partial.csv", date: "2026-12-30", in: folder, expecting: 1)
    #expect(result.err.contains("lỗi: ngày báo cáo 30/12/2026 (--date) sau ngày hôm nay"))
    #expect(!result.err.contains("draft: true"))
    // An existing report is not replaced without --replace.
    // The form comes filled in from the published report: the clerk sends
    // 1.3 alone (2.1 and 2.3 cleared).
    try fill(
      "form.csv", "again.csv",
      [
        "1.3|Tiến độ (%)=70", "2.1|Tình trạng=", "2.1|Tiến độ (%)=", "2.1|Ngày hoàn thành=",
        "2.3|Tình trạng=", "2.3|Tiến độ (%)=", "2.3|Ngày hoàn thành=",
      ], in: folder)
    result = try plansite(
      ["report", "import", "again.csv", "--date", "2026-10-05", "--today", Self.today], in: folder,
      expecting: 1)
    #expect(result.err.contains("again.csv:2:A (Kỳ báo cáo): lỗi: đã có báo cáo của Xã Hòa Lạc"))
    // The report is published: the note asks to check the row before it offers --replace.
    #expect(result.err.contains("báo cáo đó đã công bố: kiểm tra lại cột Kỳ báo cáo và Mã đơn vị"))
    // With --replace, the dry run says the published report leaves the site
    // and which of its entries the form drops (it reports 1.3 alone).
    result = try plansite(
      [
        "report", "import", "again.csv", "--date", "2026-10-05", "--replace", "--dry-run",
        "--today", Self.today,
      ], in: folder)
    #expect(
      result.out.contains(
        "Xã Hòa Lạc, kỳ 9 tháng năm 2026: báo cáo đã công bố sẽ được thay bằng bản nháp này"))
    #expect(result.out.contains("Xã Hòa Lạc, nhiệm vụ 2.1: có trong báo cáo cũ"))
    #expect(result.out.contains("Xã Hòa Lạc, nhiệm vụ 2.3: có trong báo cáo cũ"))
    #expect(!result.out.contains("nhiệm vụ 1.3: có trong báo cáo cũ"))
    // The change is told from what the site shows now: the published
    // report being replaced said 60 % (not "chưa báo cáo", the state
    // before this period).
    #expect(
      result.out.contains("Xã Hòa Lạc, nhiệm vụ 1.3: Đang thực hiện 60% → Đang thực hiện 70%"),
      "\(result.out)")
    #expect(snapshot(folder) == before)
  }

  /// A figure's year is written the one way report files write it ("Năm
  /// 2025" is 2025), so a year written two ways in one form is one figure
  /// given twice, refused at the import (it was written, then refused by
  /// every build).
  @Test func aYearWrittenTwoWaysIsOneYear() throws {
    let folder = try project("years")
    try form(period: "2026-9t", from: "so-tai-chinh", output: "form.csv", in: folder)
    let row = try #require(
      read(folder, "form.csv").components(separatedBy: "\r\n").first {
        $0.contains(",Chỉ tiêu,grdp-tang-truong,")
      })
    func withFigures(_ figures: [String], as name: String) throws {
      let rows = figures.map {
        row.replacingOccurrences(of: ",9 tháng 2026,\"7,6\"", with: "," + $0)
      }
      let text = read(folder, "form.csv").replacingOccurrences(
        of: row, with: rows.joined(separator: "\r\n"))
      try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    try withFigures(["2025,\"7,1\"", "Năm 2025,\"7,2\""], as: "twice.csv")
    let before = snapshot(folder)
    let result = try plansite(
      [
        "report", "import", "twice.csv", "--date", "2026-10-09", "--replace", "--today", Self.today,
      ],
      in: folder, expecting: 1)
    #expect(
      result.err.contains("lỗi: chỉ tiêu 'grdp-tang-truong' năm 2025 được ghi hai lần"),
      "\(result.err)")
    #expect(snapshot(folder) == before)
    try withFigures(["Năm 2025,\"7,2\""], as: "once.csv")
    try plansite(
      ["report", "import", "once.csv", "--date", "2026-10-09", "--replace", "--today", Self.today],
      in: folder)
    #expect(
      read(folder, "Content/reports/2026-9t/so-tai-chinh.md").contains(
        "  - indicator: grdp-tang-truong\n    year: \"2025\"\n    value: \"7,2\""))
  }

  /// A figure comes from the body in charge of its indicator, once: a
  /// commune's figure for a province indicator (it was published as the
  /// indicator's result), an official figure again, and a figure another
  /// report gives are refused in the form's words.
  @Test func figuresComeFromTheirBodyOnce() throws {
    let folder = try project("figures")
    /// `body`'s nine-month form with a row of `indicator`'s figure added.
    func figure(_ body: String, _ indicator: String, _ year: String, _ value: String) throws
      -> String
    {
      try form(period: "2026-9t", from: body, output: "\(body).csv", in: folder)
      let cells: [FormColumn: String] = [
        .period: "2026-9t", .reporterID: body, .kind: "Chỉ tiêu", .id: indicator, .year: year,
        .value: "\"\(value)\"",
      ]
      let row = FormColumn.allCases.map { cells[$0] ?? "" }.joined(separator: ",")
      let text =
        read(folder, "\(body).csv").trimmingCharacters(in: .newlines) + "\r\n" + row + "\r\n"
      let name = "\(body)-\(indicator).csv"
      try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
      return name
    }
    let before = snapshot(folder)
    let foreign = try figure("xa-binh-minh", "ty-le-ho-ngheo", "9 tháng năm 2026", "2")
    var result = try dryRun(foreign, replacing: false, in: folder, expecting: 1)
    #expect(
      result.err.contains(
        "lỗi: Xã Bình Minh không phụ trách chỉ tiêu 'ty-le-ho-ngheo': chỉ tiêu này do Sở Nội vụ "
          + "phụ trách"), "\(result.err)")
    let again = try figure("van-phong-ubnd-tinh", "ho-so-truc-tuyen", "2025", "80")
    result = try dryRun(again, in: folder, expecting: 1)
    #expect(
      result.err.contains(
        "lỗi: chỉ tiêu 'ho-so-truc-tuyen' năm 2025 đã có số liệu trong một báo cáo khác"),
      "\(result.err)")
    #expect(
      result.err.contains(
        "ghi chú: số liệu đó ở báo cáo kỳ Quý I năm 2026 của Văn phòng UBND tỉnh: xóa dòng này"))
    let official = try figure("so-noi-vu", "ty-le-ho-ngheo", "2025", "2,9")
    result = try dryRun(official, in: folder, expecting: 1)
    #expect(
      result.err.contains(
        "lỗi: chỉ tiêu 'ty-le-ho-ngheo' đã có số liệu chính thức năm 2025 trên trang"),
      "\(result.err)")
    #expect(!result.err.contains("indicators.yaml"))
    // The compiling office's own report may give any figure.
    let compiled = try figure("so-tai-chinh", "ty-le-ho-ngheo", "9 tháng năm 2026", "2,4")
    result = try dryRun(compiled, in: folder)
    #expect(result.out.contains("Sở Tài chính, chỉ tiêu ty-le-ho-ngheo 9 tháng năm 2026: 2,4"))
    #expect(snapshot(folder) == before)
  }

  /// A form made for a period the body has reported is filled in from
  /// that report.
  ///
  /// Imported again unchanged (even with another date) it writes nothing,
  /// and a correction of one cell changes that cell alone (a blank form,
  /// filled only where corrected, dropped every other row of the report).
  /// Each figure has its row, and the text keeps its Markdown headings
  /// through the cell.
  @Test(arguments: ["xlsx", "csv"])
  func aFormForAReportedPeriodIsFilledInFromTheReport(format: String) throws {
    let folder = try project("prefilled-\(format)")
    let path = "Content/reports/2026-9t/so-tai-chinh.md"
    // A second figure (for 2025) and a text with headings of its own.
    var report = read(folder, path)
    report = report.replacingOccurrences(
      of: "indicators:\n",
      with: "indicators:\n  - indicator: grdp-tang-truong\n    year: \"2025\"\n    value: \"7,1\"\n"
    )
    report = report.replacingOccurrences(
      of: "    text: \"Đã tổng hợp báo cáo 9 tháng; 4 đơn vị chưa gửi.\"",
      with:
        "    text: |-\n      Kết quả:\n\n      ### Đợt 1\n\n      Tổng\n      ---\n\n      Xong.")
    try report.write(
      to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
    let made = try plansite(
      [
        "report", "form", "--period", "2026-9t", "--from", "so-tai-chinh", "--output",
        "form.\(format)", "--today", Self.today,
      ], in: folder)
    #expect(
      made.out.contains("Sở Tài chính đã có báo cáo kỳ này (bản đã công bố, ngày 09/10/2026)"),
      "\(made.out)")
    let before = read(folder, path)
    let unchanged = try importForm("form.\(format)", date: "2026-10-09", in: folder)
    #expect(unchanged.out.contains("biểu mẫu ghi đúng như báo cáo đã có"), "\(unchanged.out)")
    #expect(unchanged.out.contains("Không ghi tệp nào"), "\(unchanged.out)")
    #expect(!unchanged.err.contains("cảnh báo"), "\(unchanged.err)")
    #expect(read(folder, path) == before)
    // The same with another date: a report signed again, said so.
    let redated = try plansite(
      [
        "report", "import", "form.\(format)", "--date", "2026-10-10", "--replace", "--dry-run",
        "--today", Self.today,
      ], in: folder)
    #expect(
      redated.out.contains("ngày báo cáo đổi từ 09/10/2026 thành 10/10/2026"), "\(redated.out)")
    try fill("form.\(format)", "fixed.\(format)", ["1.5|Tiến độ (%)=80"], in: folder)
    let fixed = try dryRun("fixed.\(format)", in: folder)
    #expect(
      fixed.out.contains("Sở Tài chính, nhiệm vụ 1.5: Đang thực hiện → Đang thực hiện 80%"),
      "\(fixed.out)")
    #expect(fixed.out.components(separatedBy: "→").count == 2, "\(fixed.out)")
    #expect(!fixed.out.contains("bị bỏ"), "\(fixed.out)")
    #expect(!fixed.out.contains("chỉ tiêu grdp"), "\(fixed.out)")
    try importForm("fixed.\(format)", date: "2026-10-09", in: folder)
    let after = read(folder, path)
    #expect(after.contains("progress: 80"), "\(after)")
    #expect(after.contains("### Đợt 1") && !after.contains("\\###"), "\(after)")
    #expect(
      after.contains("year: \"9 tháng 2026\"") && after.contains("year: \"2025\""), "\(after)")
    #expect(after.contains("done_on: 2026-06-20"), "\(after)")
  }

  /// A form for several bodies collects the missing reports: the rows of
  /// those who reported stay blank, and are not imported again.
  @Test func aFormForSeveralBodiesIsNotFilledIn() throws {
    let folder = try project("several")
    let made = try plansite(
      [
        "report", "form", "--period", "2026-9t", "--from", "xa-hoa-lac,xa-binh-minh", "--output",
        "two.csv", "--today", Self.today,
      ], in: folder)
    #expect(
      made.out.contains("1 đơn vị đã có báo cáo kỳ này (Xã Hòa Lạc): dòng của họ để trống"),
      "\(made.out)")
    try fill(
      "two.csv", "two-filled.csv", ["1.3|Tình trạng=Đang thực hiện"],
      ["--reporter", "xa-binh-minh"],
      in: folder)
    let result = try dryRun("two-filled.csv", replacing: false, in: folder)
    #expect(result.out.contains("Xã Bình Minh, nhiệm vụ 1.3:"), "\(result.out)")
    #expect(!result.out.contains("Xã Hòa Lạc"), "\(result.out)")
    // A row of Hòa Lạc filled in: its report would lose the rows left
    // blank, so the file replaces nothing (a one-body form is the way).
    try fill(
      "two-filled.csv", "both.csv", ["1.3|Tiến độ (%)=65"], ["--reporter", "xa-hoa-lac"],
      in: folder)
    let both = try plansite(
      [
        "report", "import", "both.csv", "--date", "2026-10-09", "--replace", "--dry-run",
        "--today", Self.today,
      ], in: folder, expecting: 1)
    #expect(
      both.err.contains(
        "lỗi: tệp có dòng của 2 đơn vị; báo cáo kỳ '9 tháng năm 2026' của Xã Hòa Lạc sẽ mất những "
          + "gì tệp không ghi lại"), "\(both.err)")
    // Each loss is named: 2.1 and 2.3 are blank rows, 1.3 keeps its row.
    #expect(
      both.err.contains(
        "ghi chú: Xã Hòa Lạc, nhiệm vụ 2.1: có trong báo cáo cũ, biểu mẫu không ghi (không có "
          + "dòng, hoặc dòng để trống): mục này sẽ bị bỏ"), "\(both.err)")
    #expect(both.err.contains("plansite report form --period 2026-9t --from xa-hoa-lac"))
  }

  /// A CSV form's guard against formulas ("'- Đã số hóa"), kept as text
  /// when the CSV was opened and saved as a workbook, is undone.
  @Test func theCSVGuardKeptInAWorkbookIsUndone() throws {
    let folder = try filledForm(
      "guard", period: "2026-9t", from: "xa-binh-minh", form: "nine.xlsx", filled: "guard.xlsx",
      ["1.3|Tình trạng=Đang thực hiện", "1.3|Kết quả thực hiện='- Đã số hóa 1.200 hồ sơ"])
    try importForm("guard.xlsx", date: "2026-10-09", in: folder)
    let file = read(folder, "Content/reports/2026-9t/xa-binh-minh.md")
    #expect(file.contains("- Đã số hóa 1.200 hồ sơ") && !file.contains("'- Đã"), "\(file)")
  }

  /// Replacing a report keeps what a form cannot carry (its document
  /// number, signed copy, summary) unless the command gives it anew, and
  /// says every entry and figure the form drops.
  @Test func replacingKeepsTheDocumentAndSaysWhatIsDropped() throws {
    let folder = try project("replace")
    try form(period: "2026-9t", from: "so-tai-chinh", output: "form.csv", in: folder)
    // The form comes filled in from the report; the clerk clears what the
    // new one leaves out.
    try fill(
      "form.csv", "filled.csv",
      [
        "1.1|Tình trạng=", "1.1|Tiến độ (%)=", "1.1|Ngày hoàn thành=", "1.5|Tình trạng=",
        "1.5|Kết quả thực hiện=", "1.5|Tiến độ (%)=80", "grdp-tang-truong|Số liệu (chỉ tiêu)=",
      ], in: folder)
    let arguments = [
      "report", "import", "filled.csv", "--date", "2026-10-12", "--replace", "--today", Self.today,
    ]
    let dry = try plansite(arguments + ["--dry-run"], in: folder)
    #expect(dry.out.contains("Sở Tài chính, nhiệm vụ 1.1: có trong báo cáo cũ"), "\(dry.out)")
    // 1.5's row gives a progress alone: the old report's status and text
    // are lost, and said so.
    #expect(
      dry.out.contains(
        "Sở Tài chính, nhiệm vụ 1.5: tình trạng \"Đang thực hiện\" của báo cáo cũ để trống"),
      "\(dry.out)")
    #expect(
      dry.out.contains(
        "Sở Tài chính, nhiệm vụ 1.5: phần kết quả thực hiện của báo cáo cũ ('Đã tổng hợp"),
      "\(dry.out)")
    #expect(
      dry.out.contains(
        "Sở Tài chính, chỉ tiêu grdp-tang-truong 9 tháng 2026: có trong báo cáo cũ (7,6)"))
    #expect(
      dry.out.contains(
        "giữ số hiệu văn bản \"Báo cáo số 70/BC-STC\" (--document), phần tóm tắt (--summary)"))
    try plansite(arguments, in: folder)
    let file = read(folder, "Content/reports/2026-9t/so-tai-chinh.md")
    #expect(file.contains("document: \"Báo cáo số 70/BC-STC\""))
    #expect(file.contains("Sở Tài chính tổng hợp báo cáo 9 tháng năm 2026."))
    // A number given anew replaces the old one.
    try plansite(arguments + ["--document", "Báo cáo số 75/BC-STC"], in: folder)
    #expect(read(folder, "Content/reports/2026-9t/so-tai-chinh.md").contains("số 75/BC-STC"))
  }

  /// What a clerk writes below the table (who made it, who signs) is not
  /// a row of the form.
  @Test func signaturesBelowTheTableAreLeftAlone() throws {
    let folder = try project("signatures")
    try form(period: "2026-9t", from: "xa-hoa-lac", output: "form.csv", in: folder)
    try fill("form.csv", "filled.csv", ["1.3|Tiến độ (%)=70"], in: folder)
    var text = read(folder, "filled.csv")
    text += "\r\n,,Người lập biểu,,,,,,,,,,,,,,,\r\n,,Nguyễn Văn A,,,,THỦ TRƯỞNG ĐƠN VỊ\r\n"
    try text.write(
      to: folder.appendingPathComponent("signed.csv"), atomically: true, encoding: .utf8)
    let imported = try plansite(
      [
        "report", "import", "signed.csv", "--date", "2026-10-05", "--replace", "--dry-run",
        "--today", Self.today,
      ], in: folder)
    #expect(imported.out.contains("Xã Hòa Lạc, nhiệm vụ 1.3:"), "\(imported.out)")
    #expect(imported.err.isEmpty, "\(imported.err)")
  }

  /// A draft with a mistake stays off the site without stopping the public
  /// build, and is not published until it is mended.
  @Test func aBrokenDraftStaysOutAndIsNotPublished() throws {
    let folder = try project("broken-draft")
    let path = "Content/reports/2026-9t/so-giao-duc-va-dao-tao.md"
    let good = read(folder, path)
    #expect(good.contains("draft: true"))
    for (mistake, message) in [
      ("status: xong", "'xong' không phải là giá trị hợp lệ của 'status'"),
      ("task: \"9.9\"", "không tìm thấy nhiệm vụ '9.9'"),
    ] {
      let broken = good.replacingOccurrences(
        of: mistake.hasPrefix("status") ? "status: in-progress" : "task: \"2.1\"", with: mistake)
      #expect(broken != good)
      try broken.write(
        to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
      let built = try plansite(
        ["build", "--today", Self.today, "--templates", Self.templates], in: folder)
      #expect(!built.err.contains("lỗi:"), "\(built.err)")
      // What the loader finds (a status) and what the validator finds (a
      // task) are both said, as warnings.
      #expect(built.err.contains("cảnh báo: \(message)"), "\(built.err)")
      #expect(built.err.contains("báo cáo này là bản nháp (draft: true) nên không lên trang"))
      // --strict does not make a draft's problems stop the public build.
      try plansite(
        ["build", "--strict", "--today", Self.today, "--templates", Self.templates], in: folder)
      let refused = try plansite(
        ["report", "publish", "2026-9t", "so-giao-duc-va-dao-tao.md", "--today", Self.today],
        in: folder, expecting: 1)
      #expect(refused.err.contains(message), "\(refused.err)")
      #expect(refused.err.contains("báo cáo này còn lỗi nên chưa được công bố"))
      #expect(read(folder, path) == broken)
    }
    // A draft in a folder that is no period is said too, once.
    let fm = FileManager.default
    let moved = "Content/reports/2026-quy3/so-giao-duc-va-dao-tao.md"
    try fm.createDirectory(
      at: folder.appendingPathComponent("Content/reports/2026-quy3"),
      withIntermediateDirectories: true)
    try good.write(to: folder.appendingPathComponent(moved), atomically: true, encoding: .utf8)
    try fm.removeItem(at: folder.appendingPathComponent(path))
    let misplaced = try plansite(
      ["build", "--today", Self.today, "--templates", Self.templates], in: folder)
    #expect(
      misplaced.err.contains(
        "cảnh báo: thư mục 'reports/2026-quy3/' không phải là kỳ báo cáo nào trong reporting.yaml"),
      "\(misplaced.err)")
    try fm.removeItem(at: folder.appendingPathComponent("Content/reports/2026-quy3"))
    try good.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
    // Without a reporter, the drafts waiting are listed with their command.
    let listed = try plansite(["report", "publish", "2026-9t"], in: folder, expecting: 64)
    #expect(listed.err.contains("lỗi: thiếu mã đơn vị của báo cáo cần công bố"), "\(listed.err)")
    #expect(
      listed.err.contains("ghi chú:   plansite report publish 2026-9t so-giao-duc-va-dao-tao"))
    try plansite(
      ["report", "publish", "2026-9t", "so-giao-duc-va-dao-tao", "--today", Self.today], in: folder)
    let none = try plansite(["report", "publish"], in: folder)
    #expect(none.out.contains("Không có bản nháp nào (draft: true) trong Content/reports/."))
    #expect(!read(folder, path).contains("draft: true"))
  }

  /// Options that would write the wrong thing are refused before anything
  /// is written: a format plansite does not write, a name that says
  /// another format, a build date that is not a date, a source address
  /// that is not a web address; an old Excel workbook gets the menu item
  /// that makes a form of it.
  @Test func optionsThatWouldWriteTheWrongThingAreRefused() throws {
    let folder = try project("options")
    let form = ["report", "form", "--period", "2026-9t", "--from", "xa-hoa-lac"]
    var result = try plansite(form + ["--format", "pdf"], in: folder, expecting: 64)
    #expect(result.err.contains("lỗi: --format phải là xlsx hoặc csv, không phải 'pdf'"))
    result = try plansite(form + ["--output", "mau.pdf"], in: folder, expecting: 64)
    #expect(result.err.contains("lỗi: tên tệp 'mau.pdf' phải có đuôi .xlsx hoặc .csv"))
    result = try plansite(
      form + ["--output", "mau.csv", "--format", "xlsx"], in: folder, expecting: 64)
    #expect(result.err.contains("lỗi: 'mau.csv' là tên tệp .csv nhưng --format là xlsx"))
    result = try plansite(form + ["--output", "khong-co/mau.xlsx"], in: folder, expecting: 1)
    #expect(result.err.contains("lỗi: không ghi được tệp 'khong-co/mau.xlsx'"))
    #expect(result.err.contains("ghi chú: không có thư mục"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["Content"])
    // Upper case is the same format.
    try plansite(form + ["--output", "MAU.CSV", "--format", "CSV"], in: folder)
    let before = snapshot(folder)
    result = try plansite(
      ["report", "import", "MAU.CSV", "--date", "2026-10-05", "--today", "31/13/2026"],
      in: folder, expecting: 64)
    #expect(result.err.contains("lỗi: --today phải là một ngày có thật"))
    result = try plansite(
      ["report", "import", "MAU.CSV", "--date", "9/10", "--today", Self.today], in: folder,
      expecting: 1)
    #expect(result.err.contains("lỗi: --date '9/10' thiếu năm"), "\(result.err)")
    #expect(result.err.contains("ví dụ --date 9/10/2026"))
    // Excel's lock file beside an open workbook is no form.
    try Data("x".utf8).write(to: folder.appendingPathComponent("~$MAU.xlsx"))
    result = try plansite(
      ["report", "import", "~$MAU.xlsx", "--date", "2026-10-05", "--today", Self.today],
      in: folder, expecting: 1)
    #expect(result.err.contains("lỗi: tệp này là tệp tạm Excel"), "\(result.err)")
    for address in ["javascript:alert(1)", "vanban.nghean.gov.vn/bc-45", "https://"] {
      result = try plansite(
        [
          "report", "import", "MAU.CSV", "--date", "2026-10-05", "--today", Self.today,
          "--source-url", address,
        ], in: folder, expecting: 1)
      #expect(
        result.err.contains(
          "plansite report import --source-url: lỗi: --source-url phải là địa chỉ web đầy đủ"))
      #expect(result.err.contains("ghi chú: ghi địa chỉ bắt đầu bằng https://"))
    }
    // A date as cells take it is a date; a day that does not exist is said so.
    result = try plansite(
      [
        "report", "import", "MAU.CSV", "--date", "32-10-2026", "--today", Self.today,
      ], in: folder, expecting: 1)
    #expect(
      result.err.contains(
        "plansite report import --date: lỗi: --date phải là một ngày có thật, không phải "
          + "'32-10-2026'"), "\(result.err)")
    #expect(!result.err.contains("plansite <subcommand>"))
    try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]).write(
      to: folder.appendingPathComponent("cu.xls"))
    result = try plansite(
      ["report", "import", "cu.xls", "--date", "2026-10-05", "--today", Self.today],
      in: folder, expecting: 1)
    #expect(result.err.contains("cu.xls: lỗi: tệp này là bảng tính Excel 97–2003 (.xls)"))
    #expect(result.err.contains("lưu lại thành \"Excel Workbook (*.xlsx)\""))
    #expect(snapshot(folder) == before)
  }

  /// The workbook opens in LibreOffice with the same cells (it is converted
  /// to CSV headless and read back), and a workbook LibreOffice saved (with
  /// shared strings, its own styles) imports like ours.
  @Test(.enabled(if: LibreOffice.path != nil, "LibreOffice (libreoffice-calc) is not installed"))
  func libreOfficeReadsAndWritesTheForm() throws {
    let folder = try project("libreoffice")
    try form(period: "2026-9t", from: "so-tai-chinh", output: "form.xlsx", in: folder)
    let soffice = try #require(LibreOffice.path)
    try run(
      [
        soffice, "--headless", "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1",
        "--outdir", "lo", "form.xlsx",
      ], in: folder)
    // LibreOffice names the file after the sheet: lo/form-Báo cáo.csv.
    let written = try FileManager.default.contentsOfDirectory(
      atPath: folder.appendingPathComponent("lo").path)
    let csvName = try #require(written.first { $0.hasSuffix(".csv") })
    let fromLibreOffice = try FormCSV.grid(
      Array(try Data(contentsOf: folder.appendingPathComponent("lo/" + csvName))))
    let ours = try XLSXReader.grid(try Data(contentsOf: folder.appendingPathComponent("form.xlsx")))
    // The same cells; what only a workbook knows (the sheet's name) aside.
    #expect(fromLibreOffice.rows == ours.rows)
    #expect(ours.rows.count == 6)
    // Filled, then saved again by LibreOffice as .xlsx.
    try fill(
      "form.xlsx", "filled.xlsx",
      ["1.5|Tình trạng=Đang thực hiện", "1.5|Kết quả thực hiện=Đã tổng hợp"], in: folder)
    try run(
      [
        soffice, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", "resaved",
        "filled.xlsx",
      ], in: folder)
    let resaved = try XLSXReader.grid(
      try Data(contentsOf: folder.appendingPathComponent("resaved/filled.xlsx")))
    let filled = try XLSXReader.grid(
      try Data(contentsOf: folder.appendingPathComponent("filled.xlsx")))
    #expect(resaved == filled)
    try importForm("resaved/filled.xlsx", date: "2026-10-09", in: folder)
    #expect(
      read(folder, "Content/reports/2026-9t/so-tai-chinh.md").contains("text: \"Đã tổng hợp\""))
    // The CSV form opened with LibreOffice's default character set (not
    // UTF-8) and saved as a workbook: the import names the dialog to fix.
    try form(period: "2026-9t", from: "so-tai-chinh", output: "form.csv", in: folder)
    try run(
      [soffice, "--headless", "--convert-to", "xlsx", "--outdir", "garbled", "form.csv"],
      in: folder)
    // (Its default depends on the locale: under a UTF-8 one it may read
    // the file right.)
    let converted = try XLSXReader.grid(
      try Data(contentsOf: folder.appendingPathComponent("garbled/form.xlsx")))
    if converted.rows.first?.contains(where: FormReader.isMisdecoded) == true {
      let garbled = try plansite(
        ["report", "import", "garbled/form.xlsx", "--date", "2026-10-09", "--today", Self.today],
        in: folder, expecting: 1)
      #expect(garbled.err.contains("bị đổi bảng mã"), "\(garbled.err)")
      #expect(garbled.err.contains("chọn Bộ ký tự \"Unicode (UTF-8)\""))
    }
  }

  /// Forms mutated at random, XLSX and CSV: the importer reports problems
  /// and never crashes, and the report file is the old one or a whole new one.
  @Test func fuzzedFormsNeverCrashOrLeaveAPartialFile() throws {
    let folder = try project("fuzz")
    let content = folder.appendingPathComponent("Content").path
    let loaded = ContentLoader(directory: content).load()
    let plan = try #require(
      PlanValidator(today: Day(iso: Self.today), includeDrafts: true).validate(loaded.draft).plan)
    let period = try FormTarget.period("2026-9t", in: plan)
    let form = ReportForm(
      plan: plan, period: period, reporters: [.commune(CommuneID("xa-hoa-lac"))])
    var filled = form.grid
    filled.rows[1][12] = "Hoàn thành"
    filled.rows[1][13] = "100"
    let seeds: [(String, [UInt8])] = [
      ("f.csv", FormCSV.write(filled)),
      (
        "f.xlsx",
        try { () throws -> [UInt8] in
          var copy = form
          copy.grid = filled
          return try copy.bytes(.xlsx, compiler: nil)
        }()
      ),
    ]
    let target = content + "/reports/2026-9t/xa-hoa-lac.md"
    let original = try String(contentsOfFile: target, encoding: .utf8)
    var rng = SeededGenerator(seed: 2026)
    let iterations = Int(ProcessInfo.processInfo.environment["PLANSITE_FORM_FUZZ"] ?? "") ?? 2000
    var accepted = 0
    let sheet = try FormFuzz.parts(of: seeds[1].1)
    for step in 0..<iterations {
      let (name, seed) = seeds[step % 2]
      // Every third form: a valid zip around a damaged worksheet, so the XML
      // readers (XMLCoder, Foundation's parser) see broken XML too.
      let bytes =
        step % 3 == 2
        ? try FormFuzz.zip(sheet, replacing: "xl/worksheets/sheet1.xml", with: FormFuzz.mutate)(
          &rng)
        : FormFuzz.mutate(seed, &rng)
      let importer = FormImport(
        content: content,
        options: .init(
          date: Day(year: 2026, month: 10, day: 5) ?? .unixEpoch, replace: true,
          today: Day(year: 2026, month: 11, day: 27) ?? .unixEpoch))
      let outcome = importer.plan(formAt: name, bytes: bytes, loaded: loaded)
      if !outcome.failed {
        accepted += 1
        try importer.write(outcome)
        // The file written loads back as a valid report.
        let text = try String(contentsOfFile: target, encoding: .utf8)
        #expect(text.hasPrefix("---\ndate: 2026-10-05\ndraft: true\n"))
        #expect(text.hasSuffix("---\n"))
        try original.write(toFile: target, atomically: true, encoding: .utf8)
      } else {
        #expect(try String(contentsOfFile: target, encoding: .utf8) == original)
      }
      #expect(
        (try FileManager.default.contentsOfDirectory(atPath: content + "/reports/2026-9t"))
          .allSatisfy { !$0.hasPrefix(".") })
    }
    #expect(accepted > 0, "no mutated form was accepted: the seeds themselves must be valid")
    #expect(accepted < iterations)
  }
}

/// Where LibreOffice is, if installed.
enum LibreOffice {
  static let path: String? = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }
}

/// Byte-level mutations of a form: flips, cuts, duplicated and dropped
/// ranges, inserted quotes, delimiters, line breaks and non-UTF-8 bytes.
enum FormFuzz {
  /// The parts of an .xlsx, by path.
  static func parts(of xlsx: [UInt8]) throws -> [(String, Data)] {
    let archive = try Archive(data: Data(xlsx), accessMode: .read)
    return try archive.map { entry in
      var data = Data()
      _ = try archive.extract(entry) { data.append($0) }
      return (entry.path, data)
    }
  }

  /// A function making a valid zip of `parts` with `path` mutated.
  static func zip(
    _ parts: [(String, Data)], replacing path: String,
    with mutate: @escaping ([UInt8], inout SeededGenerator) -> [UInt8]
  ) throws -> (inout SeededGenerator) throws -> [UInt8] {
    { rng in
      let archive = try Archive(data: Data(), accessMode: .create)
      for (name, data) in parts {
        let bytes = name == path ? Data(mutate(Array(data), &rng)) : data
        try archive.addEntry(
          with: name, type: .file, uncompressedSize: Int64(bytes.count),
          compressionMethod: .deflate
        ) { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) }
      }
      return Array(archive.data ?? Data())
    }
  }

  static func mutate(_ seed: [UInt8], _ rng: inout SeededGenerator) -> [UInt8] {
    var bytes = seed
    for _ in 0..<Int.random(in: 1...3, using: &rng) {
      guard !bytes.isEmpty else { break }
      let at = Int.random(in: 0..<bytes.count, using: &rng)
      switch Int.random(in: 0..<7, using: &rng) {
      case 0: bytes[at] ^= UInt8.random(in: 1...255, using: &rng)
      case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...64, using: &rng)))
      case 2:
        let end = min(bytes.count, at + Int.random(in: 1...64, using: &rng))
        bytes.insert(contentsOf: bytes[at..<end], at: at)
      case 3:
        bytes.insert([0x22, 0x2C, 0x3B, 0x0A, 0x0D][Int.random(in: 0..<5, using: &rng)], at: at)
      case 4: bytes.insert(contentsOf: [0xC3, 0x28, 0xFF], at: at)
      case 5: bytes = Array(bytes.prefix(at))
      default: bytes.insert(contentsOf: Array("Hoàn thành,40%,31/02/2026".utf8), at: at)
      }
    }
    return bytes
  }
}
