import ArgumentParser
import Foundation
import SiteBuilder

extension PlansiteCommand {
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check the content and templates for problems without writing anything.")

    @OptionGroup var options: ProjectOptions

    @Flag(help: "Also render every page in memory (catches template problems; writes nothing).")
    var render = false

    @Flag(help: "Print how long each phase took.")
    var timings = false

    func run() throws {
      let result = SiteBuilder(configuration: options.configuration).check(renderingPages: render)
      if timings {
        for (phase, seconds) in result.timings {
          print(
            "  " + phase.padding(toLength: 18, withPad: " ", startingAt: 0)
              + String(format: "%7.3f s", seconds))
        }
      }
      DiagnosticPrinter().print(result.diagnostics)
      if result.failed { throw ExitCode.failure }
      if result.diagnostics.isEmpty { print("No problems found.") }
    }
  }
}
