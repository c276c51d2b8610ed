import Foundation
import SiteBuilder
import SiteCore

/// The lines a build prints: what changed and how long it took, and notes.
enum BuildSummary {
  static func line(for result: BuildResult, output: String) -> Message {
    let total = result.timings.reduce(0) { $0 + $1.seconds }
    let time = String(format: "%.0f ms", total * 1000)
    if result.upToDate {
      return Message(
        vi: "\(output)/ đã mới nhất, không có gì cần dựng lại (kiểm tra trong \(time))",
        en: "\(output)/ is up to date (checked in \(time))")
    }
    let report = result.report
    let written = report?.written.count ?? 0
    let removed = report?.removed.count ?? 0
    let kept = report?.unchanged ?? 0
    let megabytes = Double(report?.writtenBytes ?? 0) / 1_000_000
    let english = String(format: "%.1f MB", megabytes)
    let vietnamese = english.replacingOccurrences(of: ".", with: ",")
    return Message(
      vi: "Đã dựng \(result.pageCount) trang vào \(output)/ trong \(time): dựng lại "
        + "\(result.renderedPages) trang, ghi \(written) tệp (\(vietnamese)), xóa \(removed), "
        + "giữ nguyên \(kept)",
      en: "Built \(result.pageCount) pages into \(output)/ in \(time): rendered "
        + "\(result.renderedPages), wrote \(written) files (\(english)), removed \(removed), "
        + "kept \(kept)")
  }

  /// What a build that stopped on errors did to the output folder: nothing
  /// (said, so that an editor does not fear for the published site).
  static func notPublished(output: String) -> Message {
    let exists = FileManager.default.fileExists(atPath: output)
    return exists
      ? Message(
        vi:
          "Chưa dựng lại: \(output)/ vẫn giữ nguyên bản dựng trước. Sửa các lỗi trên rồi chạy lại.",
        en: "Nothing was built: \(output)/ still holds the previous build. Fix the errors above "
          + "and run again.")
      : Message(
        vi: "Chưa dựng: sửa các lỗi trên rồi chạy lại.",
        en: "Nothing was built: fix the errors above and run again.")
  }

  /// A warning for the files at the top of the output folder that no
  /// build made (a `.htaccess` put there by hand): the new folder does not
  /// have them.
  static func foreign(_ result: BuildResult, output: String) -> Diagnostic? {
    guard let names = result.report?.foreign, !names.isEmpty else { return nil }
    let list = names.map { "'\($0)'" }.joined(separator: ", ")
    return .warning(
      vi: "\(output)/ có \(list) không do plansite làm ra nên không có trong bản dựng mới",
      en: "\(output)/ held \(list), which plansite did not make, so the new build does not",
      at: SourceLocation(file: output + "/" + names[0]),
      notes: [
        Diagnostic.Note(
          vi: "mỗi lần dựng thay cả thư mục \(output)/: đặt các tệp đó ở thư mục trên máy chủ web, "
            + "hoặc ghi vào cấu hình máy chủ (xem docs/deploy.md)",
          en: "each build replaces the whole \(output)/ folder: keep such files in the web "
            + "server's folder, or in the server's configuration (see docs/deploy.md)")
      ])
  }

  /// A note line: `ghi chú: …`.
  static func note(_ message: Message, _ language: Language) -> String {
    "\(Diagnostic.Note.label(language)): \(message.text(language))"
  }

  /// The time each phase took (for developers: `--timings`).
  static func timings(_ result: BuildResult) -> [String] {
    result.timings.map { timing in
      "  " + timing.phase.padding(toLength: 18, withPad: " ", startingAt: 0)
        + String(format: "%7.3f s", timing.seconds)
        + (timing.peakMemory.map { String(format: "  (peak %5d MiB)", $0 >> 20) } ?? "")
    }
  }
}
