import Foundation

/// What a build knows of an output folder: which folder it is (device and
/// inode, so a folder replaced by hand is not mistaken for it), and each
/// file's hash and inode.
///
/// The builder keeps these beside the output folder (the build database)
/// and hands them back to the next build; nothing is kept inside the folder,
/// since whatever is there gets published.
public struct FolderRecord: Sendable, Equatable {
  /// A file in the folder.
  public struct File: Sendable, Equatable {
    public var hash: UInt64
    public var inode: UInt64

    public init(hash: UInt64, inode: UInt64) {
      self.hash = hash
      self.inode = inode
    }
  }

  /// The folder's device and inode.
  public var identity: FolderIdentity
  /// Every file, by its path inside the folder.
  public var files: [String: File]
  /// For the spare folder, when known: where its files may differ from the live folder's.
  ///
  /// These are the paths the swap that made it the spare wrote or removed;
  /// elsewhere both folders hold the same file (same inode). Never stored:
  /// known only in the process that made the swap.
  public var differsFromLive: Set<String>?

  public init(identity: FolderIdentity, files: [String: File], differsFromLive: Set<String>? = nil)
  {
    self.identity = identity
    self.files = files
    self.differsFromLive = differsFromLive
  }
}

/// Which folder a folder is: its device, inode number and status-change
/// time.
///
/// The inode alone is not enough, since a folder deleted and made again may
/// get the same number back; the change time moves whenever the folder is
/// renamed or an entry is added to or removed from it, which plansite does
/// to the live folder only when it swaps it in (after which it records it
/// again). A folder touched by hand is therefore never mistaken for the one
/// recorded: the next build simply writes everything.
public struct FolderIdentity: Sendable, Hashable, Codable, CustomStringConvertible {
  public var device: UInt64
  public var inode: UInt64
  public var changed: Int64

  public init(device: UInt64, inode: UInt64, changed: Int64) {
    self.device = device
    self.inode = inode
    self.changed = changed
  }

  /// The identity of the folder at `path`, or nil if there is none.
  public static func of(_ path: String) -> FolderIdentity? {
    var info = stat()
    guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
    return FolderIdentity(
      device: UInt64(info.st_dev), inode: UInt64(info.st_ino),
      changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
  }

  public var description: String { "\(device):\(inode):\(changed)" }
}
