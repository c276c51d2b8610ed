import PlanModel
import SiteCore
import TestSupport
import Testing

@testable import SiteRenderer

/// A commune's summary worked out from the entries it changes
/// (`StatusSummary.replacing`) is the summary of all its entries counted
/// again, whatever the changes: a latest date replaced or kept, statuses
/// judged on the build date, partial means, entries added.
@Suite struct StatusSummaryTests {
  @Test func replacingSomeEntriesGivesTheSummaryOfAll() throws {
    var generator = SeededGenerator(seed: 2026)
    let days = try (1...6).map { try #require(Day(year: 2026, month: 3, day: $0 * 4)) }
    let today = try #require(Day(year: 2026, month: 3, day: 20))
    let statuses: [TaskStatus?] = [nil, .notStarted, .inProgress, .done]
    func random() -> ShownStatus {
      let progress =
        Bool.random(using: &generator) ? Int.random(in: 0...100, using: &generator) : nil
      let state = TaskState(
        status: statuses.randomElement(using: &generator) ?? nil, progress: progress,
        doneOn: days.randomElement(using: &generator),
        asOf: Bool.random(using: &generator) ? days.randomElement(using: &generator) : nil,
        source: .reports, deciding: 3, decidingDone: 1,
        progressFrom: Int.random(in: 1...3, using: &generator))
      return ShownStatus(
        state,
        deadline: Bool.random(using: &generator) ? days.randomElement(using: &generator) : nil,
        today: today)
    }
    var fallbacks = 0
    for round in 0..<400 {
      var all: [Int: ShownStatus] = [:]
      for key in 0..<Int.random(in: 0...40, using: &generator) { all[key] = random() }
      var changes: [Int: ShownStatus] = [:]
      for _ in 0..<Int.random(in: 0...10, using: &generator) {
        changes[Int.random(in: 0...50, using: &generator)] = random()
      }
      let expected = StatusSummary(
        all.map { changes[$0.key] ?? $0.value } + changes.filter { all[$0.key] == nil }.values)
      let summary = StatusSummary(Array(all.values))
      #expect(StatusSummary.replacing(changes, in: all, summary: summary) == expected, "\(round)")
      if changes.keys.contains(where: { all[$0]?.asOf != nil && all[$0]?.asOf == summary.asOf }) {
        fallbacks += 1
      }
    }
    // Both ways were taken: by the changes alone, and counting again.
    #expect(fallbacks > 10 && fallbacks < 390)
  }
}
