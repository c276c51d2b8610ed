import Foundation
import SiteCore

/// Thin wrappers over POSIX file calls that throw `OutputError`.
enum FileOperations {
  static func makeDirectory(_ path: String) throws(OutputError) {
    if mkdir(path, 0o755) != 0, errno != EEXIST {
      throw OutputError.system(
        operation: Message(vi: "tạo thư mục", en: "create the folder"), path: path, code: errno)
    }
  }

  /// Creates `path` and any missing folder above it (`mkdir -p`).
  static func makeDirectories(_ path: String) throws(OutputError) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
      prefix += part
      try makeDirectory(prefix)
      prefix += "/"
    }
  }

  /// Writes `pieces`, one after the other, to a new file at `path` (replacing a file there) and
  /// returns the file's inode number.
  @discardableResult
  static func writeFile(_ path: String, _ pieces: [[UInt8]]) throws(OutputError) -> UInt64 {
    let (fd, inode) = try create(path)
    defer { close(fd) }
    for bytes in pieces { try write(fd, bytes, path: path) }
    return inode
  }

  /// Opens a new, empty file at `path` (replacing a file there) for
  /// writing; returns its descriptor and inode number.
  static func create(_ path: String) throws(OutputError) -> (fd: Int32, inode: UInt64) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw OutputError.system(
        operation: Message(vi: "tạo tệp", en: "create"), path: path, code: errno)
    }
    var info = stat()
    return (fd, fstat(fd, &info) == 0 ? UInt64(info.st_ino) : 0)
  }

  /// Writes all of `bytes` to `fd`, the file at `path`.
  static func write(_ fd: Int32, _ bytes: [UInt8], path: String) throws(OutputError) {
    try write(fd, bytes[...], path: path)
  }

  /// Writes all of `bytes` to `fd`, the file at `path`.
  static func write(_ fd: Int32, _ bytes: ArraySlice<UInt8>, path: String) throws(OutputError) {
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return Foundation.write(fd, base + offset, buffer.count - offset)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw OutputError.system(
          operation: Message(vi: "ghi tệp", en: "write"), path: path, code: errno)
      }
      offset += n
    }
  }

  /// Replaces `path` with a new file holding `bytes`, never writing into
  /// the existing inode (which the live folder may share): the bytes go to
  /// a temporary name that is then renamed over `path`.
  static func replaceFile(_ path: String, _ pieces: [[UInt8]]) throws(OutputError) -> UInt64 {
    let temporary = path + ".plansite-tmp"
    let inode = try writeFile(temporary, pieces)
    try rename(temporary, path)
    return inode
  }

  /// Makes `path` another name of the file at `source` (same inode, so the
  /// same modification time), replacing whatever `path` was.
  static func replaceWithLink(_ path: String, to source: String) throws(OutputError) {
    let temporary = path + ".plansite-tmp"
    _ = unlink(temporary)
    if link(source, temporary) != 0 {
      if errno == ENOENT, !exists(source) { throw OutputError.liveFileMissing(source) }
      throw OutputError.system(
        operation: Message(vi: "tạo liên kết cho tệp", en: "link"), path: path, code: errno)
    }
    try rename(temporary, path)
  }

  /// The inode number of the file at `path`, or 0.
  static func inode(_ path: String) -> UInt64 {
    var info = stat()
    return lstat(path, &info) == 0 ? UInt64(info.st_ino) : 0
  }

  /// Reads a whole file as text, or `nil`.
  static func readText(_ path: String) -> String? {
    guard let bytes = try? FileBytes.read(path) else { return nil }
    return String(validating: bytes, as: UTF8.self)
  }

  static func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
  }

  /// Deletes a file or a whole folder tree; a missing path is fine.
  static func removeTree(_ path: String) throws(OutputError) {
    var info = stat()
    guard lstat(path, &info) == 0 else { return }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      try removeContents(of: path)
      if rmdir(path) != 0, errno != ENOENT {
        throw OutputError.system(
          operation: Message(vi: "xóa thư mục", en: "remove the folder"), path: path, code: errno)
      }
    } else if unlink(path) != 0, errno != ENOENT {
      throw OutputError.system(
        operation: Message(vi: "xóa tệp", en: "remove"), path: path, code: errno)
    }
  }

  /// Empties a folder: names read with readdir, removed with unlinkat
  /// relative to the open folder (a site has ten thousand folders).
  private static func removeContents(of path: String) throws(OutputError) {
    guard let handle = opendir(path) else {
      throw OutputError.system(
        operation: Message(vi: "mở thư mục", en: "open the folder"), path: path, code: errno)
    }
    defer { closedir(handle) }
    let folder = dirfd(handle)
    var names: [(name: String, isFolder: Bool)] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name != ".", name != ".." else { continue }
      var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
      if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
        var info = stat()
        isFolder =
          fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0
          && (info.st_mode & S_IFMT) == S_IFDIR
      }
      names.append((name, isFolder))
    }
    for (name, isFolder) in names {
      if isFolder { try removeContents(of: path + "/" + name) }
      if unlinkat(folder, name, isFolder ? AT_REMOVEDIR : 0) != 0, errno != ENOENT {
        throw OutputError.system(
          operation: isFolder
            ? Message(vi: "xóa thư mục", en: "remove the folder")
            : Message(vi: "xóa tệp", en: "remove"), path: path + "/" + name, code: errno
        )
      }
    }
  }

  /// Swaps two paths in one step (Linux `renameat2(RENAME_EXCHANGE)`), or
  /// returns false if the system cannot do that.
  static func exchange(_ a: String, _ b: String) throws(OutputError) -> Bool {
    typealias RenameAt2 =
      @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    guard let symbol = dlsym(nil, "renameat2") else { return false }
    let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
    let renameExchange: UInt32 = 2
    if renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 { return true }
    if errno == EINVAL || errno == ENOSYS || errno == ENOTSUP { return false }
    throw OutputError.system(
      operation: Message(vi: "thay thư mục", en: "swap in"), path: b, code: errno)
  }

  static func rename(_ from: String, _ to: String) throws(OutputError) {
    if Foundation.rename(from, to) != 0 {
      throw OutputError.system(
        operation: Message(vi: "đổi tên", en: "rename"), path: from, code: errno)
    }
  }
}
