import Foundation
import SiteCore

/// One build's changes to the spare folder, applied file by file as the
/// build produces them (so a large site is never held in memory).
///
/// Calls must come from one thread at a time (the builder uses one serial
/// writer queue).
public final class OutputUpdate: @unchecked Sendable {
  /// The spare folder being filled.
  let path: String
  /// The live folder.
  let livePath: String
  /// What the live folder holds (empty when there is none).
  let live: OutputManifest
  /// Live inodes known from the local record (others are looked up).
  let liveInodes: [String: UInt64]
  /// What the spare still holds that this build has not claimed yet.
  private var leftovers: OutputManifest
  /// Spare inodes known from the local record (others are looked up).
  private let spareInodes: [String: UInt64]
  /// What the spare will hold.
  private(set) var next = OutputManifest()
  /// The inode of every file the spare will hold.
  private(set) var nextInodes: [String: UInt64] = [:]
  private var createdDirectories: Set<String> = [""]

  /// Paths written with new bytes.
  public private(set) var written: [String] = []
  /// How many files were left as in the live folder.
  public private(set) var unchangedCount = 0
  /// Bytes of the files written.
  public private(set) var writtenBytes = 0

  init(
    path: String, livePath: String, live: OutputManifest, liveInodes: [String: UInt64],
    spare: OutputManifest, spareInodes: [String: UInt64]
  ) {
    self.path = path
    self.livePath = livePath
    self.live = live
    self.liveInodes = liveInodes
    self.leftovers = spare
    self.spareInodes = spareInodes
  }

  /// Sets the file at `file.path` to `file.bytes`.
  ///
  /// Bytes equal to the live file's keep the live file (and its modification time).
  public func put(_ file: OutputFile) throws {
    let hash = ContentHash(file.bytes)
    if live.hashes[file.path] == hash {
      try keep(file.path)
      return
    }
    let target = path + "/" + file.path
    if leftovers.hashes[file.path] == hash {
      nextInodes[file.path] = spareInode(file.path)
    } else {
      try ensureParent(of: file.path)
      nextInodes[file.path] =
        leftovers.hashes[file.path] == nil
        ? try FileOperations.writeFile(target, file.bytes)
        : try FileOperations.replaceFile(target, file.bytes)
    }
    next.hashes[file.path] = hash
    leftovers.hashes[file.path] = nil
    written.append(file.path)
    writtenBytes += file.bytes.count
  }

  /// Keeps the live file at `path` as it is.
  public func keep(_ path: String) throws {
    guard let hash = live.hashes[path] else { throw OutputError.unsafePath(path) }
    let liveInode = liveInodes[path] ?? FileOperations.inode(livePath + "/" + path)
    let shared = leftovers.hashes[path] != nil && spareInode(path) == liveInode
    if !shared {
      try ensureParent(of: path)
      try FileOperations.replaceWithLink(self.path + "/" + path, to: livePath + "/" + path)
    }
    leftovers.hashes[path] = nil
    next.hashes[path] = hash
    nextInodes[path] = liveInode
    unchangedCount += 1
  }

  /// Whether the live folder has a file at `path`.
  public func isPublished(_ path: String) -> Bool { live.hashes[path] != nil }

  private func spareInode(_ relative: String) -> UInt64 {
    spareInodes[relative] ?? FileOperations.inode(path + "/" + relative)
  }

  /// Removes what no call claimed, then writes the spare's manifest.
  func finish() throws -> String {
    for stale in leftovers.hashes.keys.sorted() {
      _ = unlink(path + "/" + stale)
      removeEmptyParents(of: stale)
    }
    leftovers = OutputManifest()
    let text = next.text
    try FileOperations.writeFile(path + "/" + OutputWriter.markerFile, Array(text.utf8))
    return text
  }

  private func ensureParent(of relative: String) throws {
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
