import Foundation
import SiteCore

/// Prints diagnostics to standard error in the compiler format, with color
/// only when standard error is a terminal (and `NO_COLOR` is not set).
struct DiagnosticPrinter {
  let useColor: Bool

  init() {
    useColor = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
  }

  func print(_ diagnostics: [Diagnostic]) {
    var text = ""
    for diagnostic in diagnostics.sortedForDisplay() {
      let label =
        diagnostic.severity == .error ? paint("error:", "1;31") : paint("warning:", "1;33")
      text += paint("\(diagnostic.location):", "1") + " \(label) \(diagnostic.message)\n"
      for note in diagnostic.notes {
        let prefix = note.location.map { paint("\($0):", "1") + " " } ?? ""
        text += prefix + paint("note:", "1;36") + " \(note.message)\n"
      }
    }
    if !diagnostics.isEmpty { text += diagnostics.summary + "\n" }
    FileHandle.standardError.write(Data(text.utf8))
  }

  private func paint(_ text: String, _ code: String) -> String {
    useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
