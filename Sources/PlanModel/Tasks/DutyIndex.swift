/// One assignment as seen from one assignee: "task 1.3, as lead, this text".
public struct Duty: Hashable, Sendable, Codable {
  /// The task.
  public var task: TaskID
  /// Which of the task's assignments (its position in `assignments`).
  public var assignment: Int
  /// The role the assignee plays.
  public var role: Assignment.Role
  /// The collective that brings the assignee in, or `nil` when it is named.
  public var via: Collective?
}

/// Who must do what, indexed by assignee: the "views" step of the pipeline.
///
/// An agency's duties are the assignments that name it or `all-agencies`.
/// A commune's duties come in three scopes: assignments that name it, those
/// for its kind (`all-xa`, `all-phuong`, `all-dac-khu`), and those for
/// `all-communes`. The last two are the same for many communes, so pages can
/// render them once; an assignment reaching a commune through a collective
/// is therefore left out of its "named" list, so nothing shows twice.
public struct DutyIndex: Sendable {
  private var agencyDuties: [AgencyID: [Duty]] = [:]
  private var communeDuties: [CommuneID: [Duty]] = [:]
  private var collectiveDuties: [Collective: [Duty]] = [:]

  /// An index of no duties.
  public init() {}

  public init(plan: Plan) {
    let allAgencyIDs = plan.agencies.map(\.id)
    let knownAgencies = Set(allAgencyIDs)
    for task in plan.tasks {
      for (index, assignment) in task.assignments.enumerated() {
        var named = Set<AgencyID>()
        var namedCommunes = [CommuneID]()
        var collectives = Set<Collective>()
        for assignee in assignment.assignees {
          switch assignee {
          case .agency(let id): named.insert(id)
          case .commune(let id): namedCommunes.append(id)
          case .collective(let c): collectives.insert(c)
          }
        }
        let duty = Duty(task: task.id, assignment: index, role: assignment.role, via: nil)
        // Agencies: named ones first-class; the rest through all-agencies.
        // (Each agency gets one duty per assignment, so the order in
        // which agencies are visited does not change any list.)
        if collectives.contains(.allAgencies) {
          var viaDuty = duty
          viaDuty.via = .allAgencies
          for id in allAgencyIDs {
            agencyDuties[id, default: []].append(named.contains(id) ? duty : viaDuty)
          }
        } else {
          for id in named where knownAgencies.contains(id) {
            agencyDuties[id, default: []].append(duty)
          }
        }
        for collective in Collective.allCases where collective != .allAgencies {
          if collectives.contains(collective) {
            var viaDuty = duty
            viaDuty.via = collective
            collectiveDuties[collective, default: []].append(viaDuty)
          }
        }
        for id in namedCommunes {
          guard let commune = plan.commune(id) else { continue }
          let reachedByCollective = collectives.contains { $0.includes(commune.kind) }
          if !reachedByCollective, communeDuties[id]?.last != duty {
            communeDuties[id, default: []].append(duty)
          }
        }
      }
    }
  }

  /// Every duty of an agency, in plan order.
  public func duties(of agency: AgencyID) -> [Duty] { agencyDuties[agency] ?? [] }

  /// The duties that name a commune and reach it through no collective.
  public func namedDuties(of commune: CommuneID) -> [Duty] { communeDuties[commune] ?? [] }

  /// The duties addressed to a collective (shared by all its members).
  public func duties(of collective: Collective) -> [Duty] { collectiveDuties[collective] ?? [] }

  /// The collectives that reach communes of `kind`, most specific first.
  public static func collectives(reaching kind: Commune.Kind) -> [Collective] {
    Collective.allCases.filter { $0 != .allCommunes && $0.includes(kind) } + [.allCommunes]
  }

  /// Whether a commune has any duty (`allDuties(of:)` is not empty),
  /// without listing the thousands it may share with others.
  public func hasDuties(_ commune: Commune) -> Bool {
    !namedDuties(of: commune.id).isEmpty
      || Self.collectives(reaching: commune.kind).contains { !duties(of: $0).isEmpty }
  }

  /// Every duty of a commune: named, then by kind, then for all communes.
  ///
  /// An assignment naming two collectives that both reach the commune is listed once, under the
  /// more specific one.
  public func allDuties(of commune: Commune) -> [Duty] {
    var seen = Set<AssignmentKey>()
    let ordered =
      namedDuties(of: commune.id)
      + Self.collectives(reaching: commune.kind).flatMap { duties(of: $0) }
    return ordered.filter { seen.insert(AssignmentKey($0)).inserted }
  }

  /// `allDuties(of:).count` for each of `communes`, without listing them:
  /// the duties shared by a kind of commune are counted once per kind.
  public func dutyCounts(of communes: [Commune]) -> [Int] {
    var shared: [Commune.Kind: Set<AssignmentKey>] = [:]
    return communes.map { commune in
      let common =
        shared[commune.kind]
        ?? Set(
          Self.collectives(reaching: commune.kind).flatMap { duties(of: $0) }.map(
            AssignmentKey.init))
      shared[commune.kind] = common
      let named = Set(namedDuties(of: commune.id).map(AssignmentKey.init))
      // Counted by looking each named duty up: `named.subtracting(common)`
      // went through the thousands of shared duties for each commune.
      return common.count + named.reduce(0) { $0 + (common.contains($1) ? 0 : 1) }
    }
  }

  /// One assignment of one task: what a duty list shows once.
  private struct AssignmentKey: Hashable {
    var task: TaskID
    var index: Int

    init(_ duty: Duty) {
      task = duty.task
      index = duty.assignment
    }
  }
}
