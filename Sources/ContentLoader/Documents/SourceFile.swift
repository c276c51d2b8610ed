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

  /// How to save a file as UTF-8 in the programs offices use.
  static let saveAsUTF8 = Diagnostic.Note(
    vi: "lưu lại tệp ở dạng UTF-8 (trong Notepad: Save As > Encoding: UTF-8; trong Word: "
      + "Save As > Plain Text > Unicode (UTF-8))",
    en: "save the file again as UTF-8 (in Notepad: Save As > Encoding: UTF-8; "
      + "in Word: Save As > Plain Text > Unicode (UTF-8))")

  /// What to do with an empty file: fill in a file the site needs, or delete
  /// one it does not.
  static func emptyFileNote(_ path: String) -> Diagnostic.Note {
    if ContentFileKind.requiredFiles.contains(path) {
      return Diagnostic.Note(
        vi: "tệp này bắt buộc phải có: hãy điền nội dung (xem docs/content.md)",
        en: "the site needs this file: fill it in (see docs/content.md)")
    }
    return Diagnostic.Note(
      vi: "điền nội dung vào tệp, hoặc xóa tệp nếu không cần",
      en: "fill it in, or delete it if it is not needed")
  }

  /// Decodes `bytes`, reporting a file that is empty or not UTF-8.
  static func decode(
    _ bytes: [UInt8], path: String, displayPath: String, report: DiagnosticCollector
  ) -> SourceFile? {
    let location = SourceLocation(file: displayPath)
    switch TextDecoding.decode(bytes) {
    case .failure(.invalidUTF8(_, let line, let column)):
      report.error(
        vi: "tệp không được lưu ở dạng UTF-8: có ký tự đọc không được",
        en: "the file is not valid UTF-8 text",
        at: SourceLocation(file: displayPath, line: line, column: column),
        notes: [Self.saveAsUTF8]
      )
      return nil
    case .success(let text):
      if text.allSatisfy(\.isWhitespace) {
        report.error(
          vi: "tệp trống", en: "the file is empty", at: location,
          notes: [Self.emptyFileNote(path)])
        return nil
      }
      // Paths as the model keeps them are NFC like the text (a file name
      // may come from a system that writes names decomposed).
      return SourceFile(path: path.nfc, displayPath: displayPath.nfc, text: text)
    }
  }
}
