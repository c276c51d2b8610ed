import PlanModel
import SiteCore

/// Atom feeds (RFC 4287) of published reports: one for the whole site and
/// one per agency and per commune, so a newsroom or an office can follow
/// exactly the reporters it cares about.
///
/// Like the sitemap, feeds need the site's absolute address: they are
/// written only when `site.yaml` has `base_url` (a build note says so
/// otherwise), and only for a plan with a reporting schedule.
struct Feeds: Sendable {
  /// The whole site's feed.
  static let sitePath = "bao-cao/feed.xml"
  static func agencyPath(_ id: AgencyID) -> String { "co-quan/\(id.rawValue)/bao-cao.xml" }
  static func communePath(_ id: CommuneID) -> String { "xa-phuong/\(id.rawValue)/bao-cao.xml" }

  /// The path of a reporter's feed.
  static func path(of reporter: Reporter) -> String {
    switch reporter {
    case .agency(let id): agencyPath(id)
    case .commune(let id): communePath(id)
    }
  }

  /// What one feed is made from.
  struct Input: Encodable, Sendable {
    let base: String
    let path: String
    let title: String
    /// The feed's `updated` when it has no entry yet: the plan's issue date.
    let since: Day
    let entries: [Entry]
  }

  struct Entry: Encodable, Sendable {
    let period: PeriodID
    let periodName: String
    let reporter: Reporter
    let reporterName: String
    let date: Day
    let document: String?
    let summaryHTML: String
    let taskCount: Int
  }

  /// Whether feeds are written for this plan.
  static func isWritten(_ plan: Plan) -> Bool {
    plan.site.baseURL != nil && plan.schedule != nil
  }

  /// Every feed's input: the site's, then each agency's and each commune's.
  static func inputs(_ model: SiteModel) -> [Input] {
    let plan = model.plan
    guard let base = plan.site.baseURL, isWritten(plan) else { return [] }
    let entries = plan.reports.map { report in
      Entry(
        period: report.period, periodName: plan.period(report.period)?.name ?? "",
        reporter: report.reporter, reporterName: plan.name(of: report.reporter),
        date: report.date, document: report.document, summaryHTML: report.summary.html,
        taskCount: report.tasks.count)
    }
    let byReporter = Dictionary(grouping: entries, by: \.reporter)
    func input(_ path: String, _ title: String, _ entries: [Entry]) -> Input {
      Input(
        base: base, path: path, title: title, since: plan.document.issued,
        entries: entries.sorted { ($0.date, $0.reporter) > ($1.date, $1.reporter) })
    }
    let number = plan.document.number
    var inputs = [input(sitePath, "Báo cáo thực hiện \(number)", entries)]
    for agency in plan.agencies {
      inputs.append(
        input(
          agencyPath(agency.id), "Báo cáo của \(agency.name) · \(number)",
          byReporter[.agency(agency.id)] ?? []))
    }
    for commune in plan.communes {
      inputs.append(
        input(
          communePath(commune.id),
          "Báo cáo của UBND \(Text.lowercasedFirst(commune.fullName)) · \(number)",
          byReporter[.commune(commune.id)] ?? []))
    }
    return inputs
  }

  /// The feed as Atom XML.
  static func xml(_ input: Input) -> String {
    func stamp(_ day: Day) -> String { day.iso + "T00:00:00+07:00" }
    func absolute(_ route: Route) -> String {
      let path = route.path
      return input.base + (path.hasSuffix("index.html") ? String(path.dropLast(10)) : path)
    }
    let updated = input.entries.map(\.date).max() ?? input.since
    var xml = """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
        <title>\(input.title.htmlEscaped)</title>
        <id>\((input.base + input.path).htmlEscaped)</id>
        <link rel="self" type="application/atom+xml" href="\((input.base + input.path).htmlEscaped)"/>
        <link rel="alternate" type="text/html" href="\(absolute(.reports).htmlEscaped)"/>
        <updated>\(stamp(updated))</updated>
        <generator>plansite</generator>

      """
    for entry in input.entries {
      let url = absolute(.report(entry.period, entry.reporter))
      var title = "\(entry.reporterName): báo cáo \(Text.lowercasedFirst(entry.periodName))"
      if let document = entry.document { title += " (\(document))" }
      var summary = entry.summaryHTML
      if summary.isEmpty {
        summary = "<p>Báo cáo tình hình thực hiện \(entry.taskCount) nhiệm vụ.</p>"
      }
      xml += """
          <entry>
            <title>\(title.htmlEscaped)</title>
            <id>\(url.htmlEscaped)</id>
            <link rel="alternate" type="text/html" href="\(url.htmlEscaped)"/>
            <updated>\(stamp(entry.date))</updated>
            <published>\(stamp(entry.date))</published>
            <author><name>\(entry.reporterName.htmlEscaped)</name></author>
            <summary type="html">\(summary.htmlEscaped)</summary>
          </entry>

        """
    }
    return xml + "</feed>\n"
  }

  /// Why feeds are missing, when a plan with a schedule has no `base_url`.
  static func note(_ plan: Plan) -> Message? {
    guard plan.schedule != nil, plan.site.baseURL == nil else { return nil }
    return Message(
      vi: "chưa tạo nguồn tin Atom của báo cáo (bao-cao/feed.xml): site.yaml chưa có base_url",
      en: "the Atom feeds of reports (bao-cao/feed.xml) were not written: site.yaml has no base_url"
    )
  }
}
