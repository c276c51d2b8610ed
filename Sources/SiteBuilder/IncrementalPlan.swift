import PlanModel
import SiteRenderer

/// Which pages a change affects, from the keys whose fingerprints changed.
///
/// The rules follow what each page shows (see the templates): a task page
/// shows its task, its group's title and the names of its assignees; lists
/// (group, agency, commune, home, search) show task summaries; indexes show
/// registry entries and counts. Anything unsure re-renders more, never
/// less: the property test compares every incremental build with a clean
/// one, byte for byte.
enum IncrementalPlan {
  /// Pages to render again; `nil` means all of them.
  static func affectedRoutes(
    changed: Set<String>, previous: Fingerprints, current: Fingerprints, plan: Plan
  ) -> Set<Route>? {
    if changed.contains("site") || changed.contains("document") { return nil }
    var routes = Set<Route>()
    let allAgencies = plan.agencies.map { Route.agency($0.id) }
    let tasksByGroup = Dictionary(grouping: plan.tasks, by: { $0.group.rawValue })

    func references(_ taskKey: String) -> [String] {
      (previous.references[taskKey] ?? []) + (current.references[taskKey] ?? [])
    }
    func tasksReferring(to key: String) -> [Route] {
      var result: [Route] = []
      for fingerprints in [previous, current] {
        for (taskKey, refs) in fingerprints.references where refs.contains(key) {
          result.append(.task(TaskID(String(taskKey.dropFirst("task:".count)))))
        }
      }
      return result
    }
    func pages(forReference ref: String) -> [Route] {
      let (kind, id) = split(ref)
      switch kind {
      case "agency": return [.agency(AgencyID(id))]
      case "commune": return [.commune(CommuneID(id))]
      case "group": return [.group(GroupID(id))]
      case "collective":
        guard let collective = Collective(rawValue: id) else { return [] }
        if collective == .allAgencies { return allAgencies }
        return plan.communes.filter { collective.includes($0.kind) }.map { .commune($0.id) }
      default: return []
      }
    }

    for key in changed {
      let (kind, id) = split(key)
      switch kind {
      case "sections":
        routes.formUnion([.home, .indicators])
      case "order":
        routes.formUnion([.home, .search, .agencies, .communes, .indicators])
        if id == "groups" || id == "tasks" { routes.formUnion(plan.groups.map { .group($0.id) }) }
      case "group":
        routes.formUnion([.home, .search, .group(GroupID(id))])
        routes.formUnion((tasksByGroup[id] ?? []).map { .task($0.id) })
      case "task":
        routes.insert(.task(TaskID(id)))
      case "tasksum":
        routes.formUnion([.task(TaskID(id)), .home, .search, .agencies, .communes])
        for ref in references("task:" + id) {
          routes.formUnion(pages(forReference: ref))
          // Neighbours show this task's number in their previous/next links.
          if ref.hasPrefix("group:") {
            routes.formUnion((tasksByGroup[String(ref.dropFirst(6))] ?? []).map { .task($0.id) })
          }
        }
      case "agency":
        routes.formUnion([.agency(AgencyID(id)), .agencies, .search, .indicators])
        routes.formUnion(tasksReferring(to: key))
      case "commune":
        routes.formUnion([.commune(CommuneID(id)), .communes, .search])
        routes.formUnion(tasksReferring(to: key))
      case "indicator":
        routes.formUnion([.indicators, .home, .search])
        routes.formUnion(tasksReferring(to: key))
        routes.formUnion(allAgencies)  // owners, before and after
      default:
        return nil
      }
    }
    return routes
  }

  private static func split(_ key: String) -> (String, String) {
    guard let colon = key.firstIndex(of: ":") else { return (key, "") }
    return (String(key[..<colon]), String(key[key.index(after: colon)...]))
  }
}
