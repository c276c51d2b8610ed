import ContentLoader
import Dispatch
import OutputWriter
import PlanModel
import SiteCore
import SiteRenderer

/// Runs the pipeline: load → validate → render → write.
///
/// A build that finds any error writes nothing: the output folder keeps the
/// last good build. Pages are rendered on all cores and written in order by
/// one writer, into a staging folder that is swapped in at the end.
public struct SiteBuilder: Sendable {
  public let configuration: BuildConfiguration

  public init(configuration: BuildConfiguration) {
    self.configuration = configuration
  }

  /// Loads and validates everything and writes nothing: `plansite check`.
  ///
  /// - Parameter renderingPages: also render every page in memory, to catch
  ///   problems that only show while rendering.
  public func check(renderingPages: Bool = false) -> BuildResult {
    var clock = PhaseClock()
    let prepared = prepare(&clock)
    var result = BuildResult(diagnostics: prepared.diagnostics, published: false)
    if renderingPages, let renderer = prepared.renderer {
      do {
        for route in renderer.routes { _ = try renderer.render(route) }
        result.pageCount = renderer.routes.count
      } catch let error as DiagnosticError {
        result.diagnostics += error.diagnostics
      } catch {
        result.diagnostics.append(
          .error("rendering failed: \(error)", at: SourceLocation(file: configuration.templatesDirectory)))
      }
      clock.mark("render")
    }
    result.timings = clock.timings
    return result
  }

  /// Builds and publishes the site.
  public func build() -> BuildResult {
    var clock = PhaseClock()
    let prepared = prepare(&clock)
    var result = BuildResult(diagnostics: prepared.diagnostics, published: false)
    guard let renderer = prepared.renderer, !result.failed else {
      result.timings = clock.timings
      return result
    }
    do {
      let writer = try OutputWriter(
        directory: configuration.outputDirectory,
        protecting: [configuration.contentDirectory, configuration.templatesDirectory])
      do {
        result.pageCount = try renderAndWrite(renderer, into: writer.staging, notes: &result.notes)
        clock.mark("render and write")
        try writer.publish()
        clock.mark("publish")
      } catch {
        writer.abandon()
        throw error
      }
      result.fileCount = writer.staging.fileCount
      result.byteCount = writer.staging.byteCount
      result.published = true
    } catch let error as DiagnosticError {
      result.diagnostics += error.diagnostics
    } catch let error as DiagnosticConvertible {
      result.diagnostics.append(error.diagnostic)
    } catch {
      result.diagnostics.append(
        .error("the build failed: \(error)", at: SourceLocation(file: configuration.outputDirectory)))
    }
    result.timings = clock.timings
    return result
  }

  /// The loaded, validated plan and its renderer, or the reasons there is none.
  private struct Prepared {
    var diagnostics: [Diagnostic]
    var renderer: SiteRenderer?
  }

  private func prepare(_ clock: inout PhaseClock) -> Prepared {
    let loaded = ContentLoader(directory: configuration.contentDirectory).load()
    clock.mark("load")
    var diagnostics = loaded.diagnostics
    // Validation runs even when some files failed to load, so an editor
    // sees every problem at once; the plan is only used if nothing failed.
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
        .error("the templates could not be read: \(error)",
          at: SourceLocation(file: configuration.templatesDirectory)))
    }
    clock.mark("templates")
    if configuration.strict { diagnostics = diagnostics.treatingWarningsAsErrors() }
    diagnostics = diagnostics.sortedForDisplay()
    guard let plan, let templates, !diagnostics.hasErrors else {
      return Prepared(diagnostics: diagnostics, renderer: nil)
    }
    do {
      let renderer = try SiteRenderer(
        plan: plan, templates: templates, options: .init(today: configuration.today))
      clock.mark("index")
      return Prepared(diagnostics: diagnostics, renderer: renderer)
    } catch let error as DiagnosticError {
      return Prepared(diagnostics: diagnostics + error.diagnostics, renderer: nil)
    } catch {
      return Prepared(diagnostics: diagnostics, renderer: nil)
    }
  }

  /// Renders every page on all cores and writes them in route order on one
  /// writer thread, a bounded number of batches ahead, so rendering and
  /// disk writes overlap and memory stays flat however large the site.
  private func renderAndWrite(
    _ renderer: SiteRenderer, into staging: StagingTree, notes: inout [String]
  ) throws -> Int {
    for asset in renderer.assets { try staging.write(asset) }
    try staging.write(renderer.searchIndexFile())
    for file in renderer.dataFiles() { try staging.write(file) }
    let siteIndex = renderer.siteIndexFiles()
    for file in siteIndex.files { try staging.write(file) }
    if let note = siteIndex.note { notes.append(note) }
    let routes = renderer.routes
    let batchSize = 32
    let writerQueue = DispatchQueue(label: "plansite.writer")
    let inFlight = DispatchSemaphore(value: 4)
    let failures = FailureBox()
    var start = 0
    while start < routes.count, !failures.hasFailure {
      let batch = Array(routes[start..<min(start + batchSize, routes.count)])
      start += batch.count
      let slots = BatchSlots(count: batch.count)
      DispatchQueue.concurrentPerform(iterations: batch.count) { index in
        do {
          slots.set(index, try renderer.render(batch[index]))
        } catch {
          failures.record(error)
        }
      }
      inFlight.wait()
      writerQueue.async {
        defer { inFlight.signal() }
        guard !failures.hasFailure else { return }
        do {
          for file in slots.files { try staging.write(file) }
        } catch {
          failures.record(error)
        }
      }
    }
    writerQueue.sync {}
    if let error = failures.first { throw error }
    return routes.count
  }
}

/// Rendered files of one batch, filled concurrently (one slot per index).
private final class BatchSlots: @unchecked Sendable {
  private var slots: [OutputFile?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ file: OutputFile) {
    slots.withUnsafeMutableBufferPointer { $0[index] = file }
  }

  var files: [OutputFile] { slots.compactMap { $0 } }
}

/// The first error raised on any thread.
private final class FailureBox: @unchecked Sendable {
  private let lock = NSLockLike()
  private var error: Error?

  func record(_ error: Error) { lock.withLock { if self.error == nil { self.error = error } } }
  var first: Error? { lock.withLock { error } }
  var hasFailure: Bool { first != nil }
}
