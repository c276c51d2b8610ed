import ContentLoader
import Foundation
import OutputWriter
import PlanModel
import SiteCore
import SiteRenderer
import Synchronization

/// Runs the pipeline: inputs → up-to-date check → load → validate →
/// templates → scope → render and publish → remember.
///
/// A build that finds any error writes nothing: the output folder keeps the
/// last good build. Builds are incremental by construction: every output
/// file is an `OutputJob` whose digest covers everything it is made from,
/// and only files whose digest changed are made again (`BuildMemory`
/// remembers the digests, beside the output folder).
public struct SiteBuilder: Sendable {
  public let configuration: BuildConfiguration
  /// Memory kept between builds in one process (`watch`, `serve`); one-shot
  /// builds load it from the database beside the output folder.
  private let keptMemory: BuildMemory?
  /// Told where the build is: each phase, then files made of how many.
  public var progress: (@Sendable (BuildProgress) -> Void)?
  /// What builds left for the process's exit to free
  /// (`BuildConfiguration.leavesMemoryToExit`).
  private static let leftToExit = Mutex<[Any]>([])

  public init(configuration: BuildConfiguration) {
    self.configuration = configuration
    keptMemory = nil
  }

  init(configuration: BuildConfiguration, memory: BuildMemory) {
    self.configuration = configuration
    keptMemory = memory
  }

  /// Builds and publishes the site.
  ///
  /// With `clean`, every file is made again whatever changed (files with
  /// unchanged bytes are still not rewritten).
  ///
  /// - Parameter changes: in `watch` and `serve`, every path that changed
  ///   since the last build of this process, as the watcher names them
  ///   (`FileWatcher.Changes`); nil when unknown. The content folder is
  ///   then listed again only at those paths.
  public func build(clean: Bool = false, changes: Set<String>? = nil) -> BuildResult {
    var clock = PhaseClock()
    var result = BuildResult()
    // Taken out of the memory whatever happens: `changes` are relative to
    // it, and only a build that lists the folder may keep a listing.
    let earlierListing = keptMemory?.earlierListing
    keptMemory?.earlierListing = nil
    if let missing = missingContentFolder() {
      result.diagnostics = missing
      result.timings = clock.timings
      return result
    }
    do throws(DiagnosticError) {
      let writer = try lockOutput()
      defer { writer.abandon() }
      let memory = keptMemory ?? BuildMemory(configuration: configuration)
      defer { memory.settle() }
      clock.mark("open memory")
      try ownership(of: writer, memory)
      let inputs = try readInputs(changes: changes, earlierListing: earlierListing)
      result.updatedListing = inputs.updated
      clock.mark("inputs")
      // No templates folder (a build run outside the project, or a wrong
      // --templates): nothing can be rendered, so say so now rather than
      // after reading every content file.
      if case .failure(let error) = inputs.templates, inputs.tree != nil { throw error }
      if !clean, memory.isUpToDate(inputsDigest: inputs.digest, liveIdentity: writer.liveIdentity) {
        clock.mark("up-to-date check")
        return upToDate(memory, timings: clock.timings)
      }
      progress?(.phase(Message(vi: "Đang đọc nội dung…", en: "Reading the content…")))
      var loaded = load(inputs, memory, clean: clean)
      result.patchedLoad = loaded.patched
      clock.mark("load")
      progress?(.phase(Message(vi: "Đang kiểm tra…", en: "Checking…")))
      let checked = validate(loaded, inputs)
      result.diagnostics = checked.diagnostics
      result.language = checked.language
      result.patchedValidation = checked.patched
      clock.mark("validate")
      guard let valid = checked.valid else {
        result.timings = clock.timings
        return result
      }
      result.notes = SiteRenderer.notes(valid.plan)
      let edited =
        clean
        ? nil : try publishEditedPages(valid, loaded, writer, memory, result)
      if edited != nil { clock.mark("publish edited") }
      if !keepsLoads { Self.letGo(&loaded) }
      let renderer = renderer(valid)
      let jobs = renderer.outputs()
      keptMemory?.reusable = renderer.reusable(after: jobs)
      let toProduce = clean ? jobs : memory.toProduce(jobs, liveIdentity: writer.liveIdentity)
      clock.mark("scope")
      result.pageCount = jobs.filter { $0.path.hasSuffix(".html") }.count
      result.renderedPages =
        toProduce.filter { $0.path.hasSuffix(".html") }.count + (edited?.produced ?? 0)
      result.renderedFiles = toProduce.count + (edited?.produced ?? 0)
      let (pages, planWide) = split(toProduce, memory, liveIdentity: writer.liveIdentity)
      progress?(.files(done: 0, total: pages.count))
      var (report, folders, keptPieces) = try publish(
        jobs.map(\.path), producing: pages, all: jobs, writer, memory, clean: clean)
      if let edited { report = Self.merged(edited.report, report) }
      if !planWide.isEmpty {
        // The pages are live (the browser may reload now); the plan-wide
        // files are still the last build's, and remembered as such until
        // they are published too.
        clock.mark("publish pages")
        memory.published(
          folders, jobs: jobs, stale: Set(planWide.map(\.path)), inputsDigest: nil,
          diagnostics: result.diagnostics, notes: result.notes, language: result.language,
          pageCount: result.pageCount)
        progress?(.files(done: 0, total: planWide.count))
        let (second, latest, morePieces) = try publish(
          jobs.map(\.path), producing: planWide, all: jobs, writer, memory, clean: clean)
        keptPieces += morePieces
        report = Self.merged(report, second)
        folders = latest
        clock.mark("publish data files")
      } else {
        clock.mark("render and publish")
      }
      result.report = report
      result.keptPieces = keptPieces
      result.published = true
      memory.published(
        folders, jobs: jobs, inputsDigest: inputs.hasRacyFiles ? nil : inputs.digest,
        diagnostics: result.diagnostics, notes: result.notes, language: result.language,
        pageCount: result.pageCount)
      writer.release()
      if configuration.leavesMemoryToExit {
        Self.leftToExit.withLock { $0.append((memory, checked, renderer, jobs, inputs)) }
      }
      clock.mark("remember")
    } catch {
      result.diagnostics += error.diagnostics
      result.published = false
    }
    result.timings = clock.timings
    return result
  }

  /// Whether a later build of this process patches this build's load
  /// (`watch`, `serve`); a one-shot build lets it go once it is validated.
  private var keepsLoads: Bool { keptMemory != nil }

  /// Lets a one-shot build's load go, freed on another thread.
  ///
  /// Once the plan is validated nothing reads it, and with reports its
  /// drafts are hundreds of megabytes, which the pages can then reuse.
  /// Freeing them takes a while, hence not on this thread. `watch` and
  /// `serve` keep the load for the next build to patch.
  private static func letGo(_ loaded: inout ContentLoader.Result) {
    let gone = loaded
    loaded = ContentLoader.Result(
      draft: PlanDraft(), diagnostics: [], parsed: [:], freshlyParsed: [])
    DispatchQueue.global().async { withExtendedLifetime(gone) {} }
  }

  /// The problem of a content folder that is not there (a mistyped
  /// `--content`), told before the output's lock and memory are made:
  /// nothing is left beside an output folder that was never built.
  private func missingContentFolder() -> [Diagnostic]? {
    var isFolder: ObjCBool = false
    guard
      !FileManager.default.fileExists(
        atPath: configuration.contentDirectory, isDirectory: &isFolder)
        || !isFolder.boolValue
    else { return nil }
    let listed = ContentLoader(directory: configuration.contentDirectory).list()
    return listed.diagnostics.isEmpty ? nil : listed.diagnostics
  }

  /// Loads and validates everything and writes nothing: `plansite check`.
  ///
  /// - Parameter renderingPages: also render every file in memory, to catch
  ///   problems that only show while rendering.
  public func check(renderingPages: Bool = false) -> BuildResult {
    var clock = PhaseClock()
    var result = BuildResult()
    do throws(DiagnosticError) {
      let inputs = try readInputs()
      clock.mark("inputs")
      let loaded = load(inputs, nil)
      clock.mark("load")
      let checked = validate(loaded, inputs)
      result.diagnostics = checked.diagnostics
      result.language = checked.language
      clock.mark("validate")
      if renderingPages, let valid = checked.valid {
        let jobs = renderer(valid).outputs()
        _ = try Parallel.map(jobs, chunk: 16) { job throws(DiagnosticError) in try job.produce() }
        result.pageCount = jobs.filter { $0.path.hasSuffix(".html") }.count
        result.renderedFiles = jobs.count
        clock.mark("render")
      }
    } catch {
      result.diagnostics += error.diagnostics
    }
    result.timings = clock.timings
    return result
  }

  /// Makes the spare folder a copy of the live one (hard links, swapped
  /// in), unless this process knows it is one already.
  ///
  /// `watch` and `serve` call this after their first build: they remove
  /// the spare when they stop, and without one the first save would link
  /// every file of the site before its page could go live (5–15 s at
  /// 30,000 tasks on a slow disk). Returns any problem; the site is
  /// unchanged either way.
  public func prepareSpare() -> [Diagnostic] {
    do throws(DiagnosticError) {
      let writer = try lockOutput()
      defer { writer.abandon() }
      guard let memory = keptMemory, let live = memory.live,
        live.identity == writer.liveIdentity
      else { return [] }
      if let spare = memory.spare, spare.identity == writer.spareIdentity,
        spare.differsFromLive?.isEmpty == true
      {
        return []
      }
      let (_, folders, _) = try publish(nil, producing: [], all: [], writer, memory)
      memory.published(
        folders, jobs: [], only: true,
        inputsDigest: memory.inputsDigest.map { ContentHash(value: $0) },
        diagnostics: memory.diagnostics, notes: memory.notes, language: memory.language,
        pageCount: memory.pageCount)
      writer.release()
      return []
    } catch {
      return error.diagnostics
    }
  }

  /// Deletes the spare output folder (`Site.staging`, the build before the
  /// live one), under the build lock.
  ///
  /// Builds keep the spare so that the next build touches only what
  /// changed; `watch` and `serve` remove it when they stop, so nothing but
  /// `Site/` and the build database is left behind.
  public func removeSpare() -> [Diagnostic] {
    do throws(DiagnosticError) {
      let writer = try lockOutput()
      defer { writer.abandon() }
      (keptMemory ?? BuildMemory(configuration: configuration)).spareRemoved()
      do throws(OutputError) {
        try writer.removeSpare()
      } catch {
        throw DiagnosticError(error.diagnostic)
      }
      return []
    } catch {
      return error.diagnostics
    }
  }

  // MARK: - Phases

  /// Takes the lock on the output folder (refusing unsafe folders).
  private func lockOutput() throws(DiagnosticError) -> OutputWriter {
    do throws(OutputError) {
      return try OutputWriter(
        directory: configuration.outputDirectory,
        protecting: [configuration.contentDirectory, configuration.templatesDirectory])
    } catch {
      throw DiagnosticError(error.diagnostic)
    }
  }

  /// Refuses to replace a folder of someone else's files.
  private func ownership(of writer: OutputWriter, _ memory: BuildMemory) throws(DiagnosticError) {
    do throws(OutputError) {
      try writer.checkOwnership(recorded: memory.recordedLive)
    } catch {
      throw DiagnosticError(error.diagnostic)
    }
  }

  /// What the build reads: the content folder's listing (sizes and times),
  /// the templates' bytes, and a digest of both with the build's settings.
  struct Inputs {
    var tree: SourceTree?
    var listingDiagnostics: [Diagnostic]
    var templates: Result<TemplateFiles, DiagnosticError>
    var digest: ContentHash
    var hasRacyFiles: Bool
    /// Whether `tree` is the last listing updated where files changed.
    var updated = false
  }

  private func readInputs(changes: Set<String>? = nil, earlierListing: SourceTree? = nil)
    throws(DiagnosticError) -> Inputs
  {
    let listed = listContent(changes: changes, earlier: earlierListing)
    let templates = Result { () throws(DiagnosticError) in
      try TemplateFiles(directory: configuration.templatesDirectory)
    }
    var digest = ContentHash()
    digest.update("inputs 3")
    digest.update(configuration.today.iso)
    digest.update(configuration.strict ? "strict" : "")
    digest.update(configuration.includesDrafts ? "drafts" : "")
    digest.update(configuration.servedFromRoot ? "root" : "")
    if case .success(let files) = templates { digest.update(files.hash.value) }
    for file in listed.tree?.files ?? [] {
      digest.update(file.path)
      digest.update(UInt64(bitPattern: file.size))
      digest.update(UInt64(bitPattern: file.modified))
      digest.update(UInt64(bitPattern: file.changed))
      digest.update(file.inode)
    }
    return Inputs(
      tree: listed.tree, listingDiagnostics: listed.diagnostics, templates: templates,
      digest: digest, hasRacyFiles: listed.tree.map(BuildMemory.hasRacyFiles) ?? false,
      updated: listed.updated)
  }

  /// The content folder listed: the last listing of this process updated
  /// at the paths that changed since, when a watcher names them all, or a
  /// new one.
  private func listContent(changes: Set<String>?, earlier: SourceTree?) -> (
    tree: SourceTree?, diagnostics: [Diagnostic], updated: Bool
  ) {
    let folder = configuration.contentDirectory + "/"
    if let changes, var tree = earlier {
      let inside = changes.compactMap { path in
        path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : nil
      }
      // A change to the folder itself (not inside it) needs a listing.
      let onlyInside = !changes.contains(configuration.contentDirectory)
      if onlyInside, tree.update(changedAt: inside) {
        keptMemory?.earlierListing = tree
        return (tree, [], true)
      }
    }
    let listed = ContentLoader(directory: configuration.contentDirectory).list()
    keptMemory?.earlierListing = listed.diagnostics.isEmpty ? listed.tree : nil
    return (listed.tree, listed.diagnostics, false)
  }

  /// The result of a build that found nothing changed: the last build's
  /// warnings and notes again, nothing written.
  private func upToDate(_ memory: BuildMemory, timings: [BuildResult.Timing])
    -> BuildResult
  {
    var result = BuildResult(diagnostics: memory.diagnostics, published: true)
    result.upToDate = true
    result.notes = memory.notes
    result.language = memory.language
    result.pageCount = memory.pageCount
    result.timings = timings
    return result
  }

  /// Reads and parses the content files, reusing remembered parses of files
  /// whose size and time are unchanged.
  /// - Parameter clean: read and parse every file, whatever the memory
  ///   holds (`--clean` is how an editor starts over when in doubt).
  private func load(_ inputs: Inputs, _ memory: BuildMemory?, clean: Bool = false)
    -> ContentLoader.Result
  {
    let loader = ContentLoader(directory: configuration.contentDirectory)
    guard let tree = inputs.tree else {
      return ContentLoader.Result(
        draft: PlanDraft(), diagnostics: inputs.listingDiagnostics, parsed: [:], freshlyParsed: [])
    }
    memory?.prepare()
    let remembered = { (file: SourceTree.File) in clean ? nil : memory?.parsed(file) }
    let listing = inputs.listingDiagnostics
    // In watch and serve, a save of a few task files patches the last load
    // (taken out of the memory, so that it is patched in place).
    var patched: ContentLoader.Result?
    if let earlier = keptMemory?.earlierLoad {
      keptMemory?.earlierLoad = nil
      patched =
        clean
        ? nil
        : loader.load(
          tree, listingDiagnostics: listing, patching: earlier, reusing: remembered)
    }
    let loaded = patched ?? loader.load(tree, listingDiagnostics: listing, reusing: remembered)
    // The kept validation is of the last load: only a patched load can use it.
    if patched == nil { keptMemory?.earlierValidation = nil }
    keptMemory?.earlierLoad = EarlierLoad(
      tree: tree, listingDiagnostics: listing, result: loaded)
    memory?.rememberInBackground(loaded, tree: tree, keepingParsedFiles: keepsLoads)
    return loaded
  }

  /// A validated plan with its checked templates.
  struct Valid {
    var plan: Plan
    var templates: TemplateSet
  }

  /// The validated plan and the loaded templates, or every reason there are none.
  ///
  /// Validation runs even when some files failed to load, so an editor sees every problem at once.
  private func validate(_ loaded: ContentLoader.Result, _ inputs: Inputs) -> (
    valid: Valid?, diagnostics: [Diagnostic], language: Language, patched: Bool
  ) {
    var diagnostics =
      configuration.includesDrafts ? loaded.diagnostics : loaded.diagnosticsLeavingDraftsOut
    let loadFailed = diagnostics.hasErrors
    // The templates are parsed while the plan is validated (much of which
    // runs on one core): neither reads the other.
    let (validated, parsedTemplates) = Parallel.both(
      { validatePlan(loaded) },
      { () -> Result<TemplateSet, DiagnosticError> in
        Result { () throws(DiagnosticError) in try templateSet(try inputs.templates.get()) }
      })
    diagnostics += validated.diagnostics
    let plan = loadFailed ? nil : validated.plan
    var templates: TemplateSet?
    switch parsedTemplates {
    case .success(let set):
      diagnostics += set.warnings
      templates = set
    case .failure(let error):
      diagnostics += error.diagnostics
    }
    let language = loaded.draft.site.map { Language(siteLanguage: $0.language) } ?? .vi
    if configuration.strict { diagnostics = diagnostics.treatingWarningsAsErrors() }
    diagnostics = diagnostics.sortedForDisplay()
    guard let plan, let templates, !diagnostics.hasErrors else {
      return (nil, diagnostics, language, validated.patched)
    }
    return (Valid(plan: plan, templates: templates), diagnostics, language, validated.patched)
  }

  /// The plan validated, patching the last validation of this process when
  /// the load patched the last load (and keeping this one for the next).
  private func validatePlan(_ loaded: ContentLoader.Result) -> (
    plan: Plan?, diagnostics: [Diagnostic], patched: Bool
  ) {
    let validator = PlanValidator(
      today: configuration.today, includeDrafts: configuration.includesDrafts)
    guard let memory = keptMemory else {
      let validated = validator.validate(loaded.draft)
      return (validated.plan, validated.diagnostics, false)
    }
    var patched: (plan: Plan?, diagnostics: [Diagnostic], earlier: EarlierValidation?)?
    if let earlier = memory.earlierValidation {
      // Taken out of the memory, so that its plan is patched in place.
      memory.earlierValidation = nil
      if loaded.patched {
        patched = validator.validate(
          loaded.draft, patching: earlier, changedTasks: loaded.replacedTasks,
          changedReports: loaded.replacedReports)
      }
    }
    let validated = patched ?? validator.validate(loaded.draft, keeping: true)
    memory.earlierValidation = validated.earlier
    return (validated.plan, validated.diagnostics, patched != nil)
  }

  /// What the renderers of this build are told.
  private var renderOptions: SiteRenderer.Options {
    .init(
      today: configuration.today, keepsPageInputs: keptMemory != nil,
      servedFromRoot: configuration.servedFromRoot)
  }

  /// The renderer of the whole site (what the build works out beside the
  /// plan itself: who holds what, where each task stands).
  private func renderer(_ valid: Valid) -> SiteRenderer {
    SiteRenderer(
      plan: valid.plan, templates: valid.templates, options: renderOptions,
      reusing: keptMemory?.reusable)
  }

  /// The templates parsed and checked, or the same set as the last build
  /// of this process if their files are unchanged.
  private func templateSet(_ files: TemplateFiles) throws(DiagnosticError) -> TemplateSet {
    if let kept = keptMemory?.templates, kept.hash == files.hash { return kept.set }
    let set = try TemplateSet(files: files, engine: configuration.templateEngine)
    keptMemory?.templates = (files.hash, set)
    return set
  }

  /// Publishes the pages of the tasks and reports just edited, first.
  ///
  /// With `publishesPagesFirst`, the pages of the tasks and reports whose
  /// files were just saved go live before anything else is worked out:
  /// they are what the editor (or the clerk) is looking at. Returns what
  /// was published and how many pages were made for it, if anything.
  ///
  /// Which pages go first is only a matter of order: the rest of the build
  /// compares every file as usual, and publishes what else changed right
  /// after. Only when the live folder is the one recorded, and for a few
  /// pages (a save, not a first build).
  private func publishEditedPages(
    _ valid: Valid, _ loaded: ContentLoader.Result, _ writer: OutputWriter,
    _ memory: BuildMemory, _ result: BuildResult
  ) throws(DiagnosticError) -> (report: OutputWriter.Report, produced: Int)? {
    let edited = loaded.freshlyParsed
    guard configuration.publishesPagesFirst, !edited.isEmpty, edited.count <= 8,
      let live = memory.live, live.identity == writer.liveIdentity
    else { return nil }
    // A patched load names the tasks it replaced; otherwise the tasks of
    // the files just parsed are looked for. Reports are looked for by
    // path (a plan has hundreds, not thousands).
    let ids =
      loaded.patched ? loaded.replacedTaskIDs : SiteRenderer.tasks(in: edited, of: valid.plan)
    let reports = SiteRenderer.reports(in: edited, of: valid.plan)
    let jobs = SiteRenderer.pagesOfEdits(
      tasks: ids, reports: reports, plan: valid.plan, templates: valid.templates,
      options: renderOptions, reusing: keptMemory?.reusable)
    let toProduce = memory.toProduce(jobs, liveIdentity: writer.liveIdentity)
    guard !toProduce.isEmpty else { return nil }
    let (report, folders, _) = try publish(
      nil, producing: toProduce, all: toProduce, writer, memory)
    memory.published(
      folders, jobs: toProduce, only: true, inputsDigest: nil, diagnostics: result.diagnostics,
      notes: result.notes, language: result.language, pageCount: memory.pageCount)
    return (report, toProduce.count)
  }

  /// With `publishesPagesFirst`, the jobs to publish first and the
  /// plan-wide files to publish after them; otherwise all jobs at once.
  ///
  /// Only when the live folder is the one recorded and has every plan-wide
  /// file to keep meanwhile, and there are pages to show first.
  ///
  /// Produced in one step, the plan-wide files come first: each takes
  /// hundreds of pages' time, and made last they would leave one core idle
  /// while the other finished them.
  private func split(
    _ toProduce: [OutputJob], _ memory: BuildMemory, liveIdentity: FolderIdentity?
  ) -> (first: [OutputJob], after: [OutputJob]) {
    let planWide = toProduce.filter { SiteRenderer.planWidePaths.contains($0.path) }
    let pages = toProduce.filter { !SiteRenderer.planWidePaths.contains($0.path) }
    let together = (planWide + pages, [OutputJob]())
    guard configuration.publishesPagesFirst else { return together }
    guard !planWide.isEmpty, !pages.isEmpty,
      let live = memory.live, live.identity == liveIdentity,
      planWide.allSatisfy({ live.files[$0.path] != nil })
    else { return together }
    return (pages, planWide)
  }

  /// What two publishing steps of one build did, as one.
  private static func merged(_ first: OutputWriter.Report, _ second: OutputWriter.Report)
    -> OutputWriter.Report
  {
    var report = second
    report.written = (first.written + second.written).sorted()
    report.writtenBytes += first.writtenBytes
    report.removed = (first.removed + second.removed).sorted()
    report.foreign = Array(Set(first.foreign + second.foreign)).sorted()
    report.unchanged = second.fileCount - report.written.count
    return report
  }

  /// Makes the jobs to produce on all cores while one thread writes them
  /// into the spare folder, keeps every other file of `paths` (nil: of the
  /// live folder) as published, swaps the spare in, and says which files
  /// changed (`BuildProgress.published`).
  ///
  /// A file of the live folder deleted by hand is found when it should be
  /// kept: then every job of `all` is made, checked against the live files
  /// themselves, as `--clean` does.
  private func publish(
    _ paths: [String]?, producing jobs: [OutputJob], all: [OutputJob], _ writer: OutputWriter,
    _ memory: BuildMemory, clean: Bool = false
  ) throws(DiagnosticError) -> (
    report: OutputWriter.Report, folders: OutputWriter.Published, keptPieces: Int
  ) {
    let (live, spare) = (memory.live, memory.spare)
    memory.spareWillChange()
    var update: OutputUpdate
    var toProduce = jobs
    var checking = clean
    func keepTheRest() throws(OutputError) {
      let produced = Set(toProduce.map(\.path))
      if let paths {
        for path in paths where !produced.contains(path) { try update.keep(path) }
      } else {
        try update.keepAll(except: produced)
      }
    }
    do throws(OutputError) {
      update = try writer.begin(live: live, spare: spare, verifying: clean)
      do throws(OutputError) {
        try keepTheRest()
      } catch .liveFileMissing(let path) {
        // Nothing to make it from (preparing the spare): the site is left
        // as it is, and the next build makes what it lacks.
        guard !all.isEmpty else {
          memory.forgetInputs()
          throw .liveFileMissing(path)
        }
        update = try writer.begin(live: live, spare: nil, verifying: true)
        toProduce = all
        checking = true
        try keepTheRest()
      }
    } catch {
      throw DiagnosticError(error.diagnostic)
    }
    var written = 0
    var keptPieces = 0
    // A file made of keyed pieces takes the unchanged ones from its
    // published version, when that is the version recorded (not in a
    // clean build, which makes everything and trusts no published file).
    let records = memory.beginPublishing(
      reading: checking ? [] : toProduce.filter(\.reusesPieces).map(\.path))
    let livePath = writer.directory
    do throws(DiagnosticOrOutputError) {
      try Parallel.pipeline(
        toProduce, batch: 32,
        produce: { job throws(DiagnosticOrOutputError) in
          let earlier = records[job.path].flatMap {
            EarlierPieces.read($0, at: livePath + "/" + job.path)
          }
          return (try Self.produce(job, earlier: earlier, update), earlier?.taken ?? 0)
        },
        consume: { files throws(DiagnosticOrOutputError) in
          do throws(OutputError) {
            for (file, taken) in files {
              let hash = try update.put(file)
              if let record = PiecesRecord(file, fileHash: hash) {
                memory.made(record, at: file.path)
              }
              keptPieces += taken
            }
          } catch {
            throw .output(error)
          }
          written += files.count
          progress?(.files(done: written, total: toProduce.count))
        })
    } catch {
      throw error.diagnosticError
    }
    do throws(OutputError) {
      let (report, folders) = try writer.commit(update)
      progress?(.published(report.written + report.removed))
      // The files are published: a trash folder that cannot be emptied now
      // is emptied (or reported) by the next build's `begin`.
      try? writer.emptyTrash()
      return (report, folders, keptPieces)
    } catch {
      throw DiagnosticError(error.diagnostic)
    }
  }
}

extension SiteBuilder {
  /// Makes `job`'s file: a large data file straight into the spare folder
  /// as its pieces are made (`OutputUpdate.stream(_:)`), any other in
  /// memory, for the writing thread.
  fileprivate static func produce(
    _ job: OutputJob, earlier: EarlierPieces?, _ update: OutputUpdate
  ) throws(DiagnosticOrOutputError) -> OutputFile {
    guard job.streams else {
      do throws(DiagnosticError) {
        return try job.produce(earlier: earlier)
      } catch {
        throw .diagnostic(error)
      }
    }
    let stream = update.stream(job.path)
    do throws(DiagnosticError) {
      try job.produce(earlier: earlier, into: stream)
    } catch {
      throw .diagnostic(error)
    }
    do throws(OutputError) {
      return try stream.finish()
    } catch {
      throw .output(error)
    }
  }
}

/// A failure while pages render (a template problem) or while they are written.
enum DiagnosticOrOutputError: Error {
  case diagnostic(DiagnosticError)
  case output(OutputError)

  var diagnosticError: DiagnosticError {
    switch self {
    case .diagnostic(let error): error
    case .output(let error): DiagnosticError(error.diagnostic)
    }
  }
}

/// Where a build is, for a progress line on a terminal.
public enum BuildProgress: Sendable {
  /// A phase starts.
  case phase(Message)
  /// Files made and written so far, of how many.
  case files(done: Int, total: Int)
  /// A step of the build is live: these files (paths in the output
  /// folder) were written or removed. A build publishes in one step, or
  /// with `BuildConfiguration.publishesPagesFirst` in up to three: the
  /// edited tasks' pages, the other pages, the plan-wide files.
  case published([String])
}
