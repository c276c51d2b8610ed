import ContentLoader
import Dispatch
import Foundation
import OutputWriter
import PlanModel
import SiteCore
import SiteRenderer

/// Runs the pipeline: load → validate → render → write.
///
/// A build that finds any error writes nothing: the output folder keeps the
/// last good build. Builds are incremental: the output folder remembers
/// what it was made from (`.plansite-state`), a build with nothing changed
/// stops after comparing file sizes and times, and otherwise only the pages
/// a change can affect are rendered again and only files whose bytes differ
/// are written (see `OutputWriter`). Pages are rendered on all cores and
/// written in order by one writer thread.
public struct SiteBuilder: Sendable {
  public let configuration: BuildConfiguration
  /// Parsed files kept between builds in one process (watch and serve).
  public let cache: ParseCache?

  public init(configuration: BuildConfiguration, cache: ParseCache? = nil) {
    self.configuration = configuration
    self.cache = cache
  }

  /// Loads and validates everything and writes nothing: `plansite check`.
  ///
  /// - Parameter renderingPages: also render every page in memory, to catch
  ///   problems that only show while rendering.
  public func check(renderingPages: Bool = false) -> BuildResult {
    var clock = PhaseClock()
    let prepared = prepare(&clock, cache: cache)
    var result = BuildResult(diagnostics: prepared.diagnostics, published: false)
    result.language = prepared.language
    if renderingPages, let renderer = prepared.renderer {
      do {
        for route in renderer.routes { _ = try renderer.render(route) }
        result.pageCount = renderer.routes.count
      } catch let error as DiagnosticError {
        result.diagnostics += error.diagnostics
      } catch {
        result.diagnostics.append(
          .error(
            vi: "dựng trang không thành công: \(error)", en: "rendering failed: \(error)",
            at: SourceLocation(file: configuration.templatesDirectory)
          ))
      }
      clock.mark("render")
    }
    result.timings = clock.timings
    return result
  }

  /// Builds and publishes the site.
  ///
  /// With `clean`, every page is rendered again whatever changed (files with unchanged bytes are
  /// still not rewritten).
  public func build(clean: Bool = false) -> BuildResult {
    var clock = PhaseClock()
    var result = BuildResult(diagnostics: [], published: false)
    do {
      let writer = try OutputWriter(
        directory: configuration.outputDirectory,
        protecting: [configuration.contentDirectory, configuration.templatesDirectory])
      defer { writer.abandon() }
      let listed = ContentLoader(directory: configuration.contentDirectory).list()
      if !clean, let tree = listed.tree, listed.diagnostics.isEmpty,
        isUpToDate(tree: tree, remembered: writer.remembered)
      {
        clock.mark("compare")
        result.upToDate = true
        result.published = true
        result.timings = clock.timings
        return result
      }
      let previous = clean ? nil : readState(of: writer)
      // One-shot builds keep parsed files beside the output folder
      // (`Site.cache`), so only files that changed are parsed again.
      let stored = cache == nil ? ParseCache() : nil
      if let stored, !clean, let tree = listed.tree, let bytes = writer.readCache() {
        stored.load(bytes, header: CacheHeader.text(for: tree))
      }
      let prepared = prepare(&clock, listed: listed, cache: cache ?? stored)
      if let stored, stored.hasChanged, let tree = listed.tree {
        // Stored before rendering, when memory is lowest, and also when the
        // content has errors (the files that parsed are still good). A cache
        // that cannot be stored only makes the next build slower.
        try? writer.storeCache(stored.encoded(header: CacheHeader.text(for: tree)))
        clock.mark("store cache")
      }
      stored?.removeAll()
      result.diagnostics = prepared.diagnostics
      result.language = prepared.language
      guard let renderer = prepared.renderer, let state = prepared.state, !result.failed else {
        result.timings = clock.timings
        return result
      }
      var scope: Set<Route>?
      if let previous, previous.today == state.today, previous.templates == state.templates {
        let changed = state.fingerprints.changedKeys(since: previous.fingerprints)
        scope = IncrementalPlan.affectedRoutes(
          changed: changed, previous: previous.fingerprints, current: state.fingerprints,
          plan: renderer.plan)
      }
      let update = try writer.begin()
      let output = try write(renderer, state: state, scope: scope, into: update)
      clock.mark("render and write")
      let report = try writer.commit(update, remember: prepared.stamps)
      clock.mark("publish")
      result.pageCount = renderer.routes.count
      result.renderedPages = output.rendered
      result.notes += output.notes
      result.report = report
      result.published = true
    } catch let error as DiagnosticError {
      result.diagnostics += error.diagnostics
    } catch let error as DiagnosticConvertible {
      result.diagnostics.append(error.diagnostic)
    } catch {
      result.diagnostics.append(
        .error(
          vi: "lệnh dựng không thành công: \(error)", en: "the build failed: \(error)",
          at: SourceLocation(file: configuration.outputDirectory)))
    }
    result.timings = clock.timings
    return result
  }

  /// Reads and parses every content file into `cache` without building.
  public func loadIntoCache() {
    guard cache != nil else { return }
    let loader = ContentLoader(directory: configuration.contentDirectory, cache: cache)
    _ = loader.load()
  }

  /// Deletes the spare output folder (`Site.staging`, the build before the live one), under the
  /// build lock.
  ///
  /// Builds keep the spare so that the next build touches only what changed; `watch` and `serve`
  /// remove it when they stop, so nothing but `Site/` is left behind.
  public func removeSpare() -> [Diagnostic] {
    do {
      let writer = try OutputWriter(
        directory: configuration.outputDirectory,
        protecting: [configuration.contentDirectory, configuration.templatesDirectory])
      defer { writer.abandon() }
      try writer.removeSpare()
      return []
    } catch let error as DiagnosticError {
      return error.diagnostics
    } catch let error as DiagnosticConvertible {
      return [error.diagnostic]
    } catch {
      return [
        .error(
          vi: "không xóa được thư mục dự phòng: \(error)",
          en: "the spare output folder could not be removed: \(error)",
          at: SourceLocation(file: configuration.outputDirectory + ".staging"))
      ]
    }
  }

  // MARK: - Phases

  /// The loaded, validated plan and its renderer, or the reasons there is none.
  private struct Prepared {
    var diagnostics: [Diagnostic]
    var renderer: SiteRenderer?
    var state: BuildState?
    /// Content files' sizes and times, for the next build's "anything changed?".
    var stamps: [String] = []
    /// The language of the site's messages.
    var language: Language = .vi
  }

  private func prepare(
    _ clock: inout PhaseClock,
    listed: (tree: SourceTree?, diagnostics: [Diagnostic])? = nil,
    cache: ParseCache? = nil
  ) -> Prepared {
    let loader = ContentLoader(directory: configuration.contentDirectory, cache: cache)
    let listing = listed ?? loader.list()
    let loaded =
      listing.tree.map { loader.load($0, listingDiagnostics: listing.diagnostics) }
      ?? ContentLoader.Result(draft: PlanDraft(), diagnostics: listing.diagnostics, inputs: [])
    if let tree = listing.tree { cache?.retain(only: Set(tree.files.map(\.path))) }
    clock.mark("load")
    // Validation runs even when some files failed to load, so an editor
    // sees every problem at once; the plan is only used if nothing failed.
    var diagnostics = loaded.diagnostics
    let validated = PlanValidator().validate(loaded.draft)
    diagnostics += validated.diagnostics
    let plan = loaded.diagnostics.hasErrors ? nil : validated.plan
    clock.mark("validate")
    var templates: TemplateSet?
    do {
      let set = try TemplateSet(directory: configuration.templatesDirectory)
      diagnostics += set.warnings
      templates = set
    } catch let error as DiagnosticError {
      diagnostics += error.diagnostics
    } catch {
      diagnostics.append(
        .error(
          vi: "không đọc được các mẫu trang: \(error)",
          en: "the templates could not be read: \(error)",
          at: SourceLocation(file: configuration.templatesDirectory)))
    }
    clock.mark("templates")
    let language = loaded.draft.site.map { Language(siteLanguage: $0.language) } ?? .vi
    if configuration.strict { diagnostics = diagnostics.treatingWarningsAsErrors() }
    diagnostics = diagnostics.sortedForDisplay()
    guard let plan, let templates, !diagnostics.hasErrors else {
      return Prepared(diagnostics: diagnostics, renderer: nil, state: nil, language: language)
    }
    var stamps: [String] = []
    do {
      let renderer = try SiteRenderer(
        plan: plan, templates: templates, options: .init(today: configuration.today))
      var state = BuildState()
      state.today = configuration.today.iso
      state.templates = templates.hash.description
      state.contentHashes = Dictionary(
        loaded.inputs.map { ($0.path, $0.hash.description) }, uniquingKeysWith: { a, _ in a })
      if let tree = listing.tree {
        stamps = [
          "digest " + inputDigest(tree: tree, templates: templates.hash.description)
        ]
      }
      state.fingerprints = Fingerprints(plan: plan)
      clock.mark("index")
      return Prepared(
        diagnostics: diagnostics, renderer: renderer, state: state, stamps: stamps,
        language: language)
    } catch let error as DiagnosticError {
      return Prepared(
        diagnostics: diagnostics + error.diagnostics, renderer: nil, state: nil, language: language)
    } catch {
      return Prepared(diagnostics: diagnostics, renderer: nil, state: nil, language: language)
    }
  }

  private func readState(of writer: OutputWriter) -> BuildState? {
    guard writer.published != nil,
      let bytes = try? FileBytes.read(writer.directory + "/" + BuildState.fileName),
      let text = String(validating: bytes, as: UTF8.self)
    else { return nil }
    return BuildState(text: text)
  }

  /// Whether nothing the last build read has changed: the digest of the
  /// date, the templates and every content file's size and time equals the
  /// one remembered beside the output folder (for this very live folder).
  private func isUpToDate(tree: SourceTree, remembered: [String]) -> Bool {
    guard let previous = remembered.first(where: { $0.hasPrefix("digest ") }),
      let templates = try? TemplateHash.compute(directory: configuration.templatesDirectory)
    else { return false }
    return previous == "digest " + inputDigest(tree: tree, templates: templates)
  }

  /// A hash over what a build reads: the date, the templates, and each
  /// content file's path, size and modification time.
  private func inputDigest(tree: SourceTree, templates: String) -> String {
    var hash = ContentHash()
    hash.update(configuration.today.iso)
    hash.update(templates)
    for file in tree.files where ContentLoader.reads(file.path) {
      hash.update(file.path)
      hash.update(file.stamp)
    }
    return hash.description
  }

  /// Renders what `scope` says (everything when `nil`), keeps the rest, and
  /// regenerates the data files; one writer thread applies the results in
  /// order while the pages of the next batches render on all cores.
  private func write(
    _ renderer: SiteRenderer, state: BuildState, scope: Set<Route>?, into update: OutputUpdate
  ) throws -> (rendered: Int, notes: [Message]) {
    var notes: [Message] = []
    for asset in renderer.assets { try update.put(asset) }
    // The whole-plan data (JSON, CSV, search index) is generated on its own
    // thread while the pages render, and written when it is ready; files
    // whose bytes are unchanged are kept as they were.
    let planData = DataSlot()
    let dataDone = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      planData.files = renderer.planDataFiles()
      dataDone.signal()
    }
    let siteIndex = renderer.siteIndexFiles()
    for file in siteIndex.files { try update.put(file) }
    if let note = siteIndex.note { notes.append(note) }
    try update.put(OutputFile(path: BuildState.fileName, text: state.text))

    var toRender: [Route] = []
    for route in renderer.routes {
      let agencyFiles: [String]
      if case .agency(let id) = route {
        agencyFiles = [SiteRenderer.agencyCSVPath(id), SiteRenderer.agencyCalendarPath(id)]
      } else {
        agencyFiles = []
      }
      if let scope, !scope.contains(route), update.isPublished(route.path),
        agencyFiles.allSatisfy(update.isPublished)
      {
        try update.keep(route.path)
        for path in agencyFiles { try update.keep(path) }
      } else {
        toRender.append(route)
        if case .agency(let id) = route {
          for file in renderer.agencyDataFiles(id) { try update.put(file) }
        }
      }
    }
    try Parallel.pipeline(
      toRender, batch: 32, produce: { try renderer.render($0) },
      consume: { files in
        for file in files { try update.put(file) }
      })
    dataDone.wait()
    for file in planData.files { try update.put(file) }
    return (toRender.count, notes)
  }
}

/// The whole-plan data files, filled by their own thread.
private final class DataSlot: @unchecked Sendable {
  var files: [OutputFile] = []
}

/// The first error raised on any thread.
private final class FailureBox: @unchecked Sendable {
  private let lock = NSLockLike()
  private var error: Error?

  func record(_ error: Error) { lock.withLock { if self.error == nil { self.error = error } } }
  var first: Error? { lock.withLock { error } }
  var hasFailure: Bool { first != nil }
}
