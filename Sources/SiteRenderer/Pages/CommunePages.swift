import PlanModel
import SiteCore

/// The list of communes, by kind.
enum CommunesPage: PageKind {
  static let template = "communes"

  struct Input: Encodable, Sendable {
    let planName: String
    let communes: [Commune]
    let shared: [SharedList]
  }

  static func input(_ model: SiteModel) -> Input {
    Input(
      planName: model.planName, communes: model.plan.communes,
      shared: SharedList.communal.compactMap { model.sharedLists[$0] })
  }

  static func view(_ input: Input, _ tools: PageTools) -> PageContent {
    var kinds: [[String: Any]] = []
    // The shorter lists first (11 phường before 119 xã): on a phone, a long
    // list above pushed a phường's link some 5,000 px down.
    let byKind = Commune.Kind.allCases.map { kind in
      (kind, input.communes.filter { $0.kind == kind })
    }
    let listed = byKind.enumerated().filter { !$0.element.1.isEmpty }.sorted {
      ($0.element.1.count, $0.offset) < ($1.element.1.count, $1.offset)
    }
    for (kind, members) in listed.map(\.element) {
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
    if !kinds.isEmpty { kinds[kinds.count - 1]["last"] = true }
    let shared: [[String: Any]] = input.shared.map { $0.view(link: tools.link) }
    return PageContent(
      title: "Xã, phường",
      description: "Nhiệm vụ của từng xã, phường theo \(input.planName).",
      trail: [],
      fields: [
        "kinds": kinds, "has_kind_links": kinds.count > 1, "commune_count": input.communes.count,
        "shared": shared,
        "has_shared": !shared.isEmpty,
      ])
  }
}

/// One commune: the duties addressed to it by name, then to its kind, then
/// to all communes, with its own status on each, and its reports.
enum CommunePage: PageKind {
  static let template = "commune"

  struct Input: Encodable, Sendable, Equatable {
    let commune: Commune
    let planName: String
    let duties: BodyDuties
    /// The lists shared with other communes, when they are not listed here.
    let shared: [SharedList]
    let reports: ReportsBlock?
    let hasFeed: Bool
    let publishedPart: String?
  }

  /// What a commune's page lists: every duty when they fit on a page;
  /// otherwise the duties naming it and the shared ones it has reported on,
  /// with links to the lists shared by all communes (each shared duty is
  /// then one click further, not repeated on 130 pages).
  static func listing(_ commune: Commune, _ model: SiteModel) -> (
    shown: DutyListing, totals: BodyDuties.Totals?, shared: [SharedList]
  ) {
    let count = model.communeDutyCounts[commune.id] ?? 0
    guard count > SiteModel.rowsPerPage else {
      return (DutyListing.commune(commune, model), nil, [])
    }
    let own = DutyListing.commune(commune, model, reportedOnly: true)
    // Every task's status for this commune: the shared default, unless the
    // commune reported on it or a duty names it.
    let defaults = model.kindDefaults[commune.kind] ?? [:]
    var overrides: [TaskID: ShownStatus] = [:]
    // Sized once: a commune that reports has thousands of rows.
    overrides.reserveCapacity(own.sections.reduce(0) { $0 + $1.rows.count })
    var reported: [Collective: Int] = [:]
    for section in own.sections {
      for row in section.rows { overrides[row.task.id] = row.own ?? row.task.shown }
      if let collective = Collective(rawValue: section.key) {
        reported[collective] = Set(section.rows.map(\.task.id)).count
      }
    }
    let added = overrides.keys.reduce(0) { $0 + (defaults[$1] == nil ? 1 : 0) }
    let summary = StatusSummary.replacing(
      overrides, in: defaults,
      summary: model.kindSummaries[commune.kind] ?? StatusSummary(Array(defaults.values)))
    let totals = BodyDuties.Totals(
      count: count, taskCount: defaults.count + added, summary: summary)
    let shared = DutyIndex.collectives(reaching: commune.kind).compactMap { collective in
      model.sharedLists[collective]?.reported(reported[collective] ?? 0)
    }
    return (own, totals, shared)
  }

  static func input(
    _ commune: Commune, shown: DutyListing, grouped: DutyListing.Grouped,
    totals: BodyDuties.Totals?, shared: [SharedList], _ model: SiteModel
  ) -> Input {
    Input(
      commune: commune, planName: model.planName,
      duties: BodyDuties(shown, grouped, totals: totals), shared: shared,
      reports: ReportsBlock(.commune(commune.id), model), hasFeed: Feeds.isWritten(model.plan),
      publishedPart: model.plan.document.publishedPart)
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
      "shared": input.shared.map { $0.view(link: link) },
      "has_shared": !input.shared.isEmpty,
    ]
    if let reports = input.reports {
      fields["reports"] = reports.view(
        link: link, feed: input.hasFeed ? Feeds.communePath(commune.id) : nil)
    }
    if let part = input.publishedPart { fields["published_part"] = part }
    return PageContent(
      title: commune.fullName,
      description: "Các nhiệm vụ giao cho UBND \(inSentence) theo \(input.planName).",
      trail: [("Xã, phường", .communes)], fields: fields)
  }
}

/// A list of duties shared by a collective of communes, as a commune's page
/// or the communes page links to it: its size, its task groups (each a page
/// of its own), and, for one commune, that commune's own statuses on it.
struct SharedList: Encodable, Sendable, Equatable {
  struct GroupCount: Encodable, Sendable, Equatable {
    let id: GroupID
    let title: String
    let count: Int
  }

  /// The collectives of communes, in the order pages show them.
  static let communal: [Collective] = [.allCommunes, .allXa, .allPhuong, .allDacKhu]

  let collective: Collective
  /// How the plan names the collective.
  let label: String
  let count: Int
  let groups: [GroupCount]
  /// How many of the list's tasks the commune has reported on (nil on the
  /// communes page).
  let reported: Int?

  /// The list as the communes page shows it (`reported` nil); nil when
  /// nothing is addressed to the collective.
  init?(_ collective: Collective, plan: Plan, duties: DutyIndex) {
    let duties = duties.duties(of: collective)
    guard !duties.isEmpty else { return nil }
    self.collective = collective
    label = plan.label(of: collective)
    count = duties.count
    var counts: [GroupID: Int] = [:]
    for duty in duties {
      if let group = plan.task(duty.task)?.group { counts[group, default: 0] += 1 }
    }
    groups = plan.groups.compactMap { group in
      counts[group.id].map { GroupCount(id: group.id, title: group.title, count: $0) }
    }
    reported = nil
  }

  private init(_ list: SharedList, reported: Int) {
    collective = list.collective
    label = list.label
    count = list.count
    groups = list.groups
    self.reported = reported
  }

  /// The list as one commune's page shows it: with how many of its tasks
  /// the commune has reported on.
  func reported(_ count: Int) -> SharedList { SharedList(self, reported: count) }

  func view(link: Linker) -> [String: Any] {
    [
      "key": collective.rawValue, "label": label, "count": count,
      "groups": groups.map { group -> [String: Any] in
        [
          "number": group.id.rawValue, "title": group.title, "count": group.count,
          "href": link.href(.collectiveGroup(collective, group.id)),
        ]
      },
      "reported": reported ?? 0, "has_reported": (reported ?? 0) > 0,
    ]
  }
}

/// One task group of a list shared by a collective of communes
/// (`xa-phuong/giao-chung/<collective>/<group>/`), paged.
enum SharedGroupPage: PageKind {
  static let template = "duties"

  struct Input: Encodable, Sendable, Equatable {
    let collective: Collective
    let label: String
    let part: DutyGroupPart
  }

  static func input(_ collective: Collective, part: DutyGroupPart, _ model: SiteModel) -> Input {
    Input(collective: collective, label: model.plan.label(of: collective), part: part)
  }

  static func view(_ input: Input, _ tools: PageTools) -> PageContent {
    let part = input.part
    var fields = part.fields(
      ownerName: input.label, ownerHref: tools.link.href(.communes) + "#giao-chung", tools
    ) { .collectiveGroup(input.collective, part.group, page: $0) }
    fields["is_shared"] = true
    return PageContent(
      title: "Giao chung cho \(input.label): nhóm \(part.group.rawValue)" + part.pageSuffix,
      description:
        "Các việc giao chung cho \(input.label) trong nhóm nhiệm vụ \(part.group.rawValue).",
      trail: [("Xã, phường", .communes)], fields: fields)
  }
}
