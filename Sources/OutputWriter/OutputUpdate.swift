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
    spare: [String: FolderRecord.File], liveKnown: Bool = true
  ) {
    self.path = path
    self.livePath = livePath
    self.live = live
    self.leftovers = spare
    self.liveKnown = liveKnown
  }

  /// Sets the file at `file.path` to `file.pieces`.
  ///
  /// Bytes equal to the live file's keep the live file (and its modification time).
  public func put(_ file: OutputFile) throws(OutputError) {
    let hash = ContentHash(pieces: file.pieces).value
    if live[file.path]?.hash == hash {
      try keep(file.path)
      return
    }
    let target = path + "/" + file.path
    let inode: UInt64
    if let spare = leftovers[file.path], spare.hash == hash {
      inode = spare.inode
    } else {
      try ensureParent(of: file.path)
      inode =
        leftovers[file.path] == nil
        ? try FileOperations.writeFile(target, file.pieces)
        : try FileOperations.replaceFile(target, file.pieces)
    }
    next[file.path] = FolderRecord.File(hash: hash, inode: inode)
    leftovers[file.path] = nil
    written.append(file.path)
    writtenBytes += file.count
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
  public func keepAll(except excluded: Set<String>) throws(OutputError) {
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
