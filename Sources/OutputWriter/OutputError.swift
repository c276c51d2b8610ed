import Foundation
import SiteCore

/// Why the output folder could not be written.
public enum OutputError: Error, Sendable, DiagnosticConvertible {
  /// Another build holds the lock on the output folder.
  case locked(folder: String)
  /// A file-system call failed.
  case system(operation: String, path: String, code: Int32)
  /// An output path would leave the output folder.
  case unsafePath(String)
  /// The output folder would replace or contain a folder that must not be touched.
  case unsafeOutputFolder(folder: String, reason: String)
  /// The output folder exists, has files, and was not made by plansite.
  case foreignOutputFolder(folder: String)

  public var diagnostic: Diagnostic {
    switch self {
    case .locked(let folder):
      return .error(
        "another plansite build is writing '\(folder)' right now", at: SourceLocation(file: folder),
        notes: [
          Diagnostic.Note(
            "wait for it to finish (or stop it), then run the command again; '\(folder)' is unchanged"
          )
        ])
    case .system(let operation, let path, let code):
      return .error(
        "could not \(operation) '\(path)': \(String(cString: strerror(code)))",
        at: SourceLocation(file: path),
        notes: [Diagnostic.Note("check that the disk is not full and the folder is writable")])
    case .unsafeOutputFolder(let folder, let reason):
      return .error(
        "cannot use '\(folder)' as the output folder: \(reason)", at: SourceLocation(file: folder),
        notes: [Diagnostic.Note("pass a separate folder with --output, such as 'Site'")])
    case .foreignOutputFolder(let folder):
      return .error(
        "the output folder '\(folder)' already has files that plansite did not write",
        at: SourceLocation(file: folder),
        notes: [
          Diagnostic.Note(
            "plansite replaces its output folder completely; to protect those files it stops here. "
              + "Choose another --output, or empty or delete '\(folder)' first")
        ])
    case .unsafePath(let path):
      return .error(
        "refusing to write '\(path)' outside the output folder", at: SourceLocation(file: path))
    }
  }
}
