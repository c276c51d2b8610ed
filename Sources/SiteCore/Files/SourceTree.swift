import Foundation

/// The files of an input folder (`Content/` or `Templates/`), listed safely.
///
/// Only regular files inside the folder are listed. A symbolic link is
/// followed only if it stays inside the folder; one that points outside is
/// reported, so a build never reads files the editor did not put there.
/// Hidden files and editor leftovers (`.DS_Store`, `x.md~`, `#x.md#`) are skipped.
public struct SourceTree: Sendable {
  /// One listed file.
  public struct File: Hashable, Sendable {
    /// The path inside the folder, with `/` separators (`tasks/01/1-1.md`).
    public var path: String
    /// The path as shown to the user (`Content/tasks/01/1-1.md`).
    public var displayPath: String
    /// The absolute path to read.
    public var absolutePath: String
    /// The size in bytes, when listed.
    public var size: Int64
    /// The modification time in nanoseconds since 1970, when listed.
    public var modified: Int64
    /// The status-change time (ctime) in nanoseconds since 1970: set by the
    /// system on every write or rename, and by nothing a user can undo
    /// (`touch -r` restores `modified`, not this).
    public var changed: Int64 = 0
    /// The file's inode: another file moved to this name has another.
    public var inode: UInt64 = 0

    /// What a rebuild compares to notice an edit: size, both times and
    /// the inode, as git does (an edit that keeps the size and puts the
    /// modification time back is still seen).
    public var stamp: String { "\(size):\(modified):\(changed):\(inode)" }
  }

  /// The folder as the user named it (for messages).
  public let displayRoot: String
  /// The folder's absolute, resolved path.
  public let root: String
  /// The files, sorted by path.
  public private(set) var files: [File]
  /// Whether a listed file is a link (to a file elsewhere in the folder):
  /// then a change at one path may change another file's listing.
  public let hasLinks: Bool

  /// Lists `directory`.
  ///
  /// Throws a located diagnostic if it does not exist or is not a folder; a link that leads outside
  /// is reported and skipped.
  public init(directory: String, diagnostics: DiagnosticCollector) throws(DiagnosticError) {
    displayRoot = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    let absolute = URL(fileURLWithPath: directory).standardizedFileURL.path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw DiagnosticError(
        .error(
          vi: "không có thư mục '\(displayRoot)'",
          en: "folder '\(displayRoot)' does not exist", at: SourceLocation(file: displayRoot),
          notes: [
            Diagnostic.Note(
              vi: "chạy lệnh trong thư mục của dự án, hoặc ghi đường dẫn đến thư mục",
              en: "run the command from the project folder, or pass the folder's path")
          ]))
    }
    root = Self.resolve(absolute)
    var found: [File] = []
    var links = false
    Self.walk(
      root: root, relative: "", displayRoot: displayRoot, into: &found, links: &links,
      walking: [root], diagnostics: diagnostics)
    files = found.sorted { $0.path < $1.path }
    hasLinks = links
  }

  /// Lists again only the files at `paths` (inside the folder, `/`
  /// separators), which a watcher saw change: afterwards the listing is
  /// what listing the whole folder would give.
  ///
  /// Returns false, leaving the listing in an unspecified state, when only
  /// a whole listing can tell: a folder or a link changed, or the folder
  /// holds links.
  public mutating func update(changedAt paths: some Sequence<String>) -> Bool {
    guard !hasLinks else { return false }
    for path in paths {
      let names = path.split(separator: "/", omittingEmptySubsequences: false)
      if names.contains(where: \.isEmpty) { return false }
      // A name that is not UTF-8, as the watcher decoded it: only a whole
      // listing says what it is.
      if path.unicodeScalars.contains("\u{FFFD}") { return false }
      // A listing skips leftovers, and everything in a folder that is one.
      if names.contains(where: { Self.isIgnored(String($0)) }) { continue }
      let absolute = root + "/" + path
      let index = position(of: path)
      let listed = index < files.count && files[index].path == path
      var info = stat()
      guard lstat(absolute, &info) == 0 else {
        guard errno == ENOENT || errno == ENOTDIR else { return false }
        if listed { files.remove(at: index) }
        // A folder removed with its files.
        if index < files.count, files[index].path.hasPrefix(path + "/") { return false }
        continue
      }
      guard (info.st_mode & S_IFMT) == S_IFREG else { return false }
      let file = File(path, displayRoot: displayRoot, absolutePath: absolute, info)
      if listed { files[index] = file } else { files.insert(file, at: index) }
    }
    return true
  }

  /// The position of the first file whose path is not before `path`.
  private func position(of path: String) -> Int {
    var (low, high) = (0, files.count)
    while low < high {
      let middle = (low + high) / 2
      if files[middle].path < path { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The file at `path` inside the folder, if listed.
  public func file(_ path: String) -> File? {
    let index = position(of: path)
    return index < files.count && files[index].path == path ? files[index] : nil
  }

  /// Whether a name is an editor's or the system's leftover, never content.
  public static func isIgnored(_ name: String) -> Bool {
    name.hasPrefix(".") || name.hasSuffix("~") || (name.hasPrefix("#") && name.hasSuffix("#"))
      || name.hasSuffix(".swp") || name.hasSuffix(".tmp")
  }

  private static func resolve(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// - Parameter walking: the resolved paths of the folders being walked,
  ///   this one last: a link back to any of them is a loop.
  private static func walk(
    root: String, relative: String, displayRoot: String, into found: inout [File],
    links: inout Bool, walking: [String], diagnostics: DiagnosticCollector
  ) {
    let directory = relative.isEmpty ? root : root + "/" + relative
    // readdir and fstatat relative to the open folder: the cheapest way to
    // list the ten thousand files of a large plan on every build.
    guard let handle = opendir(directory) else { return }
    defer { closedir(handle) }
    let folder = dirfd(handle)
    var names: [String] = []
    while let entry = readdir(handle) {
      let (name, isUTF8) = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        let bytes = raw.prefix { $0 != 0 }
        return String(validating: bytes, as: UTF8.self).map { ($0, true) }
          ?? (String(decoding: bytes, as: UTF8.self), false)
      }
      guard name != ".", name != "..", !isIgnored(name) else { continue }
      if isUTF8 {
        names.append(name)
        continue
      }
      let display = displayRoot + "/" + (relative.isEmpty ? name : relative + "/" + name)
      // An error where the name would be read (a folder, a content file);
      // else a file the site would not use anyway (a PDF) is a warning.
      let lower = name.lowercased()
      let couldBeContent =
        entry.pointee.d_type == UInt8(DT_DIR) || entry.pointee.d_type == UInt8(DT_UNKNOWN)
        || [".md", ".yaml", ".yml", ".md.txt", ".markdown"].contains { lower.hasSuffix($0) }
      diagnostics.report(
        Diagnostic(
          couldBeContent ? .error : .warning,
          Message(
            vi: "tên '\(display)' không viết bằng bảng mã UTF-8 nên không đọc được",
            en: "the name '\(display)' is not written in UTF-8, so it cannot be read"),
          at: SourceLocation(file: display),
          notes: [
            Diagnostic.Note(
              vi: "đổi tên tệp hay thư mục này (gõ lại tên, có thể không dấu); tên như vậy "
                + "thường do giải nén một tệp .zip tạo trên Windows",
              en: "rename this file or folder (type its name again, perhaps without "
                + "diacritics); such names mostly come from unpacking a .zip made on Windows")
          ]))
    }
    names.sort()
    // A folder of a thousand tasks is looked at on every build, even one
    // that finds nothing changed: its files are looked at on all cores.
    let described = Parallel.map(names, chunk: names.count < 512 ? names.count : 128) { name in
      var info = stat()
      return fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? info : nil
    }
    for (name, described) in zip(names, described) {
      guard var info = described else { continue }
      let childRelative = relative.isEmpty ? name : relative + "/" + name
      let childPath = root + "/" + childRelative
      let display = displayRoot + "/" + childRelative
      var targetPath = childPath
      if (info.st_mode & S_IFMT) == S_IFLNK {
        let target = resolve(childPath)
        guard target == root || target.hasPrefix(root + "/") else {
          diagnostics.error(
            vi: "'\(display)' là liên kết đến một tệp nằm ngoài '\(displayRoot)'",
            en: "'\(display)' is a link to a file outside '\(displayRoot)'",
            at: SourceLocation(file: display),
            notes: [
              Diagnostic.Note(
                vi: "chỉ các tệp nằm trong '\(displayRoot)' được đọc; hãy chép tệp vào thay vì "
                  + "tạo liên kết",
                en: "only files inside '\(displayRoot)' are read; copy the file in instead of "
                  + "linking it")
            ])
          continue
        }
        guard stat(target, &info) == 0 else { continue }
        // A link to a folder that holds it, or to one being walked (two
        // links to each other), would be walked for ever.
        if (info.st_mode & S_IFMT) == S_IFDIR {
          let here = walking.last ?? directory
          guard !walking.contains(target), !here.hasPrefix(target + "/") else {
            diagnostics.error(
              vi: "'\(display)' là liên kết đến thư mục chứa chính nó nên không được đọc",
              en: "'\(display)' is a link to a folder that holds it, so it is not read",
              at: SourceLocation(file: display),
              notes: [
                Diagnostic.Note(
                  vi: "xóa liên kết này", en: "delete this link")
              ])
            continue
          }
        }
        targetPath = target
        links = true
      }
      switch info.st_mode & S_IFMT {
      case S_IFDIR:
        let resolved =
          targetPath == childPath ? (walking.last ?? directory) + "/" + name : targetPath
        walk(
          root: root, relative: childRelative, displayRoot: displayRoot, into: &found,
          links: &links, walking: walking + [resolved], diagnostics: diagnostics)
      case S_IFREG:
        found.append(
          File(childRelative, displayRoot: displayRoot, absolutePath: targetPath, info))
      default:
        continue
      }
    }
  }
}

extension SourceTree.File {
  /// The file at `path` inside the folder, as `stat` describes it.
  init(_ path: String, displayRoot: String, absolutePath: String, _ info: stat) {
    self.init(
      path: path, displayPath: displayRoot + "/" + path, absolutePath: absolutePath,
      size: Int64(info.st_size),
      modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
      changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec),
      inode: UInt64(info.st_ino))
  }

  /// The file's bytes.
  public func read() throws(FileBytes.ReadError) -> [UInt8] {
    try FileBytes.read(absolutePath)
  }
}

/// Whole-file reads with POSIX calls (faster than Foundation for many small files).
public enum FileBytes {
  /// The error for a file that cannot be read.
  public struct ReadError: Error, Sendable {
    public let path: String
    public let code: Int32
    /// Why, in both languages.
    public var reason: Message { SystemErrorText.reason(code) }
  }

  /// Reads the file at `path` completely.
  public static func read(_ path: String) throws(ReadError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw ReadError(path: path, code: errno) }
    defer { close(fd) }
    var info = stat()
    var capacity = 64 * 1024
    if fstat(fd, &info) == 0, info.st_size > 0 { capacity = Int(info.st_size) + 1 }
    var (bytes, atEnd) = try fill(fd, capacity: capacity, path: path)
    // A file that grew while it was read is read on to its end.
    while !atEnd {
      let more = try fill(fd, capacity: max(bytes.count, 64 * 1024), path: path)
      bytes += more.bytes
      atEnd = more.atEnd
    }
    return bytes
  }

  /// Up to `capacity` bytes from `fd`, and whether its end was reached.
  ///
  /// Read into storage that is not zeroed first: zeroing a large published
  /// data file's buffer (`EarlierPieces`) was a pass over every page of it
  /// before the read's own.
  private static func fill(_ fd: Int32, capacity: Int, path: String) throws(ReadError) -> (
    bytes: [UInt8], atEnd: Bool
  ) {
    var code: Int32 = 0
    var atEnd = false
    let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
      count = 0
      guard let base = buffer.baseAddress else { return }
      while count < buffer.count {
        let n = Foundation.read(fd, base + count, buffer.count - count)
        if n < 0 {
          if errno == EINTR { continue }
          code = errno
          return
        }
        if n == 0 {
          atEnd = true
          return
        }
        count += n
      }
    }
    if code != 0 { throw ReadError(path: path, code: code) }
    return (bytes, atEnd)
  }
}
