import SiteCore

/// Publishes a build into an output folder atomically: the only code that
/// writes files.
///
/// `begin()` takes the folder's lock and opens a fresh staging folder;
/// the caller writes every file into it; `publish()` swaps it with the live
/// folder in one `renameat2(RENAME_EXCHANGE)` call, so at every instant the
/// output folder is either the whole previous build or the whole new one.
public final class OutputWriter {
  /// The output folder (`Site`).
  public let directory: String
  private let lock: OutputLock
  /// Where this build writes.
  public let staging: StagingTree

  /// The file every output folder made by plansite carries; a folder with
  /// files but without it is never replaced.
  public static let markerFile = ".plansite-build"

  /// Locks `directory` and prepares its staging folder.
  ///
  /// - Parameter protecting: folders the output must neither be, contain,
  ///   nor lie inside (the content and templates folders).
  public init(directory: String, protecting: [String] = []) throws {
    var trimmed = directory
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    self.directory = trimmed
    try OutputFolderCheck.check(trimmed, protecting: protecting)
    lock = try OutputLock(folder: trimmed)
    staging = try StagingTree(path: trimmed + ".staging")
  }

  /// Swaps the staging folder in and removes the previous build.
  public func publish() throws {
    try staging.write(OutputFile(path: Self.markerFile, text: "plansite\n"))
    if FileOperations.exists(directory) {
      if try FileOperations.exchange(staging.path, directory) {
        try FileOperations.removeTree(staging.path)
      } else {
        // No atomic exchange on this file system: two renames, with the
        // previous build kept aside until the new one is in place.
        let aside = directory + ".previous"
        try FileOperations.removeTree(aside)
        try FileOperations.rename(directory, aside)
        try FileOperations.rename(staging.path, directory)
        try FileOperations.removeTree(aside)
      }
    } else {
      try FileOperations.rename(staging.path, directory)
    }
    lock.release()
  }

  /// Drops the staging folder without touching the live one.
  public func abandon() {
    try? FileOperations.removeTree(staging.path)
    lock.release()
  }
}
