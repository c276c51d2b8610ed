/// One problem found in the input, with where it is and how to fix it.
///
/// Every module reports problems as values of this type; only the command
/// line prints them. Messages are written for the people who edit `Content/`,
/// who are not programmers: say what is wrong, then (in a note) what to do.
/// Each message carries its Vietnamese and English text (`Message`).
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
  /// How bad a problem is.
  public enum Severity: String, Sendable, Codable, Comparable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
      lhs == .error && rhs == .warning
    }

    /// `lỗi`, `cảnh báo` (`error`, `warning`).
    public func label(_ language: Language) -> String {
      switch (self, language) {
      case (.error, .vi): "lỗi"
      case (.warning, .vi): "cảnh báo"
      case (.error, .en): "error"
      case (.warning, .en): "warning"
      }
    }
  }

  /// A follow-up line: a suggested fix, or a related place.
  public struct Note: Hashable, Sendable, Codable {
    /// The text of the note.
    public var message: Message
    /// Where the note points, if elsewhere than its diagnostic.
    public var location: SourceLocation?

    public init(_ message: Message, at location: SourceLocation? = nil) {
      self.message = message
      self.location = location
    }

    public init(vi: String, en: String, at location: SourceLocation? = nil) {
      self.init(Message(vi: vi, en: en), at: location)
    }

    /// `ghi chú`, `note`.
    public static func label(_ language: Language) -> String {
      language == .vi ? "ghi chú" : "note"
    }
  }

  /// Whether the problem stops the build.
  public var severity: Severity
  /// Where the problem is.
  public var location: SourceLocation
  /// What is wrong, in one line.
  public var message: Message
  /// What to do about it, and related places.
  public var notes: [Note]
  /// Whether the problem is in a draft report left off the site: a warning
  /// that `--strict` does not make an error (a draft never stops the
  /// public build).
  public var isInLeftOutDraft: Bool? = nil

  public init(
    _ severity: Severity, _ message: Message, at location: SourceLocation, notes: [Note] = []
  ) {
    self.severity = severity
    self.message = message
    self.location = location
    self.notes = notes
  }

  /// An error at `location`.
  public static func error(
    _ message: Message, at location: SourceLocation, notes: [Note] = []
  ) -> Diagnostic {
    Diagnostic(.error, message, at: location, notes: notes)
  }

  /// An error at `location`, in both languages.
  public static func error(
    vi: String, en: String, at location: SourceLocation, notes: [Note] = []
  ) -> Diagnostic {
    Diagnostic(.error, Message(vi: vi, en: en), at: location, notes: notes)
  }

  /// A warning at `location`.
  public static func warning(
    _ message: Message, at location: SourceLocation, notes: [Note] = []
  ) -> Diagnostic {
    Diagnostic(.warning, message, at: location, notes: notes)
  }

  /// A warning at `location`, in both languages.
  public static func warning(
    vi: String, en: String, at location: SourceLocation, notes: [Note] = []
  ) -> Diagnostic {
    Diagnostic(.warning, Message(vi: vi, en: en), at: location, notes: notes)
  }

  /// The diagnostic and its notes in `language`, one per line, without color.
  public func text(_ language: Language) -> String {
    var lines = ["\(location): \(severity.label(language)): \(message.text(language))"]
    for note in notes {
      let prefix = note.location.map { "\($0): " } ?? ""
      lines.append(prefix + "\(Note.label(language)): \(note.message.text(language))")
    }
    return lines.joined(separator: "\n")
  }

  /// The diagnostic in English (for logs and test failures).
  public var description: String { text(.en) }
}

extension Array where Element == Diagnostic {
  /// Whether any of the diagnostics is an error.
  public var hasErrors: Bool { contains { $0.severity == .error } }

  /// The diagnostics in reading order: by file, line and column, errors first
  /// at the same place, then by message.
  ///
  /// The order never depends on timing, nor on the language printed (ties are
  /// broken by the English text).
  public func sortedForDisplay() -> [Diagnostic] {
    sorted { lhs, rhs in
      if lhs.location != rhs.location { return lhs.location < rhs.location }
      if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
      return lhs.message.en < rhs.message.en
    }
  }

  /// The same diagnostics with every warning made an error (`--strict`).
  public func treatingWarningsAsErrors() -> [Diagnostic] {
    map { diagnostic in
      var copy = diagnostic
      if diagnostic.isInLeftOutDraft != true { copy.severity = .error }
      return copy
    }
  }

  /// The diagnostics as printed by the command line.
  ///
  /// Sorted, one per line, each followed by its notes, then the summary
  /// line. With `color`, ANSI colors mark locations, severities and notes
  /// (for terminals only).
  public func formatted(_ language: Language = .vi, color: Bool = false) -> String {
    func paint(_ text: String, _ code: String) -> String {
      color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
    guard !isEmpty else { return "" }
    var text = ""
    let noteLabel = paint(Diagnostic.Note.label(language) + ":", "1;36")
    for diagnostic in sortedForDisplay() {
      let code = diagnostic.severity == .error ? "1;31" : "1;33"
      let label = paint(diagnostic.severity.label(language) + ":", code)
      text +=
        paint("\(diagnostic.location):", "1") + " \(label) \(diagnostic.message.text(language))\n"
      for note in diagnostic.notes {
        let prefix = note.location.map { paint("\($0):", "1") + " " } ?? ""
        text += prefix + noteLabel + " \(note.message.text(language))\n"
      }
    }
    return text + summary(language) + "\n"
  }

  /// `2 lỗi, 1 cảnh báo` (`2 errors, 1 warning`), or that there is no problem.
  public func summary(_ language: Language = .vi) -> String {
    let errors = filter { $0.severity == .error }.count
    let warnings = count - errors
    switch language {
    case .vi:
      switch (errors, warnings) {
      case (0, 0): return "không có lỗi"
      case (_, 0): return "\(errors) lỗi"
      case (0, _): return "\(warnings) cảnh báo"
      default: return "\(errors) lỗi, \(warnings) cảnh báo"
      }
    case .en:
      func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
      switch (errors, warnings) {
      case (0, 0): return "no problems"
      case (_, 0): return plural(errors, "error")
      case (0, _): return plural(warnings, "warning")
      default: return "\(plural(errors, "error")), \(plural(warnings, "warning"))"
      }
    }
  }
}
