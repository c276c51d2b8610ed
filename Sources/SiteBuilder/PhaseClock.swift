import Foundation

/// Times the phases of a build, as zola's `log_time` does.
struct PhaseClock {
  private var last = DispatchTime.now()
  private(set) var timings: [BuildResult.Timing] = []

  /// Records the time since the previous mark under `phase`, with the
  /// process's peak memory so far.
  mutating func mark(_ phase: String) {
    let now = DispatchTime.now()
    timings.append(
      BuildResult.Timing(
        phase: phase, seconds: Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9,
        peakMemory: Self.peakMemory()))
    last = now
  }

  /// The process's peak resident memory in bytes (`VmHWM` in
  /// `/proc/self/status`), or nil where there is no such file.
  static func peakMemory() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
    else { return nil }
    return kilobytes * 1024
  }
}
