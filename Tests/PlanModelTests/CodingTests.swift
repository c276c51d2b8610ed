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

  /// `Day` and `RichText` write their fields by hand: a stored property
  /// added to either must be added to its coding too (a new assignee case
  /// is a compile error in its `encode(to:)`), and this test, which counts
  /// them, fails until it is.
  @Test func handWrittenCodingsCoverEveryStoredProperty() throws {
    let day = try #require(Day(year: 2026, month: 12, day: 1))
    #expect(Mirror(reflecting: day).children.map(\.label) == ["year", "month", "day"])
    // The digest is the Markdown's, worked out again when decoded.
    #expect(
      Mirror(reflecting: RichText(markdown: "a", html: "<p>a</p>")).children.map(\.label) == [
        "markdown", "html", "digest",
      ])
  }

  @Test func richTextRoundTripsWithItsDigest() throws {
    let texts = [
      RichText.empty,
      RichText(markdown: "**Sở** Nội vụ", html: "<p><strong>Sở</strong> Nội vụ</p>"),
      RichText(markdown: String(repeating: "Đoạn văn dài. ", count: 100), html: ""),
    ]
    let back = try BinaryCoding.decode([RichText].self, from: BinaryCoding.encode(texts))
    #expect(back == texts)
    #expect(back.map(\.digest) == texts.map(\.digest))
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

  /// Reporters are stored as assignees are; a collective is no reporter.
  @Test func reportersRoundTripAsTheirKindAndId() throws {
    let reporters: [Reporter] = [
      .agency(AgencyID("so-noi-vu")), .commune(CommuneID("so-noi-vu")), .agency(AgencyID("")),
    ]
    #expect(
      try BinaryCoding.decode([Reporter].self, from: BinaryCoding.encode(reporters)) == reporters)
    #expect(Set(reporters.map(Digest.of)).count == reporters.count)
    #expect(throws: (any Error).self) {
      try BinaryCoding.decode(
        Reporter.self, from: BinaryCoding.encode(Assignee.collective(.allCommunes)))
    }
  }

  /// A report's entries, every optional field present and absent, come
  /// back as written, and a change of any one field changes the digest.
  @Test func taskUpdatesRoundTripAndEachFieldCounts() throws {
    let day = try #require(Day(year: 2026, month: 6, day: 30))
    let source = SourceRef(
      path: "reports/2026-6t/so-noi-vu.md",
      location: SourceLocation(file: "Content/reports/2026-6t/so-noi-vu.md", line: 7, column: 3))
    let full = TaskUpdate(
      task: TaskID("1-3"), status: .done, progress: 100, doneOn: day,
      text: RichText(markdown: "Đã xong", html: "<p>Đã xong</p>"), source: source)
    let empty = TaskUpdate(
      task: TaskID("1-3"), status: nil, progress: nil, doneOn: nil, text: .empty, source: source)
    var changed = [full, empty]
    changed.append(
      TaskUpdate(
        task: TaskID("1-4"), status: .done, progress: 100, doneOn: day, text: full.text,
        source: source))
    changed.append(
      TaskUpdate(
        task: full.task, status: .inProgress, progress: 100, doneOn: day, text: full.text,
        source: source))
    changed.append(
      TaskUpdate(
        task: full.task, status: .done, progress: 90, doneOn: day, text: full.text, source: source))
    changed.append(
      TaskUpdate(
        task: full.task, status: .done, progress: 100, doneOn: day.next, text: full.text,
        source: source))
    changed.append(
      TaskUpdate(
        task: full.task, status: .done, progress: 100, doneOn: day, text: .empty, source: source))
    changed.append(
      TaskUpdate(
        task: full.task, status: .done, progress: 100, doneOn: day, text: full.text,
        source: SourceRef(path: source.path, location: SourceLocation(file: source.path, line: 8))))
    #expect(
      try BinaryCoding.decode([TaskUpdate].self, from: BinaryCoding.encode(changed)) == changed)
    #expect(Set(changed.map(Digest.of)).count == changed.count)
    #expect(
      Mirror(reflecting: full).children.map(\.label) == [
        "task", "status", "progress", "doneOn", "text", "source",
      ])
    #expect(Mirror(reflecting: source).children.map(\.label) == ["path", "location"])
  }
}
