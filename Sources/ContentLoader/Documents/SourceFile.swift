import PlanModel
import SiteCore

/// One content file being read: its paths, its text, and where to report.
struct SourceFile {
  /// The path inside the content folder (`tasks/01/1-1.md`).
  let path: String
  /// The path shown in messages (`Content/tasks/01/1-1.md`).
  let displayPath: String
  /// The decoded text: UTF-8, NFC, LF line endings, no BOM.
  let text: String

  /// A location in this file.
  func location(line: Int? = nil, column: Int? = nil) -> SourceLocation {
    SourceLocation(file: displayPath, line: line, column: column)
  }

  /// The provenance record the model keeps.
  var ref: SourceRef { SourceRef(path: path, location: location()) }

  /// Decodes `bytes`, reporting a file that is empty or not UTF-8.
  static func decode(
    _ bytes: [UInt8], path: String, displayPath: String, report: DiagnosticCollector
  ) -> SourceFile? {
    let location = SourceLocation(file: displayPath)
    switch TextDecoding.decode(bytes) {
    case .failure(.invalidUTF8(let offset, let line)):
      report.error(
        "the file is not valid UTF-8 text (byte \(offset))",
        at: SourceLocation(file: displayPath, line: line),
        notes: [
          Diagnostic.Note(
            "save the file again as UTF-8 (in Notepad: Save As > Encoding: UTF-8; "
              + "in Word: Save As > Plain Text > Unicode (UTF-8))")
        ])
      return nil
    case .success(let text):
      if text.allSatisfy(\.isWhitespace) {
        report.error(
          "the file is empty", at: location,
          notes: [Diagnostic.Note("fill it in, or delete it if it is not needed")])
        return nil
      }
      return SourceFile(path: path, displayPath: displayPath, text: text)
    }
  }
}
