import PlanModel
import SiteCore
import Testing

/// Values with a hand-written stored form (dates as one number, assignees
/// as a list) come back as they were, and different values never share a
/// digest.
@Suite struct ModelCodingTests {
  @Test func datesRoundTripAsOneNumber() throws {
    var days: [Day] = []
    var day = try #require(Day(year: 1, month: 1, day: 1))
    days.append(day)
    day = try #require(Day(year: 2023, month: 12, day: 25))
    for _ in 0..<800 {
      days.append(day)
      day = day.next
    }
    days.append(try #require(Day(year: 9999, month: 12, day: 31)))
    #expect(try BinaryCoding.decode([Day].self, from: BinaryCoding.encode(days)) == days)
    #expect(Set(days.map(Digest.of)).count == days.count)
    // A stored number that is no date is refused, not turned into one.
    #expect(throws: (any Error).self) {
      try BinaryCoding.decode(Day.self, from: BinaryCoding.encode(20_260_230))
    }
  }

  @Test func assigneesRoundTripAsTheirKindAndId() throws {
    let assignees: [Assignee] =
      [.agency(AgencyID("so-noi-vu")), .commune(CommuneID("so-noi-vu")), .agency(AgencyID(""))]
      + Collective.allCases.map { .collective($0) }
    #expect(
      try BinaryCoding.decode([Assignee].self, from: BinaryCoding.encode(assignees)) == assignees)
    #expect(Set(assignees.map(Digest.of)).count == assignees.count)
    #expect(throws: (any Error).self) {
      try BinaryCoding.decode(Assignee.self, from: BinaryCoding.encode(["collective", "all-xyz"]))
    }
  }
}
