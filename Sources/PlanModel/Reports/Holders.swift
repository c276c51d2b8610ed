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

  /// Whether `reporter` is addressed by `assignment`.
  public func holds(_ reporter: Reporter, _ assignment: Assignment) -> Bool {
    for assignee in assignment.assignees {
      switch (assignee, reporter) {
      case (.agency(let a), .agency(let b)) where a == b: return true
      case (.commune(let a), .commune(let b)) where a == b: return true
      case (.collective(let collective), .agency):
        if collective.includesAgencies { return true }
      case (.collective(let collective), .commune(let id)):
        if let commune = commune(id), collective.includes(commune.kind) { return true }
      default: continue
      }
    }
    return false
  }

  /// Every body holding `task`, with its roles: agencies in registry order,
  /// then communes.
  public func holders(of task: PlanTask) -> [(reporter: Reporter, roles: Set<Assignment.Role>)] {
    var agencyRoles: [AgencyID: Set<Assignment.Role>] = [:]
    var communeRoles: [CommuneID: Set<Assignment.Role>] = [:]
    for assignment in task.assignments {
      for assignee in assignment.assignees {
        switch assignee {
        case .agency(let id): agencyRoles[id, default: []].insert(assignment.role)
        case .commune(let id): communeRoles[id, default: []].insert(assignment.role)
        case .collective(let collective):
          if collective.includesAgencies {
            for agency in agencies { agencyRoles[agency.id, default: []].insert(assignment.role) }
          } else {
            for commune in communes where collective.includes(commune.kind) {
              communeRoles[commune.id, default: []].insert(assignment.role)
            }
          }
        }
      }
    }
    return agencies.compactMap { agency in agencyRoles[agency.id].map { (.agency(agency.id), $0) } }
      + communes.compactMap { commune in
        communeRoles[commune.id].map { (.commune(commune.id), $0) }
      }
  }

  /// The reporter's name: `Sở Tài chính`, `Xã Anh Sơn`.
  public func name(of reporter: Reporter) -> String {
    switch reporter {
    case .agency(let id): agency(id)?.name ?? id.rawValue
    case .commune(let id): commune(id)?.fullName ?? id.rawValue
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
