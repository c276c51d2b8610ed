import Foundation
import TestSupport

/// A small plan held as values and written out as content files, edited one
/// field at a time the way an editor would: the generator of the
/// incremental-vs-clean property test.
///
/// Every field of every content kind has an operation (`operations`), each
/// naming the model fields it changes (`covers`); `IncrementalBuildTests`
/// checks that every stored field of the model is covered, so a field added
/// to the model without an edit here fails a test.
struct ContentEditor {
  /// One editing step.
  struct Operation {
    let name: String
    /// The model fields (`Type.field`) the operation changes.
    let covers: [String]
    let apply: (inout ContentEditor, inout SeededGenerator) -> Void
  }

  // MARK: - The content, as values

  struct Fields {
    var pairs: [(String, String?)]

    subscript(key: String) -> String? {
      get { pairs.first { $0.0 == key }?.1 ?? nil }
      set {
        if let index = pairs.firstIndex(where: { $0.0 == key }) {
          pairs[index].1 = newValue
        } else {
          pairs.append((key, newValue))
        }
      }
    }

    /// `key: value` lines; values are written as given (already YAML).
    func yaml(indent: String = "") -> String {
      pairs.compactMap { key, value in value.map { "\(indent)\(key): \($0)\n" } }.joined()
    }
  }

  struct Document {
    var fields: Fields
    var body: String

    var text: String { "---\n" + fields.yaml() + "---\n\n" + body + "\n" }
  }

  struct Assignment {
    var to: [String]
    var role: String
    var text: String
    var deadline: String?
    var label: String? = nil
  }

  struct Task {
    var folder: String
    var id: String
    var fields: Fields
    var assignments: [Assignment]
    var body: String

    var fileName: String { id.replacingOccurrences(of: ".", with: "-") + ".md" }

    var text: String {
      var out = "---\nid: \(q(id))\n" + fields.yaml() + "assignments:\n"
      for a in assignments {
        out +=
          "  - to: [\(a.to.joined(separator: ", "))]\n    role: \(a.role)\n    text: \(q(a.text))\n"
        if let deadline = a.deadline { out += "    deadline: \(deadline)\n" }
        if let label = a.label { out += "    label: \(q(label))\n" }
      }
      return out + "---\n\n" + body + "\n"
    }
  }

  /// The reporting schedule (`reporting.yaml`), when there is one.
  struct Schedule {
    var periods: [Fields]
    var reporters: String?
    var compiler: String?

    var text: String {
      var out = "periods:\n"
      for period in periods { out += "  - " + period.yaml(indent: "    ").dropFirst(4) }
      if let reporters { out += "reporters: \(reporters)\n" }
      if let compiler { out += "compiler: \(compiler)\n" }
      return out
    }
  }

  /// One report (`reports/<period>/<reporter>.md`).
  struct ReportFile {
    var period: String
    var reporter: String
    var fields: Fields
    var updates: [Fields]
    var figures: [Fields]
    var body: String

    var path: String { "reports/\(period)/\(reporter).md" }

    var text: String {
      var out = "---\n" + fields.yaml()
      if !updates.isEmpty {
        out += "tasks:\n"
        for update in updates { out += "  - " + update.yaml(indent: "    ").dropFirst(4) }
      }
      if !figures.isEmpty {
        out += "indicators:\n"
        for figure in figures { out += "  - " + figure.yaml(indent: "    ").dropFirst(4) }
      }
      return out + "---\n\n" + body + "\n"
    }
  }

  var site = Fields(pairs: [
    ("title", q("Kế hoạch mẫu")), ("language", "vi"), ("description", q("Một kế hoạch nhỏ.")),
    ("base_url", nil), ("publisher", nil), ("footer_note", nil), ("sample", nil), ("license", nil),
  ])
  static let ninthMonth = Fields(pairs: [
    ("id", "2026-9t"), ("name", q("9 tháng năm 2026")), ("start", "2026-01-01"),
    ("end", "2026-09-30"), ("due", "2026-10-10"),
  ])
  static let defaultSchedule = Schedule(
    periods: [
      Fields(pairs: [
        ("id", "2026-q1"), ("name", q("Quý I năm 2026")), ("start", "2026-01-01"),
        ("end", "2026-03-31"), ("due", "2026-04-10"),
      ]),
      Fields(pairs: [
        ("id", "2026-6t"), ("name", q("6 tháng đầu năm 2026")), ("start", "2026-01-01"),
        ("end", "2026-06-30"), ("due", "2026-07-10"),
      ]),
    ], reporters: nil, compiler: "so-tai-chinh")
  var schedule: Schedule? = defaultSchedule
  var reports: [ReportFile] = [
    ReportFile(
      period: "2026-q1", reporter: "so-tai-chinh",
      fields: Fields(pairs: [
        ("date", "2026-04-08"), ("draft", nil), ("document", q("Báo cáo số 1/BC-STC")),
        ("source_url", nil),
      ]),
      updates: [
        Fields(pairs: [
          ("task", q("1.2")), ("status", "in-progress"), ("progress", "30"), ("done_on", nil),
          ("text", q("Đã phối hợp kiểm tra.")),
        ])
      ],
      figures: [
        Fields(pairs: [
          ("indicator", "grdp-tang-truong"), ("year", q("2025")), ("value", q("8,5")),
        ])
      ],
      body: "Báo cáo quý I."),
    ReportFile(
      period: "2026-6t", reporter: "xa-quynh-luu",
      fields: Fields(pairs: [("date", "2026-07-09")]),
      updates: [
        Fields(pairs: [
          ("task", q("1.2")), ("status", "done"), ("progress", "100"), ("done_on", "2026-06-20"),
        ])
      ],
      figures: [], body: ""),
    ReportFile(
      period: "2026-6t", reporter: "so-tai-chinh",
      fields: Fields(pairs: [("date", "2026-07-12"), ("draft", "true")]),
      updates: [
        Fields(pairs: [("task", q("1.2")), ("status", "in-progress"), ("progress", "60")])
      ],
      figures: [], body: "Bản nháp."),
  ]
  /// Whether builds publish draft reports (`--drafts`).
  var includesDrafts = false
  var plan = Document(
    fields: Fields(pairs: [
      ("number", q("1/KH-UBND")), ("title", q("Kế hoạch mẫu để kiểm thử")),
      ("document_type", nil), ("issued", "2026-01-13"), ("effective", nil),
      ("issuer", q("Ủy ban nhân dân tỉnh")), ("signer", q("Nguyễn Văn A")), ("signer_title", nil),
      ("field", nil), ("place", nil), ("source_url", nil), ("issuer_header", nil),
      ("published_part", nil), ("collective_labels", nil),
    ]),
    body: "Căn cứ các văn bản có liên quan.")
  var sections: [String: Document] = [
    "1-muc-dich.md": Document(
      fields: Fields(pairs: [("id", q("I")), ("title", q("MỤC ĐÍCH, YÊU CẦU")), ("shows", nil)]),
      body: "1. Mục đích thứ nhất."),
    "2-chi-tieu.md": Document(
      fields: Fields(pairs: [("id", q("II")), ("title", q("CHỈ TIÊU")), ("shows", "indicators")]),
      body: "Các chỉ tiêu chủ yếu."),
    "3-nhiem-vu.md": Document(
      fields: Fields(pairs: [("id", q("III")), ("title", q("NHIỆM VỤ")), ("shows", "tasks")]),
      body: ""),
  ]
  var groups: [String: Document] = [
    "01-chung": Document(
      fields: Fields(pairs: [("id", q("1")), ("title", q("Nhiệm vụ chung"))]), body: ""),
    "02-rieng": Document(
      fields: Fields(pairs: [("id", q("2")), ("title", q("Nhiệm vụ riêng"))]),
      body: "Các nhiệm vụ giao riêng."),
  ]
  var tasks: [Task] = [
    Task(
      folder: "01-chung", id: "1.1",
      fields: Fields(pairs: [
        ("title", q("Xây dựng kế hoạch triển khai")), ("deadline", "2026-06-30"),
        ("status", "in-progress"), ("progress", "40"), ("indicators", "[grdp-tang-truong]"),
        ("group", nil),
      ]),
      assignments: [
        Assignment(
          to: ["so-noi-vu"], role: "lead", text: "Chủ trì xây dựng kế hoạch.", deadline: nil),
        Assignment(
          to: ["all-communes"], role: "implement", text: "Triển khai trên địa bàn.", deadline: nil),
      ],
      body: "Nội dung chi tiết của nhiệm vụ."),
    Task(
      folder: "01-chung", id: "1.2",
      fields: Fields(pairs: [("title", q("Kiểm tra, giám sát")), ("deadline", nil)]),
      assignments: [
        Assignment(
          to: ["thanh-tra-tinh", "so-tai-chinh"], role: "support", text: "Phối hợp kiểm tra.",
          deadline: nil),
        Assignment(
          to: ["xa-quynh-luu"], role: "implement", text: "Báo cáo kết quả.", deadline: "2026-09-30"),
      ],
      body: "Kiểm tra, giám sát việc thực hiện."),
    Task(
      folder: "02-rieng", id: "2.1",
      fields: Fields(pairs: [("title", q("Việc riêng của các phường")), ("status", "done")]),
      assignments: [
        Assignment(to: ["all-phuong"], role: "implement", text: "Thực hiện.", deadline: nil),
        Assignment(to: ["all-agencies"], role: "support", text: "Phối hợp.", deadline: nil),
      ],
      body: ""),
  ]
  var agencies: [Fields] = [
    Fields(pairs: [
      ("id", "so-noi-vu"), ("name", q("Sở Nội vụ")), ("short_name", nil), ("kind", "so"),
      ("note", nil),
    ]),
    Fields(pairs: [
      ("id", "so-tai-chinh"), ("name", q("Sở Tài chính")), ("short_name", q("STC")), ("kind", "so"),
      ("note", nil),
    ]),
    Fields(pairs: [
      ("id", "thanh-tra-tinh"), ("name", q("Thanh tra tỉnh")), ("short_name", nil),
      ("kind", "thanh-tra"), ("note", nil),
    ]),
  ]
  var communes: [Fields] = [
    Fields(pairs: [
      ("id", "phuong-thanh-vinh"), ("name", q("Thành Vinh")), ("kind", "phuong"),
      ("gso_code", q("16681")), ("formed_from", nil),
    ]),
    Fields(pairs: [
      ("id", "xa-quynh-luu"), ("name", q("Quỳnh Lưu")), ("kind", "xa"), ("gso_code", nil),
      ("formed_from", nil),
    ]),
    Fields(pairs: [
      ("id", "xa-anh-son"), ("name", q("Anh Sơn")), ("kind", "xa"), ("gso_code", nil),
      ("formed_from", "[\"Anh Sơn cũ\", \"Hùng Sơn\"]"),
    ]),
  ]
  var indicators: [Fields] = [
    Fields(pairs: [
      ("id", "grdp-tang-truong"), ("group", q("Kinh tế")), ("name", q("Tốc độ tăng trưởng GRDP")),
      ("unit", q("%")), ("document", nil),
      ("baseline", "\n    year: \"2025\"\n    value: \"8,44\""),
      ("targets", "\n    \"2030\": \"từ 12 trở lên\""), ("actuals", nil), ("owner", "so-tai-chinh"),
      ("higher_is_better", nil), ("note", nil), ("sources", nil),
    ])
  ]
  /// Template edits: (file, marker currently appended or not).
  var templateMarks: [String: Bool] = [:]
  var nextNumber = 3
  /// A file saved broken (a half-typed YAML line), fixed by the next step.
  var broken: String?

  // MARK: - Writing

  /// Every content file's text, by path inside `Content/`.
  var files: [String: String] {
    var out: [String: String] = [
      "site.yaml": site.yaml(), "plan.md": plan.text,
      "agencies.yaml": agencies.map { "- " + $0.yaml(indent: "  ").dropFirst(2) }.joined(),
      "communes.yaml": communes.map { "- " + $0.yaml(indent: "  ").dropFirst(2) }.joined(),
      "indicators.yaml": indicators.map { "- " + $0.yaml(indent: "  ").dropFirst(2) }.joined(),
    ]
    for (name, section) in sections { out["sections/" + name] = section.text }
    for (folder, group) in groups { out["tasks/\(folder)/_group.md"] = group.text }
    for task in tasks { out["tasks/\(task.folder)/\(task.fileName)"] = task.text }
    if let schedule { out["reporting.yaml"] = schedule.text }
    for report in reports { out[report.path] = report.text }
    if let broken, out[broken] != nil { out[broken] = "---\nid: \"x\ntitle: [\n" }
    return out
  }

  /// Writes the files that changed and deletes those that went away.
  func write(content: URL, previous: [String: String]) throws {
    let now = files
    for (path, text) in now where previous[path] != text {
      let url = content.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    for path in previous.keys where now[path] == nil {
      try FileManager.default.removeItem(at: content.appendingPathComponent(path))
    }
  }

  // MARK: - Keeping reports consistent

  /// Whether the agency or commune `reporter` holds an assignment in `task`.
  func holds(_ reporter: String, _ task: Task) -> Bool {
    let isAgency = agencies.contains { $0["id"] == reporter }
    let kind = communes.first { $0["id"] == reporter }?["kind"]
    for assignment in task.assignments {
      for to in assignment.to {
        if to == reporter { return true }
        if isAgency, to == "all-agencies" { return true }
        if let kind {
          if to == "all-communes" { return true }
          if to == "all-xa", kind == "xa" { return true }
          if to == "all-phuong", kind == "phuong" { return true }
          if to == "all-dac-khu", kind == "dac-khu" { return true }
        }
      }
    }
    return false
  }

  /// Does what an editor does after a change, so that reports stay valid
  /// (their own mistakes are the invalid-content fixtures' job): drops
  /// reports of removed periods and bodies, entries on tasks the body no
  /// longer holds or whose file states a status by hand, a done date
  /// without "done", and figures an indicator already has.
  mutating func reconcile() {
    guard let schedule else {
      reports = []
      return
    }
    let periods = Set(schedule.periods.compactMap { $0["id"] })
    let bodies = Set(agencies.compactMap { $0["id"] } + communes.compactMap { $0["id"] })
    let indicatorIDs = Set(indicators.compactMap { $0["id"] })
    reports.removeAll { !periods.contains($0.period) || !bodies.contains($0.reporter) }
    var figureKeys = Set<String>()
    for indicator in indicators {
      guard let id = indicator["id"], let actuals = indicator["actuals"] else { continue }
      for year in ["2025", "2026", "2027"] where actuals.contains("\"\(year)\"") {
        figureKeys.insert("\(id)|\(year)")
      }
    }
    for r in reports.indices {
      let reporter = reports[r].reporter
      let allowed = Set(reportable(by: reporter).map(\.id))
      reports[r].updates.removeAll { update in
        guard let id = update["task"].map(Self.unquoted) else { return true }
        return !allowed.contains(id)
      }
      for u in reports[r].updates.indices where reports[r].updates[u]["status"] != "done" {
        reports[r].updates[u]["done_on"] = nil
      }
      reports[r].figures.removeAll { figure in
        guard let id = figure["indicator"], indicatorIDs.contains(id),
          let year = figure["year"].map(Self.unquoted)
        else { return true }
        return !figureKeys.insert("\(id)|\(year)").inserted
      }
    }
    reports.removeAll { $0.updates.isEmpty && $0.figures.isEmpty }
  }

  static func unquoted(_ text: String) -> String { text.filter { $0 != "\"" } }

  /// The tasks `reporter` may report on.
  func reportable(by reporter: String) -> [Task] {
    tasks.filter {
      $0.fields["status"] == nil && $0.fields["progress"] == nil && holds(reporter, $0)
    }
  }

  static func setReport(
    _ change: @escaping (inout ReportFile, inout SeededGenerator) -> Void
  ) -> (inout ContentEditor, inout SeededGenerator) -> Void {
    { editor, rng in
      guard !editor.reports.isEmpty else { return }
      let index = Int.random(in: 0..<editor.reports.count, using: &rng)
      change(&editor.reports[index], &rng)
    }
  }

  static func setUpdate(_ key: String, _ choices: [String?]) -> (
    inout ContentEditor, inout SeededGenerator
  ) -> Void {
    setReport { report, rng in
      guard !report.updates.isEmpty else { return }
      let index = Int.random(in: 0..<report.updates.count, using: &rng)
      report.updates[index][key] = pick(choices, &rng)
    }
  }

  static func setFigure(_ key: String, _ choices: [String?]) -> (
    inout ContentEditor, inout SeededGenerator
  ) -> Void {
    setReport { report, rng in
      guard !report.figures.isEmpty else { return }
      let index = Int.random(in: 0..<report.figures.count, using: &rng)
      report.figures[index][key] = pick(choices, &rng)
    }
  }

  static func setPeriod(_ key: String, _ choices: [String?]) -> (
    inout ContentEditor, inout SeededGenerator
  ) -> Void {
    { editor, rng in
      guard let count = editor.schedule?.periods.count, count > 0 else { return }
      let index = Int.random(in: 0..<count, using: &rng)
      editor.schedule?.periods[index][key] = pick(choices, &rng)
    }
  }

  // MARK: - Operations

  /// Picks from `choices` (nil meaning "remove the field").
  static func pick<T>(_ choices: [T], _ rng: inout SeededGenerator) -> T {
    choices[Int.random(in: 0..<choices.count, using: &rng)]
  }

  static func setSite(_ key: String, _ choices: [String?]) -> (
    inout ContentEditor, inout SeededGenerator
  ) -> Void {
    { editor, rng in editor.site[key] = pick(choices, &rng) }
  }

  static func setPlan(_ key: String, _ choices: [String?]) -> (
    inout ContentEditor, inout SeededGenerator
  ) -> Void {
    { editor, rng in editor.plan.fields[key] = pick(choices, &rng) }
  }

  static func setTask(_ key: String, _ choices: [String?]) -> (
    inout ContentEditor, inout SeededGenerator
  ) -> Void {
    { editor, rng in
      // A status or progress is written by hand only on tasks no report
      // mentions (one fact, one place).
      let reported = Set(editor.reports.flatMap { $0.updates.compactMap { $0["task"] } })
      let candidates = editor.tasks.indices.filter {
        !(key == "status" || key == "progress") || !reported.contains(q(editor.tasks[$0].id))
      }
      guard !candidates.isEmpty else { return }
      let index = pick(candidates, &rng)
      editor.tasks[index].fields[key] = pick(choices, &rng)
    }
  }

  static func setAssignment(_ change: @escaping (inout Assignment, inout SeededGenerator) -> Void)
    -> (inout ContentEditor, inout SeededGenerator) -> Void
  {
    { editor, rng in
      guard !editor.tasks.isEmpty else { return }
      let t = Int.random(in: 0..<editor.tasks.count, using: &rng)
      guard !editor.tasks[t].assignments.isEmpty else { return }
      let a = Int.random(in: 0..<editor.tasks[t].assignments.count, using: &rng)
      change(&editor.tasks[t].assignments[a], &rng)
    }
  }

  static func setEntry(
    _ list: WritableKeyPath<ContentEditor, [Fields]>, _ key: String, _ choices: [String?]
  )
    -> (inout ContentEditor, inout SeededGenerator) -> Void
  {
    { editor, rng in
      guard !editor[keyPath: list].isEmpty else { return }
      let index = Int.random(in: 0..<editor[keyPath: list].count, using: &rng)
      editor[keyPath: list][index][key] = pick(choices, &rng)
    }
  }

  static let assigneeChoices: [[String]] = [
    ["so-noi-vu"], ["so-tai-chinh", "thanh-tra-tinh"], ["all-communes"], ["all-xa"], ["xa-anh-son"],
    ["all-agencies"], ["phuong-thanh-vinh", "so-noi-vu"], ["all-phuong"], ["so-moi"],
  ]

  nonisolated(unsafe) static let operations: [Operation] = [
    // site.yaml
    Operation(
      name: "site.title", covers: ["SiteSettings.title"],
      apply: setSite("title", [q("Kế hoạch mẫu"), q("Kế hoạch mẫu (sửa)")])),
    Operation(
      name: "site.language", covers: ["SiteSettings.language"],
      apply: setSite("language", ["vi", "en", nil])),
    Operation(
      name: "site.base_url", covers: ["SiteSettings.baseURL"],
      apply: setSite(
        "base_url",
        [nil, q("https://kehoach.example.gov.vn/"), q("https://example.gov.vn/ke-hoach")])),
    Operation(
      name: "site.description", covers: ["SiteSettings.description"],
      apply: setSite("description", [q("Một kế hoạch nhỏ."), q("Mô tả khác."), nil])),
    Operation(
      name: "site.publisher", covers: ["SiteSettings.publisher"],
      apply: setSite("publisher", [nil, q("Văn phòng UBND tỉnh")])),
    Operation(
      name: "site.footer_note", covers: ["SiteSettings.footerNote"],
      apply: setSite("footer_note", [nil, q("Không phải văn bản chính thức.")])),
    // plan.md
    Operation(
      name: "plan.number", covers: ["PlanDocument.number"],
      apply: setPlan("number", [q("1/KH-UBND"), q("2/KH-UBND")])),
    Operation(
      name: "plan.title", covers: ["PlanDocument.title"],
      apply: setPlan("title", [q("Kế hoạch mẫu để kiểm thử"), q("Kế hoạch khác")])),
    Operation(
      name: "plan.document_type", covers: ["PlanDocument.documentType"],
      apply: setPlan("document_type", [nil, q("Chương trình")])),
    Operation(
      name: "plan.issued", covers: ["PlanDocument.issued"],
      apply: setPlan("issued", ["2026-01-13", "2026-01-20"])),
    Operation(
      name: "plan.effective", covers: ["PlanDocument.effective"],
      apply: setPlan("effective", [nil, "2026-01-13", "2026-02-01"])),
    Operation(
      name: "plan.issuer", covers: ["PlanDocument.issuer"],
      apply: setPlan("issuer", [q("Ủy ban nhân dân tỉnh"), q("UBND tỉnh")])),
    Operation(
      name: "plan.signer", covers: ["PlanDocument.signer"],
      apply: setPlan("signer", [q("Nguyễn Văn A"), q("Trần Thị B")])),
    Operation(
      name: "plan.signer_title", covers: ["PlanDocument.signerTitle"],
      apply: setPlan("signer_title", [nil, q("Chủ tịch")])),
    Operation(
      name: "plan.field", covers: ["PlanDocument.field"],
      apply: setPlan("field", [nil, q("Bộ máy hành chính")])),
    Operation(
      name: "plan.place", covers: ["PlanDocument.place"],
      apply: setPlan("place", [nil, q("Nghệ An")])),
    Operation(
      name: "plan.source_url", covers: ["PlanDocument.sourceURL"],
      apply: setPlan("source_url", [nil, q("https://vanban.example/22")])),
    Operation(
      name: "plan.preamble",
      covers: ["PlanDocument.preamble", "RichText.markdown", "RichText.html"],
      apply: { editor, rng in
        editor.plan.body = pick(
          ["Căn cứ các văn bản.", "Căn cứ *Luật* Tổ chức chính quyền địa phương."], &rng)
      }),
    // sections
    Operation(
      name: "section.id", covers: ["PlanSection.id"],
      apply: { editor, rng in
        editor.sections["1-muc-dich.md"]?.fields["id"] = pick([q("I"), q("I.A")], &rng)
      }),
    Operation(
      name: "section.title", covers: ["PlanSection.title"],
      apply: { editor, rng in
        editor.sections["1-muc-dich.md"]?.fields["title"] = pick(
          [q("MỤC ĐÍCH, YÊU CẦU"), q("MỤC ĐÍCH")], &rng)
      }),
    Operation(
      name: "section.shows", covers: ["PlanSection.shows"],
      apply: { editor, rng in
        let name = pick(["1-muc-dich.md", "2-chi-tieu.md", "3-nhiem-vu.md"], &rng)
        editor.sections[name]?.fields["shows"] = pick([nil, "text", "indicators", "tasks"], &rng)
      }),
    Operation(
      name: "section.body", covers: ["PlanSection.body"],
      apply: { editor, rng in
        editor.sections["1-muc-dich.md"]?.body = pick(
          ["1. Mục đích thứ nhất.", "1. Mục đích **đã sửa**."], &rng)
      }),
    Operation(
      name: "section.add-remove", covers: [],
      apply: { editor, _ in
        if editor.sections["4-to-chuc.md"] == nil {
          editor.sections["4-to-chuc.md"] = Document(
            fields: Fields(pairs: [("id", q("IV")), ("title", q("TỔ CHỨC THỰC HIỆN"))]),
            body: "Giao Sở Tài chính tổng hợp.")
        } else {
          editor.sections["4-to-chuc.md"] = nil
        }
      }),
    // groups
    Operation(
      name: "group.id", covers: ["TaskGroup.id", "TaskGroup.slug"],
      apply: { editor, rng in
        let old = editor.groups["02-rieng"]?.fields["id"]
        let new = pick([q("2"), q("B")], &rng)
        editor.groups["02-rieng"]?.fields["id"] = new
        // Tasks naming the group follow it, as an editor renumbering would do.
        for t in editor.tasks.indices where editor.tasks[t].fields["group"] == old {
          editor.tasks[t].fields["group"] = new
        }
      }),
    Operation(
      name: "group.title", covers: ["TaskGroup.title"],
      apply: { editor, rng in
        editor.groups["01-chung"]?.fields["title"] = pick(
          [q("Nhiệm vụ chung"), q("Nhiệm vụ chung và riêng")], &rng)
      }),
    Operation(
      name: "group.intro", covers: ["TaskGroup.intro"],
      apply: { editor, rng in
        editor.groups["01-chung"]?.body = pick(["", "Giới thiệu nhóm."], &rng)
      }),
    // tasks
    Operation(
      name: "task.title", covers: ["PlanTask.title"],
      apply: setTask("title", [q("Xây dựng kế hoạch"), q("Sửa tiêu đề"), q("Kiểm tra, giám sát")])),
    Operation(
      name: "task.deadline", covers: ["PlanTask.deadline"],
      apply: setTask("deadline", [nil, "2026-01-10", "2026-12-31", "30/6/2026"])),
    Operation(
      name: "task.status", covers: ["PlanTask.status"],
      apply: setTask("status", [nil, "not-started", "in-progress", "done"])),
    Operation(
      name: "task.progress", covers: ["PlanTask.progress"],
      apply: setTask("progress", [nil, "0", "40", "70", "100"])),
    Operation(
      name: "task.indicators", covers: ["PlanTask.indicators"],
      apply: { editor, rng in
        // An indicator that exists (an unknown one is an error that would
        // stay until another step removes it).
        let ids = editor.indicators.compactMap { $0["id"] }
        let choices: [String?] =
          [nil] + ids.map { "[\($0)]" } + [ids.isEmpty ? nil : "[\(ids.joined(separator: ", "))]"]
        setTask("indicators", choices)(&editor, &rng)
      }),
    Operation(
      name: "task.group", covers: ["PlanTask.group", "TaskGroup.tasks"],
      apply: { editor, rng in
        guard !editor.tasks.isEmpty else { return }
        let index = Int.random(in: 0..<editor.tasks.count, using: &rng)
        if Bool.random(using: &rng) {
          // A group id that exists (the second group's id changes).
          let ids = editor.groups.values.compactMap { $0.fields["id"] }
          editor.tasks[index].fields["group"] = pick([nil] + ids, &rng)
        } else {
          editor.tasks[index].folder = pick(["01-chung", "02-rieng"], &rng)
        }
      }),
    Operation(
      name: "task.body", covers: ["PlanTask.body"],
      apply: { editor, rng in
        guard !editor.tasks.isEmpty else { return }
        let index = Int.random(in: 0..<editor.tasks.count, using: &rng)
        editor.tasks[index].body = pick(
          ["", "Nội dung.", "Nội dung *đã sửa*.\n\n- Ý một\n- Ý hai"], &rng)
      }),
    Operation(
      name: "task.id", covers: ["PlanTask.id", "PlanTask.slug", "PlanTask.source"],
      apply: { editor, rng in
        guard !editor.tasks.isEmpty else { return }
        let index = Int.random(in: 0..<editor.tasks.count, using: &rng)
        editor.tasks[index].id =
          "\(editor.tasks[index].folder == "02-rieng" ? "2" : "1").\(editor.nextNumber)"
        editor.nextNumber += 1
      }),
    Operation(
      name: "task.add-delete", covers: ["PlanTask.assignments"],
      apply: { editor, rng in
        if editor.tasks.count > 1, Bool.random(using: &rng) {
          editor.tasks.remove(at: Int.random(in: 0..<editor.tasks.count, using: &rng))
        } else {
          let id = "1.\(editor.nextNumber)"
          editor.nextNumber += 1
          editor.tasks.append(
            Task(
              folder: "01-chung", id: id,
              fields: Fields(pairs: [
                ("title", q("Nhiệm vụ mới \(id)")), ("deadline", pick([nil, "2026-03-01"], &rng)),
              ]),
              assignments: [
                Assignment(
                  to: pick(assigneeChoices.dropLast(), &rng),
                  role: pick(["lead", "support", "implement"], &rng), text: "Thực hiện.",
                  deadline: nil)
              ],
              body: "Nội dung \(id)."))
        }
      }),
    Operation(
      name: "task.assignment-add-remove", covers: [],
      apply: { editor, rng in
        guard !editor.tasks.isEmpty else { return }
        let index = Int.random(in: 0..<editor.tasks.count, using: &rng)
        if editor.tasks[index].assignments.count > 1, Bool.random(using: &rng) {
          editor.tasks[index].assignments.removeLast()
        } else {
          editor.tasks[index].assignments.append(
            Assignment(to: ["so-tai-chinh"], role: "support", text: "Phối hợp thêm.", deadline: nil)
          )
        }
      }),
    Operation(
      name: "assignment.to", covers: ["Assignment.assignees"],
      apply: { editor, rng in
        let hasNewAgency = editor.agencies.contains { $0["id"] == "so-moi" }
        let choices = hasNewAgency ? assigneeChoices : Array(assigneeChoices.dropLast())
        setAssignment { assignment, rng in assignment.to = pick(choices, &rng) }(&editor, &rng)
      }),
    Operation(
      name: "assignment.role", covers: ["Assignment.role"],
      apply: setAssignment { assignment, rng in
        assignment.role = pick(["lead", "support", "implement"], &rng)
      }),
    Operation(
      name: "assignment.text", covers: ["Assignment.text"],
      apply: setAssignment { assignment, rng in
        assignment.text = pick(["Thực hiện.", "Chủ trì, *theo dõi*.", "Báo cáo kết quả."], &rng)
      }),
    Operation(
      name: "assignment.deadline", covers: ["Assignment.deadline", "Assignment.source"],
      apply: setAssignment { assignment, rng in
        assignment.deadline = pick([nil, "2026-05-31", "2026-11-30", "2027-01-15"], &rng)
      }),
    // agencies.yaml
    Operation(
      name: "agency.name", covers: ["Agency.name"],
      apply: setEntry(
        \.agencies, "name", [q("Sở Tài chính"), q("Sở Tài chính và Kế hoạch"), q("Sở Nội vụ")])),
    Operation(
      name: "agency.short_name", covers: ["Agency.shortName"],
      apply: setEntry(\.agencies, "short_name", [nil, q("STC"), q("SNV")])),
    Operation(
      name: "agency.kind", covers: ["Agency.kind"],
      apply: setEntry(\.agencies, "kind", ["so", "thanh-tra", "ban", nil])),
    Operation(
      name: "agency.note", covers: ["Agency.note"],
      apply: setEntry(\.agencies, "note", [nil, q("Hợp nhất từ hai sở.")])),
    Operation(
      name: "agency.add-remove", covers: ["Agency.id", "Agency.source"],
      apply: { editor, _ in
        if let index = editor.agencies.firstIndex(where: { $0["id"] == "so-moi" }) {
          editor.agencies.remove(at: index)
          for t in editor.tasks.indices {
            for a in editor.tasks[t].assignments.indices
            where editor.tasks[t].assignments[a].to.contains("so-moi") {
              editor.tasks[t].assignments[a].to = ["so-noi-vu"]
            }
          }
        } else {
          editor.agencies.insert(
            Fields(pairs: [("id", "so-moi"), ("name", q("Sở Mới")), ("kind", "so")]), at: 1)
        }
      }),
    // communes.yaml
    Operation(
      name: "commune.name", covers: ["Commune.name", "Commune.fullName"],
      apply: setEntry(\.communes, "name", [q("Quỳnh Lưu"), q("Quỳnh Lưu Mới"), q("Xã Anh Sơn")])),
    Operation(
      name: "commune.kind", covers: ["Commune.kind"],
      apply: setEntry(\.communes, "kind", ["xa", "phuong", "dac-khu"])),
    Operation(
      name: "commune.gso_code", covers: ["Commune.gsoCode"],
      apply: setEntry(\.communes, "gso_code", [nil, q("17001"), q("16681")])),
    Operation(
      name: "commune.formed_from", covers: ["Commune.formedFrom"],
      apply: setEntry(\.communes, "formed_from", [nil, "[\"Xã A\"]", "[\"Xã A\", \"Xã B\"]"])),
    Operation(
      name: "commune.add-remove", covers: ["Commune.id", "Commune.source"],
      apply: { editor, _ in
        if let index = editor.communes.firstIndex(where: { $0["id"] == "xa-moi" }) {
          editor.communes.remove(at: index)
        } else {
          editor.communes.append(
            Fields(pairs: [("id", "xa-moi"), ("name", q("Mới")), ("kind", "xa")]))
        }
      }),
    // indicators.yaml
    Operation(
      name: "indicator.group", covers: ["Indicator.group"],
      apply: setEntry(\.indicators, "group", [q("Kinh tế"), q("Xã hội"), nil])),
    Operation(
      name: "indicator.name", covers: ["Indicator.name"],
      apply: setEntry(
        \.indicators, "name", [q("Tốc độ tăng trưởng GRDP"), q("Tăng trưởng kinh tế")])),
    Operation(
      name: "indicator.unit", covers: ["Indicator.unit"],
      apply: setEntry(\.indicators, "unit", [q("%"), q("%/năm")])),
    Operation(
      name: "indicator.document", covers: ["Indicator.document"],
      apply: setEntry(\.indicators, "document", [nil, q("Nghị quyết 63")])),
    Operation(
      name: "indicator.baseline",
      covers: ["Indicator.baseline", "Indicator.Point.period", "Indicator.Point.value"],
      apply: setEntry(
        \.indicators, "baseline",
        [
          nil, "\n    year: \"2025\"\n    value: \"8,44\"",
          "\n    year: \"2024\"\n    value: \"7,1\"",
        ])),
    Operation(
      name: "indicator.targets",
      covers: [
        "Indicator.targets", "IndicatorValue.qualifier", "IndicatorValue.low",
        "IndicatorValue.high", "IndicatorValue.written",
      ],
      apply: setEntry(
        \.indicators, "targets",
        [
          "\n    \"2030\": \"từ 12 trở lên\"", "\n    \"2026\": \"10\"\n    \"2030\": \"165-190\"",
          "\n    \"2030\": \"dưới 5\"",
          // The same figures written otherwise: only the words shown change.
          "\n    \"2030\": \"tối thiểu 12\"", "\n    \"2026\": \"10\"\n    \"2030\": \"165–190\"",
        ])),
    Operation(
      name: "indicator.actuals", covers: ["Indicator.actuals"],
      apply: setEntry(
        \.indicators, "actuals", [nil, "\n    \"2026\": \"9,1\"", "\n    \"2026\": \"-2,5\""])),
    Operation(
      name: "indicator.owner", covers: ["Indicator.owner"],
      apply: setEntry(\.indicators, "owner", [nil, "so-tai-chinh", "so-noi-vu"])),
    Operation(
      name: "indicator.higher_is_better", covers: ["Indicator.higherIsBetter"],
      apply: setEntry(\.indicators, "higher_is_better", [nil, "false", "true"])),
    Operation(
      name: "indicator.note", covers: ["Indicator.note"],
      apply: setEntry(\.indicators, "note", [nil, q("Số liệu sơ bộ.")])),
    Operation(
      name: "indicator.sources", covers: ["Indicator.sources"],
      apply: setEntry(
        \.indicators, "sources",
        [nil, "[\"https://thongke.example/1\"]", "[\"Niên giám thống kê\"]"])),
    Operation(
      name: "indicator.add-remove", covers: ["Indicator.id", "Indicator.source"],
      apply: { editor, _ in
        if let index = editor.indicators.firstIndex(where: { $0["id"] == "chi-tieu-moi" }) {
          editor.indicators.remove(at: index)
          for t in editor.tasks.indices
          where editor.tasks[t].fields["indicators"]?.contains("chi-tieu-moi") == true {
            editor.tasks[t].fields["indicators"] = nil
          }
        } else {
          editor.indicators.append(
            Fields(pairs: [
              ("id", "chi-tieu-moi"), ("name", q("Chỉ tiêu mới")), ("unit", q("xã")),
              ("targets", "\n    \"2030\": \"130\""),
            ]))
        }
      }),
    // reporting.yaml
    Operation(
      name: "site.license", covers: ["SiteSettings.license"],
      apply: setSite("license", [nil, q("CC BY 4.0")])),
    Operation(
      name: "plan.issuer_header", covers: ["PlanDocument.issuerHeader"],
      apply: setPlan("issuer_header", [nil, "[\"ỦY BAN NHÂN DÂN\", \"TỈNH MẪU\"]"])),
    Operation(
      name: "plan.published_part", covers: ["PlanDocument.publishedPart"],
      apply: setPlan("published_part", [nil, q("mục III.1")])),
    Operation(
      name: "plan.collective_labels", covers: ["PlanDocument.collectiveLabels"],
      apply: setPlan(
        "collective_labels",
        [nil, "\n  all-agencies: \"Các sở, ngành\"", "\n  all-communes: \"UBND cấp xã\""])),
    Operation(
      name: "assignment.label", covers: ["Assignment.label"],
      apply: setAssignment { assignment, rng in
        assignment.label = pick([nil, "Các sở, ngành và địa phương", "Sở Nội vụ"], &rng)
      }),
    Operation(
      name: "agency.contact",
      covers: [
        "Agency.contact", "Agency.Contact.address", "Agency.Contact.phone", "Agency.Contact.email",
        "Agency.Contact.website",
      ],
      apply: { editor, rng in
        let key = pick(["address", "phone", "email", "website"], &rng)
        // A website is a full address (`WebAddress`); an e-mail one address.
        let values =
          switch key {
          case "website":
            [nil, q("https://so.example.gov.vn/"), q("http://so.example.gov.vn/lien-he")]
          case "email": [nil, q("so@example.gov.vn"), q("lien-he@so.example.gov.vn")]
          default: [nil, q("Số 1 đường Mẫu"), q("0200 000 000"), q("so@example.gov.vn")]
          }
        setEntry(\.agencies, key, values)(&editor, &rng)
      }),
    Operation(
      name: "site.sample", covers: ["SiteSettings.isSample"],
      apply: setSite("sample", [nil, "true", "false"])),
    Operation(
      name: "schedule.add-remove", covers: ["Plan.schedule", "ReportingSchedule.source"],
      apply: { editor, _ in
        if editor.schedule == nil {
          editor.schedule = defaultSchedule
          editor.reports = ContentEditor().reports
        } else {
          editor.schedule = nil
        }
      }),
    Operation(
      name: "schedule.reporters", covers: ["ReportingSchedule.reporters"],
      apply: { editor, rng in
        editor.schedule?.reporters = pick(
          [nil, "[all-agencies]", "[so-tai-chinh, xa-quynh-luu]", "[all-agencies, all-communes]"],
          &rng)
      }),
    Operation(
      name: "schedule.compiler", covers: ["ReportingSchedule.compiler"],
      apply: { editor, rng in
        editor.schedule?.compiler = pick([nil, "so-tai-chinh", "so-noi-vu"], &rng)
      }),
    Operation(
      name: "period.name", covers: ["ReportingPeriod.name"],
      apply: setPeriod("name", [q("Quý I năm 2026"), q("Kỳ báo cáo đã sửa")])),
    Operation(
      name: "period.start", covers: ["ReportingPeriod.start"],
      apply: setPeriod("start", ["2026-01-01", "2026-02-01"])),
    Operation(
      name: "period.end", covers: ["ReportingPeriod.end"],
      apply: setPeriod("end", ["2026-03-31", "2026-06-30", "2026-09-30"])),
    Operation(
      name: "period.due", covers: ["ReportingPeriod.due"],
      apply: setPeriod("due", ["2026-04-10", "2026-07-10", "2026-12-31"])),
    Operation(
      name: "period.add-remove",
      covers: ["ReportingSchedule.periods", "ReportingPeriod.id", "ReportingPeriod.source"],
      apply: { editor, _ in
        guard editor.schedule != nil else { return }
        if let index = editor.schedule?.periods.firstIndex(where: { $0["id"] == "2026-9t" }) {
          editor.schedule?.periods.remove(at: index)
        } else {
          editor.schedule?.periods.append(ninthMonth)
        }
      }),
    // reports/<period>/<reporter>.md
    Operation(
      name: "report.date", covers: ["Report.date"],
      apply: setReport { report, rng in
        report.fields["date"] = pick(
          ["2026-04-08", "2026-07-09", "2026-07-15", "2026-10-01"], &rng)
      }),
    Operation(
      name: "report.draft", covers: ["Report.isDraft"],
      apply: setReport { report, rng in report.fields["draft"] = pick([nil, "true", "false"], &rng)
      }
    ),
    Operation(
      name: "report.document", covers: ["Report.document"],
      apply: setReport { report, rng in
        report.fields["document"] = pick([nil, q("Báo cáo số 2/BC-STC")], &rng)
      }),
    Operation(
      name: "report.source_url", covers: ["Report.sourceURL"],
      apply: setReport { report, rng in
        report.fields["source_url"] = pick([nil, q("https://vanban.example/bc-1")], &rng)
      }),
    Operation(
      name: "report.summary", covers: ["Report.summary"],
      apply: setReport { report, rng in
        report.body = pick(["", "Tóm tắt.", "Kết quả **nổi bật** trong kỳ."], &rng)
      }),
    Operation(
      name: "report.add-delete",
      covers: ["Plan.reports", "Report.period", "Report.reporter", "Report.source"],
      apply: { editor, rng in
        if editor.reports.count > 2, Bool.random(using: &rng) {
          editor.reports.remove(at: Int.random(in: 0..<editor.reports.count, using: &rng))
          return
        }
        guard let periods = editor.schedule?.periods.compactMap({ $0["id"] }), !periods.isEmpty
        else { return }
        let period = pick(periods, &rng)
        let bodies = (editor.agencies + editor.communes).compactMap { $0["id"] }
        let reporter = pick(bodies, &rng)
        guard !editor.reports.contains(where: { $0.period == period && $0.reporter == reporter }),
          let task = editor.reportable(by: reporter).first
        else { return }
        editor.reports.append(
          ReportFile(
            period: period, reporter: reporter, fields: Fields(pairs: [("date", "2026-07-09")]),
            updates: [
              Fields(pairs: [
                ("task", q(task.id)), ("status", pick(["in-progress", "done"], &rng)),
              ])
            ],
            figures: [], body: ""))
      }),
    Operation(
      name: "update.status", covers: ["TaskUpdate.status"],
      apply: setUpdate("status", [nil, "not-started", "in-progress", "done"])),
    Operation(
      name: "update.progress", covers: ["TaskUpdate.progress"],
      apply: setUpdate("progress", [nil, "0", "50", "100"])),
    Operation(
      name: "update.done_on", covers: ["TaskUpdate.doneOn"],
      apply: setUpdate("done_on", [nil, "2026-06-20", "2026-03-15"])),
    Operation(
      name: "update.text", covers: ["TaskUpdate.text"],
      apply: setUpdate("text", [nil, q("Đã thực hiện."), q("Đã *hoàn thành* phần việc.")])),
    Operation(
      name: "update.add-remove", covers: ["Report.tasks", "TaskUpdate.task", "TaskUpdate.source"],
      apply: { editor, rng in
        guard !editor.reports.isEmpty else { return }
        let r = Int.random(in: 0..<editor.reports.count, using: &rng)
        let report = editor.reports[r]
        if report.updates.count > 1, Bool.random(using: &rng) {
          editor.reports[r].updates.removeLast()
          return
        }
        let listed = Set(report.updates.compactMap { $0["task"].map(unquoted) })
        guard
          let task = editor.reportable(by: report.reporter).first(where: {
            !listed.contains($0.id)
          })
        else { return }
        editor.reports[r].updates.append(
          Fields(pairs: [("task", q(task.id)), ("status", "not-started")]))
      }),
    Operation(
      name: "figure.value", covers: ["IndicatorReport.value"],
      apply: setFigure("value", [q("8,5"), q("9"), q("-1,2")])),
    Operation(
      name: "figure.year", covers: ["IndicatorReport.period"],
      apply: setFigure("year", [q("2025"), q("2024")])),
    Operation(
      name: "figure.add-remove",
      covers: ["Report.indicators", "IndicatorReport.indicator", "IndicatorReport.source"],
      apply: { editor, rng in
        guard !editor.reports.isEmpty else { return }
        let r = Int.random(in: 0..<editor.reports.count, using: &rng)
        if !editor.reports[r].figures.isEmpty {
          editor.reports[r].figures.removeLast()
        } else if let id = editor.indicators.compactMap({ $0["id"] }).first {
          editor.reports[r].figures.append(
            Fields(pairs: [("indicator", id), ("year", q("2024")), ("value", q("10"))]))
        }
      }),
    Operation(
      name: "build.drafts", covers: [],
      apply: { editor, _ in editor.includesDrafts.toggle() }),
    Operation(
      name: "file.break", covers: [],
      apply: { editor, rng in
        editor.broken = pick(
          ["tasks/01-chung/1-1.md", "agencies.yaml", "plan.md", "site.yaml"], &rng)
      }),
    // Templates/
    Operation(
      name: "template.page", covers: [],
      apply: { editor, _ in editor.templateMarks["task.mustache", default: false].toggle() }),
    Operation(
      name: "template.partial", covers: [],
      apply: { editor, _ in editor.templateMarks["partials/duty.mustache", default: false].toggle()
      }),
    Operation(
      name: "template.footer", covers: [],
      apply: { editor, _ in
        editor.templateMarks["partials/footer.mustache", default: false].toggle()
      }),
    Operation(
      name: "template.asset", covers: [],
      apply: { editor, _ in editor.templateMarks["assets/site.css", default: false].toggle() }),
  ]

  /// Applies the template marks to the templates folder.
  func writeTemplates(_ templates: URL, original: [String: String]) throws {
    for (file, marked) in templateMarks {
      guard let text = original[file] else { continue }
      let mark = file.hasSuffix(".css") ? "\n/* sửa */\n" : "<!-- sửa -->\n"
      try (marked ? text + mark : text).write(
        to: templates.appendingPathComponent(file), atomically: true, encoding: .utf8)
    }
  }
}

/// A YAML double-quoted string.
func q(_ text: String) -> String {
  "\""
    + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    + "\""
}
