import ArgumentParser
import Foundation
import SiteBuilder
import SiteCore

extension PlansiteCommand {
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: HelpText.text(
        "Kiểm tra nội dung và mẫu trang, không ghi gì.",
        en: "Check the content and templates for problems without writing anything."))

    @OptionGroup var options: ProjectOptions

    @Flag(
      help: HelpText.help(
        "Dựng thử mọi trang trong bộ nhớ (tìm lỗi của mẫu trang; không ghi gì).",
        en: "Also render every page in memory (catches template problems; writes nothing)."))
    var render = false

    @Flag(help: HelpText.help("In thời gian của từng bước.", en: "Print how long each phase took."))
    var timings = false

    func run() throws {
      let result = SiteBuilder(configuration: options.configuration).check(renderingPages: render)
      let language = options.language(for: result)
      if timings { for line in BuildSummary.timings(result) { print(line) } }
      DiagnosticPrinter(language: language).print(result.diagnostics)
      if result.failed { throw ExitCode.failure }
      if result.diagnostics.isEmpty {
        print(Message(vi: "Không phát hiện lỗi nào.", en: "No problems found.").text(language))
      }
    }
  }
}
