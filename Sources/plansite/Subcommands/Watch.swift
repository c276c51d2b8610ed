import ArgumentParser
import Dispatch
import Foundation
import SiteBuilder
import SiteCore

extension PlansiteCommand {
  struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: HelpText.text(
        "Dựng, rồi dựng lại mỗi khi nội dung hay mẫu trang thay đổi (Ctrl-C để dừng).",
        en: "Build, then rebuild whenever content or templates change (Ctrl-C to stop)."),
      discussion: HelpText.text(
        "Lỗi nội dung được in ra và trang tốt gần nhất được giữ; lần lưu sửa xong lỗi sẽ xuất "
          + "bản lại.",
        en: "Content errors are printed and the last good site is kept; the next save that "
          + "fixes them publishes again."))

    @OptionGroup var options: ProjectOptions

    @Flag(
      help: HelpText.help(
        "Nhận biết thay đổi bằng cách kiểm tra định kỳ thay vì inotify (cho ổ đĩa mạng).",
        en: "Notice changes by polling instead of inotify (for network drives)."))
    var poll = false

    @Flag(
      help: HelpText.help(
        "In thời gian của từng bước trong mỗi lần dựng lại.",
        en: "Print how long each phase of each rebuild took."))
    var timings = false

    func validate() throws { try options.refuseDraftsInPublishedFolder() }

    func run() throws {
      let session = WatchSession(configuration: options.configuration, polling: poll)
      let stop = StopSignal { session.stop() }
      let language = options.language ?? .vi
      let how = session.usesInotify ? "inotify" : "polling"
      print(
        Message(
          vi: "Đang theo dõi thay đổi trong \(options.content)/ và \(options.templates)/ (\(how)); "
            + "Ctrl-C để dừng.",
          en: "Watching \(options.content)/ and \(options.templates)/ (\(how)); Ctrl-C stops."
        ).text(language))
      var spoken = language
      session.run { event in
        spoken = options.language(for: event.result)
        WatchReport.print(event, output: options.output, language: spoken, timings: timings)
      }
      WatchReport.finish(session, output: options.output, language: spoken)
      stop.cancel()
      print(WatchReport.stopped.text(spoken))
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
  static let stopped = Message(vi: "Đã dừng.", en: "Stopped.")

  /// Removes the spare output folder on the way out, saying so (it takes a
  /// few seconds for a site of many thousand pages).
  static func finish(_ session: WatchSession, output: String, language: Language) {
    Swift.print(
      Message(
        vi: "Đang dừng: xóa \(output).staging/ (bản dựng trước)…",
        en: "Stopping: removing \(output).staging/ (the previous build)…"
      ).text(language))
    fflush(nil)
    let problems = session.finish()
    if !problems.isEmpty { DiagnosticPrinter(language: language).print(problems) }
  }

  /// With `timings`, each phase's time follows (as `build --timings` prints them).
  static func print(
    _ event: WatchSession.Event, output: String, language: Language, timings: Bool = false
  ) {
    let formatter = DateFormatter()
    formatter.dateFormat = "HH:mm:ss"
    let time = formatter.string(from: Date())
    let names = event.changed.map { name -> String in
      switch name {
      case WatchSession.startMarker: Message(vi: "(khởi động)", en: "(start)").text(language)
      case WatchSession.touchedMarker:
        Message(vi: "(tệp được lưu lại)", en: "(files touched)").text(language)
      default: name
      }
    }
    let more = names.count - 3
    let what =
      names.count <= 3
      ? names.joined(separator: ", ")
      : names.prefix(3).joined(separator: ", ")
        + Message(vi: " và \(more) tệp khác", en: " and \(more) more").text(language)
    let result = event.result
    if !result.diagnostics.isEmpty {
      DiagnosticPrinter(language: language).print(result.diagnostics)
    }
    if let foreign = BuildSummary.foreign(result, output: output) {
      DiagnosticPrinter(language: language).print([foreign])
    }
    let outcome: Message
    if result.failed {
      outcome = Message(
        vi: "chưa xuất bản: hãy sửa các lỗi ở trên (\(output)/ giữ bản dựng tốt gần nhất)",
        en: "not published: fix the errors above (\(output)/ keeps the last good build)")
    } else if result.upToDate {
      outcome = Message(vi: "không có gì thay đổi", en: "nothing to do")
    } else {
      let written = result.report?.written.count ?? 0
      let removed = result.report?.removed.count ?? 0
      outcome = Message(
        vi: "dựng lại \(result.renderedPages) trang, ghi \(written) tệp, xóa \(removed)",
        en: "rendered \(result.renderedPages) pages, wrote \(written) files, removed \(removed)")
    }
    let milliseconds = Message(
      vi: " trong \(event.milliseconds) ms", en: " in \(event.milliseconds) ms")
    Swift.print("[\(time)] \(what): " + (outcome + milliseconds).text(language))
    if timings { for line in BuildSummary.timings(result) { Swift.print(line) } }
    fflush(nil)
  }
}
