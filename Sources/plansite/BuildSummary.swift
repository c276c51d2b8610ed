import Foundation
import SiteBuilder

/// The one line a build prints: what changed and how long it took.
enum BuildSummary {
  static func line(for result: BuildResult, output: String) -> String {
    let total = result.timings.reduce(0) { $0 + $1.seconds }
    let time = String(format: "%.0f ms", total * 1000)
    if result.upToDate { return "\(output)/ is up to date (checked in \(time))" }
    let report = result.report
    let written = report?.written.count ?? 0
    let removed = report?.removed.count ?? 0
    let megabytes = String(format: "%.1f MB", Double(report?.writtenBytes ?? 0) / 1_000_000)
    return
      "Built \(result.pageCount) pages into \(output)/ in \(time): rendered \(result.renderedPages), "
      + "wrote \(written) files (\(megabytes)), removed \(removed), kept \(report?.unchanged ?? 0)"
  }
}
