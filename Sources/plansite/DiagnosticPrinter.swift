import Foundation
import SiteCore

/// Prints diagnostics to standard error in the compiler format, with color
/// only when standard error is a terminal (and `NO_COLOR` is not set).
struct DiagnosticPrinter {
  let language: Language
  let useColor: Bool

  init(language: Language) {
    self.language = language
    useColor = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
  }

  func print(_ diagnostics: [Diagnostic]) {
    FileHandle.standardError.write(Data(diagnostics.formatted(language, color: useColor).utf8))
  }
}
