import PlanModel
import SiteCore
import Testing

/// `Plan.holders(of:)` against `roles(of:in:)`, which reads each
/// assignment on its own: the same bodies with the same roles, in the
/// plan's order (agencies, then communes).
@Suite struct HoldersTests {
  /// Tasks addressed every way: named bodies, collectives, a body twice.
  static let tasks: [(id: String, assignments: [([String], Assignment.Role)])] = [
    ("1.1", [(["all-agencies", "all-communes"], .implement), (["so-a"], .lead)]),
    ("1.2", [(["so-b", "all-agencies"], .support), (["xa-1"], .implement)]),
    ("1.3", [(["all-xa"], .implement), (["phuong-1"], .lead), (["xa-2"], .support)]),
    ("1.4", [(["so-b"], .lead), (["so-a", "so-b"], .support), (["all-phuong"], .support)]),
    ("1.5", [(["xa-2", "xa-1"], .lead)]),
    ("1.9", [(["so-a"], .support), (["all-phuong"], .support)]),
  ]

  func plan() throws -> Plan {
    let draft = Drafts.draft(tasks: Self.tasks)
    let result = PlanValidator().validate(draft)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    return try #require(result.plan)
  }

  @Test func holdersAreEveryBodyWithItsRoles() throws {
    let plan = try plan()
    let bodies =
      plan.agencies.map { Reporter.agency($0.id) } + plan.communes.map { .commune($0.id) }
    for task in plan.tasks {
      let expected = bodies.compactMap { body in
        let roles = plan.roles(of: body, in: task)
        return roles.isEmpty ? nil : (body, roles)
      }
      let holders = plan.holders(of: task)
      #expect(holders.map(\.reporter) == expected.map(\.0), "\(task.id)")
      #expect(holders.map { Set($0.roles.roles) } == expected.map(\.1), "\(task.id)")
      #expect(
        holders.map { $0.roles.roles }
          == expected.map { _, roles in
            Assignment.Role.allCases.filter { roles.contains($0) }
          })
      // By place: the same bodies, agencies first, then communes.
      #expect(
        plan.holderPlaces(of: task).map { plan.body(at: $0.place) } == holders.map(\.reporter))
      #expect(
        plan.holderPlaces(of: task).map(\.place)
          == holders.compactMap { holder in bodies.firstIndex(of: holder.reporter) })
    }
  }

  /// A body's deadline is the earliest of the dated assignments it holds,
  /// else the task's: checked against `holds(_:_:)` for every body and
  /// task, with every second assignment dated (later ones earlier).
  @Test func aBodysDeadlineIsItsEarliestAssignmentsElseTheTasks() throws {
    var draft = Drafts.draft(tasks: Self.tasks)
    let at = SourceLocation(file: "tasks/1.md", line: 1)
    for task in draft.tasks.indices {
      draft.tasks[task].deadline = Located(try Drafts.day("2026-12-31"), at: at)
      for index in draft.tasks[task].assignments.indices where index % 2 == 0 || task == 3 {
        let day = try Drafts.day("2026-0\(9 - index - task % 2)-15")
        draft.tasks[task].assignments[index].deadline = Located(day, at: at)
      }
    }
    // (With warnings: the test plan is issued in 1970, so deadlines in
    // 2026 are "more than 30 years after" it.)
    let plan = try #require(PlanValidator().validate(draft).plan)
    let bodies =
      plan.agencies.map { Reporter.agency($0.id) } + plan.communes.map { .commune($0.id) }
    var fromAssignments = 0
    for task in plan.tasks {
      for body in bodies {
        let held = task.assignments.filter { plan.holds(body, $0) }.compactMap(\.deadline)
        #expect(plan.deadline(of: task, for: body) == (held.min() ?? task.deadline))
        #expect(plan.deadline(of: task.id, for: body) == (held.min() ?? task.deadline))
        if !held.isEmpty { fromAssignments += 1 }
      }
    }
    #expect(fromAssignments > 10)
  }

  /// The deciders' places are the holders who lead or carry the task out
  /// (else all its holders), each at its place: agencies in registry
  /// order, then communes.
  @Test func decidersAreTheLeadsAndImplementersElseEveryHolder() throws {
    let plan = try plan()
    func place(_ body: Reporter) -> Int? {
      switch body {
      case .agency(let id): plan.agencies.firstIndex { $0.id == id }
      case .commune(let id):
        plan.communes.firstIndex { $0.id == id }.map { plan.agencies.count + $0 }
      }
    }
    var supportOnly = 0
    for task in plan.tasks {
      let holders = plan.holders(of: task)
      let deciding = holders.filter { $0.roles.contains(.lead) || $0.roles.contains(.implement) }
      if deciding.isEmpty { supportOnly += 1 }
      let expected = (deciding.isEmpty ? holders : deciding).compactMap { place($0.reporter) }
      #expect(plan.deciderPlaces(of: task) == expected, "\(task.id)")
    }
    #expect(supportOnly == 1)
    let supported = try #require(plan.task(TaskID("1.9")))
    #expect(plan.deciderPlaces(of: supported).count == plan.holders(of: supported).count)
  }

  @Test func aBodyNamedTwiceHoldsBothRoles() throws {
    let plan = try plan()
    let task = try #require(plan.task(TaskID("1.4")))
    let holders = plan.holders(of: task)
    #expect(
      holders.map(\.reporter) == [
        .agency(AgencyID("so-a")), .agency(AgencyID("so-b")),
        .commune(CommuneID("phuong-1")),
      ])
    #expect(holders.map(\.roles.roles) == [[.support], [.lead, .support], [.support]])
    #expect(
      holders.map(\.roles) == [
        RoleSet([.support]), RoleSet([.support, .lead]), RoleSet([.support]),
      ])
  }
}
