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
  public init(folder: String) throws(OutputError) {
    let path = folder + ".lock"
    if let slash = folder.lastIndex(of: "/"), slash != folder.startIndex {
      try FileOperations.makeDirectories(String(folder[..<slash]))
    }
    descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw OutputError.system(
        operation: Message(vi: "tạo tệp khóa", en: "create the lock file"), path: path, code: errno)
    }
    if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      close(descriptor)
      descriptor = -1
      throw OutputError.locked(folder: folder)
    }
  }

  /// The lock file's text (the local record kept there), or `nil`.
  func readContents() -> String? {
    guard descriptor >= 0 else { return nil }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    var offset: off_t = 0
    while true {
      let n = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
      if n <= 0 { break }
      bytes += buffer[0..<n]
      offset += off_t(n)
    }
    return String(validating: bytes, as: UTF8.self)
  }

  /// Replaces the lock file's text.
  func writeContents(_ text: String) {
    guard descriptor >= 0 else { return }
    let bytes = Array(text.utf8)
    _ = ftruncate(descriptor, 0)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return pwrite(descriptor, base + offset, buffer.count - offset, off_t(offset))
      }
      if n <= 0 { return }
      offset += n
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
