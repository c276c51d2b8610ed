import PlanModel
import SiteCore

/// The search page.
///
/// Without JavaScript it is a plain directory: links to every agency, commune and task.
enum SearchPage: PageKind {
  static let template = "search"

  struct Input: Encodable, Sendable {
    let planName: String
    let agencies: [Name<AgencyID>]
    let communes: [CommuneName]
    let groups: [GroupDirectory]
  }

  struct Name<ID: Encodable & Sendable>: Encodable, Sendable {
    let id: ID
    let name: String
  }

  struct CommuneName: Encodable, Sendable {
    let id: CommuneID
    let name: String
    let kind: Commune.Kind
  }

  /// A task group in the directory: its tasks when few, else a link to
  /// the group's own pages (which list them all).
  struct GroupDirectory: Encodable, Sendable {
    let id: GroupID
    let title: String
    let taskCount: Int
    let tasks: [Name<TaskID>]
  }

  /// How many tasks a group may list on the search page itself.
  static let tasksListed = 30

  static func input(_ model: SiteModel) -> Input {
    let plan = model.plan
    return Input(
      planName: model.planName,
      agencies: plan.agencies.map { Name(id: $0.id, name: $0.name) },
      communes: plan.communes.map { CommuneName(id: $0.id, name: $0.name, kind: $0.kind) },
      groups: plan.groups.map { group in
        GroupDirectory(
          id: group.id, title: group.title, taskCount: group.tasks.count,
          tasks: group.tasks.count > tasksListed
            ? []
            : group.tasks.compactMap { plan.task($0) }.map { Name(id: $0.id, name: $0.title) })
      })
  }

  static func view(_ input: Input, _ tools: PageTools) -> PageContent {
    let link = tools.link
    let communeKinds: [[String: Any]] = Commune.Kind.allCases.compactMap { kind in
      let members = input.communes.filter { $0.kind == kind }
      guard !members.isEmpty else { return nil }
      return [
        "label": kind.pluralLabel,
        "items": members.map { ["name": $0.name, "href": link.href(.commune($0.id))] },
      ]
    }
    let groups: [[String: Any]] = input.groups.compactMap { group in
      guard group.taskCount > 0 else { return nil }
      return [
        "label": "\(group.id.rawValue). \(group.title.clipped(to: 90))",
        "href": link.href(.group(group.id)),
        "task_count": group.taskCount,
        "is_listed": !group.tasks.isEmpty,
        "items": group.tasks.map {
          [
            "name": "\($0.id.rawValue). \($0.name.clipped(to: 110))",
            "href": link.href(.task($0.id)),
          ]
        },
      ]
    }
    return PageContent(
      title: "Tìm kiếm",
      description:
        "Tìm cơ quan, xã phường, nhiệm vụ của \(input.planName); gõ có dấu hoặc không dấu.",
      trail: [],
      fields: [
        "agencies": input.agencies.map { ["name": $0.name, "href": link.href(.agency($0.id))] },
        "commune_kinds": communeKinds,
        "task_groups": groups,
        "index_src": link.href(path: SiteRenderer.searchIndexPath),
      ].merging(examples(input)) { first, _ in first })
  }

  /// The hint's examples, typed without marks, from this plan's own names
  /// (a department, a commune), so that trying one finds it; a plan
  /// without agencies or communes gives none of that kind.
  private static func examples(_ input: Input) -> [String: Any] {
    var fields: [String: Any] = [:]
    if let agency = input.agencies.first(where: { $0.name.hasPrefix("Sở ") })
      ?? input.agencies.first
    {
      fields["agency_example"] = agency.name.foldedForSearch
    }
    if let commune = input.communes.first(where: { $0.kind == .xa }) ?? input.communes.first {
      fields["commune_example"] = commune.name.foldedForSearch
    }
    if !fields.isEmpty { fields["has_example"] = true }
    return fields
  }
}

/// The open-data page: every file and every field, from `DataDictionary`.
enum DataPage: PageKind {
  static let template = "data"

  struct Input: Encodable, Sendable {
    let planName: String
    let schemaVersion: Int
    /// Whether the plan has a reporting schedule (the report files are then listed).
    let hasReports: Bool
    /// The data's licence, if the site states one.
    let license: String?
    /// The kinds of commune and of agency the plan has (the data page lists only those).
    let communeKinds: [Commune.Kind]
    let agencyKinds: [Agency.Kind]
  }

  static func input(_ model: SiteModel) -> Input {
    let plan = model.plan
    return Input(
      planName: model.planName, schemaVersion: PlanData.schemaVersion,
      hasReports: plan.schedule != nil, license: plan.site.license,
      communeKinds: Commune.Kind.allCases.filter { kind in
        plan.communes.contains { $0.kind == kind }
      },
      agencyKinds: Agency.Kind.allCases.filter { kind in plan.agencies.contains { $0.kind == kind }
      })
  }

  static func view(_ input: Input, _ tools: PageTools) -> PageContent {
    let link = tools.link
    // The kinds this plan has, each code with its Vietnamese label.
    let communeKinds =
      "loại: "
      + input.communeKinds.map { "\($0.rawValue) (\($0.label.lowercased()))" }.joined(
        separator: ", ")
    let agencyKinds =
      "loại: "
      + input.agencyKinds.map { "\($0.rawValue) (\($0.label.lowercased()))" }.joined(
        separator: ", ")
    func fileView(_ file: DataDictionary.File, href: String?) -> [String: Any] {
      var view: [String: Any] = [
        "name": file.name, "name_html": pathHTML(file.name), "title": file.title,
        "meaning": file.meaning,
        "anchor": "tep-" + Slug.make(from: file.name),
        "fields": file.fields.map { field -> [String: Any] in
          var meaning = field.meaning
          if field.name == "kind", file.name == DataDictionary.communes.name {
            meaning = communeKinds
          }
          if field.name == "kind", file.name == DataDictionary.agencies.name {
            meaning = agencyKinds
          }
          return ["name": field.name, "name_html": breakable(field.name), "meaning": meaning]
        },
      ]
      if let href { view["href"] = href }
      return view
    }
    let csv = DataDictionary.csvFiles.map {
      fileView($0, href: link.href(path: "du-lieu/\($0.name)"))
    }
    let json: [[String: Any]] = DataDictionary.jsonFields.map {
      ["name": $0.name, "name_html": breakable($0.name), "meaning": $0.meaning]
    }
    return PageContent(
      title: "Dữ liệu mở",
      description:
        "Toàn bộ \(input.planName) dưới dạng JSON và CSV, kèm mô tả từng trường.",
      trail: [],
      fields: [
        "json_href": link.href(path: "du-lieu/plan.json"),
        "schema_version": input.schemaVersion,
        "csv_files": csv,
        "agency_file": fileView(DataDictionary.agencyDuties, href: nil),
        "json_fields": json,
        "has_reports": input.hasReports,
        "license": input.license ?? "",
        "has_license": input.license != nil,
      ])
  }
}

/// A file's path as HTML that breaks only after a `/`, never at the hyphen
/// of a folder's name ("co-quan/<mã cơ quan>/nhiem-vu.csv" broke as
/// "nhiem-" / "vu.csv" at 375 px): each part is one unbreakable span.
private func pathHTML(_ path: String) -> String {
  path.split(separator: "/", omittingEmptySubsequences: false)
    .map { "<span class=\"path-part\">\(String($0).htmlEscaped)</span>" }
    .joined(separator: "/<wbr>")
}

/// A field's name as HTML that a narrow column may break after a `.` or
/// `_` (`document.<wbr>collective_<wbr>labels`), not inside a word.
private func breakable(_ name: String) -> String {
  var html = ""
  for character in name.htmlEscaped {
    html.append(character)
    if character == "." || character == "_" { html += "<wbr>" }
  }
  return html
}
