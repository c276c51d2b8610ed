import SiteCore

/// Cross-checks a `PlanDraft` and builds the `Plan`: unique ids, ids safe as
/// folder names, every reference resolved, every task assigned.
///
/// It reports every problem it finds in one pass; a plan is returned only
/// when there is no error (warnings are allowed through).
public struct PlanValidator: Sendable {
  public init() {}

  public func validate(_ draft: PlanDraft) -> (plan: Plan?, diagnostics: [Diagnostic]) {
    let report = DiagnosticCollector()
    let agencies = uniqueEntries(draft.agencies, kind: "agency", id: { $0.id.rawValue }, report)
    let communes = uniqueEntries(draft.communes, kind: "commune", id: { $0.id.rawValue }, report)
    checkRegistryClashes(agencies: draft.agencies, communes: draft.communes, report)
    let sections = uniqueEntries(
      draft.sections, kind: "section", id: { $0.id.rawValue }, planNumber: true, report)

    let groupEntries = draft.groups.map { PlanDraft.Entry($0, idLocation: $0.idLocation) }
    let groups = uniqueEntries(
      groupEntries, kind: "group", id: { $0.group.id.rawValue }, planNumber: true, report)
    checkSlugCollisions(
      groups.map { ($0.group.slug, $0.group.id.rawValue, $0.idLocation) }, kind: "group",
      folder: "nhom", report)

    var indicators: [Indicator] = []
    let agencyIDs = Set(agencies.map(\.id))
    let agencyCandidates = agencies.map {
      Suggestion.Candidate(id: $0.id.rawValue, name: $0.name)
    }
    let indicatorEntries = draft.indicators.map {
      PlanDraft.Entry($0, idLocation: $0.idLocation)
    }
    for entry in uniqueEntries(
      indicatorEntries, kind: "indicator", id: { $0.indicator.id.rawValue }, report)
    {
      var indicator = entry.indicator
      if let ref = entry.ownerRef {
        let id = AgencyID(ref.value)
        if agencyIDs.contains(id) {
          indicator.owner = id
        } else if !draft.incomplete.contains(.agencies) {
          report.report(unknownReference("agency", ref, among: agencyCandidates))
        }
      }
      indicators.append(indicator)
    }

    let resolver = AssigneeResolver(
      agencies: agencies, communes: communes,
      checkAgencies: !draft.incomplete.contains(.agencies),
      checkCommunes: !draft.incomplete.contains(.communes))
    let tasks = validateTasks(
      draft.tasks, groups: groups, indicators: indicators, resolver: resolver,
      incomplete: draft.incomplete, report)

    guard let site = draft.site, let document = draft.document, !report.hasErrors else {
      return (nil, report.diagnostics)
    }
    var orderedTasks: [PlanTask] = []
    var finalGroups: [TaskGroup] = []
    for draftGroup in groups {
      var group = draftGroup.group
      let members = tasks.filter { $0.group == group.id }.sorted { $0.id < $1.id }
      group.tasks = members.map(\.id)
      orderedTasks += members
      finalGroups.append(group)
    }
    let plan = Plan(
      site: site, document: document, sections: sections, groups: finalGroups,
      tasks: orderedTasks, agencies: agencies, communes: communes, indicators: indicators)
    return (plan, report.diagnostics)
  }

  // MARK: - Tasks

  private func validateTasks(
    _ drafts: [PlanDraft.TaskDraft], groups: [PlanDraft.GroupDraft], indicators: [Indicator],
    resolver: AssigneeResolver, incomplete: Set<PlanDraft.Registry>, _ report: DiagnosticCollector
  ) -> [PlanTask] {
    let taskEntries = drafts.map { PlanDraft.Entry($0, idLocation: $0.id.location) }
    let unique = uniqueEntries(
      taskEntries, kind: "task", id: { $0.id.value }, planNumber: true, report)
    checkSlugCollisions(
      unique.map { (Slug.make(from: $0.id.value), $0.id.value, $0.id.location) }, kind: "task",
      folder: "nhiem-vu", report)

    let groupsByID = Dictionary(groups.map { ($0.group.id.rawValue, $0) }) { a, _ in a }
    let groupsByFolder = Dictionary(groups.map { ($0.folder, $0) }) { a, _ in a }
    let groupCandidates = groups.map {
      Suggestion.Candidate(id: $0.group.id.rawValue, name: $0.group.title)
    }
    let indicatorIDs = Set(indicators.map(\.id))
    let indicatorCandidates = indicators.map {
      Suggestion.Candidate(id: $0.id.rawValue, name: $0.name)
    }

    var tasks: [PlanTask] = []
    for draft in unique {
      let group: GroupID?
      if let ref = draft.groupRef {
        if let found = groupsByID[ref.value] {
          group = found.group.id
        } else {
          if !incomplete.contains(.groups) {
            report.report(unknownReference("group", ref, among: groupCandidates))
          }
          group = nil
        }
      } else if let found = groupsByFolder[draft.folder] {
        group = found.group.id
      } else if incomplete.contains(.groups) {
        group = nil
      } else {
        let folder = draft.folder.isEmpty ? "tasks/" : "tasks/\(draft.folder)/"
        report.error(
          "task '\(draft.id.value)' is not in a task group", at: draft.source.location,
          notes: [
            Diagnostic.Note(
              "add a '_group.md' file (with 'id' and 'title') to \(folder), "
                + "or move the task into a group folder, or add 'group: <group id>'")
          ])
        group = nil
      }

      var assignments: [Assignment] = []
      for assignmentDraft in draft.assignments {
        let assignees = resolver.resolve(assignmentDraft.to, report)
        assignments.append(
          Assignment(
            assignees: assignees, role: assignmentDraft.role, text: assignmentDraft.text,
            deadline: assignmentDraft.deadline, source: assignmentDraft.source))
      }

      var taskIndicators: [IndicatorID] = []
      for ref in draft.indicatorRefs {
        let id = IndicatorID(ref.value)
        if indicatorIDs.contains(id) {
          taskIndicators.append(id)
        } else if !incomplete.contains(.indicators) {
          report.report(unknownReference("indicator", ref, among: indicatorCandidates))
        }
      }

      checkStatusConsistency(draft, report)
      guard let group else { continue }
      tasks.append(
        PlanTask(
          id: TaskID(draft.id.value), slug: Slug.make(from: draft.id.value), group: group,
          title: draft.title, body: draft.body, assignments: assignments,
          deadline: draft.deadline, status: draft.status?.value, progress: draft.progress,
          indicators: taskIndicators, source: draft.source))
    }
    return tasks
  }

  private func checkStatusConsistency(_ draft: PlanDraft.TaskDraft, _ report: DiagnosticCollector) {
    guard let progress = draft.progress, let status = draft.status else { return }
    if status.value == .done, progress < 100 {
      report.warning(
        "task '\(draft.id.value)' is marked done but its progress is \(progress)%",
        at: status.location,
        notes: [Diagnostic.Note("set 'progress: 100', or change 'status' to in-progress")])
    } else if status.value == .notStarted, progress > 0 {
      report.warning(
        "task '\(draft.id.value)' is marked not-started but its progress is \(progress)%",
        at: status.location,
        notes: [Diagnostic.Note("change 'status' to in-progress, or set 'progress: 0'")])
    }
  }

  // MARK: - Ids

  /// Keeps the first entry of each id, reporting later duplicates and ids
  /// that are not safe as folder names.
  private func uniqueEntries<Value>(
    _ entries: [PlanDraft.Entry<Value>], kind: String, id: (Value) -> String,
    planNumber: Bool = false, _ report: DiagnosticCollector
  ) -> [Value] {
    var firstSeen: [String: SourceLocation] = [:]
    var result: [Value] = []
    for entry in entries {
      let raw = id(entry.value)
      let valid = planNumber ? IDRules.isPlanNumber(raw) : Slug.isRegistryID(raw)
      if !valid {
        report.error(
          "\(kind) id '\(raw)' cannot be used as an id", at: entry.idLocation,
          notes: [planNumber ? IDRules.planNumberNote(for: raw) : IDRules.registryNote(for: raw)])
        continue
      }
      if let first = firstSeen[raw] {
        report.error(
          "duplicate \(kind) id '\(raw)'", at: entry.idLocation,
          notes: [
            Diagnostic.Note("'\(raw)' is first defined here", at: first),
            Diagnostic.Note("give each \(kind) its own id"),
          ])
        continue
      }
      firstSeen[raw] = entry.idLocation
      result.append(entry.value)
    }
    return result
  }

  private func checkRegistryClashes(
    agencies: [PlanDraft.Entry<Agency>], communes: [PlanDraft.Entry<Commune>],
    _ report: DiagnosticCollector
  ) {
    let reserved = Set(Collective.allCases.map(\.rawValue))
    var agencyLocations: [String: SourceLocation] = [:]
    for entry in agencies {
      agencyLocations[entry.value.id.rawValue] =
        agencyLocations[entry.value.id.rawValue]
        ?? entry.idLocation
      if reserved.contains(entry.value.id.rawValue) {
        report.error(
          "'\(entry.value.id.rawValue)' is reserved for a collective and cannot be an agency id",
          at: entry.idLocation, notes: [Diagnostic.Note("choose another id")])
      }
    }
    for entry in communes {
      let raw = entry.value.id.rawValue
      if reserved.contains(raw) {
        report.error(
          "'\(raw)' is reserved for a collective and cannot be a commune id",
          at: entry.idLocation, notes: [Diagnostic.Note("choose another id")])
      }
      if let agencyLocation = agencyLocations[raw] {
        report.error(
          "'\(raw)' is both an agency id and a commune id", at: entry.idLocation,
          notes: [
            Diagnostic.Note("the agency is defined here", at: agencyLocation),
            Diagnostic.Note("'to:' lists use both kinds of id, so each must be unique"),
          ])
      }
    }
  }

  private func checkSlugCollisions(
    _ items: [(slug: String, id: String, location: SourceLocation)], kind: String, folder: String,
    _ report: DiagnosticCollector
  ) {
    var bySlug: [String: (id: String, location: SourceLocation)] = [:]
    for item in items {
      if let first = bySlug[item.slug] {
        report.error(
          "\(kind) '\(item.id)' would be written to the same page as \(kind) '\(first.id)': "
            + "\(folder)/\(item.slug)/index.html",
          at: item.location,
          notes: [
            Diagnostic.Note("\(kind) '\(first.id)' is defined here", at: first.location),
            Diagnostic.Note(
              "ids that differ only in punctuation or case share a page; renumber one"),
          ])
      } else {
        bySlug[item.slug] = (item.id, item.location)
      }
    }
  }
}

/// "unknown agency 'x'" with a did-you-mean note.
func unknownReference(
  _ kind: String, _ ref: Located<String>, among candidates: [Suggestion.Candidate]
) -> Diagnostic {
  var notes: [Diagnostic.Note] = []
  if let match = Suggestion.closest(to: ref.value, among: candidates) {
    notes.append(Diagnostic.Note(didYouMean(match)))
  } else if candidates.isEmpty {
    notes.append(Diagnostic.Note("no \(kind) is defined yet"))
  }
  return .error("unknown \(kind) '\(ref.value)'", at: ref.location, notes: notes)
}

func didYouMean(_ match: Suggestion.Candidate) -> String {
  match.name == match.id
    ? "did you mean '\(match.id)'?" : "did you mean '\(match.id)' (\(match.name))?"
}
