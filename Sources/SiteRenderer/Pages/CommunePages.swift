import Foundation
import PlanModel
import SiteCore

/// Duty lists that many commune pages share, rendered once per build.
///
/// A duty addressed to all communes appears on all of them; at 10,000 tasks
/// that is thousands of rows on each of 130 pages. Every commune page sits
/// at the same depth, so the list's HTML (links included) is identical on
/// each: it is rendered once, the first time a commune page needs it, and
/// inserted as `list_html`.
final class SharedFragments: @unchecked Sendable {
  private let lock = NSLock()
  private var lists: [Collective: (html: String, tasks: Set<TaskID>)] = [:]
  /// When false, every call renders for the page asking (the reference path).
  private let enabled: Bool

  init(enabled: Bool = true) { self.enabled = enabled }

  /// The rendered list and distinct tasks of `collective`'s duties, as
  /// shown on the page of `commune` (all commune pages are at the same
  /// folder depth, so the list is the same for all of them).
  func list(
    for collective: Collective, on commune: CommuneID, renderer: SiteRenderer
  ) -> (html: String, tasks: Set<TaskID>)? {
    lock.lock()
    defer { lock.unlock() }
    if enabled, let cached = lists[collective] { return cached }
    let duties = renderer.duties.duties(of: collective)
    guard !duties.isEmpty else { return nil }
    let link = Linker(from: Route.commune(commune).path)
    // The section heading names the collective, so rows do not repeat it.
    let html = renderer.dutyListHTML(duties, showingVia: false, link: link)
    let entry = (html, Set(duties.map(\.task)))
    if enabled { lists[collective] = entry }
    return entry
  }
}

extension SiteRenderer {
  func communesPage() -> PageContent {
    let link = Linker(from: Route.communes.path)
    var kinds: [[String: Any]] = []
    for kind in Commune.Kind.allCases {
      let members = plan.communes.filter { $0.kind == kind }
      guard !members.isEmpty else { continue }
      kinds.append([
        "label": kind.pluralLabel,
        "anchor": kind.rawValue,
        "count": members.count,
        "communes": members.map { commune -> [String: Any] in
          var item: [String: Any] = [
            "name": commune.name, "full_name": commune.fullName,
            "href": link.href(.commune(commune.id)),
          ]
          if let code = commune.gsoCode { item["gso_code"] = code }
          return item
        },
      ])
    }
    let shared: [[String: Any]] = Collective.allCases.compactMap { collective in
      let count = duties.duties(of: collective).count
      guard collective != .allAgencies, count > 0 else { return nil }
      return ["label": collective.label, "count": count]
    }
    return PageContent(
      title: "Xã, phường",
      description:
        "Nhiệm vụ của từng xã, phường theo \(plan.document.documentType.lowercased()) \(plan.document.number).",
      trail: [],
      fields: [
        "kinds": kinds, "commune_count": plan.communes.count, "shared": shared,
        "has_shared": !shared.isEmpty,
      ])
  }

  func communePage(_ id: CommuneID) -> PageContent {
    let route = Route.commune(id)
    let link = Linker(from: route.path)
    guard let commune = plan.commune(id) else { return missing(id.rawValue) }
    let named = duties.namedDuties(of: id)
    var sharedLists: [[String: Any]] = []
    var sharedTasks = Set<TaskID>()
    var dutyCount = named.count
    for collective in DutyIndex.collectives(reaching: commune.kind) {
      guard let shared = fragments.lists.list(for: collective, on: id, renderer: self) else {
        continue
      }
      let html = shared.html
      let count = duties.duties(of: collective).count
      dutyCount += count
      sharedTasks.formUnion(shared.tasks)
      sharedLists.append([
        "label": collective.label,
        "anchor": collective.rawValue,
        "count": count,
        "list_html": html,
      ])
    }
    var rollup = Rollup(sharedTasks.compactMap { plan.task($0) }, today: options.today)
    var namedOnly = Set<TaskID>()
    rollup.add(
      named.compactMap {
        namedOnly.insert($0.task).inserted && !sharedTasks.contains($0.task)
          ? plan.task($0.task) : nil
      },
      today: options.today)
    var view: [String: Any] = [
      "id": commune.id.rawValue,
      "name": commune.name,
      "full_name": commune.fullName,
      "name_in_sentence": commune.fullName.lowercasedFirst,
      "kind_label": commune.kind.label,
      "formed_from": commune.formedFrom,
      "has_formed_from": !commune.formedFrom.isEmpty,
    ]
    if let code = commune.gsoCode { view["gso_code"] = code }
    let fields: [String: Any] = [
      "commune": view,
      "named": ["items_html": dutiesHTML(named, showingVia: false, link: link)],
      "has_named_duties": !named.isEmpty,
      "shared_lists": sharedLists,
      "duty_count": dutyCount,
      "has_duties": dutyCount > 0,
      "rollup": Views.rollup(rollup),
    ]
    return PageContent(
      title: commune.fullName,
      description:
        "Các nhiệm vụ giao cho UBND \(commune.fullName.lowercasedFirst) theo \(plan.document.documentType.lowercased()) \(plan.document.number).",
      trail: [("Xã, phường", .communes)], fields: fields)
  }
}

extension String {
  /// `Phường Thành Vinh` → `phường Thành Vinh`.
  var lowercasedFirst: String {
    guard let first else { return self }
    return first.lowercased() + dropFirst()
  }
}
