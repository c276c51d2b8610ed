import OutputWriter
import SiteCore

/// What a build or check did: its problems, what it wrote, how long it took.
public struct BuildResult: Sendable {
  /// Every problem found, sorted for display (warnings are errors under `--strict`).
  public var diagnostics: [Diagnostic]
  /// Whether the site was published.
  public var published: Bool
  /// How many pages the site has.
  public var pageCount = 0
  /// Whether nothing had changed since the last build (nothing was written).
  public var upToDate = false
  /// Whether the content folder's listing was the last build's, updated
  /// at the paths a watcher saw change (`watch`, `serve`).
  public var updatedListing = false
  /// Whether the content was loaded by patching the last build's load
  /// (`watch`, `serve`: a save of a few task files).
  public var patchedLoad = false
  /// Whether the plan was validated by patching the last build's
  /// validation (`watch`, `serve`: only a few tasks' text changed).
  public var patchedValidation = false
  /// How many pages were rendered (the rest were kept as they were).
  public var renderedPages = 0
  /// How many files of any kind were made (pages, data files, assets).
  public var renderedFiles = 0
  /// How many pieces of the files made of runs of tasks (`PiecesRecord`)
  /// were taken from their published versions rather than made again.
  public var keptPieces = 0
  /// What publishing wrote, kept and removed.
  public var report: OutputWriter.Report?
  /// Things the user should know that are not problems (skipped optional files).
  public var notes: [Message] = []
  /// The language messages are printed in: the site's (`language:` in
  /// site.yaml), Vietnamese when it is not known.
  public var language: Language = .vi
  /// Seconds spent in each phase, in order.
  public var timings: [Timing] = []

  public init(diagnostics: [Diagnostic] = [], published: Bool = false) {
    self.diagnostics = diagnostics
    self.published = published
  }

  /// Whether any error was found.
  public var failed: Bool { diagnostics.hasErrors }

  /// One phase's time, and the process's peak memory when it ended.
  public struct Timing: Sendable {
    public var phase: String
    public var seconds: Double
    /// Peak resident memory in bytes so far (nil where the system does not say).
    public var peakMemory: Int?
  }
}
