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

  /// Locks `directory` and prepares its staging folder.
  public init(directory: String) throws {
    var trimmed = directory
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    self.directory = trimmed
    lock = try OutputLock(folder: trimmed)
    staging = try StagingTree(path: trimmed + ".staging")
  }

  /// Swaps the staging folder in and removes the previous build.
  public func publish() throws {
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
