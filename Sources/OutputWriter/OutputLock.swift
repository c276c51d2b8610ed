import Foundation
import SiteCore

/// An exclusive lock on an output folder, held for the whole build.
///
/// It is an advisory `flock` on a file beside the folder (`Site.lock`), so
/// two builds started at once cannot both write; the kernel releases it if
/// the process dies, so a killed build never leaves a stale lock.
public final class OutputLock {
  private var descriptor: Int32

  /// Takes the lock for `folder`, or throws `OutputError.locked` at once.
  public init(folder: String) throws {
    let path = folder + ".lock"
    descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw OutputError.system(operation: "create the lock file", path: path, code: errno)
    }
    if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      close(descriptor)
      descriptor = -1
      throw OutputError.locked(folder: folder)
    }
  }

  /// Releases the lock (also done when the lock is deallocated).
  public func release() {
    guard descriptor >= 0 else { return }
    flock(descriptor, LOCK_UN)
    close(descriptor)
    descriptor = -1
  }

  deinit { release() }
}
