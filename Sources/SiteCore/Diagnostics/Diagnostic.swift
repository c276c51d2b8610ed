/// One problem found in the input, with where it is and how to fix it.
///
/// Every module reports problems as values of this type; only the command
/// line prints them. Messages are written for the people who edit `Content/`,
/// who are not programmers: say what is wrong, then (in a note) what to do.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  /// How bad a problem is.
  public enum Severity: String, Sendable, Comparable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
      lhs == .error && rhs == .warning
    }
  }

  /// A follow-up line: a suggested fix, or a related place.
  public struct Note: Hashable, Sendable {
    /// The text of the note.
    public var message: String
    /// Where the note points, if elsewhere than its diagnostic.
    public var location: SourceLocation?

    public init(_ message: String, at location: SourceLocation? = nil) {
      self.message = message
      self.location = location
    }
  }

  /// Whether the problem stops the build.
  public var severity: Severity
  /// Where the problem is.
  public var location: SourceLocation
  /// What is wrong, in one line.
  public var message: String
  /// What to do about it, and related places.
  public var notes: [Note]

  public init(
    _ severity: Severity, _ message: String, at location: SourceLocation, notes: [Note] = []
  ) {
    self.severity = severity
    self.message = message
    self.location = location
    self.notes = notes
  }

  /// An error at `location`.
  public static func error(
    _ message: String, at location: SourceLocation, notes: [Note] = []
  ) -> Diagnostic {
    Diagnostic(.error, message, at: location, notes: notes)
  }

  /// A warning at `location`.
  public static func warning(
    _ message: String, at location: SourceLocation, notes: [Note] = []
  ) -> Diagnostic {
    Diagnostic(.warning, message, at: location, notes: notes)
  }

  /// The diagnostic and its notes, one per line, without color.
  public var description: String {
    var lines = ["\(location): \(severity.rawValue): \(message)"]
    for note in notes {
      if let noteLocation = note.location {
        lines.append("\(noteLocation): note: \(note.message)")
      } else {
        lines.append("note: \(note.message)")
      }
    }
    return lines.joined(separator: "\n")
  }
}

extension Array where Element == Diagnostic {
  /// Whether any of the diagnostics is an error.
  public var hasErrors: Bool { contains { $0.severity == .error } }

  /// The diagnostics in reading order: by file, line and column, errors first
  /// at the same place, then by message so the order never depends on timing.
  public func sortedForDisplay() -> [Diagnostic] {
    sorted { lhs, rhs in
      if lhs.location != rhs.location { return lhs.location < rhs.location }
      if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
      return lhs.message < rhs.message
    }
  }

  /// The same diagnostics with every warning made an error (`--strict`).
  public func treatingWarningsAsErrors() -> [Diagnostic] {
    map { diagnostic in
      var copy = diagnostic
      copy.severity = .error
      return copy
    }
  }

  /// The diagnostics as printed by the command line: sorted, one per line, each followed by its
  /// notes, then the summary line.
  ///
  /// With `color`, ANSI colors mark locations, severities and notes (for terminals only).
  public func formatted(color: Bool = false) -> String {
    func paint(_ text: String, _ code: String) -> String {
      color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
    guard !isEmpty else { return "" }
    var text = ""
    for diagnostic in sortedForDisplay() {
      let label =
        diagnostic.severity == .error ? paint("error:", "1;31") : paint("warning:", "1;33")
      text += paint("\(diagnostic.location):", "1") + " \(label) \(diagnostic.message)\n"
      for note in diagnostic.notes {
        let prefix = note.location.map { paint("\($0):", "1") + " " } ?? ""
        text += prefix + paint("note:", "1;36") + " \(note.message)\n"
      }
    }
    return text + summary + "\n"
  }

  /// `2 errors, 1 warning`, or `no problems`.
  public var summary: String {
    let errors = filter { $0.severity == .error }.count
    let warnings = count - errors
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    switch (errors, warnings) {
    case (0, 0): return "no problems"
    case (_, 0): return plural(errors, "error")
    case (0, _): return plural(warnings, "warning")
    default: return "\(plural(errors, "error")), \(plural(warnings, "warning"))"
    }
  }
}
