import ArgumentParser
import Dispatch
import Foundation
import SiteBuilder

extension PlansiteCommand {
  struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Build, then rebuild whenever content or templates change (Ctrl-C to stop).",
      discussion: """
        Content errors are printed and the last good site is kept; the next save that \
        fixes them publishes again.
        """)

    @OptionGroup var options: ProjectOptions

    @Flag(help: "Notice changes by polling instead of inotify (for network drives).")
    var poll = false

    func run() throws {
      let session = WatchSession(configuration: options.configuration, polling: poll)
      let stop = StopSignal { session.stop() }
      print(
        "Watching \(options.content)/ and \(options.templates)/ "
          + (session.usesInotify ? "(inotify)" : "(polling)") + "; Ctrl-C stops.")
      session.run { event in WatchReport.print(event, output: options.output) }
      WatchReport.finish(session, output: options.output)
      stop.cancel()
      print("Stopped.")
    }
  }
}

/// Runs `action` on Ctrl-C or `kill` (SIGINT, SIGTERM) instead of dying mid-build.
final class StopSignal: @unchecked Sendable {
  private var sources: [DispatchSourceSignal] = []

  init(_ action: @escaping @Sendable () -> Void) {
    for number in [SIGINT, SIGTERM] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler(handler: action)
      source.resume()
      sources.append(source)
    }
  }

  func cancel() {
    for source in sources { source.cancel() }
  }
}

/// The one line `watch` and `serve` print per rebuild.
enum WatchReport {
  /// Removes the spare output folder on the way out, saying so (it takes a
  /// few seconds for a site of many thousand pages).
  static func finish(_ session: WatchSession, output: String) {
    Swift.print("Stopping: removing \(output).staging/ (the previous build)…")
    fflush(nil)
    let problems = session.finish()
    if !problems.isEmpty { DiagnosticPrinter().print(problems) }
  }

  static func print(_ event: WatchSession.Event, output: String) {
    let formatter = DateFormatter()
    formatter.dateFormat = "HH:mm:ss"
    let time = formatter.string(from: Date())
    let what =
      event.changed.count <= 3
      ? event.changed.joined(separator: ", ")
      : event.changed.prefix(3).joined(separator: ", ") + " and \(event.changed.count - 3) more"
    let result = event.result
    if !result.diagnostics.isEmpty { DiagnosticPrinter().print(result.diagnostics) }
    let outcome: String
    if result.failed {
      outcome = "not published: fix the errors above (\(output)/ keeps the last good build)"
    } else if result.upToDate {
      outcome = "nothing to do"
    } else {
      let report = result.report
      outcome =
        "rendered \(result.renderedPages) pages, wrote \(report?.written.count ?? 0) files, "
        + "removed \(report?.removed.count ?? 0)"
    }
    Swift.print("[\(time)] \(what): \(outcome) in \(event.milliseconds) ms")
    fflush(nil)
  }
}
