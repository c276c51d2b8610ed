import ArgumentParser
import ContentLoader
import Foundation
import PlanModel
import ReportForms
import SiteBuilder
import SiteCore

extension PlansiteCommand {
  /// `plansite report form|import|publish`: reports from offices that work in spreadsheets.
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: HelpText.text(
        "Biểu mẫu báo cáo cho cơ quan, đơn vị: tạo biểu mẫu, nhập biểu mẫu đã điền, công bố "
          + "bản nháp.",
        en: "Fill-in report forms for offices: make them, import them, publish the drafts."),
      discussion: HelpText.text(
        "Hướng dẫn cho cơ quan, đơn vị: docs/bao-cao.md.",
        en: "The guide for offices is docs/bao-cao.md."),
      subcommands: [Form.self, Import.self, Publish.self])
  }
}

/// What the report commands share: the content folder, the build date, the language.
struct ReportOptions: ParsableArguments {
  @OptionGroup var contentOption: ContentFolderOption
  var content: String { contentOption.path }

  @Option(
    help: HelpText.help(
      "Ngày dùng để kiểm tra báo cáo (YYYY-MM-DD hoặc DD/MM/YYYY).",
      en: "The date reports are checked against (YYYY-MM-DD or DD/MM/YYYY).", value: "ngày",
      discussion: (
        "Mặc định: theo SOURCE_DATE_EPOCH nếu có, nếu không thì ngày hôm nay.",
        "Defaults to SOURCE_DATE_EPOCH if set, else today's date."
      )))
  var today: String?

  @Option(
    name: .customLong("lang"),
    help: HelpText.help(
      "Ngôn ngữ của thông báo: vi hoặc en.", en: "The language of messages: vi or en.",
      value: "ngôn ngữ"))
  var language: Language?

  /// A `--today` that is not a date is refused here as it is by `build`.
  func validate() throws {
    try project.validate()
  }

  var project: ProjectOptions {
    var options = ProjectOptions()
    options.contentOption = contentOption
    options.today = today
    options.language = language
    return options
  }

  /// The content loaded and checked with its draft reports: the plan if
  /// valid, every error, and the language to print in.
  func checked(_ given: ContentLoader.Result? = nil) -> (
    plan: Plan?, errors: [Diagnostic], language: Language
  ) {
    let loaded = given ?? ContentLoader(directory: content).load()
    let language =
      self.language ?? loaded.draft.site.map { Language(siteLanguage: $0.language) } ?? .vi
    let checked = PlanValidator(today: project.buildDay, includeDrafts: true).validate(loaded.draft)
    let errors = (loaded.diagnostics + checked.diagnostics).filter { $0.severity == .error }
    return (checked.plan, errors, language)
  }

  /// The plan with its draft reports, or the content's errors printed and a failure.
  func plan() throws -> (Plan, Language) {
    let (plan, errors, language) = checked()
    guard errors.isEmpty, let plan else {
      DiagnosticPrinter(language: language).print(errors.sortedForDisplay())
      throw ExitCode.failure
    }
    return (plan, language)
  }

  /// The command that publishes the draft of `period` and `reporter`.
  func publishCommand(period: String, reporter: String) -> String {
    "plansite report publish \(period) \(reporter)"
      + (content == "Content" ? "" : " --content \(content)")
  }

  func fail(_ error: DiagnosticError, _ language: Language) -> ExitCode {
    DiagnosticPrinter(language: language).print(error.diagnostics)
    return ExitCode.failure
  }
}

extension PlansiteCommand.Report {
  struct Form: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: HelpText.text(
        "Tạo biểu mẫu báo cáo cho một kỳ và một hay nhiều đơn vị.",
        en: "Write a fill-in form for one period and one or more reporters."))

    @OptionGroup var options: ReportOptions

    @Option(
      help: HelpText.help(
        "Mã kỳ báo cáo (trong reporting.yaml).",
        en: "The reporting period's id (from reporting.yaml).", value: "mã kỳ"))
    var period: String

    @Option(
      help: HelpText.help(
        "Đơn vị báo cáo: mã một cơ quan hay xã, phường, một danh sách (a,b), hoặc all-agencies, "
          + "all-communes …",
        en: "Who reports: an agency or commune id, a list (a,b), or all-agencies, all-communes …",
        value: "đơn vị"))
    var from: String

    @Option(
      help: HelpText.help(
        "Tệp sẽ ghi (mặc định: bao-cao-<kỳ>-<đơn vị>.xlsx).",
        en: "The file to write (default: bao-cao-<period>-<from>.xlsx).", value: "tệp"))
    var output: String?

    @Option(
      help: HelpText.help(
        "xlsx hoặc csv (mặc định: theo đuôi tên tệp, nếu không thì xlsx).",
        en: "xlsx or csv (default: from the output's name, else xlsx).", value: "dạng"))
    var format: String?

    @Flag(
      help: HelpText.help(
        "Ghi đè tệp đã có cùng tên.", en: "Write over a file of the same name."))
    var overwrite = false

    /// The format asked for and the file's name must agree: an `.xlsx`
    /// written under another name (or a format plansite does not write)
    /// would not open where the clerk expects it.
    func validate() throws {
      let language = options.language ?? .vi
      let chosen = format.flatMap { FormFormat(rawValue: $0.lowercased()) }
      if let format, chosen == nil {
        throw ValidationError(
          Message(
            vi: "--format phải là xlsx hoặc csv, không phải '\(format)'",
            en: "--format must be xlsx or csv, not '\(format)'"
          ).text(language))
      }
      guard let output else { return }
      guard let named = FormFormat(fileName: output) else {
        throw ValidationError(
          Message(
            vi: "tên tệp '\(output)' phải có đuôi .xlsx hoặc .csv",
            en: "the file name '\(output)' must end in .xlsx or .csv"
          ).text(language))
      }
      if let chosen, chosen != named {
        throw ValidationError(
          Message(
            vi: "'\(output)' là tên tệp .\(named.rawValue) nhưng --format là \(chosen.rawValue): "
              + "bỏ --format hoặc đổi đuôi tên tệp",
            en: "'\(output)' is a .\(named.rawValue) name but --format is \(chosen.rawValue): "
              + "leave out --format or change the name's ending"
          ).text(language))
      }
    }

    func run() throws {
      let (plan, language) = try options.plan()
      do {
        let period = try FormTarget.period(self.period, in: plan)
        let reporters = try FormTarget.reporters(from, in: plan)
        let format =
          self.format.flatMap { FormFormat(rawValue: $0.lowercased()) }
          ?? output.flatMap(FormFormat.init(fileName:)) ?? .xlsx
        let path =
          output ?? ReportForm.defaultFileName(period: period.id, from: from, format: format)
        // The default name is the one units send their filled form back
        // under: writing a blank over it would lose their reply.
        if !overwrite, FileManager.default.fileExists(atPath: path) {
          throw DiagnosticError(
            .error(
              vi: "đã có tệp '\(path)': không ghi đè, vì đó có thể là biểu mẫu đơn vị đã điền",
              en: "'\(path)' already exists: not written over, as it may be a unit's filled form",
              at: SourceLocation(file: path),
              notes: [
                Diagnostic.Note(
                  vi: "đặt tên khác bằng --output, hoặc thêm --overwrite nếu muốn thay tệp đó",
                  en: "choose another name with --output, or add --overwrite to replace it")
              ]))
        }
        let form = ReportForm(plan: plan, period: period, reporters: reporters)
        let compiler = plan.schedule?.compiler.flatMap { plan.agency($0)?.name }
        let bytes = try form.bytes(format, compiler: compiler)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
          let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
          let why =
            FileManager.default.fileExists(atPath: folder)
            ? Diagnostic.Note(
              vi: "kiểm tra quyền ghi vào thư mục '\(folder)' và ổ đĩa còn chỗ trống",
              en: "check that the folder '\(folder)' is writable and the disk has room")
            : Diagnostic.Note(
              vi:
                "không có thư mục '\(folder)': tạo thư mục đó trước, hoặc chọn nơi khác với --output",
              en: "there is no folder '\(folder)': make it first, or choose another --output")
          throw DiagnosticError(
            .error(
              vi: "không ghi được tệp '\(path)'", en: "cannot write '\(path)'",
              at: SourceLocation(file: path), notes: [why]))
        }
        print(
          Message(
            vi: "Đã ghi biểu mẫu \(path): \(form.rowCount) dòng, kỳ \(period.name).",
            en: "Wrote the form \(path): \(form.rowCount) rows, period \(period.name)."
          ).text(language))
        // A form for several bodies is not filled in: the bodies that
        // already reported are named, with how to correct their reports.
        let reported =
          reporters.count > 1
          ? plan.reports.filter { $0.period == period.id && reporters.contains($0.reporter) } : []
        if !reported.isEmpty {
          let names = reported.map { plan.name(of: $0.reporter) }
          let shown = names.prefix(8).joined(separator: ", ") + (names.count > 8 ? ", …" : "")
          print(
            Message(
              vi:
                "  \(names.count) đơn vị đã có báo cáo kỳ này (\(shown)): dòng của họ để trống và "
                + "không được nhập lại; muốn sửa báo cáo của một đơn vị, lập biểu mẫu riêng cho đơn "
                + "vị đó (được điền sẵn).",
              en:
                "  \(names.count) bodies have a report for this period (\(shown)): their rows are "
                + "blank and not imported again; to correct one's report, make a form for that "
                + "body alone (it comes filled in)."
            ).text(language))
        }
        for report in form.prefilled {
          let name = plan.name(of: report.reporter)
          let state =
            report.isDraft
            ? Message(vi: "bản nháp", en: "the draft")
            : Message(vi: "bản đã công bố", en: "the published report")
          print(
            Message(
              vi: "  \(name) đã có báo cáo kỳ này (\(state.vi), ngày \(report.date.vietnamese)): "
                + "biểu mẫu điền sẵn báo cáo đó; sửa những ô cần sửa rồi nhập lại với --replace.",
              en: "  \(name) has a report for this period (\(state.en), dated "
                + "\(report.date.iso)): the form is filled in from it; change what needs changing, "
                + "then import it with --replace."
            ).text(language))
        }
      } catch let error as DiagnosticError {
        throw options.fail(error, language)
      }
    }
  }

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: HelpText.text(
        "Kiểm tra biểu mẫu đã điền và ghi thành báo cáo nháp (draft: true).",
        en: "Check a filled form and write it as a draft report (draft: true)."))

    @OptionGroup var options: ReportOptions

    @Argument(
      help: HelpText.help(
        "Biểu mẫu đã điền (.xlsx hoặc .csv).", en: "The filled form (.xlsx or .csv).", value: "tệp")
    )
    var file: String

    @Option(
      help: HelpText.help(
        "Ngày ban hành báo cáo (YYYY-MM-DD hoặc DD/MM/YYYY).",
        en: "The report's issue date (YYYY-MM-DD or DD/MM/YYYY).", value: "ngày"))
    var date: String

    @Option(
      help: HelpText.help(
        "Số hiệu văn bản của báo cáo (\"Báo cáo số 45/BC-STC\").",
        en: "The report's document number (\"Báo cáo số 45/BC-STC\").", value: "số hiệu"))
    var document: String?

    @Option(
      name: .customLong("source-url"),
      help: HelpText.help(
        "Địa chỉ đọc bản báo cáo đã ký.", en: "Where the signed report can be read.",
        value: "địa chỉ"))
    var sourceURL: String?

    @Option(
      help: HelpText.help(
        "Tệp Markdown có phần tóm tắt của báo cáo.",
        en: "A Markdown file with the report's summary.", value: "tệp"))
    var summary: String?

    @Option(
      help: HelpText.help(
        "Kỳ báo cáo, khi biểu mẫu không có cột \"Kỳ báo cáo\".",
        en: "The period, when the form has no \"Kỳ báo cáo\" column.", value: "mã kỳ"))
    var period: String?

    @Option(
      help: HelpText.help(
        "Đơn vị báo cáo, khi biểu mẫu không có cột \"Mã đơn vị\".",
        en: "The reporter, when the form has no \"Mã đơn vị\" column.", value: "mã đơn vị"))
    var from: String?

    @Flag(
      help: HelpText.help(
        "Thay báo cáo đã có của cùng kỳ và đơn vị.",
        en: "Replace an existing report of the same period and reporter."))
    var replace = false

    @Flag(
      name: .customLong("dry-run"),
      help: HelpText.help(
        "Chỉ in những gì sẽ thay đổi; không ghi gì.", en: "Print what would change; write nothing.")
    )
    var dryRun = false

    func run() throws {
      let language = options.language ?? .vi
      // As cells take it: 08-07-2026 and 08.07.2026 are days too.
      let day: Day
      switch (DayText.parse(date), DayText.meaning(of: date)) {
      case (.valid(let valid), _), (_, .day(let valid)?): day = valid
      default:
        // "9/10": a day and a month without the year.
        let parts = date.split(whereSeparator: { "/.-".contains($0) }).map { Int($0) }
        if parts.count == 2, let day = parts[0], let month = parts[1], (1...31).contains(day),
          (1...12).contains(month), date.count <= 5
        {
          let year = ProjectOptions.buildDay(today: options.today).year
          throw options.fail(
            DiagnosticError(
              .error(
                vi: "--date '\(date)' thiếu năm", en: "--date '\(date)' has no year",
                at: SourceLocation(file: "plansite report import --date"),
                notes: [
                  Diagnostic.Note(
                    vi: "ghi đủ ngày, tháng và năm, ví dụ --date \(day)/\(month)/\(year)",
                    en: "give the day, month and year, like --date \(day)/\(month)/\(year)")
                ])), language)
        }
        throw options.fail(
          DiagnosticError(
            .error(
              vi: "--date phải là một ngày có thật, không phải '\(date)'",
              en: "--date must be a real date, not '\(date)'",
              at: SourceLocation(file: "plansite report import --date"),
              notes: [
                Diagnostic.Note(
                  vi: "ghi ngày ký báo cáo dạng 08/07/2026 hoặc 2026-07-08",
                  en: "give the date the report was signed, as 2026-07-08 or 08/07/2026")
              ])), language)
      }
      if let sourceURL, !WebAddress.isValid(sourceURL) {
        throw options.fail(
          DiagnosticError(
            .error(
              vi: "--source-url phải là địa chỉ web đầy đủ, không phải '\(sourceURL)'",
              en: "--source-url must be a full web address, not '\(sourceURL)'",
              at: SourceLocation(file: "plansite report import --source-url"),
              notes: [
                Diagnostic.Note(
                  vi: "ghi địa chỉ bắt đầu bằng https://, ví dụ https://vanban.nghean.gov.vn/bc-45",
                  en: "give an address starting with https://, such as "
                    + "https://vanban.nghean.gov.vn/bc-45")
              ])), language)
      }
      var summaryText = ""
      if let summary {
        guard let data = FileManager.default.contents(atPath: summary) else {
          throw options.fail(
            DiagnosticError(
              .error(
                vi: "không có tệp tóm tắt '\(summary)' (--summary)",
                en: "there is no summary file '\(summary)' (--summary)",
                at: SourceLocation(file: summary),
                notes: [
                  Diagnostic.Note(
                    vi: "kiểm tra tên và thư mục của tệp", en: "check the file's name and folder")
                ])), language)
        }
        guard let text = String(data: data, encoding: .utf8) else {
          throw options.fail(
            DiagnosticError(
              .error(
                vi: "không đọc được tệp tóm tắt '\(summary)': tệp không lưu bằng UTF-8",
                en: "cannot read the summary file '\(summary)': it is not saved as UTF-8",
                at: SourceLocation(file: summary),
                notes: [
                  Diagnostic.Note(
                    vi: "mở tệp và lưu lại với bảng mã UTF-8 (Notepad: Save As, Encoding: UTF-8)",
                    en: "open it and save it as UTF-8 (Notepad: Save As, Encoding: UTF-8)")
                ])), language)
        }
        summaryText = text.nfc
      }
      guard let data = FileManager.default.contents(atPath: file) else {
        let exists = FileManager.default.fileExists(atPath: file)
        throw options.fail(
          DiagnosticError(
            .error(
              vi: exists ? "không mở được tệp '\(file)'" : "không có tệp '\(file)'",
              en: exists ? "cannot open '\(file)'" : "there is no file '\(file)'",
              at: SourceLocation(file: file),
              notes: exists
                ? []
                : [
                  Diagnostic.Note(
                    vi: "kiểm tra tên tệp và thư mục đang đứng (lệnh chạy trong "
                      + "\(FileManager.default.currentDirectoryPath))",
                    en: "check the file's name and the current folder ("
                      + "\(FileManager.default.currentDirectoryPath))")
                ])), language)
      }
      let importer = FormImport(
        content: options.content,
        options: FormImport.Options(
          date: day, document: document, sourceURL: sourceURL, summary: summaryText,
          period: period, from: from, replace: replace, today: options.project.buildDay))
      let outcome = importer.plan(formAt: file, bytes: Array(data))
      let printer = DiagnosticPrinter(language: language)
      printer.print(outcome.diagnostics.sortedForDisplay())
      if outcome.failed {
        print(
          Message(
            vi: "Chưa ghi gì: sửa các lỗi trên (trong biểu mẫu hoặc trong lệnh) rồi nhập lại.",
            en: "Nothing was written: correct the errors above (in the form or the command) and "
              + "import again."
          ).text(language))
        throw ExitCode.failure
      }
      for change in outcome.changes { print("  " + change.text(language)) }
      if dryRun {
        print(
          Message(
            vi: "Chạy thử (--dry-run): chưa ghi gì; sẽ ghi \(outcome.files.count) tệp.",
            en: "Dry run: nothing written; \(outcome.files.count) file(s) would be written."
          ).text(language))
        return
      }
      do {
        try importer.write(outcome)
      } catch {
        throw options.fail(error, language)
      }
      if outcome.files.isEmpty {
        print(
          Message(
            vi: "Không ghi tệp nào: biểu mẫu không đổi gì so với báo cáo đã có.",
            en: "No file written: the form changes nothing in the reports there are."
          ).text(language))
      }
      // Several bodies' drafts (a form for all communes) are published by
      // one command that lists them, said once after them.
      let several = outcome.files.count > 1 && Set(outcome.files.map(\.period)).count == 1
      for written in outcome.files {
        let publish = options.publishCommand(period: written.period, reporter: written.reporter)
        let next =
          several
          ? Message(vi: ".", en: ".")
          : Message(
            vi: ". Xem bằng 'plansite serve', rồi công bố bằng '\(publish)'.",
            en: ". Review it with 'plansite serve', then '\(publish)'.")
        print(
          (Message(
            vi: "Đã ghi bản nháp \(options.content)/\(written.path)"
              + (written.withdraws
                ? " (thay báo cáo đã công bố: báo cáo đó không còn trên trang cho đến khi công bố "
                  + "bản này)"
                : written.replaces ? " (thay báo cáo cũ)" : ""),
            en: "Wrote the draft \(options.content)/\(written.path)"
              + (written.withdraws
                ? " (replacing the published report: it is off the site until this one is "
                  + "published)"
                : written.replaces ? " (replacing the old report)" : "")) + next).text(language))
      }
      if several, let period = outcome.files.first?.period {
        let publish = options.publishCommand(
          period: period, reporter: outcome.files.map(\.reporter).joined(separator: ","))
        print(
          Message(
            vi: "Xem bằng 'plansite serve', rồi công bố cả \(outcome.files.count) bản bằng "
              + "'\(publish)'.",
            en: "Review them with 'plansite serve', then publish all \(outcome.files.count) with "
              + "'\(publish)'."
          ).text(language))
      }
    }
  }

  struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: HelpText.text(
        "Công bố báo cáo nháp: xóa dòng draft: true của nó.",
        en: "Publish draft reports: remove their draft: true line."))

    @OptionGroup var options: ReportOptions

    @Argument(
      help: HelpText.help(
        "Mã kỳ báo cáo (bỏ trống để xem các bản nháp đang chờ).",
        en: "The period's id (leave out to list the drafts waiting).", value: "mã kỳ"))
    var period: String?

    @Argument(
      help: HelpText.help(
        "Mã đơn vị báo cáo; một danh sách (a,b), hoặc all-agencies, all-communes … để công bố "
          + "mọi bản nháp của các đơn vị đó trong kỳ.",
        en: "The reporter's id; a list (a,b), or all-agencies, all-communes … to publish every "
          + "draft of those reporters in the period.", value: "mã đơn vị"))
    var reporter: String?

    func run() throws {
      let language = options.language ?? .vi
      guard let period, let named = reporter else { throw listDrafts(language) }
      let loaded = ContentLoader(directory: options.content).load()
      var reporters: [String]
      do {
        reporters = try ReportPublisher.reporters(
          named, period: period, content: options.content, draft: loaded.draft)
      } catch {
        throw options.fail(error, language)
      }
      // In a list, a report published already is said and left as it is;
      // the others are published (alone, it is an error: see `published`).
      if reporters.count > 1 {
        // As the build reads them (a draft with CRLF line ends is a draft).
        let done = reporters.filter { reporter in
          loaded.draft.reports.contains {
            $0.periodRef.value == period && $0.reporterRef.value == reporter && !$0.isDraft
          }
        }
        for reporter in done {
          print(
            Message(
              vi: "\(options.content)/reports/\(period)/\(reporter).md đã được công bố từ trước: "
                + "giữ nguyên.",
              en: "\(options.content)/reports/\(period)/\(reporter).md was published before: "
                + "left as it is."
            ).text(language))
        }
        reporters.removeAll { done.contains($0) }
        if reporters.isEmpty { return }
      }
      // All checked before any is published: a list is published whole or not at all.
      try checkBeforePublishing(
        period: period, reporters: reporters, loaded: loaded, language: language)
      let texts: [(path: String, text: String)]
      do {
        texts = try reporters.map { reporter throws(DiagnosticError) in
          try ReportPublisher.published(
            content: options.content, period: period, reporter: reporter)
        }
      } catch {
        throw options.fail(error, language)
      }
      for (reporter, (path, text)) in zip(reporters, texts) {
        do {
          try ReportPublisher.write(text, to: path)
        } catch {
          throw options.fail(error, language)
        }
        print(
          Message(
            vi: "Đã công bố \(options.content)/reports/\(period)/\(reporter).md.",
            en: "Published \(options.content)/reports/\(period)/\(reporter).md."
          ).text(language))
      }
      print(
        Message(
          vi: "Chạy 'plansite build' để đưa lên trang.",
          en: "Run 'plansite build' to put it on the site."
        ).text(language))
    }

    /// The drafts waiting, each with the command that publishes it.
    ///
    /// Without a period, a listing that succeeds (as the period's help
    /// promises), unless the content folder cannot be read or a report
    /// file does not load (a draft that does not load would be missing
    /// from the list): then their errors. With a period but no reporter,
    /// an error that names what is missing, with the period's drafts in
    /// its notes.
    private func listDrafts(_ language: Language) -> ExitCode {
      let loader = ContentLoader(directory: options.content)
      let listed = loader.list()
      guard let tree = listed.tree else {
        DiagnosticPrinter(language: language).print(listed.diagnostics)
        return ExitCode.failure
      }
      let loaded = loader.load(tree, listingDiagnostics: listed.diagnostics)
      let drafts = loaded.draft.reports
        .filter { $0.isDraft && (period == nil || $0.periodRef.value == period) }
        .map { options.publishCommand(period: $0.periodRef.value, reporter: $0.reporterRef.value) }
        .sorted()
      let folder = "\(options.content)/reports/" + (period.map { "\($0)/" } ?? "")
      let none = Message(
        vi: "không có bản nháp nào (draft: true) trong \(folder)",
        en: "there is no draft (draft: true) in \(folder)")
      let heading = Message(
        vi: "các bản nháp đang chờ công bố (\(drafts.count)):",
        en: "the drafts waiting to be published (\(drafts.count)):")
      guard let period else {
        let broken = loaded.diagnostics.filter {
          $0.severity == .error && $0.location.file.hasPrefix("\(options.content)/reports/")
        }
        if drafts.isEmpty {
          print(sentence(none.text(language)) + ".")
        } else {
          print(sentence(heading.text(language)))
          for draft in drafts { print("  \(draft)") }
          print(
            Message(
              vi: "Chạy lệnh tương ứng ở trên để công bố bản nháp, rồi chạy 'plansite build'.",
              en: "Run the matching command above to publish a draft, then 'plansite build'."
            ).text(language))
        }
        guard broken.isEmpty else {
          DiagnosticPrinter(language: language).print(broken)
          return ExitCode.failure
        }
        return ExitCode.success
      }
      var notes =
        drafts.isEmpty
        ? [Diagnostic.Note(none)]
        : [Diagnostic.Note(heading)]
          + drafts.prefix(20).map { Diagnostic.Note(vi: "  \($0)", en: "  \($0)") }
      if drafts.count > 20 {
        notes.append(
          Diagnostic.Note(
            vi: "  … và \(drafts.count - 20) bản nữa; 'plansite report publish' không ghi mã kỳ "
              + "liệt kê tất cả",
            en: "  … and \(drafts.count - 20) more; 'plansite report publish' without a period "
              + "lists them all"))
      }
      DiagnosticPrinter(language: language).print([
        .error(
          vi: "thiếu mã đơn vị của báo cáo cần công bố",
          en: "the reporter of the report to publish is missing",
          at: SourceLocation(file: "plansite report publish \(period)"), notes: notes)
      ])
      return ExitCode.validationFailure
    }

    /// A note's text as a line of its own: its first letter capitalized.
    private func sentence(_ text: String) -> String {
      text.prefix(1).uppercased() + text.dropFirst()
    }

    /// Refuses a report that a build with it would refuse: its errors are
    /// printed, and nothing is changed.
    private func checkBeforePublishing(
      period: String, reporters: [String], loaded: ContentLoader.Result, language: Language
    ) throws {
      let errors = options.checked(loaded).errors
      var printed: [Diagnostic] = []
      for reporter in reporters {
        let file = "reports/\(period)/\(reporter).md"
        let problems = errors.filter { $0.location.file.hasSuffix("/" + file) }
        guard !problems.isEmpty else { continue }
        printed +=
          problems.sortedForDisplay() + [
            .error(
              vi: "báo cáo này còn lỗi nên chưa được công bố: sửa các lỗi của nó rồi công bố lại",
              en:
                "this report has errors, so it was not published: mend its errors and publish again",
              at: SourceLocation(file: "\(options.content)/\(file)"))
          ]
      }
      guard !printed.isEmpty else { return }
      if reporters.count > 1 {
        printed.append(
          .error(
            vi: "chưa công bố báo cáo nào trong danh sách",
            en: "no report of the list was published",
            at: SourceLocation(file: "plansite report publish")))
      }
      DiagnosticPrinter(language: language).print(printed)
      throw ExitCode.failure
    }
  }
}
