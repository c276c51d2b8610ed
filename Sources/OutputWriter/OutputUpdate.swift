import Foundation
import SiteCore

/// One build's changes to the spare folder, applied file by file as the
/// build produces them (so a large site is never held in memory).
///
/// Calls must come from one thread at a time (the builder writes from one
/// thread while pages render on the others).
public final class OutputUpdate: @unchecked Sendable {
  /// The spare folder being filled.
  let path: String
  /// The live folder.
  let livePath: String
  /// What the live folder holds (empty when unknown).
  let live: [String: FolderRecord.File]
  /// What the spare still holds that this build has not claimed yet.
  private var leftovers: [String: FolderRecord.File]
  /// Where the spare's files may differ from the live ones (nil: anywhere).
  private let spareDiffers: Set<String>?
  /// Where `keepAll(except:)` moves the spare files it replaces (see there).
  private let trash: String?
  private var trashed = 0
  /// The paths `keepAll(except:)` left out, when it kept every other file
  /// without visiting it (see `removed(from:)`).
  private var keptAllExcept: Set<String>?
  /// What the spare will hold.
  private(set) var next: [String: FolderRecord.File] = [:]
  private var createdDirectories: Set<String> = [""]

  /// Paths written with new bytes.
  public private(set) var written: [String] = []
  /// How many files were left as in the live folder.
  public private(set) var unchangedCount = 0
  /// Bytes of the files written.
  public private(set) var writtenBytes = 0

  /// Whether `live` is what the live folder holds (false: unknown, empty).
  let liveKnown: Bool

  init(
    path: String, livePath: String, live: [String: FolderRecord.File],
    spare: [String: FolderRecord.File], spareDiffersAt spareDiffers: Set<String>? = nil,
    trash: String? = nil, liveKnown: Bool = true
  ) {
    self.trash = trash
    self.path = path
    self.livePath = livePath
    self.live = live
    self.leftovers = spare
    self.spareDiffers = spareDiffers
    self.liveKnown = liveKnown
  }

  /// Sets the file at `file.path` to `file.pieces`, or to the bytes
  /// streamed for it (`stream(_:)`).
  ///
  /// Bytes equal to the live file's keep the live file (and its modification time).
  /// Returns the hash of the bytes (`ContentHash(pieces:)`).
  @discardableResult
  public func put(_ file: OutputFile) throws(OutputError) -> UInt64 {
    let hash = file.streamed?.hash.value ?? ContentHash(pieces: file.pieces).value
    let target = path + "/" + file.path
    // Streamed bytes not needed after all are let go.
    let unneeded = { () -> Void in
      if let streamed = file.streamed { _ = unlink(streamed.temporaryPath) }
    }
    if live[file.path]?.hash == hash {
      do throws(OutputError) {
        try keep(file.path)
        unneeded()
        return hash
      } catch .liveFileMissing {
        // Deleted by hand: the bytes made now are written.
      }
    }
    let inode: UInt64
    // The spare's file is taken as recorded only while it is the recorded
    // file: one replaced by hand since (a new inode) is written again.
    if let spare = leftovers[file.path], spare.hash == hash,
      FileOperations.inode(target) == spare.inode
    {
      unneeded()
      inode = spare.inode
    } else {
      try ensureParent(of: file.path)
      if let streamed = file.streamed {
        try FileOperations.rename(streamed.temporaryPath, target)
        inode = streamed.inode
      } else {
        inode =
          leftovers[file.path] == nil
          ? try FileOperations.writeFile(target, file.pieces)
          : try FileOperations.replaceFile(target, file.pieces)
      }
    }
    next[file.path] = FolderRecord.File(hash: hash, inode: inode)
    leftovers[file.path] = nil
    written.append(file.path)
    writtenBytes += file.count
    return hash
  }

  /// A file to write at `relative` as its pieces are made, on any thread
  /// (it reads only what does not change); `put` its `finish()`.
  public func stream(_ relative: String) -> FileStream {
    FileStream(path: relative, in: path)
  }

  /// Keeps the live file at `path` as it is.
  public func keep(_ path: String) throws(OutputError) {
    guard let file = live[path] else { throw OutputError.unsafePath(path) }
    let shared = leftovers[path]?.inode == file.inode
    if !shared {
      try ensureParent(of: path)
      try FileOperations.replaceWithLink(self.path + "/" + path, to: livePath + "/" + path)
    }
    leftovers[path] = nil
    next[path] = file
    unchangedCount += 1
  }

  /// Keeps every live file as it is but those at `excluded` (which the
  /// build puts): one pass over the live folder's record, for a build that
  /// changes a few files of a large site.
  ///
  /// When the spare is known to differ from the live folder at a few paths
  /// only, only those are visited: a save in `serve` costs the same in a
  /// plan of any size. The spare files they replace are moved to the trash
  /// folder rather than deleted: deleting the last link to a large file
  /// (the plan's data files) frees its blocks, which takes longer than
  /// everything else here; `OutputWriter.emptyTrash()` does it once the
  /// new files are live.
  public func keepAll(except excluded: Set<String>) throws(OutputError) {
    if next.isEmpty, let spareDiffers {
      try keepAll(except: excluded, spareDiffers: spareDiffers)
      return
    }
    next.reserveCapacity(live.count)
    for (path, file) in live where !excluded.contains(path) {
      if leftovers.removeValue(forKey: path)?.inode != file.inode {
        try ensureParent(of: path)
        try FileOperations.replaceWithLink(self.path + "/" + path, to: livePath + "/" + path)
      }
      next[path] = file
      unchangedCount += 1
    }
  }

  private func keepAll(except excluded: Set<String>, spareDiffers: Set<String>)
    throws(OutputError)
  {
    // Everywhere else the spare holds the live file already.
    var unclaimed: [String: FolderRecord.File] = [:]
    for path in spareDiffers.union(excluded) {
      guard let file = live[path], !excluded.contains(path) else {
        // Not kept: removed at the end, or replaced by `put`.
        unclaimed[path] = leftovers[path]
        continue
      }
      let spare = leftovers[path]
      guard spare?.inode != file.inode else { continue }
      try ensureParent(of: path)
      if spare != nil, let trash {
        if trashed == 0 { try FileOperations.makeDirectory(trash) }
        try FileOperations.rename(self.path + "/" + path, trash + "/\(trashed)")
        trashed += 1
      }
      try FileOperations.replaceWithLink(self.path + "/" + path, to: livePath + "/" + path)
    }
    next = live
    for path in excluded { next[path] = nil }
    unchangedCount += next.count
    leftovers = unclaimed
    keptAllExcept = excluded
  }

  /// The paths of `live` that `files` (what the spare holds now) lacks.
  func removed(from files: [String: FolderRecord.File]) -> [String] {
    if let excluded = keptAllExcept {
      return excluded.filter { live[$0] != nil && files[$0] == nil }
    }
    return live.keys.filter { files[$0] == nil }
  }

  /// Whether the live folder has a file at `path`, with this hash if given.
  public func isPublished(_ path: String) -> Bool { live[path] != nil }

  /// Removes what no call claimed; returns what the spare now holds.
  func finish() -> [String: FolderRecord.File] {
    for stale in leftovers.keys.sorted() {
      _ = unlink(path + "/" + stale)
      removeEmptyParents(of: stale)
    }
    leftovers = [:]
    return next
  }

  private func ensureParent(of relative: String) throws(OutputError) {
    let parts = try OutputPath.components(relative)
    var directory = ""
    for part in parts.dropLast() {
      directory = directory.isEmpty ? String(part) : directory + "/" + part
      if createdDirectories.insert(directory).inserted {
        try FileOperations.makeDirectory(path + "/" + directory)
      }
    }
  }

  private func removeEmptyParents(of relative: String) {
    var parts = relative.split(separator: "/").dropLast()
    while !parts.isEmpty {
      if rmdir(path + "/" + parts.joined(separator: "/")) != 0 { return }
      parts = parts.dropLast()
    }
  }
}
