import ArgumentParser
import Foundation
import PreviewServer
import SiteBuilder
import SiteCore

extension PlansiteCommand {
  struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: HelpText.text(
        "Xem trước trang tại http://127.0.0.1:PORT/, dựng lại và tải lại sau mỗi thay đổi.",
        en: "Preview the site on http://127.0.0.1:PORT/, rebuilding and reloading on every "
          + "change."),
      discussion: HelpText.text(
        "Chỉ máy này kết nối được (127.0.0.1). Bản xem trước có cả báo cáo nháp nên được dựng "
          + "vào thư mục riêng (Site.preview/ bên cạnh Site/): Site/ giữ nguyên bản dựng bằng "
          + "'plansite build', không bao giờ có bản nháp. Đoạn mã tải lại trang chỉ được thêm vào "
          + "khi gửi trang đi, không ghi vào tệp.",
        en: "Only this computer can connect (127.0.0.1). The preview shows draft reports, so it "
          + "is built in a folder of its own (Site.preview/ beside Site/): Site/ keeps what "
          + "'plansite build' made and never holds a draft. The reload script is added to pages "
          + "as they are served, never written to the files."))

    @OptionGroup var options: ProjectOptions

    @Option(help: HelpText.help("Cổng để xem trước.", en: "The port to listen on.", value: "cổng"))
    var port: UInt16 = 8000

    @Flag(
      help: HelpText.help(
        "Nhận biết thay đổi bằng cách kiểm tra định kỳ thay vì inotify.",
        en: "Notice changes by polling instead of inotify."))
    var poll = false

    @Flag(
      help: HelpText.help(
        "In thời gian của từng bước trong mỗi lần dựng lại.",
        en: "Print how long each phase of each rebuild took."))
    var timings = false

    func run() async throws {
      // A preview shows draft reports (the compiling office reviews them
      // here), so it is built in a folder of its own: the output folder
      // keeps what a plain build made, and whoever copies it to the web
      // server never publishes a report nobody approved.
      let output = ProjectOptions.previewFolder(for: options.outputFolder)
      var configuration = options.configuration
      configuration.outputDirectory = output
      configuration.includesDrafts = true
      configuration.servedFromRoot = true
      let language = options.language ?? .vi
      guard PreviewServer.isFree(port) else {
        let next = port == UInt16.max ? port - 1 : port + 1
        FileHandle.standardError.write(
          Data(
            (Message(
              vi: "lỗi: cổng \(port) đang được dùng; thử --port \(next)",
              en: "error: port \(port) is in use; try --port \(next)"
            ).text(language) + "\n").utf8))
        throw ExitCode.failure
      }
      let server = try PreviewServer(root: output, port: port)
      let session = WatchSession(configuration: configuration, polling: poll)
      let serverTask = Task { try await server.run() }
      let stop = StopSignal {
        session.stop()
        serverTask.cancel()
      }
      try await server.waitUntilListening()
      print(
        Message(
          vi: "Đang phục vụ \(output)/ tại http://127.0.0.1:\(port)/ ; Ctrl-C để dừng.",
          en: "Serving \(output)/ on http://127.0.0.1:\(port)/ ; Ctrl-C stops."
        ).text(language))
      fflush(nil)
      let watching = Task.detached {
        // Each step of a build is announced as soon as it is live, with the
        // files it changed: an open page reloads when its own file is new
        // (the edited task's page first, the other pages, the data files).
        // Every published build announces itself so; a failed one is
        // announced with its problems.
        session.run(
          published: { files in waitFor { await server.published(files) } }
        ) { event in
          WatchReport.print(
            event, output: output, language: options.language(for: event.result), timings: timings)
          guard event.result.failed else { return }
          let problems = event.result.diagnostics.formatted(
            options.language(for: event.result), color: false)
          waitFor { await server.failed(problems) }
        }
      }
      await watching.value
      WatchReport.finish(session, output: output, language: language)
      serverTask.cancel()
      stop.cancel()
      print(WatchReport.stopped.text(language))
    }
  }
}

/// Runs `work` on the concurrency pool and waits for it (from the watch
/// loop's thread, which is not part of the pool).
private func waitFor(_ work: @escaping @Sendable () async -> Void) {
  let done = DispatchSemaphore(value: 0)
  Task {
    await work()
    done.signal()
  }
  done.wait()
}
