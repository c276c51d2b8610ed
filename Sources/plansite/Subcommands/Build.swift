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

    @Flag(
      help: "Render every page again, whatever changed (unchanged files are still not rewritten).")
    var clean = false

    @Flag(help: "Print how long each phase took.")
    var timings = false

    func run() throws {
      let result = SiteBuilder(configuration: options.configuration).build(clean: clean)
      let language = options.language(for: result)
      DiagnosticPrinter(language: language).print(result.diagnostics)
      guard result.published else { throw ExitCode.failure }
      print(BuildSummary.line(for: result, output: options.output).text(language))
      for note in result.notes { print(BuildSummary.note(note, language)) }
      if timings { for line in BuildSummary.timings(result) { print(line) } }
    }
  }
}
