import Dispatch
import PlanModel
import SiteCore

/// Reads a content folder into a `PlanDraft`: the "load" step of the pipeline.
///
/// Every file is decoded (UTF-8, NFC), split, parsed with Yams and its
/// Markdown rendered with cmark, independently and on all cores. Problems
/// are collected, never thrown one at a time, so an editor sees them all.
/// Files parsed by an earlier build can be handed back (`reusing`): only
/// the others are read.
public struct ContentLoader: Sendable {
  /// What loading produced.
  public struct Result: Sendable {
    /// The plan as the files describe it (unvalidated).
    public var draft: PlanDraft
    /// Every problem found in single files, and in the folder's layout.
    public var diagnostics: [Diagnostic]
    /// Every file read or reused, by path: what a later build may reuse.
    public var parsed: [String: ParsedFile]
    /// The paths read and parsed by this load (the others were reused).
    public var freshlyParsed: Set<String>
    /// Whether this load patched an earlier one (`EarlierLoad`).
    public var patched = false
    /// The tasks a patched load replaced: their positions in
    /// `draft.tasks`, and the drafts they replaced.
    public var replacedTasks: [(index: Int, before: PlanDraft.TaskDraft)] = []
    /// The reports a patched load replaced: their positions in
    /// `draft.reports`.
    public var replacedReports: [Int] = []

    /// `diagnostics`, with the errors found in draft reports as warnings.
    ///
    /// A build without drafts leaves them out before checking them
    /// (`PlanValidator`), so a mistake in one must not stop the public
    /// site: it is said, and the draft stays out until it is mended. A
    /// file too broken to say it is a draft stays an error.
    public var diagnosticsLeavingDraftsOut: [Diagnostic] {
      let drafts = Set(draft.reports.filter(\.isDraft).map(\.source.location.file))
      guard !drafts.isEmpty else { return diagnostics }
      return diagnostics.map { diagnostic in
        drafts.contains(diagnostic.location.file) ? diagnostic.leavingDraftOut : diagnostic
      }
    }

    /// The ids of the tasks a patched load replaced (a patch keeps every id).
    public var replacedTaskIDs: [TaskID] {
      replacedTasks.compactMap { replaced in
        draft.tasks.indices.contains(replaced.index)
          ? TaskID(draft.tasks[replaced.index].id.value) : nil
      }
    }

    public init(
      draft: PlanDraft, diagnostics: [Diagnostic], parsed: [String: ParsedFile],
      freshlyParsed: Set<String>
    ) {
      self.draft = draft
      self.diagnostics = diagnostics
      self.parsed = parsed
      self.freshlyParsed = freshlyParsed
    }
  }

  /// Whether a build reads the file at `path` (editors' notes and unknown
  /// files are listed but not read).
  public static func reads(_ path: String) -> Bool {
    let kind = ContentFileKind(path: path)
    return kind != .documentation && kind != .unexpected
  }

  /// The content folder as the user named it (`Content`).
  public let directory: String

  public init(directory: String) {
    self.directory = directory
  }

  /// Lists the folder (reporting links that lead outside it).
  public func list() -> (tree: SourceTree?, diagnostics: [Diagnostic]) {
    let report = DiagnosticCollector()
    do {
      let tree = try SourceTree(directory: directory, diagnostics: report)
      return (tree, report.diagnostics)
    } catch {
      return (nil, error.diagnostics)
    }
  }

  /// Lists and loads the folder, parsing every file.
  public func load() -> Result {
    let listed = list()
    guard let tree = listed.tree else {
      return Result(
        draft: PlanDraft(), diagnostics: listed.diagnostics, parsed: [:], freshlyParsed: [])
    }
    return load(tree, listingDiagnostics: listed.diagnostics)
  }

  /// Loads the files of an already listed folder.
  ///
  /// - Parameter reusing: an earlier parse of a file whose size and time are
  ///   unchanged, if one is remembered; such a file is not read again.
  public func load(
    _ tree: SourceTree, listingDiagnostics: [Diagnostic] = [],
    reusing remembered: (SourceTree.File) -> ParsedFile? = { _ in nil }
  ) -> Result {
    let report = DiagnosticCollector()
    report.report(contentsOf: listingDiagnostics)
    for required in ContentFileKind.requiredFiles where tree.file(required) == nil {
      report.error(
        vi: "thư mục nội dung thiếu tệp '\(required)'",
        en: "the content folder has no '\(required)'",
        at: SourceLocation(file: tree.displayRoot + "/" + required),
        notes: [Diagnostic.Note(Self.purpose(of: required))])
    }
    let files = tree.files.map { ($0, ContentFileKind(path: $0.path)) }
    reportUnusedFiles(files, in: tree, report)
    let readable = files.filter { $0.1 != .unexpected && $0.1 != .documentation }
    let parser = FileParser()
    let results = Parallel.map(readable, chunk: 8) { file, kind -> (ParsedFile, fresh: Bool) in
      if let reused = remembered(file) { return (reused, false) }
      return (Self.parse(file, kind: kind, parser: parser), true)
    }
    var draft = PlanDraft()
    var parsed: [String: ParsedFile] = [:]
    var fresh = Set<String>()
    for ((result, isFresh), (file, kind)) in zip(results, readable) {
      report.report(contentsOf: result.diagnostics)
      parsed[file.path] = result
      if isFresh { fresh.insert(file.path) }
      Self.add(result.content, to: &draft)
      if result.diagnostics.hasErrors, let registry = Self.registry(of: kind) {
        draft.incomplete.insert(registry)
      }
    }
    for required in ContentFileKind.requiredFiles where tree.file(required) == nil {
      if let registry = Self.registry(of: ContentFileKind(path: required)) {
        draft.incomplete.insert(registry)
      }
    }
    draft.groups.sort { $0.folder < $1.folder }
    return Result(
      draft: draft, diagnostics: report.diagnostics, parsed: parsed, freshlyParsed: fresh)
  }

  static func parse(_ file: SourceTree.File, kind: ContentFileKind, parser: FileParser)
    -> ParsedFile
  {
    let report = DiagnosticCollector()
    let bytes: [UInt8]
    do {
      bytes = try file.read()
    } catch {
      report.error(
        vi: "không đọc được tệp: \(error.reason.vi)",
        en: "the file cannot be read: \(error.reason.en)",
        at: SourceLocation(file: file.displayPath))
      return ParsedFile(content: .nothing, diagnostics: report.diagnostics, hash: nil)
    }
    let hash = ContentHash(bytes)
    guard
      let source = SourceFile.decode(
        bytes, path: file.path, displayPath: file.displayPath, report: report)
    else {
      return ParsedFile(content: .nothing, diagnostics: report.diagnostics, hash: hash)
    }
    var parsed = parser.parse(source, kind: kind)
    parsed.diagnostics.insert(contentsOf: report.diagnostics, at: 0)
    parsed.hash = hash
    return parsed
  }

  private static func add(_ content: ParsedFile.Content, to draft: inout PlanDraft) {
    switch content {
    case .site(let site): draft.site = site
    case .plan(let plan): draft.document = plan
    case .section(let section): draft.sections.append(section)
    case .agencies(let list): draft.agencies += list
    case .communes(let list): draft.communes += list
    case .indicators(let list): draft.indicators += list
    case .group(let group): draft.groups.append(group)
    case .task(let task): draft.tasks.append(task)
    case .schedule(let schedule): draft.schedule = schedule
    case .report(let report): draft.reports.append(report)
    case .nothing: break
    }
  }

  private static func registry(of kind: ContentFileKind) -> PlanDraft.Registry? {
    switch kind {
    case .agencies: .agencies
    case .communes: .communes
    case .indicators: .indicators
    case .reporting: .periods
    case .group: .groups
    case .task: .tasks
    default: nil
    }
  }

  private static func purpose(of file: String) -> Message {
    switch file {
    case "site.yaml":
      Message(
        vi: "tệp này ghi tên và các thiết lập của trang (title: …, language: vi)",
        en: "it holds the site's title and settings (title: …, language: vi)")
    case "plan.md":
      Message(
        vi: "tệp này ghi số hiệu, ngày ban hành, cơ quan ban hành, người ký và phần mở đầu "
          + "của kế hoạch",
        en: "it holds the plan's number, dates, issuer and signer, and its preamble")
    case "agencies.yaml":
      Message(
        vi: "tệp này liệt kê các cơ quan được giao nhiệm vụ (- id: …, name: …)",
        en: "it lists the agencies tasks are assigned to (- id: …, name: …)")
    case "communes.yaml":
      Message(
        vi: "tệp này liệt kê các xã, phường (- id: …, name: …, kind: xa)",
        en: "it lists the communes (- id: …, name: …, kind: xa)")
    default: Message(vi: "hãy tạo tệp này", en: "create it")
    }
  }

  /// The files the site does not read: an error when one was surely
  /// meant as content (its folder or name written another way), since its
  /// content would silently go missing from the site; else a warning.
  private func reportUnusedFiles(
    _ files: [(SourceTree.File, ContentFileKind)], in tree: SourceTree,
    _ report: DiagnosticCollector
  ) {
    var misnamedFolders: [String: (right: String, files: Int)] = [:]
    var misnamedTasks = false
    for (file, kind) in files where kind == .unexpected {
      guard let (wrong, right) = ContentFileKind.misnamed(file.path) else {
        report.warning(
          vi: "tệp '\(file.path)' không được trang web sử dụng",
          en: "'\(file.path)' is not used by the site", at: SourceLocation(file: file.displayPath),
          notes: [Self.unexpectedFileNote(file.path)])
        continue
      }
      guard wrong == file.path else {
        misnamedFolders[wrong, default: (right, 0)].files += 1
        continue
      }
      if right.hasPrefix("tasks/") { misnamedTasks = true }
      let name = Self.lastPart(of: right)
      report.error(
        vi: "tệp '\(file.path)' không được trang web đọc vì tên viết sai",
        en: "'\(file.path)' is not read by the site: its name is written wrong",
        at: SourceLocation(file: file.displayPath),
        notes: [
          Diagnostic.Note(
            Self.whyRenamed(file.path, to: name)
              + Message(vi: ": đổi tên thành '\(name)'", en: ": rename it to '\(name)'"))
        ])
    }
    for (wrong, fix) in misnamedFolders.sorted(by: { $0.key < $1.key }) {
      let name = Self.lastPart(of: fix.right)
      report.error(
        vi: "thư mục '\(wrong)' không được trang web đọc: \(fix.files) tệp trong đó không lên "
          + "trang",
        en: "the folder '\(wrong)' is not read by the site: its \(fix.files) "
          + "file\(fix.files == 1 ? "" : "s") do not reach the site",
        at: SourceLocation(file: tree.displayRoot + "/" + wrong),
        notes: [
          Diagnostic.Note(
            vi: "đổi tên thư mục thành '\(name)' (viết đúng như vậy: chữ thường, không dấu)",
            en: "rename the folder to '\(name)' (exactly so: lowercase, no diacritics)")
        ])
    }
    let hasTasks = files.contains { _, kind in
      if case .task = kind { return true }
      if case .group = kind { return true }
      return false
    }
    if !hasTasks, !misnamedTasks, !misnamedFolders.values.contains(where: { $0.right == "tasks" }) {
      report.error(
        vi: "kế hoạch chưa có nhiệm vụ nào: không có tệp nào trong thư mục 'tasks'",
        en: "the plan has no tasks: there is no file in the 'tasks' folder",
        at: SourceLocation(file: tree.displayRoot + "/tasks"),
        notes: [
          Diagnostic.Note(
            vi: "mỗi nhiệm vụ là một tệp tasks/<thư mục nhóm>/<số hiệu>.md; nếu thư mục tasks "
              + "đã bị đổi tên hay chuyển đi, đặt lại đúng chỗ",
            en: "each task is a file tasks/<group folder>/<id>.md; if the tasks folder was "
              + "renamed or moved, put it back")
        ])
    }
  }

  /// The last part of a path in the content folder.
  private static func lastPart(of path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  /// Why the file at `path` must be renamed `name`: its extension, the
  /// extension's case, or (a group's or a top-level file) its name's case.
  private static func whyRenamed(_ path: String, to name: String) -> Message {
    let ending = name.hasSuffix(".md") ? ".md" : ".yaml"
    if !path.lowercased().hasSuffix(ending) {
      return Message(
        vi: "tệp nội dung có đuôi '\(ending)' viết thường",
        en: "content files end in lowercase '\(ending)'")
    }
    if path.contains("/"), !name.hasPrefix("_") {
      return Message(vi: "đuôi '\(ending)' viết thường", en: "the ending '\(ending)' is lowercase")
    }
    return Message(vi: "tên tệp viết đúng như vậy", en: "the file's name is written so")
  }

  private static func unexpectedFileNote(_ path: String) -> Diagnostic.Note {
    let known = ContentFileKind.knownRootFiles
    let name = path.split(separator: "/").last.map(String.init) ?? path
    let lower = name.lowercased()
    if lower.hasSuffix(".md.txt") || lower.hasSuffix(".markdown")
      || lower.hasSuffix(".md")
        && !name.hasSuffix(".md")
    {
      let fixed = String(name.prefix { $0 != "." }) + ".md"
      return Diagnostic.Note(
        vi: "tệp nội dung phải có đuôi '.md' viết thường: đổi tên thành '\(fixed)'",
        en: "content files must end in lowercase '.md': rename it to '\(fixed)'")
    }
    if !path.contains("/"), let close = Suggestion.closest(to: path, among: known) {
      return Diagnostic.Note(vi: "có phải là '\(close)'?", en: "did you mean '\(close)'?")
    }
    if path.hasPrefix("reports/") {
      return Diagnostic.Note(
        vi: "mỗi báo cáo là một tệp reports/<mã kỳ báo cáo>/<mã cơ quan hoặc xã, phường>.md",
        en: "each report is a file reports/<period id>/<agency or commune id>.md")
    }
    return Diagnostic.Note(
      vi: "nhiệm vụ đặt trong tasks/<thư mục nhóm>/<số hiệu>.md, các mục trong "
        + "sections/<tên>.md; ghi chú cho người soạn đặt trong README.md hoặc SOURCES.md; "
        + "các tệp khác không được dùng",
      en: "tasks go in tasks/<group folder>/<id>.md, sections in sections/<name>.md, notes "
        + "for editors in README.md or SOURCES.md; other files are not used")
  }
}
