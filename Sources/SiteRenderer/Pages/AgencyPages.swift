import PlanModel
import SiteCore

/// The list of agencies, by kind, with how many duties each holds.
enum AgenciesPage: PageKind {
  static let template = "agencies"

  struct Input: Encodable, Sendable {
    let planName: String
    let agencies: [Entry]
  }

  struct Entry: Encodable, Sendable {
    let agency: Agency
    let dutyCount: Int
    let leadCount: Int
    /// The date of its latest report, if it has sent any.
    let lastReport: Day?
  }

  static func input(_ model: SiteModel) -> Input {
    Input(
      planName: model.planName,
      agencies: model.plan.agencies.map { agency in
        let list = model.duties.duties(of: agency.id)
        return Entry(
          agency: agency, dutyCount: list.count,
          leadCount: list.filter { $0.role == .lead }.count,
          lastReport: model.reports.reports(of: .agency(agency.id)).map(\.date).max())
      })
  }

  static func view(_ input: Input, _ tools: PageTools) -> PageContent {
    var kinds: [[String: Any]] = []
    for kind in Agency.Kind.allCases {
      let members = input.agencies.filter { $0.agency.kind == kind }
      guard !members.isEmpty else { continue }
      kinds.append([
        "label": kind.label,
        "anchor": kind.rawValue,
        "agencies": members.map { entry -> [String: Any] in
          var item: [String: Any] = [
            "name": entry.agency.name,
            "href": tools.link.href(.agency(entry.agency.id)),
            "duty_count": entry.dutyCount,
            "lead_count": entry.leadCount,
          ]
          if let short = entry.agency.shortName { item["short_name"] = short }
          if let last = entry.lastReport {
            item["last_report"] = last.vietnamese
            item["has_last_report"] = true
          }
          return item
        },
      ])
    }
    return PageContent(
      title: "Cơ quan, đơn vị",
      description: "Nhiệm vụ của từng sở, ban, ngành theo \(input.planName).",
      trail: [],
      fields: [
        "kinds": kinds, "agency_count": input.agencies.count,
        "has_report_column": input.agencies.contains { $0.lastReport != nil },
      ])
  }
}

/// What an agency's or commune's page shows of its duties: all of them, or
/// (when there are many) one line per task group linking to that group's page.
struct BodyDuties: Encodable, Sendable, Equatable {
  let listing: DutyListing?
  let groups: [GroupLink]
  let groupTitles: [GroupTitle]
  let count: Int
  let taskCount: Int
  let summary: StatusSummary

  struct GroupTitle: Encodable, Sendable, Equatable {
    let id: GroupID
    let title: String
  }

  /// The counts and roll-up of a body's duties when its page lists only
  /// part of them (a commune's page leaves the shared lists to their pages).
  struct Totals {
    let count: Int
    let taskCount: Int
    let summary: StatusSummary
  }

  init(_ listing: DutyListing, _ grouped: DutyListing.Grouped, totals: Totals? = nil) {
    let groups = grouped.groups
    if let totals {
      count = totals.count
      taskCount = totals.taskCount
      summary = totals.summary
    } else {
      count = listing.count
      let shown = listing.shown
      taskCount = shown.count
      summary = StatusSummary(shown)
    }
    groupTitles = groups.map { GroupTitle(id: $0.id, title: $0.title) }
    if listing.isInline {
      self.listing = listing
      self.groups = []
    } else {
      self.listing = nil
      self.groups = groups.map { group in
        let part = grouped.parts[group.id] ?? DutyListing(sections: [])
        return GroupLink(
          id: group.id, title: group.title, count: part.count, summary: StatusSummary(part.shown))
      }
    }
  }

  func view(_ tools: PageTools, groupRoute: (GroupID) -> Route) -> [String: Any] {
    let titles = Dictionary(groupTitles.map { ($0.id, $0.title) }) { first, _ in first }
    var view: [String: Any] = [
      "count": count, "task_count": taskCount, "has_duties": count > 0,
      "is_split": listing == nil && !groups.isEmpty,
    ]
    if let listing { view["sections"] = listing.view(tools, groupTitles: titles) }
    view["groups"] = groups.map { group -> [String: Any] in
      let counts: [[String: Any]] = Rollup.displayOrder.compactMap { status in
        let count = group.summary.rollup.count(status)
        return count > 0 ? ["key": status.rawValue, "label": status.label, "count": count] : nil
      }
      return [
        "number": group.id.rawValue, "title": group.title, "count": group.count,
        "href": tools.link.href(groupRoute(group.id)), "counts": counts,
        "has_facts": group.summary.rollup.hasFacts,
      ]
    }
    return view
  }
}

/// One agency: every duty it leads, supports or carries out, its own
/// status on each, and its reports.
enum AgencyPage: PageKind {
  static let template = "agency"

  struct Input: Encodable, Sendable, Equatable {
    let agency: Agency
    let planName: String
    let duties: BodyDuties
    let deadlineCount: Int
    let indicators: [IndicatorLink]
    let reports: ReportsBlock?
    let hasFeed: Bool
    let publishedPart: String?
  }

  static func input(
    _ id: AgencyID, listing: DutyListing, grouped: DutyListing.Grouped, _ model: SiteModel
  ) -> Input? {
    guard let agency = model.plan.agency(id) else { return nil }
    let deadlines = listing.sections.flatMap(\.rows).filter { $0.deadline != nil }.count
    return Input(
      agency: agency, planName: model.planName, duties: BodyDuties(listing, grouped),
      deadlineCount: deadlines,
      indicators: model.plan.indicators.filter { $0.owner == id }.map {
        IndicatorLink(id: $0.id, name: $0.name)
      },
      reports: ReportsBlock(.agency(id), model),
      hasFeed: Feeds.isWritten(model.plan), publishedPart: model.plan.document.publishedPart)
  }

  static func view(_ input: Input, _ tools: PageTools) -> PageContent {
    let link = tools.link
    let agency = input.agency
    var view: [String: Any] = [
      "id": agency.id.rawValue,
      "name": agency.name,
      "kind_label": agency.kind.label,
    ]
    if let short = agency.shortName { view["short_name"] = short }
    if let note = agency.note { view["note"] = note }
    let contact = agency.contact
    if !contact.isEmpty {
      var fields: [String: Any] = [:]
      if let address = contact.address { fields["address"] = address }
      if let phone = contact.phone {
        fields["phone"] = phone
        fields["phone_href"] = "tel:" + phone.filter { $0.isNumber || $0 == "+" }
      }
      if let email = contact.email { fields["email"] = email }
      if let website = contact.website { fields["website"] = website }
      view["contact"] = fields
    }
    let indicators = input.indicators.map { $0.view(link: link) }
    var fields: [String: Any] = [
      "csv_href": link.href(path: AgencyFiles.csvPath(agency.id)),
      "calendar_href": link.href(path: AgencyFiles.calendarPath(agency.id)),
      "deadline_count": input.deadlineCount,
      "has_deadlines": input.deadlineCount > 0,
      "agency": view,
      "duties": input.duties.view(tools) { .agencyGroup(agency.id, $0) },
      "has_duties": input.duties.count > 0,
      "duty_count": input.duties.count,
      "task_count": input.duties.taskCount,
      "rollup": input.duties.summary.view(),
      "indicators": indicators,
      "has_indicators": !indicators.isEmpty,
    ]
    if let reports = input.reports {
      fields["reports"] = reports.view(
        link: link, feed: input.hasFeed ? Feeds.agencyPath(agency.id) : nil)
    }
    if let part = input.publishedPart { fields["published_part"] = part }
    return PageContent(
      title: agency.name,
      description:
        "Các nhiệm vụ \(agency.name) chủ trì, phối hợp và thực hiện theo \(input.planName).",
      trail: [("Cơ quan, đơn vị", .agencies)], fields: fields)
  }
}

/// The duties of one agency or commune in one task group (when its own page
/// lists too many to show them all).
enum BodyGroupPage: PageKind {
  static let template = "duties"

  struct Input: Encodable, Sendable, Equatable {
    let reporter: Reporter
    let name: String
    let part: DutyGroupPart
  }

  /// The pages an agency or commune needs, one task group each, paged
  /// (none when its own page lists every duty).
  static func inputs(
    _ reporter: Reporter, _ listing: DutyListing, _ grouped: DutyListing.Grouped,
    _ model: SiteModel
  ) -> [Input] {
    guard !listing.isInline else { return [] }
    let name = model.plan.name(of: reporter)
    return grouped.groups.flatMap { group in
      DutyGroupPart.pages(
        grouped.parts[group.id] ?? DutyListing(sections: []), group: group.id, model
      )
      .map { Input(reporter: reporter, name: name, part: $0) }
    }
  }

  /// Where the page of `input` is.
  static func route(_ input: Input) -> Route {
    switch input.reporter {
    case .agency(let id): .agencyGroup(id, input.part.group, page: input.part.page)
    case .commune(let id): .communeGroup(id, input.part.group, page: input.part.page)
    }
  }

  static func view(_ input: Input, _ tools: PageTools) -> PageContent {
    let owner = TaskPage.route(of: input.reporter)
    let part = input.part
    let fields = part.fields(ownerName: input.name, ownerHref: tools.link.href(owner), tools) {
      page in
      switch input.reporter {
      case .agency(let id): .agencyGroup(id, part.group, page: page)
      case .commune(let id): .communeGroup(id, part.group, page: page)
      }
    }
    let parent: (String, Route) =
      switch input.reporter {
      case .agency: ("Cơ quan, đơn vị", .agencies)
      case .commune: ("Xã, phường", .communes)
      }
    return PageContent(
      title: "\(input.name): nhóm \(part.group.rawValue)" + part.pageSuffix,
      description: "Các việc của \(input.name) trong nhóm nhiệm vụ \(part.group.rawValue).",
      trail: [parent, (input.name, owner)], fields: fields)
  }
}

/// One task group of a duty list, one page of it: what the `duties`
/// template shows for an agency's, a commune's or a collective's list.
struct DutyGroupPart: Encodable, Sendable, Equatable {
  let group: GroupID
  let groupTitle: String
  /// The rows of this page.
  let listing: DutyListing
  let page: Int
  let pageCount: Int
  /// The statuses of the whole group, not only this page.
  let summary: StatusSummary

  /// Every page of `part`, a listing of one task group's duties.
  ///
  /// What the pages share (the group's roll-up) is worked out once: per
  /// page it grew with the square of a long list.
  static func pages(_ part: DutyListing, group: GroupID, _ model: SiteModel) -> [DutyGroupPart] {
    guard let taskGroup = model.plan.group(group) else { return [] }
    let summary = StatusSummary(part.shown)
    return (1...part.pageCount).map { page in
      DutyGroupPart(
        group: group, groupTitle: taskGroup.title, listing: part.page(page), page: page,
        pageCount: part.pageCount, summary: summary)
    }
  }

  /// ` (trang 2/5)` after a title, on pages after the first.
  var pageSuffix: String { page > 1 ? " (trang \(page)/\(pageCount))" : "" }

  func fields(
    ownerName: String, ownerHref: String, _ tools: PageTools, route: (Int) -> Route
  ) -> [String: Any] {
    [
      "owner_name": ownerName,
      "owner_href": ownerHref,
      "group_number": group.rawValue,
      "group_title": groupTitle,
      "group_href": tools.link.href(.group(group)),
      "sections": listing.view(tools, groupTitles: [group: groupTitle]),
      "count": listing.count,
      "rollup": summary.view(),
      "pager": Paging.view(page: page, of: pageCount, link: tools.link, route: route),
    ]
  }
}
