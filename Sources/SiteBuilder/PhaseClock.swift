import Foundation

/// Times the phases of a build, as zola's `log_time` does.
struct PhaseClock {
  private var last = DispatchTime.now()
  private(set) var timings: [(phase: String, seconds: Double)] = []

  /// Records the time since the previous mark under `phase`.
  mutating func mark(_ phase: String) {
    let now = DispatchTime.now()
    timings.append((phase, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
    last = now
  }
}
