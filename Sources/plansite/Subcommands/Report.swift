import ArgumentParser
import ContentLoader
import Foundation
import PlanModel
import ReportForms
import SiteCore

extension PlansiteCommand {
  /// `plansite report form|import|publish`: reports from offices that work in spreadsheets.
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Fill-in report forms for offices: make them, import them, publish the drafts.",
      discussion: "The guide for offices is docs/bao-cao.md.",
      subcommands: [Form.self, Import.self, Publish.self])
  }
}

/// What the report commands share: the content folder, the build date, the language.
struct ReportOptions: ParsableArguments {
  @Option(help: "The content folder.")
  var content = "Content"

  @Option(
    help: ArgumentHelp(
      "The date reports are checked against (YYYY-MM-DD).",
      discussion: "Defaults to SOURCE_DATE_EPOCH if set, else today's date."))
  var today: String?

  @Option(name: .customLong("lang"), help: "The language of messages: vi or en.")
  var language: Language?

  var project: ProjectOptions {
    var options = ProjectOptions()
    options.content = content
    options.today = today
    options.language = language
    return options
  }

  /// The plan with its draft reports, or the content's errors printed and a failure.
  func plan() throws -> (Plan, Language) {
    let loaded = ContentLoader(directory: content).load()
    let language =
      self.language ?? loaded.draft.site.map { Language(siteLanguage: $0.language) } ?? .vi
    let checked = PlanValidator(today: project.buildDay, includeDrafts: true).validate(loaded.draft)
    let errors = (loaded.diagnostics + checked.diagnostics).filter { $0.severity == .error }
    guard errors.isEmpty, let plan = checked.plan else {
      DiagnosticPrinter(language: language).print(errors.sortedForDisplay())
      throw ExitCode.failure
    }
    return (plan, language)
  }

  func fail(_ error: DiagnosticError, _ language: Language) -> ExitCode {
    DiagnosticPrinter(language: language).print(error.diagnostics)
    return ExitCode.failure
  }
}

extension PlansiteCommand.Report {
  struct Form: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a fill-in form for one period and one or more reporters.")

    @OptionGroup var options: ReportOptions

    @Option(help: "The reporting period's id (from reporting.yaml).")
    var period: String

    @Option(
      help: ArgumentHelp(
        "Who reports: an agency or commune id, a list (a,b), or all-agencies, all-communes …"))
    var from: String

    @Option(help: "The file to write (default: bao-cao-<period>-<from>.xlsx).")
    var output: String?

    @Option(help: "xlsx or csv (default: from the output's name, else xlsx).")
    var format: String?

    func run() throws {
      let (plan, language) = try options.plan()
      do {
        let period = try FormTarget.period(self.period, in: plan)
        let reporters = try FormTarget.reporters(from, in: plan)
        let format =
          self.format.flatMap(FormFormat.init(rawValue:))
          ?? output.flatMap(FormFormat.init(fileName:)) ?? .xlsx
        let path =
          output ?? ReportForm.defaultFileName(period: period.id, from: from, format: format)
        let form = ReportForm(plan: plan, period: period, reporters: reporters)
        let compiler = plan.schedule?.compiler.flatMap { plan.agency($0)?.name }
        let bytes = try form.bytes(format, compiler: compiler)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
          throw DiagnosticError(
            .error(
              vi: "không ghi được tệp '\(path)'", en: "cannot write '\(path)'",
              at: SourceLocation(file: path)))
        }
        print(
          Message(
            vi: "Đã ghi biểu mẫu \(path): \(form.rowCount) dòng, kỳ \(period.name).",
            en: "Wrote the form \(path): \(form.rowCount) rows, period \(period.name)."
          ).text(language))
      } catch let error as DiagnosticError {
        throw options.fail(error, language)
      }
    }
  }

  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check a filled form and write it as a draft report (draft: true).")

    @OptionGroup var options: ReportOptions

    @Argument(help: "The filled form (.xlsx or .csv).")
    var file: String

    @Option(help: "The report's issue date (YYYY-MM-DD or DD/MM/YYYY).")
    var date: String

    @Option(help: "The report's document number (\"Báo cáo số 45/BC-STC\").")
    var document: String?

    @Option(name: .customLong("source-url"), help: "Where the signed report can be read.")
    var sourceURL: String?

    @Option(help: "A Markdown file with the report's summary.")
    var summary: String?

    @Option(help: "The period, when the form has no \"Kỳ báo cáo\" column.")
    var period: String?

    @Option(help: "The reporter, when the form has no \"Mã đơn vị\" column.")
    var from: String?

    @Flag(help: "Replace an existing report of the same period and reporter.")
    var replace = false

    @Flag(name: .customLong("dry-run"), help: "Print what would change; write nothing.")
    var dryRun = false

    func run() throws {
      let language = options.language ?? .vi
      guard case .valid(let day) = DayText.parse(date) else {
        throw ValidationError(
          Message(
            vi:
              "--date phải là một ngày có thật (2026-07-08 hoặc 08/07/2026), không phải '\(date)'",
            en: "--date must be a real date (2026-07-08 or 08/07/2026), not '\(date)'"
          ).text(language))
      }
      var summaryText = ""
      if let summary {
        guard let data = FileManager.default.contents(atPath: summary),
          let text = String(data: data, encoding: .utf8)
        else {
          throw options.fail(
            DiagnosticError(
              .error(
                vi: "không đọc được tệp tóm tắt '\(summary)' (cần UTF-8)",
                en: "cannot read the summary file '\(summary)' (UTF-8 needed)",
                at: SourceLocation(file: summary))), language)
        }
        summaryText = text.nfc
      }
      guard let data = FileManager.default.contents(atPath: file) else {
        throw options.fail(
          DiagnosticError(
            .error(
              vi: "không mở được tệp '\(file)'", en: "cannot open '\(file)'",
              at: SourceLocation(file: file))), language)
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
            vi: "Chưa ghi gì: sửa biểu mẫu rồi nhập lại.",
            en: "Nothing was written: correct the form and import it again."
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
      for written in outcome.files {
        print(
          Message(
            vi: "Đã ghi bản nháp \(options.content)/\(written.path)"
              + (written.withdraws
                ? " (thay báo cáo đã công bố: báo cáo đó không còn trên trang cho đến khi công bố "
                  + "bản này)"
                : written.replaces ? " (thay báo cáo cũ)" : "")
              + ". Xem bằng 'plansite serve', rồi công bố bằng 'plansite report publish'.",
            en: "Wrote the draft \(options.content)/\(written.path)"
              + (written.withdraws
                ? " (replacing the published report: it is off the site until this one is "
                  + "published)"
                : written.replaces ? " (replacing the old report)" : "")
              + ". Review it with 'plansite serve', then 'plansite report publish'."
          ).text(language))
      }
    }
  }

  struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Publish a draft report: remove its draft: true line.")

    @OptionGroup var options: ReportOptions

    @Argument(help: "The period's id.")
    var period: String

    @Argument(help: "The reporter's id.")
    var reporter: String

    func run() throws {
      let language = options.language ?? .vi
      do {
        try ReportPublisher.publish(content: options.content, period: period, reporter: reporter)
      } catch {
        throw options.fail(error, language)
      }
      print(
        Message(
          vi:
            "Đã công bố \(options.content)/reports/\(period)/\(reporter).md: chạy 'plansite build' "
            + "để đưa lên trang.",
          en: "Published \(options.content)/reports/\(period)/\(reporter).md: run 'plansite build' "
            + "to put it on the site."
        ).text(language))
    }
  }
}
