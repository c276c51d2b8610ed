import ArgumentParser
import Foundation
import SiteBuilder

extension PlansiteCommand {
  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Build the site from the content and templates into the output folder.",
      discussion: """
        Nothing is written if any error is found: the output folder keeps the last good build.
        """)

    @OptionGroup var options: ProjectOptions

    @Flag(help: "Print how long each phase took.")
    var timings = false

    func run() throws {
      let result = SiteBuilder(configuration: options.configuration).build()
      DiagnosticPrinter().print(result.diagnostics)
      guard result.published else { throw ExitCode.failure }
      let megabytes = Double(result.byteCount) / 1_000_000
      let total = result.timings.reduce(0) { $0 + $1.seconds }
      print(
        "Built \(result.pageCount) pages (\(result.fileCount) files, "
          + String(format: "%.1f MB", megabytes) + ") into \(options.output)/ in "
          + String(format: "%.2f s", total))
      for note in result.notes { print("note: \(note)") }
      if timings {
        for (phase, seconds) in result.timings {
          print("  " + phase.padding(toLength: 18, withPad: " ", startingAt: 0)
            + String(format: "%7.3f s", seconds))
        }
      }
    }
  }
}
