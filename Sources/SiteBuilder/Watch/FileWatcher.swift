import Foundation

/// Waits for files to change under some folders: inotify on Linux, with a
/// polling fallback (`--poll`, or when inotify is unavailable).
///
/// Changes are debounced: after the first event it waits until the folders
/// have been quiet for `quiet` seconds, because an editor's save is often a
/// burst (write a temporary file, rename it over the original). An editor
/// writes its burst within a few milliseconds, so 20 ms of quiet is
/// enough: every millisecond of it is added to what an editor waits for in
/// `serve`, and a slower burst only starts another rebuild.
public final class FileWatcher: @unchecked Sendable {
  private let folders: [String]
  private let quiet: Double
  private var inotify: Int32 = -1
  private var watches: [Int32: String] = [:]
  private var snapshot: [String: String] = [:]
  /// Whether inotify is in use (false: polling).
  public private(set) var usesInotify = false
  /// Whether events were lost since the last wait (the kernel's queue
  /// overflowed, or a folder could not be watched).
  private var lostEvents = false
  /// Watched folders that were moved away or deleted (an editor replacing
  /// the content folder with a fresh copy): watched again once they exist.
  private var unwatchedRoots = Set<String>()

  /// What changed while a caller waited.
  public struct Changes: Sendable {
    /// The paths that changed, each as a watched folder's path followed by
    /// the path inside it (or that folder's own path).
    public var paths: Set<String>
    /// Whether `paths` names every change (inotify saw them all): if not,
    /// anything may have changed.
    public var isComplete: Bool
  }

  public init(folders: [String], polling: Bool = false, quiet: Double = 0.02) {
    self.folders = folders
    self.quiet = quiet
    if !polling {
      let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
      if fd >= 0 {
        inotify = fd
        usesInotify = true
        for folder in folders { addWatches(under: folder) }
        // The first build lists everything: nothing was lost before it.
        lostEvents = false
      }
    }
    if !usesInotify { snapshot = takeSnapshot() }
  }

  deinit { if inotify >= 0 { close(inotify) } }

  /// Blocks until something changed (or `shouldStop` says to stop);
  /// returns what changed (no paths when stopping).
  public func waitForChanges(shouldStop: () -> Bool) -> Changes {
    var changed = Set<String>()
    // Wait for the first change.
    while changed.isEmpty && !lostEvents {
      if shouldStop() { return Changes(paths: [], isComplete: false) }
      changed = poll(timeout: 0.25)
    }
    // Then until things are quiet.
    while true {
      let more = poll(timeout: quiet)
      if more.isEmpty { break }
      changed.formUnion(more)
    }
    defer { lostEvents = false }
    return Changes(paths: changed, isComplete: usesInotify && !lostEvents)
  }

  private func poll(timeout: Double) -> Set<String> {
    if usesInotify {
      // A watched folder made again: everything in it is new.
      for root in unwatchedRoots where Self.isFolder(root) {
        unwatchedRoots.remove(root)
        addWatches(under: root)
        lostEvents = true
        return [root]
      }
      return readEvents(timeout: timeout)
    }
    Thread.sleep(forTimeInterval: max(timeout, 0.3))
    let current = takeSnapshot()
    var changed = Set<String>()
    for (path, stamp) in current where snapshot[path] != stamp { changed.insert(path) }
    for path in snapshot.keys where current[path] == nil { changed.insert(path) }
    snapshot = current
    return changed
  }

  private func readEvents(timeout: Double) -> Set<String> {
    var descriptor = pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)
    guard Glibc.poll(&descriptor, 1, Int32(timeout * 1000)) > 0 else { return [] }
    var changed = Set<String>()
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
      if count <= 0 { break }
      var offset = 0
      while offset + MemoryLayout<inotify_event>.size <= count {
        let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
          let event = raw.load(fromByteOffset: offset, as: inotify_event.self)
          return (event.wd, event.mask, Int(event.len))
        }
        let nameStart = offset + MemoryLayout<inotify_event>.size
        let nameBytes = buffer[nameStart..<min(nameStart + length, count)].prefix { $0 != 0 }
        let name = String(decoding: nameBytes, as: UTF8.self)
        if mask & UInt32(IN_Q_OVERFLOW) != 0 { lostEvents = true }
        if let folder = watches[wd], folders.contains(folder),
          mask & UInt32(IN_MOVE_SELF | IN_DELETE_SELF) != 0
        {
          // The watches follow the moved folder, not its name.
          unwatch(root: folder)
          changed.insert(folder)
        } else if let folder = watches[wd] {
          let path = name.isEmpty ? folder : folder + "/" + name
          changed.insert(path)
          if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            addWatches(under: path)
          }
        }
        offset = nameStart + length
      }
    }
    return changed
  }

  /// Stops watching `root` and everything under it, until it exists again.
  private func unwatch(root: String) {
    for (wd, path) in watches where path == root || path.hasPrefix(root + "/") {
      inotify_rm_watch(inotify, wd)
      watches[wd] = nil
    }
    unwatchedRoots.insert(root)
    lostEvents = true
  }

  private static func isFolder(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  private func addWatches(under folder: String) {
    let mask = UInt32(
      IN_CREATE | IN_DELETE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB
        | IN_MOVE_SELF | IN_DELETE_SELF)
    let wd = inotify_add_watch(inotify, folder, mask)
    if wd >= 0 { watches[wd] = folder } else { lostEvents = true }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    for name in names where Self.isFolder(folder + "/" + name) {
      addWatches(under: folder + "/" + name)
    }
  }

  private func takeSnapshot() -> [String: String] {
    var result: [String: String] = [:]
    for folder in folders {
      guard let enumerator = FileManager.default.enumerator(atPath: folder) else { continue }
      for case let relative as String in enumerator {
        let path = folder + "/" + relative
        var info = stat()
        if stat(path, &info) == 0 {
          // As SourceTree.File.stamp: the status-change time and inode too.
          result[path] =
            "\(info.st_size):\(info.st_mtim.tv_sec):\(info.st_mtim.tv_nsec):"
            + "\(info.st_ctim.tv_sec):\(info.st_ctim.tv_nsec):\(info.st_ino)"
        }
      }
    }
    return result
  }
}
