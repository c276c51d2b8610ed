import SiteCore

/// The folder a build writes into (`Site.staging`, beside `Site`), swapped
/// in whole when the build succeeds.
///
/// Nothing is written to the live folder during a build, so a build that
/// fails, is interrupted or is killed leaves it exactly as it was; a
/// leftover staging folder is removed by the next build. Writes must come
/// from one thread at a time (the builder uses one serial writer queue).
public final class StagingTree: @unchecked Sendable {
  /// The staging folder's path.
  public let path: String
  /// How many files were written.
  public private(set) var fileCount = 0
  /// How many bytes were written.
  public private(set) var byteCount = 0
  private var createdDirectories: Set<String> = [""]

  /// Creates an empty staging folder at `path`, removing a leftover one.
  init(path: String) throws {
    self.path = path
    try FileOperations.removeTree(path)
    try FileOperations.makeDirectory(path)
  }

  /// Writes one file. Paths are checked so nothing lands outside the folder.
  public func write(_ file: OutputFile) throws {
    let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
    guard !parts.isEmpty, !file.path.hasPrefix("/"),
      parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." })
    else { throw OutputError.unsafePath(file.path) }
    var directory = ""
    for part in parts.dropLast() {
      directory = directory.isEmpty ? String(part) : directory + "/" + part
      if createdDirectories.insert(directory).inserted {
        try FileOperations.makeDirectory(path + "/" + directory)
      }
    }
    try FileOperations.writeFile(path + "/" + file.path, file.bytes)
    fileCount += 1
    byteCount += file.bytes.count
  }
}
