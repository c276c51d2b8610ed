import Foundation
import SiteCore

/// What a stored parse cache must have been written for: this very
/// plansite executable (its size and modification time, so a rebuilt or
/// upgraded plansite never reads another's cache) and this content folder
/// (its name as given, which messages print, and its absolute path).
enum CacheHeader {
  static func text(for tree: SourceTree) -> String {
    "\(executable)|\(tree.displayRoot)|\(tree.root)"
  }

  private static let executable: String = {
    var info = stat()
    guard stat("/proc/self/exe", &info) == 0 else {
      return "unknown \(ProcessInfo.processInfo.processIdentifier)"
    }
    return "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_ino)"
  }()
}
