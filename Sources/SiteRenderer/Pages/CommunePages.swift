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

/// One commune: the duties addressed to it by name, then to its kind, then
/// to all communes, with its own status on each, and its reports.
enum CommunePage: PageKind {
  static let template = "commune"

  struct Input: Encodable, Sendable {
    let commune: Commune
    let planName: String
    let duties: BodyDuties
    let reports: ReportsBlock?
    let hasFeed: Bool
  }

  static func input(_ commune: Commune, listing: DutyListing, _ model: SiteModel) -> Input {
    Input(
      commune: commune, planName: model.planName, duties: BodyDuties(listing, model),
      reports: ReportsBlock(.commune(commune.id), model), hasFeed: Feeds.isWritten(model.plan))
  }

  static func view(_ input: Input, _ tools: PageTools) -> PageContent {
    let link = tools.link
    let commune = input.commune
    let inSentence = Text.lowercasedFirst(commune.fullName)
    var view: [String: Any] = [
      "id": commune.id.rawValue,
      "name": commune.name,
      "full_name": commune.fullName,
      "name_in_sentence": inSentence,
      "kind_label": commune.kind.label,
      "formed_from": commune.formedFrom.enumerated().map { index, name in
        ["name": name, "separator": index + 1 < commune.formedFrom.count ? "; " : ""]
      },
      "has_formed_from": !commune.formedFrom.isEmpty,
    ]
    if let code = commune.gsoCode { view["gso_code"] = code }
    var fields: [String: Any] = [
      "commune": view,
      "duties": input.duties.view(tools) { .communeGroup(commune.id, $0) },
      "duty_count": input.duties.count,
      "task_count": input.duties.taskCount,
      "has_duties": input.duties.count > 0,
      "rollup": input.duties.summary.view(),
    ]
    if let reports = input.reports {
      fields["reports"] = reports.view(
        link: link, feed: input.hasFeed ? Feeds.communePath(commune.id) : nil)
    }
    return PageContent(
      title: commune.fullName,
      description: "Các nhiệm vụ giao cho UBND \(inSentence) theo \(input.planName).",
      trail: [("Xã, phường", .communes)], fields: fields)
  }
}
