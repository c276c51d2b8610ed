/// Thrown by a phase that found problems: carries all of them at once.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
  /// Every problem the phase found, errors and warnings.
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }

  public init(_ diagnostic: Diagnostic) {
    self.diagnostics = [diagnostic]
  }

  public var description: String {
    diagnostics.sortedForDisplay().map(\.description).joined(separator: "\n")
  }
}

/// Collects diagnostics while a phase runs, so it can report every problem.
///
/// A class so that small readers can share one collector without threading
/// `inout` through every call; it is confined to the task that owns it.
public final class DiagnosticCollector {
  /// What has been reported so far, in report order.
  public private(set) var diagnostics: [Diagnostic] = []

  public init() {}

  /// Records one problem.
  public func report(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
  }

  /// Records several problems.
  public func report(contentsOf more: [Diagnostic]) {
    diagnostics.append(contentsOf: more)
  }

  /// Records an error at `location`.
  public func error(_ message: Message, at location: SourceLocation, notes: [Diagnostic.Note] = [])
  {
    report(.error(message, at: location, notes: notes))
  }

  /// Records an error at `location`, in both languages.
  public func error(
    vi: String, en: String, at location: SourceLocation, notes: [Diagnostic.Note] = []
  ) {
    report(.error(vi: vi, en: en, at: location, notes: notes))
  }

  /// Records a warning at `location`.
  public func warning(
    _ message: Message, at location: SourceLocation, notes: [Diagnostic.Note] = []
  ) {
    report(.warning(message, at: location, notes: notes))
  }

  /// Records a warning at `location`, in both languages.
  public func warning(
    vi: String, en: String, at location: SourceLocation, notes: [Diagnostic.Note] = []
  ) {
    report(.warning(vi: vi, en: en, at: location, notes: notes))
  }

  /// Whether an error has been reported.
  public var hasErrors: Bool { diagnostics.hasErrors }
}
