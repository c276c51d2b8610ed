import PlanModel
import SiteCore

/// The list of communes, by kind.
enum CommunesPage: PageKind {
  static let template = "communes"

  struct Input: Encodable, Sendable {
    let planName: String
    let communes: [Commune]
    let shared: [SharedCount]
  }

  struct SharedCount: Encodable, Sendable {
    let collective: Collective
    let count: Int
  }

  static func input(_ model: SiteModel) -> Input {
    Input(
      planName: model.planName, communes: model.plan.communes,
      shared: Collective.allCases.compactMap { collective in
        let count = model.duties.duties(of: collective).count
        guard collective != .allAgencies, count > 0 else { return nil }
        return SharedCount(collective: collective, count: count)
      })
  }

  static func view(_ input: Input, _ tools: PageTools) -> PageContent {
    var kinds: [[String: Any]] = []
    for kind in Commune.Kind.allCases {
      let members = input.communes.filter { $0.kind == kind }
      guard !members.isEmpty else { continue }
      kinds.append([
        "label": kind.pluralLabel,
        "anchor": kind.rawValue,
        "count": members.count,
        "communes": members.map { commune -> [String: Any] in
          var item: [String: Any] = [
            "name": commune.name, "full_name": commune.fullName,
            "href": tools.link.href(.commune(commune.id)),
          ]
          if let code = commune.gsoCode { item["gso_code"] = code }
          return item
        },
      ])
    }
    let shared: [[String: Any]] = input.shared.map {
      ["label": $0.collective.label, "count": $0.count]
    }
    return PageContent(
      title: "Xã, phường",
      description: "Nhiệm vụ của từng xã, phường theo \(input.planName).",
      trail: [],
      fields: [
        "kinds": kinds, "commune_count": input.communes.count, "shared": shared,
        "has_shared": !shared.isEmpty,
      ])
  }
}

/// One commune: duties addressed to it by name, then those shared by its
/// kind and by all communes.
enum CommunePage: PageKind {
  static let template = "commune"

  struct Input: Encodable, Sendable {
    let commune: Commune
    let planName: String
    let named: [DutyRow]
    let shared: [SharedList]
    let rollup: Rollup
  }

  /// The duties of one collective, the same on every commune it reaches.
  struct SharedList: Encodable, Sendable {
    let collective: Collective
    let rows: Shared<[DutyRow]>
  }

  /// The shared lists, built once per build for all commune pages.
  static func sharedLists(_ model: SiteModel) -> [Collective: Shared<[DutyRow]>] {
    var lists: [Collective: Shared<[DutyRow]>] = [:]
    for collective in Collective.allCases where collective != .allAgencies {
      let rows = model.duties.duties(of: collective).compactMap { DutyRow($0, in: model) }
      if !rows.isEmpty { lists[collective] = Shared(rows) }
    }
    return lists
  }

  static func input(
    _ id: CommuneID, _ model: SiteModel, shared: [Collective: Shared<[DutyRow]>]
  ) -> Input? {
    guard let commune = model.plan.commune(id) else { return nil }
    let named = model.duties.namedDuties(of: id)
    let lists: [SharedList] = DutyIndex.collectives(reaching: commune.kind).compactMap {
      collective in
      shared[collective].map { SharedList(collective: collective, rows: $0) }
    }
    var tasks = Set<TaskID>()
    var ordered: [PlanTask] = []
    for task in lists.flatMap({ $0.rows.value.map(\.task.id) }) + named.map(\.task)
    where tasks.insert(task).inserted {
      if let found = model.plan.task(task) { ordered.append(found) }
    }
    return Input(
      commune: commune, planName: model.planName,
      named: named.compactMap { DutyRow($0, in: model) }, shared: lists,
      rollup: Rollup(ordered, today: model.today))
  }

  static func view(_ input: Input, _ tools: PageTools) -> PageContent {
    let link = tools.link
    let commune = input.commune
    let sharedLists: [[String: Any]] = input.shared.map { list in
      [
        "label": list.collective.label,
        "anchor": list.collective.rawValue,
        "count": list.rows.value.count,
        // The section heading names the collective, so rows do not repeat it.
        "list_html": tools.fragments.sharedDutyList(list.rows, showingVia: false, link: link),
      ]
    }
    let dutyCount = input.named.count + input.shared.reduce(0) { $0 + $1.rows.value.count }
    let inSentence = Text.lowercasedFirst(commune.fullName)
    var view: [String: Any] = [
      "id": commune.id.rawValue,
      "name": commune.name,
      "full_name": commune.fullName,
      "name_in_sentence": inSentence,
      "kind_label": commune.kind.label,
      "formed_from": commune.formedFrom,
      "has_formed_from": !commune.formedFrom.isEmpty,
    ]
    if let code = commune.gsoCode { view["gso_code"] = code }
    let fields: [String: Any] = [
      "commune": view,
      "named": ["items_html": tools.fragments.duties(input.named, showingVia: false, link: link)],
      "has_named_duties": !input.named.isEmpty,
      "shared_lists": sharedLists,
      "duty_count": dutyCount,
      "has_duties": dutyCount > 0,
      "rollup": input.rollup.view(),
    ]
    return PageContent(
      title: commune.fullName,
      description: "Các nhiệm vụ giao cho UBND \(inSentence) theo \(input.planName).",
      trail: [("Xã, phường", .communes)], fields: fields)
  }
}
