import Foundation
import SiteCore

/// A file of the spare folder written piece by piece as it is made
/// (`OutputUpdate.stream(_:)`), on the thread that makes it, so a large
/// data file is never whole in memory.
///
/// The bytes go to a temporary name beside the file's place
/// (`<path>.plansite-new`); `OutputUpdate.put(_:)` then puts them in
/// place, or keeps the live file when they are the same. A build that
/// stops before that leaves the temporary file in the spare folder, which
/// it had marked unknown first (`BuildMemory.spareWillChange()`): the next
/// build empties it.
public final class FileStream: PieceSink, @unchecked Sendable {
  /// The file's path inside the output folder.
  let path: String
  /// The spare folder.
  private let folder: String
  let temporaryPath: String
  private var fd: Int32 = -1
  private var inode: UInt64 = 0
  private var hasher = PiecesHasher()
  private var sizes: [Int] = []
  private var keys: [ContentHash?] = []
  /// The first failure to write; later pieces are only counted.
  private var failure: OutputError?

  init(path: String, in folder: String) {
    self.path = path
    self.folder = folder
    temporaryPath = folder + "/" + path + ".plansite-new"
  }

  deinit {
    if fd >= 0 { close(fd) }
  }

  public func append(_ piece: [UInt8], key: ContentHash?) {
    append(slice: piece[...], key: key)
  }

  public func append(slice piece: ArraySlice<UInt8>, key: ContentHash?) {
    hasher.add(piece)
    sizes.append(piece.count)
    keys.append(key)
    guard failure == nil else { return }
    do throws(OutputError) {
      try open()
      try FileOperations.write(fd, piece, path: temporaryPath)
    } catch {
      failure = error
    }
  }

  /// Closes the file and says what it holds, for `OutputUpdate.put(_:)`.
  public func finish() throws(OutputError) -> OutputFile {
    if failure == nil {
      do throws(OutputError) { try open() } catch { failure = error }
    }
    if fd >= 0 { close(fd) }
    fd = -1
    if let failure {
      _ = unlink(temporaryPath)
      throw failure
    }
    let file = StreamedFile(
      temporaryPath: temporaryPath, inode: inode, hash: hasher.value, sizes: sizes)
    return OutputFile(path: path, streamed: file, keys: keys)
  }

  private func open() throws(OutputError) {
    guard fd < 0 else { return }
    let parts = try OutputPath.components(path)
    if parts.count > 1 {
      try FileOperations.makeDirectories(folder + "/" + parts.dropLast().joined(separator: "/"))
    }
    (fd, inode) = try FileOperations.create(temporaryPath)
  }
}
