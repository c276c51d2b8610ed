import PlanModel
import SiteCore

/// The duties of one agency or commune, one compact row each.
///
/// Rows are in sections (by role for an agency, by whom they are addressed
/// to for a commune), in plan order. A long listing is shown one task group
/// at a time, on pages of its own (`Route.agencyGroup`,
/// `Route.communeGroup`), so no page is heavy.
struct DutyListing: Encodable, Sendable, Equatable {
  struct Section: Encodable, Sendable, Equatable {
    let key: String
    let title: String
    let rows: [DutyRow]
    /// Whether rows say which collective brings the duty in.
    let showsVia: Bool

    /// Digested as a list of its fields: a commune's page has thousands of rows.
    func encode(to encoder: Encoder) throws {
      var fields = FieldWriter(encoder)
      try fields.encode(key)
      try fields.encode(title)
      try fields.encode(rows)
      try fields.encode(showsVia)
    }
  }

  let sections: [Section]

  var count: Int { sections.reduce(0) { $0 + $1.rows.count } }

  /// Whether the body's own page lists every duty (else one page per task group).
  var isInline: Bool { count <= SiteModel.rowsPerPage }

  /// The plan's groups the listing has, in the plan's order, and, for a
  /// listing too long to show inline, the listing split by them: worked
  /// out once for a body's page and its group pages (each a pass over
  /// every row, the thousands of a commune that reports).
  struct Grouped {
    let groups: [TaskGroup]
    /// Empty for an inline listing (its page shows every row).
    let parts: [GroupID: DutyListing]
  }

  func grouped(_ plan: Plan) -> Grouped {
    guard !isInline else {
      var present = Set<GroupID>()
      for section in sections {
        for row in section.rows { present.insert(row.task.group) }
      }
      return Grouped(groups: plan.groups.filter { present.contains($0.id) }, parts: [:])
    }
    let parts = byGroup()
    return Grouped(groups: plan.groups.filter { parts[$0.id] != nil }, parts: parts)
  }

  /// The same listing restricted to one task group.
  func only(_ group: GroupID) -> DutyListing {
    DutyListing(
      sections: sections.compactMap { section in
        let rows = section.rows.filter { $0.task.group == group }
        return rows.isEmpty
          ? nil
          : Section(key: section.key, title: section.title, rows: rows, showsVia: section.showsVia)
      })
  }

  /// The listing split by task group in one pass: `only(_:)` of each group.
  func byGroup() -> [GroupID: DutyListing] {
    var sectionsByGroup: [GroupID: [Section]] = [:]
    for section in sections {
      var rowsByGroup: [GroupID: [DutyRow]] = [:]
      var order: [GroupID] = []
      for row in section.rows {
        let group = row.task.group
        if rowsByGroup[group] == nil { order.append(group) }
        rowsByGroup[group, default: []].append(row)
      }
      for group in order {
        sectionsByGroup[group, default: []].append(
          Section(
            key: section.key, title: section.title, rows: rowsByGroup[group] ?? [],
            showsVia: section.showsVia))
      }
    }
    return sectionsByGroup.mapValues { DutyListing(sections: $0) }
  }

  /// The rows of page `page` (1-based) of `rowsPerPage` rows, sections kept.
  func page(_ page: Int) -> DutyListing {
    let size = SiteModel.rowsPerPage
    var skip = (page - 1) * size
    var room = size
    var result: [Section] = []
    for section in sections {
      guard room > 0 else { break }
      if skip >= section.rows.count {
        skip -= section.rows.count
        continue
      }
      let rows = Array(section.rows.dropFirst(skip).prefix(room))
      skip = 0
      room -= rows.count
      result.append(
        Section(key: section.key, title: section.title, rows: rows, showsVia: section.showsVia))
    }
    return DutyListing(sections: result)
  }

  /// How many pages of rows the listing fills.
  var pageCount: Int { max(1, (count + SiteModel.rowsPerPage - 1) / SiteModel.rowsPerPage) }

  /// The statuses the listing's distinct tasks show (the body's own, where reported).
  ///
  /// A task is told by its row's identity: every row of a task is made
  /// from the model's one row of it (`SiteModel.row(_:)`), and hashing an
  /// identity rather than the task's id took half of this (a commune's
  /// listing has thousands of rows; 1.8 % of a one-shot build after a
  /// title edit at 10,000 tasks).
  var shown: [ShownStatus] {
    var seen = Set<ObjectIdentifier>()
    seen.reserveCapacity(count)
    var result: [ShownStatus] = []
    for section in sections {
      for row in section.rows where seen.insert(row.task.identity).inserted {
        result.append(row.own ?? row.task.shown)
      }
    }
    return result
  }

  /// An agency's duties: by role.
  static func agency(_ id: AgencyID, _ model: SiteModel) -> DutyListing {
    let duties = model.duties.duties(of: id)
    return DutyListing(
      sections: Assignment.Role.allCases.compactMap { role in
        let rows = duties.filter { $0.role == role }.compactMap {
          DutyRow($0, for: .agency(id), in: model)
        }
        return rows.isEmpty
          ? nil : Section(key: role.rawValue, title: role.label, rows: rows, showsVia: true)
      })
  }

  /// The duties of a collective of communes, listed once for all of them.
  static func collective(_ collective: Collective, _ model: SiteModel) -> DutyListing {
    let rows = model.duties.duties(of: collective).compactMap { DutyRow(shared: $0, in: model) }
    return DutyListing(
      sections: rows.isEmpty
        ? []
        : [
          Section(
            key: collective.rawValue, title: "Giao chung cho " + model.plan.label(of: collective),
            rows: rows,
            showsVia: false)
        ])
  }

  /// A commune's duties: those naming it, then those of its kind, then
  /// those of all communes; with `reportedOnly`, the shared ones only where
  /// the commune has reported (the rest are on the shared lists).
  static func commune(_ commune: Commune, _ model: SiteModel, reportedOnly: Bool = false)
    -> DutyListing
  {
    let reporter = Reporter.commune(commune.id)
    var sections: [Section] = []
    let named = model.duties.namedDuties(of: commune.id).compactMap {
      DutyRow($0, for: reporter, in: model)
    }
    if !named.isEmpty {
      sections.append(
        Section(
          key: "rieng", title: "Giao riêng cho " + Text.lowercasedFirst(commune.fullName),
          rows: named, showsVia: false))
    }
    var seen = Set(named.map { DutyKey(task: $0.task.id, assignment: $0.assignment) })
    let reported = reportedOnly ? model.reports.reportedTasks(of: reporter) : []
    for collective in DutyIndex.collectives(reaching: commune.kind) {
      if reportedOnly, reported.isEmpty { break }
      let rows = model.duties.duties(of: collective).compactMap { duty -> DutyRow? in
        // Unreported duties are left out wherever they appear, so they
        // need not be remembered as seen (most are unreported).
        if reportedOnly, !reported.contains(duty.task) { return nil }
        guard seen.insert(DutyKey(task: duty.task, assignment: duty.assignment)).inserted else {
          return nil
        }
        return DutyRow(duty, for: reporter, in: model)
      }
      if !rows.isEmpty {
        sections.append(
          Section(
            key: collective.rawValue,
            title: "Giao chung cho " + model.plan.label(of: collective)
              + (reportedOnly ? ": việc đã báo cáo" : ""),
            rows: rows, showsVia: false))
      }
    }
    return DutyListing(sections: sections)
  }

  /// The listing's sections as template fields: each section's rows, under a
  /// heading per task group.
  func view(_ tools: PageTools, groupTitles: [GroupID: String]) -> [[String: Any]] {
    sections.map { section in
      var groups: [[String: Any]] = []
      var current: GroupID?
      var rows: [DutyRow] = []
      func flush() {
        guard let group = current, !rows.isEmpty else { return }
        groups.append([
          "number": group.rawValue,
          "title": groupTitles[group] ?? "",
          "count": rows.count,
          "items_html": tools.fragments.duties(
            rows, showingVia: section.showsVia, link: tools.link),
        ])
        rows = []
      }
      for row in section.rows {
        if row.task.group != current {
          flush()
          current = row.task.group
        }
        rows.append(row)
      }
      flush()
      return [
        "key": section.key, "title": section.title, "count": section.rows.count, "groups": groups,
      ]
    }
  }
}

/// A task group as an agency's or commune's page lists it when its duties
/// are shown one group at a time.
struct GroupLink: Encodable, Sendable, Equatable {
  let id: GroupID
  let title: String
  let count: Int
  let summary: StatusSummary
}

/// What the pages of an agency or commune show of its reports.
struct ReportsBlock: Encodable, Sendable, Equatable {
  struct Line: Encodable, Sendable, Equatable {
    let period: ReportingPeriod
    let submission: ReportIndex.Submission
    let document: String?
    let isDraft: Bool
  }

  let reporter: Reporter
  let lines: [Line]
  /// Today, when a missing report is flagged (judged on the build date).
  let judgedOn: Day?

  init?(_ reporter: Reporter, _ model: SiteModel) {
    guard let schedule = model.plan.schedule else { return nil }
    self.reporter = reporter
    lines = schedule.periods.compactMap { period in
      let report = model.reports.report(period.id, reporter)
      guard report != nil || model.expected(in: period.id).contains(reporter) else {
        return nil
      }
      return Line(
        period: period, submission: model.reports.submission(period, reporter, today: model.today),
        document: report?.document, isDraft: report?.isDraft ?? false)
    }
    judgedOn = lines.contains { $0.submission == .missing } ? model.today : nil
  }

  var lastDate: Day? {
    lines.compactMap { line -> Day? in
      switch line.submission {
      case .onTime(let day), .late(let day): day
      default: nil
      }
    }.max()
  }

  func view(link: Linker, feed: String?) -> [String: Any] {
    let items: [[String: Any]] = lines.map { line in
      var item: [String: Any] = [
        "period_name": line.period.name, "due": line.period.due.vietnamese,
        "period_href": link.href(.period(line.period.id)),
      ]
      switch line.submission {
      case .onTime(let day):
        item["state"] = "on-time"
        item["state_label"] = "Đúng hạn"
        item["date"] = day.vietnamese
        item["has_date"] = true
        item["report_href"] = link.href(.report(line.period.id, reporter))
        item["has_report"] = true
      case .late(let day):
        item["state"] = "late"
        item["state_label"] = "Gửi chậm"
        item["date"] = day.vietnamese
        item["has_date"] = true
        item["report_href"] = link.href(.report(line.period.id, reporter))
        item["has_report"] = true
      case .missing:
        item["state"] = "missing"
        item["state_label"] = "Chưa gửi báo cáo"
        item["is_missing"] = true
      case .notDue:
        item["state"] = "not-due"
        item["state_label"] = "Chưa đến hạn"
      }
      if let document = line.document {
        item["document"] = document
        item["has_document"] = true
      }
      if line.isDraft { item["is_draft"] = true }
      return item
    }
    var view: [String: Any] = [
      "items": items, "has_items": !items.isEmpty,
      "missing_count": lines.filter { $0.submission == .missing }.count,
      "has_missing": lines.contains { $0.submission == .missing },
    ]
    if let lastDate { view["last_date"] = lastDate.vietnamese }
    if let feed { view["feed_href"] = link.href(path: feed) }
    if let judgedOn { view["judged_on"] = judgedOn.vietnamese }
    return view
  }
}

/// One assignment of one task, as a set member.
private struct DutyKey: Hashable {
  let task: TaskID
  let assignment: Int
}
