import ArgumentParser
import SiteBuilder

extension PlansiteCommand {
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check the content and templates for problems without writing anything.")

    @OptionGroup var options: ProjectOptions

    func run() throws {
      let result = SiteBuilder(configuration: options.configuration).check()
      DiagnosticPrinter().print(result.diagnostics)
      if result.failed { throw ExitCode.failure }
      if result.diagnostics.isEmpty { print("No problems found.") }
    }
  }
}
