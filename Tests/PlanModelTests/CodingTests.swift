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

  /// A report line's draft is stored as a list of its fields: it comes
  /// back as written, with every optional field present and absent, a
  /// change of any one field changes its digest, and a stored property
  /// added fails here until its coding writes it.
  @Test func taskUpdateDraftsRoundTripAndEachFieldCounts() throws {
    let at = SourceLocation(file: "Content/reports/2026-6t/so-noi-vu.md", line: 7, column: 3)
    let source = SourceRef(path: "reports/2026-6t/so-noi-vu.md", location: at)
    let day = try #require(Day(year: 2026, month: 6, day: 30))
    var full = PlanDraft.TaskUpdateDraft(
      task: Located("1-3", at: at), status: Located(.done, at: at),
      progress: Located(100, at: at), doneOn: Located(day, at: at),
      text: RichText(markdown: "Đã xong", html: "<p>Đã xong</p>"), source: source)
    full.doneOnUnreadable = true
    let bare = PlanDraft.TaskUpdateDraft(
      task: full.task, status: nil, progress: nil, doneOn: nil, text: .empty, source: source)
    var drafts = [full, bare]
    for index in 0..<Mirror(reflecting: full).children.count {
      var changed = full
      switch index {
      case 0: changed.task = Located("1-4", at: at)
      case 1: changed.status = Located(.inProgress, at: at)
      case 2: changed.progress = Located(90, at: at)
      case 3: changed.doneOn = Located(day.next, at: at)
      case 4: changed.doneOnUnreadable = false
      case 5: changed.text = .empty
      default:
        changed.source = SourceRef(
          path: source.path, location: SourceLocation(file: at.file, line: 8, column: 3))
      }
      drafts.append(changed)
    }
    let bytes = try BinaryCoding.encode(drafts)
    let decoded = try BinaryCoding.decode([PlanDraft.TaskUpdateDraft].self, from: bytes)
    #expect(try BinaryCoding.encode(decoded) == bytes)
    #expect(decoded.map(\.doneOnUnreadable) == drafts.map(\.doneOnUnreadable))
    #expect(decoded.map { $0.status?.value } == drafts.map { $0.status?.value })
    #expect(Set(drafts.map(Digest.of)).count == drafts.count)
    #expect(
      Mirror(reflecting: full).children.map(\.label) == [
        "task", "status", "progress", "doneOn", "doneOnUnreadable", "text", "source",
      ])
  }

  /// Tasks, assignments and their drafts are stored and digested as lists
  /// of their fields: each comes back as written, with every optional field
  /// present and absent, a change of any one field changes a task's digest,
  /// and a stored property added fails here until its coding writes it.
  @Test func tasksAndTheirDraftsRoundTripAndEachFieldCounts() throws {
    let day = try #require(Day(year: 2026, month: 12, day: 31))
    let at = SourceLocation(file: "Content/tasks/01/1-1.md", line: 4, column: 3)
    let source = SourceRef(path: "tasks/01/1-1.md", location: at)
    let text = RichText(markdown: "Chủ trì", html: "<p>Chủ trì</p>")
    let assignment = Assignment(
      assignees: [.agency(AgencyID("so-noi-vu")), .collective(.allCommunes)], role: .lead,
      text: text, deadline: day, source: source, label: "Các sở, ngành")
    let full = PlanTask(
      id: TaskID("1.1"), slug: "1-1", group: GroupID("1"), title: "Nhiệm vụ", body: text,
      assignments: [assignment], deadline: day, status: .inProgress, progress: 40,
      indicators: [IndicatorID("ct-1")], source: source)
    let bare = PlanTask(
      id: full.id, slug: full.slug, group: full.group, title: full.title, body: .empty,
      assignments: [Assignment(assignees: [], role: .support, text: .empty, source: source)],
      source: source)
    var tasks = [full, bare]
    for index in 0..<Mirror(reflecting: full).children.count {
      var changed = full
      switch index {
      case 0: changed.id = TaskID("1.2")
      case 1: changed.slug = "1-2"
      case 2: changed.group = GroupID("2")
      case 3: changed.title = "Khác"
      case 4: changed.body = .empty
      case 5: changed.assignments[0].role = .support
      case 6: changed.deadline = nil
      case 7: changed.status = .done
      case 8: changed.progress = nil
      case 9: changed.indicators = []
      default: changed.source.path = "tasks/01/1-2.md"
      }
      tasks.append(changed)
    }
    let assignments = [
      assignment, bare.assignments[0],
      Assignment(
        assignees: assignment.assignees, role: .lead, text: text, deadline: day, source: source),
    ]
    #expect(try BinaryCoding.decode([PlanTask].self, from: BinaryCoding.encode(tasks)) == tasks)
    #expect(Set(tasks.map(Digest.of)).count == tasks.count)
    #expect(
      try BinaryCoding.decode([Assignment].self, from: BinaryCoding.encode(assignments))
        == assignments)
    #expect(Set(assignments.map(Digest.of)).count == assignments.count)
    #expect(
      Mirror(reflecting: full).children.map(\.label) == [
        "id", "slug", "group", "title", "body", "assignments", "deadline", "status", "progress",
        "indicators", "source",
      ])
    #expect(
      Mirror(reflecting: assignment).children.map(\.label) == [
        "assignees", "role", "text", "deadline", "source", "label",
      ])

    let assignmentDraft = PlanDraft.AssignmentDraft(
      to: [Located("so-noi-vu", at: at)], role: .implement, text: text,
      deadline: Located(day, at: at), source: source, label: "UBND các xã")
    let drafts = [
      PlanDraft.TaskDraft(
        id: Located("1.1", at: at), folder: "01", groupRef: Located("1", at: at), title: "A",
        body: text, assignments: [assignmentDraft], deadline: Located(day, at: at),
        status: Located(.done, at: at), progress: Located(100, at: at),
        indicatorRefs: [Located("ct-1", at: at)], source: source),
      PlanDraft.TaskDraft(
        id: Located("1.1", at: at), folder: "01", groupRef: nil, title: "A", body: .empty,
        assignments: [
          PlanDraft.AssignmentDraft(
            to: [], role: .lead, text: .empty, deadline: nil, source: source)
        ], deadline: nil, status: nil, progress: nil, indicatorRefs: [], source: source),
    ]
    let stored = try BinaryCoding.encode(drafts)
    let back = try BinaryCoding.decode([PlanDraft.TaskDraft].self, from: stored)
    #expect(try BinaryCoding.encode(back) == stored)
    #expect(back.map(\.groupRef?.value) == ["1", nil])
    #expect(back.map(\.progress?.value) == [100, nil])
    #expect(back.map { $0.assignments.map(\.label) } == [["UBND các xã"], [nil]])
    #expect(
      Mirror(reflecting: drafts[0]).children.map(\.label) == [
        "id", "folder", "groupRef", "title", "body", "assignments", "deadline", "status",
        "progress", "indicatorRefs", "source",
      ])
    #expect(
      Mirror(reflecting: assignmentDraft).children.map(\.label) == [
        "to", "role", "text", "deadline", "source", "label",
      ])
  }
}
