extension Plan {
  /// The roles `reporter` holds in `task`: named in an assignment, or
  /// reached through a collective (all agencies, all communes, all xã …).
  public func roles(of reporter: Reporter, in task: PlanTask) -> Set<Assignment.Role> {
    var roles = Set<Assignment.Role>()
    for assignment in task.assignments where holds(reporter, assignment) {
      roles.insert(assignment.role)
    }
    return roles
  }

  /// The deadline of `reporter`'s part of `task`.
  ///
  /// The earliest of its own assignments' deadlines, else the task's. Its
  /// own status on the task, its form's row and the done-late check read it.
  public func deadline(of task: PlanTask, for reporter: Reporter) -> Day? {
    earliestDeadline(task.assignments, for: reporter) ?? task.deadline
  }

  /// `deadline(of:for:)` of the task `id`, read in place (for each of a
  /// report's lines); nil for an id not in the plan.
  public func deadline(of id: TaskID, for reporter: Reporter) -> Day? {
    guard let place = place(of: id) else { return nil }
    // The two parts read in place: handing the task itself on copied it
    // (each of its fields retained) for each line.
    return earliestDeadline(tasks[place].assignments, for: reporter) ?? tasks[place].deadline
  }

  /// The earliest deadline of the assignments `reporter` holds, if any
  /// states one.
  private func earliestDeadline(_ assignments: [Assignment], for reporter: Reporter) -> Day? {
    // By index, so that no assignment is copied (its text and source
    // retained) for each of a report's lines.
    // Whether the body holds an assignment is asked only of those with a
    // deadline of their own (few, or none: most plans date tasks, not
    // assignments), since it looks the body up.
    var earliest: Day?
    for index in assignments.indices {
      guard let deadline = assignments[index].deadline, earliest.map({ deadline < $0 }) ?? true,
        holds(reporter, assignees: assignments[index].assignees)
      else { continue }
      earliest = deadline
    }
    return earliest
  }

  /// The place of a body among all bodies that hold tasks: agencies in
  /// registry order, then communes (`HolderTable`'s bits, and each report
  /// entry's body in `ReportIndex`); nil for a body the plan does not list.
  func bodyPlace(of reporter: Reporter) -> Int? {
    switch reporter {
    case .agency(let id): place(of: id)
    case .commune(let id): place(of: id).map { agencies.count + $0 }
    }
  }

  /// Whether `reporter` holds any assignment of the task at `place` in `tasks`.
  ///
  /// `roles` without gathering them into a set, for each of a report's
  /// thousands of lines.
  func holdsAny(_ reporter: Reporter, taskAt place: Int) -> Bool {
    let assignments = tasks[place].assignments
    return assignments.indices.contains { holds(reporter, assignees: assignments[$0].assignees) }
  }

  /// Whether `reporter` is addressed by `assignment`.
  public func holds(_ reporter: Reporter, _ assignment: Assignment) -> Bool {
    holds(reporter, assignees: assignment.assignees)
  }

  /// Whether `reporter` is one of `assignees` or in one of their collectives.
  private func holds(_ reporter: Reporter, assignees: [Assignee]) -> Bool {
    for assignee in assignees {
      switch (assignee, reporter) {
      case (.agency(let a), .agency(let b)) where a == b: return true
      case (.commune(let a), .commune(let b)) where a == b: return true
      case (.collective(let collective), .agency):
        if collective.includesAgencies { return true }
      case (.collective(let collective), .commune(let id)):
        // The kind read in place, not the commune copied out.
        if let place = place(of: id), collective.includes(communes[place].kind) { return true }
      default: continue
      }
    }
    return false
  }

  /// Every body holding `task`, with its roles: agencies in registry order,
  /// then communes.
  ///
  /// Roles are gathered as bits by each body's place in the plan, not in
  /// sets by id: a task addressed to all communes has a hundred holders,
  /// and this is asked for each task page (`deciderPlaces(of:)` reads the
  /// same bits).
  public func holders(of task: PlanTask) -> [(reporter: Reporter, roles: RoleSet)] {
    holderPlaces(of: task).compactMap { holder in
      body(at: holder.place).map { ($0, holder.roles) }
    }
  }

  /// `holders(of:)` by each body's place (`bodyPlace(of:)`), without
  /// making the body.
  public func holderPlaces(of task: PlanTask) -> [(place: Int, roles: RoleSet)] {
    var holders: [(place: Int, roles: RoleSet)] = []
    for (place, bits) in roleBits(of: task).enumerated() where bits != 0 {
      holders.append((place, RoleSet(bits: bits)))
    }
    return holders
  }

  /// The body at `place` among all bodies (`bodyPlace(of:)`).
  public func body(at place: Int) -> Reporter? {
    if agencies.indices.contains(place) { return .agency(agencies[place].id) }
    let commune = place - agencies.count
    return communes.indices.contains(commune) ? .commune(communes[commune].id) : nil
  }

  /// The places of the bodies that decide whether `task` is done.
  ///
  /// Those who lead it or carry it out, else every holder, each at its
  /// `bodyPlace(of:)`: `holders(of:)` without making a body, a set of
  /// roles or a lookup for each holder (asked for every task with reports).
  public func deciderPlaces(of task: PlanTask) -> [Int] {
    let places = roleBits(of: task)
    let deciding = RoleSet.bit(.lead) | RoleSet.bit(.implement)
    let deciders = places.indices.filter { places[$0] & deciding != 0 }
    return deciders.isEmpty ? places.indices.filter { places[$0] != 0 } : deciders
  }

  /// The roles each body holds in `task`, as bits, by the body's place
  /// among all bodies (`bodyPlace(of:)`: agencies, then communes).
  private func roleBits(of task: PlanTask) -> [UInt8] {
    var roles = [UInt8](repeating: 0, count: agencies.count + communes.count)
    let firstCommune = agencies.count
    for assignment in task.assignments {
      let bit = RoleSet.bit(assignment.role)
      for assignee in assignment.assignees {
        switch assignee {
        case .agency(let id):
          if let place = place(of: id) { roles[place] |= bit }
        case .commune(let id):
          if let place = place(of: id) { roles[firstCommune + place] |= bit }
        case .collective(let collective):
          if collective.includesAgencies {
            for place in agencies.indices { roles[place] |= bit }
          } else {
            for (place, commune) in communes.enumerated() where collective.includes(commune.kind) {
              roles[firstCommune + place] |= bit
            }
          }
        }
      }
    }
    return roles
  }

  /// The reporter's name: `Sở Tài chính`, `Xã Anh Sơn`.
  public func name(of reporter: Reporter) -> String {
    // Read in place: `agency(_:)` and `commune(_:)` copy the whole body
    // out (each of its strings retained), and this is asked for each entry
    // of each task's timeline and each holder on each task page.
    switch reporter {
    case .agency(let id): place(of: id).map { agencies[$0].name } ?? id.rawValue
    case .commune(let id): place(of: id).map { communes[$0].fullName } ?? id.rawValue
    }
  }
}

extension Plan {
  /// How the plan names a collective: its own words when `plan.md` gives
  /// them (`collective_labels`), else plansite's.
  public func label(of collective: Collective) -> String {
    document.collectiveLabels[collective.rawValue] ?? collective.label
  }
}

/// Which body holds which task, as bits: a row of words per task, a bit per
/// body (`Plan.bodyPlace(of:)`), set where the body holds any assignment of
/// the task, named or through a collective; the same answer as
/// `Plan.holdsAny(_:taskAt:)`.
///
/// Made once for the report checks, which ask it for each of hundreds of
/// thousands of lines: asked through each task's assignments, every line
/// read two arrays from all over memory (a tenth of the checks' time,
/// most of it waiting for memory).
struct HolderTable: Sendable {
  private let words: Int
  private let bits: [UInt64]

  init(_ plan: Plan) {
    let bodies = plan.agencies.count + plan.communes.count
    let words = (bodies + 63) / 64
    self.words = words
    // The bits of each collective, made once.
    var collectives: [Collective: [UInt64]] = [:]
    for collective in Collective.allCases {
      var row = [UInt64](repeating: 0, count: words)
      if collective.includesAgencies {
        for place in plan.agencies.indices { row[place / 64] |= 1 << UInt64(place % 64) }
      }
      for (index, commune) in plan.communes.enumerated() where collective.includes(commune.kind) {
        let place = plan.agencies.count + index
        row[place / 64] |= 1 << UInt64(place % 64)
      }
      collectives[collective] = row
    }
    var bits = [UInt64](repeating: 0, count: plan.tasks.count * words)
    for (task, item) in plan.tasks.enumerated() {
      let start = task * words
      for assignment in item.assignments {
        for assignee in assignment.assignees {
          let body: Reporter
          switch assignee {
          case .agency(let id): body = .agency(id)
          case .commune(let id): body = .commune(id)
          case .collective(let collective):
            for (offset, word) in (collectives[collective] ?? []).enumerated() {
              bits[start + offset] |= word
            }
            continue
          }
          if let place = plan.bodyPlace(of: body) {
            bits[start + place / 64] |= 1 << UInt64(place % 64)
          }
        }
      }
    }
    self.bits = bits
  }

  /// Whether the body at `body` (`Plan.bodyPlace(of:)`) holds the task at
  /// `place`; false for places out of the plan.
  func holds(_ body: Int, taskAt place: Int) -> Bool {
    guard body >= 0, body < words * 64, place >= 0 else { return false }
    let index = place * words + body / 64
    guard index < bits.count else { return false }
    return bits[index] & (1 << UInt64(body % 64)) != 0
  }
}
