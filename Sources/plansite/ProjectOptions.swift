import ArgumentParser
import Foundation
import PlanModel
import SiteBuilder

/// The folders and switches every command shares.
struct ProjectOptions: ParsableArguments {
  @Option(help: "The content folder.")
  var content = "Content"

  @Option(help: "The templates folder.")
  var templates = "Templates"

  @Option(help: "The output folder.")
  var output = "Site"

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  @Option(
    help: ArgumentHelp(
      "The date tasks are judged overdue against (YYYY-MM-DD).",
      discussion: "Defaults to SOURCE_DATE_EPOCH if set, else today's date."))
  var today: String?

  func validate() throws {
    if let today, Day(iso: today) == nil {
      throw ValidationError("--today must be a real date written YYYY-MM-DD, not '\(today)'")
    }
  }

  /// The build date: `--today`, else `SOURCE_DATE_EPOCH`, else the clock (local time).
  var buildDay: Day {
    if let today, let day = Day(iso: today) { return day }
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
    BuildConfiguration(
      contentDirectory: content, templatesDirectory: templates, outputDirectory: output,
      strict: strict, today: buildDay)
  }
}
