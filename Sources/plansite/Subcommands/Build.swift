import ArgumentParser
import Foundation
import SiteBuilder
import SiteCore

extension PlansiteCommand {
  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: HelpText.text(
        "Dựng trang từ nội dung và mẫu trang vào thư mục xuất.",
        en: "Build the site from the content and templates into the output folder."),
      discussion: HelpText.text(
        "Có lỗi thì không ghi gì: thư mục xuất giữ bản dựng tốt gần nhất.",
        en: "Nothing is written if any error is found: the output folder keeps the last good "
          + "build."))

    @OptionGroup var options: ProjectOptions

    @Flag(
      help: HelpText.help(
        "Dựng lại mọi trang dù thay đổi gì (tệp có nội dung không đổi vẫn không bị ghi lại).",
        en: "Render every page again, whatever changed (unchanged files are still not "
          + "rewritten)."))
    var clean = false

    @Flag(help: HelpText.help("In thời gian của từng bước.", en: "Print how long each phase took."))
    var timings = false

    func validate() throws { try options.refuseDraftsInPublishedFolder() }

    func run() throws {
      var configuration = options.configuration
      configuration.leavesMemoryToExit = true
      var builder = SiteBuilder(configuration: configuration)
      let line = ProgressLine(language: options.language ?? .vi)
      builder.progress = line?.show
      let result = builder.build(clean: clean)
      line?.clear()
      let language = options.language(for: result)
      DiagnosticPrinter(language: language).print(result.diagnostics)
      guard result.published else {
        FileHandle.standardError.write(
          Data((BuildSummary.notPublished(output: options.output).text(language) + "\n").utf8))
        throw ExitCode.failure
      }
      if let foreign = BuildSummary.foreign(result, output: options.output) {
        DiagnosticPrinter(language: language).print([foreign])
      }
      print(BuildSummary.line(for: result, output: options.output).text(language))
      for note in result.notes { print(BuildSummary.note(note, language)) }
      if timings { for line in BuildSummary.timings(result) { print(line) } }
    }
  }
}

/// A progress line on a terminal ("Đang dựng: 1.234/11.952 tệp"), shown only
/// when standard output is a terminal and the build has run longer than a
/// moment; redrawn in place at most ten times a second, erased at the end.
final class ProgressLine: @unchecked Sendable {
  private let language: Language
  private let start = Date()
  private let lock = NSLock()
  private var lastDrawn = Date.distantPast
  private var phase = ""
  private var drawn = false

  /// Nil when standard output is not a terminal (nothing extra is printed).
  init?(language: Language) {
    guard isatty(STDOUT_FILENO) == 1 else { return nil }
    self.language = language
  }

  func show(_ progress: BuildProgress) {
    lock.withLock {
      let text: String
      switch progress {
      case .phase(let message):
        phase = message.text(language)
        text = phase
      case .files(let done, let total):
        text = Message(
          vi: "Đang dựng: \(done)/\(total) tệp", en: "Building: \(done)/\(total) files"
        ).text(language)
      case .published: return
      }
      let now = Date()
      guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastDrawn) > 0.1 else { return }
      lastDrawn = now
      drawn = true
      FileHandle.standardOutput.write(Data(("\r\u{1B}[2K" + text).utf8))
    }
  }

  func clear() {
    lock.withLock {
      if drawn { FileHandle.standardOutput.write(Data("\r\u{1B}[2K".utf8)) }
    }
  }
}
