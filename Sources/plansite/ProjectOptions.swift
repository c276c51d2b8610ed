import ArgumentParser
import Foundation
import PlanModel
import SiteBuilder
import SiteCore
import SiteRenderer

extension Language: ExpressibleByArgument {}
extension TemplateSet.Engine: ExpressibleByArgument {}

/// `--content`: every command reads the content folder.
struct ContentFolderOption: ParsableArguments {
  @Option(
    name: .customLong("content"),
    help: HelpText.help("Thư mục nội dung.", en: "The content folder.", value: "thư mục"))
  var typed = "Content"
  /// The folder, without the trailing slash a shell adds (`Site/` is `Site`).
  var path: String { BuildConfiguration.folder(typed) }
}

/// The folders and switches every command shares.
struct ProjectOptions: ParsableArguments {
  @OptionGroup var contentOption: ContentFolderOption
  var content: String { contentOption.path }

  @Option(
    name: .customLong("templates"),
    help: HelpText.help("Thư mục mẫu trang.", en: "The templates folder.", value: "thư mục"))
  var templatesTyped = "Templates"
  /// The folder, without the trailing slash a shell adds (`Site/` is `Site`).
  var templates: String { BuildConfiguration.folder(templatesTyped) }

  @Option(
    name: .customLong("output"),
    help: HelpText.help(
      "Thư mục xuất trang (mặc định: Site; với --drafts: Site.drafts).",
      en: "The output folder (default: Site; with --drafts: Site.drafts).", value: "thư mục"))
  var outputTyped: String?
  /// The folder named, without the trailing slash a shell adds (`Site/` is
  /// `Site`): `Site` unless `--output` names another.
  var outputFolder: String { BuildConfiguration.folder(outputTyped ?? "Site") }
  /// Where the site is built: the output folder, but a build with drafts
  /// not told where goes beside it, to `Site.drafts/`, so that `Site/`,
  /// the folder copied to the web server, never holds a draft report
  /// nobody approved. (Not `serve`'s `Site.preview/`: that one is built to
  /// be served from its root, and a build beside a running `serve` would
  /// write over it.)
  var output: String {
    drafts && outputTyped == nil ? Self.besideOutput(outputFolder, ".drafts") : outputFolder
  }

  /// The preview's folder beside the output folder: `Site.preview` for `Site`.
  static func previewFolder(for output: String) -> String {
    besideOutput(output, ".preview")
  }

  /// A folder named after the output folder: `Site.drafts` for `Site`.
  private static func besideOutput(_ output: String, _ suffix: String) -> String {
    var base = output
    while base.count > 1, base.hasSuffix("/") { base.removeLast() }
    return base + suffix
  }

  @Flag(help: HelpText.help("Coi cảnh báo là lỗi.", en: "Treat warnings as errors."))
  var strict = false

  @Option(
    help: HelpText.help(
      "Ngày dùng để xét nhiệm vụ quá hạn (YYYY-MM-DD hoặc DD/MM/YYYY).",
      en: "The date tasks are judged overdue against (YYYY-MM-DD or DD/MM/YYYY).", value: "ngày",
      discussion: (
        "Mặc định: theo SOURCE_DATE_EPOCH nếu có, nếu không thì ngày hôm nay.",
        "Defaults to SOURCE_DATE_EPOCH if set, else today's date."
      )))
  var today: String?

  @Option(
    name: .customLong("lang"),
    help: HelpText.help(
      "Ngôn ngữ của thông báo: vi hoặc en.", en: "The language of messages: vi or en.",
      value: "ngôn ngữ",
      discussion: (
        "Mặc định: ngôn ngữ của trang (language: trong site.yaml), tiếng Việt nếu không ghi.",
        "Defaults to the site's language (language: in site.yaml), Vietnamese if unset."
      )))
  var language: Language?

  @Flag(
    help: HelpText.help(
      "Đưa cả báo cáo nháp (draft: true) lên trang, để xem lại trước khi công bố.",
      en: "Publish draft reports too (draft: true), to review them before they go out."))
  var drafts = false

  /// For benchmarks and checks: swift-mustache renders every page (the
  /// same bytes, slower).
  @Option(help: .hidden)
  var templateEngine: TemplateSet.Engine = .compiled

  func validate() throws {
    let language = self.language ?? .vi
    if let today, Self.day(today) == nil {
      throw ValidationError(
        Message(
          vi: "--today phải là một ngày có thật, viết dạng 2026-12-31 hoặc 31/12/2026, không phải "
            + "'\(today)'",
          en: "--today must be a real date written YYYY-MM-DD or DD/MM/YYYY, not '\(today)'"
        ).text(language))
    }
    if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], today == nil,
      Int(epoch) == nil
    {
      throw ValidationError(
        Message(
          vi: "biến môi trường SOURCE_DATE_EPOCH phải là một số giây (ví dụ 1764460800), không "
            + "phải '\(epoch)'",
          en: "the SOURCE_DATE_EPOCH environment variable must be a number of seconds (such as "
            + "1764460800), not '\(epoch)'"
        ).text(language))
    }
  }

  /// `build` and `watch` with `--drafts` and `--output` naming a folder
  /// `Site`: that is the name of the folder copied to the web server, which
  /// must never hold a draft report nobody approved (`serve` builds beside
  /// it, so it does not ask).
  func refuseDraftsInPublishedFolder() throws {
    guard drafts, outputTyped != nil,
      URL(fileURLWithPath: outputFolder).lastPathComponent.lowercased() == "site"
    else { return }
    throw ValidationError(
      Message(
        vi: "--drafts không ghi vào \(outputFolder)/: đó là thư mục đưa lên máy chủ web, không "
          + "được có báo cáo nháp chưa duyệt; bỏ --output (bản xem trước ghi vào "
          + "\(Self.besideOutput("Site", ".drafts"))/) hoặc ghi tên thư mục khác",
        en: "--drafts does not write into \(outputFolder)/: that is the folder copied to the web "
          + "server, which must hold no unapproved draft; leave out --output (the preview goes to "
          + "\(Self.besideOutput("Site", ".drafts"))/) or name another folder"
      ).text(language ?? .vi))
  }

  /// A `--today` value: `2026-12-31`, or `31/12/2026` as content files and
  /// `report import --date` take it.
  static func day(_ text: String) -> Day? {
    if case .valid(let day) = DayText.parse(text) { return day }
    return nil
  }

  /// The build date: `--today`, else `SOURCE_DATE_EPOCH`, else the clock (local time).
  var buildDay: Day { Self.buildDay(today: today) }

  /// The build date for a `--today` value (nil: `SOURCE_DATE_EPOCH`, else the clock).
  static func buildDay(today: String?) -> Day {
    if let today, let day = day(today) { return day }
    var seconds = time(nil)
    var useUTC = false
    if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let value = Int(epoch)
    {
      seconds = time_t(value)
      useUTC = true
    }
    var parts = tm()
    if useUTC { gmtime_r(&seconds, &parts) } else { localtime_r(&seconds, &parts) }
    return Day(
      year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
      ?? Day.unixEpoch
  }

  var configuration: BuildConfiguration {
    var configuration = BuildConfiguration(
      contentDirectory: content, templatesDirectory: templates, outputDirectory: output,
      strict: strict, today: buildDay, includesDrafts: drafts)
    configuration.templateEngine = templateEngine
    return configuration
  }

  /// The language to print in: `--lang`, else the one the build found.
  func language(for result: BuildResult) -> Language {
    language ?? result.language
  }
}
