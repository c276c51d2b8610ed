import SiteCore

/// Turns the strings of a `to:` list into assignees, reporting unknown and
/// redundant entries.
struct AssigneeResolver {
  private let agencies: [AgencyID: Agency]
  private let communes: [CommuneID: Commune]
  private let candidates: [Suggestion.Candidate]
  private let checkAgencies: Bool
  private let checkCommunes: Bool

  init(agencies: [Agency], communes: [Commune], checkAgencies: Bool, checkCommunes: Bool) {
    self.checkAgencies = checkAgencies
    self.checkCommunes = checkCommunes
    self.agencies = Dictionary(agencies.map { ($0.id, $0) }) { a, _ in a }
    self.communes = Dictionary(communes.map { ($0.id, $0) }) { a, _ in a }
    candidates =
      agencies.map { Suggestion.Candidate(id: $0.id.rawValue, name: $0.name) }
      + agencies.compactMap { agency in
        agency.shortName.map { Suggestion.Candidate(id: agency.id.rawValue, name: $0) }
      }
      + communes.map { Suggestion.Candidate(id: $0.id.rawValue, name: $0.fullName) }
      + Collective.allCases.flatMap { collective in
        ([collective.label] + collective.otherWordings).map {
          Suggestion.Candidate(id: collective.rawValue, name: $0)
        }
      }
  }

  func resolve(_ refs: [Located<String>], _ report: DiagnosticCollector) -> [Assignee] {
    var result: [Assignee] = []
    for ref in refs {
      let assignee: Assignee
      if let collective = Collective(rawValue: ref.value) {
        assignee = .collective(collective)
      } else if agencies[AgencyID(ref.value)] != nil {
        assignee = .agency(AgencyID(ref.value))
      } else if communes[CommuneID(ref.value)] != nil {
        assignee = .commune(CommuneID(ref.value))
      } else {
        if shouldReportUnknown(ref) { report.report(unknown(ref)) }
        continue
      }
      if result.contains(assignee) {
        report.warning(
          vi: "'\(ref.value)' được ghi hai lần", en: "'\(ref.value)' is listed twice",
          at: ref.location,
          notes: [Diagnostic.Note(vi: "xóa lần ghi thứ hai", en: "remove the second one")])
        continue
      }
      result.append(assignee)
    }
    reportRedundancy(result, refs, report)
    return result
  }

  /// With a registry file unreadable, an unknown id may be in it: report
  /// only when the id is clearly meant for the registry that was read.
  private func shouldReportUnknown(_ ref: Located<String>) -> Bool {
    if checkAgencies && checkCommunes { return true }
    guard let match = Suggestion.closest(to: ref.value, among: candidates) else { return false }
    return (checkAgencies && agencies[AgencyID(match.id)] != nil)
      || (checkCommunes && communes[CommuneID(match.id)] != nil)
  }

  private func unknown(_ ref: Located<String>) -> Diagnostic {
    let match = Suggestion.closest(to: ref.value, among: candidates)
    let kind: RegistryKind
    if let match {
      kind =
        agencies[AgencyID(match.id)] != nil
        ? .agency : communes[CommuneID(match.id)] != nil ? .commune : .assignee
    } else {
      kind = .assignee
    }
    var notes: [Diagnostic.Note] = []
    if let match {
      let name =
        agencies[AgencyID(match.id)]?.name ?? communes[CommuneID(match.id)]?.fullName
        ?? Collective(rawValue: match.id)?.label ?? match.name
      notes.append(didYouMean(Suggestion.Candidate(id: match.id, name: name)))
    } else {
      notes.append(
        Diagnostic.Note(
          vi: "dùng một mã trong agencies.yaml hoặc communes.yaml, hoặc all-agencies, "
            + "all-communes, all-xa, all-phuong, all-dac-khu",
          en: "use an id from agencies.yaml or communes.yaml, or all-agencies, all-communes, "
            + "all-xa, all-phuong, all-dac-khu"))
    }
    return unknownReferenceError(kind, ref, notes: notes)
  }

  /// Warns about communes and commune collectives already covered by another
  /// collective in the same list, which would show the same duty twice.
  private func reportRedundancy(
    _ assignees: [Assignee], _ refs: [Located<String>], _ report: DiagnosticCollector
  ) {
    let collectives = assignees.compactMap { if case .collective(let c) = $0 { c } else { nil } }
    guard !collectives.isEmpty else { return }
    for ref in refs {
      var coveredBy: Collective?
      // An agency named beside all-agencies is fine: agency pages show it once,
      // as named. Communes are different: their shared lists are rendered once.
      if let commune = communes[CommuneID(ref.value)] {
        coveredBy = collectives.first { $0.includes(commune.kind) }
      } else if let collective = Collective(rawValue: ref.value), collective != .allCommunes,
        collective != .allAgencies, collectives.contains(.allCommunes)
      {
        coveredBy = .allCommunes
      }
      if let coveredBy {
        report.warning(
          vi: "'\(ref.value)' đã nằm trong '\(coveredBy.rawValue)' ở cùng danh sách",
          en: "'\(ref.value)' is already included in '\(coveredBy.rawValue)' in the same list",
          at: ref.location,
          notes: [
            Diagnostic.Note(
              vi: "xóa '\(ref.value)', hoặc tách thành một dòng phân công riêng",
              en: "remove '\(ref.value)', or give it its own assignment")
          ])
      }
    }
  }
}
