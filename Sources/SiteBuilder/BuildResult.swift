import SiteCore

/// What a build or check did: its problems, what it wrote, how long it took.
public struct BuildResult: Sendable {
  /// Every problem found, sorted for display (warnings are errors under `--strict`).
  public var diagnostics: [Diagnostic]
  /// Whether the site was published.
  public var published: Bool
  /// How many pages were rendered.
  public var pageCount = 0
  /// How many files the site has.
  public var fileCount = 0
  /// How many bytes the site has.
  public var byteCount = 0
  /// Things the user should know that are not problems (skipped optional files).
  public var notes: [String] = []
  /// Seconds spent in each phase, in order.
  public var timings: [(phase: String, seconds: Double)] = []

  /// Whether any error was found.
  public var failed: Bool { diagnostics.hasErrors }
}
