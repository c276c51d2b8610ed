import SiteCore

/// What an output folder holds: every file with the hash of its bytes,
/// written as `.plansite-build` inside the folder (sorted, so two builds of
/// the same input write the same manifest).
///
/// The file doubles as the marker that the folder was made by plansite.
/// Inode numbers, which say whether the spare folder already shares a file
/// with the live one, depend on the machine and are kept beside the folder
/// instead (see `LocalRecord`).
public struct OutputManifest: Equatable, Sendable {
  /// Every file's hash, by its path inside the output folder (the manifest excluded).
  public var hashes: [String: ContentHash] = [:]

  public init(hashes: [String: ContentHash] = [:]) {
    self.hashes = hashes
  }

  static let header = "plansite-output 2"

  /// The manifest as text: a header, then `hash path` per line, sorted by path.
  var text: String {
    var lines = [Self.header]
    for path in hashes.keys.sorted() {
      guard let hash = hashes[path] else { continue }
      lines.append("\(hash) \(path)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Parses manifest text; `nil` if it is not a complete manifest.
  init?(text: String) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
    guard lines.first == Substring(Self.header) else { return nil }
    lines = lines.dropFirst()
    for line in lines {
      let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2, let hash = UInt64(parts[0], radix: 16) else { return nil }
      hashes[String(parts[1])] = ContentHash(value: hash)
    }
  }
}

/// Facts about the two output folders that only hold on this machine: the
/// inode of every file, live and spare, and whatever the builder wants to
/// remember (content files' sizes and times). Kept in the lock file beside
/// the output folder (`Site.lock`), written after each successful publish.
///
/// It names the manifests it describes by their hashes; if a build was
/// killed between publishing and writing this record, the names no longer
/// match and the record is ignored (files are then compared by `stat`).
struct LocalRecord: Equatable {
  static let header = "plansite-local 1"

  var liveManifest = ""
  var spareManifest = ""
  var liveInodes: [String: UInt64] = [:]
  var spareInodes: [String: UInt64] = [:]
  var extra: [String] = []

  init() {}

  var text: String {
    var lines = [Self.header, "live \(liveManifest)", "spare \(spareManifest)"]
    for (path, inode) in liveInodes.sorted(by: { $0.key < $1.key }) { lines.append("L \(inode) \(path)") }
    for (path, inode) in spareInodes.sorted(by: { $0.key < $1.key }) { lines.append("S \(inode) \(path)") }
    for line in extra { lines.append("X " + line) }
    return lines.joined(separator: "\n") + "\n"
  }

  init?(text: String) {
    var lines = text.split(separator: "\n")[...]
    guard lines.first == Substring(Self.header) else { return nil }
    lines = lines.dropFirst()
    for line in lines {
      let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
      guard parts.count >= 2 else { return nil }
      switch parts[0] {
      case "live": liveManifest = String(parts[1])
      case "spare": spareManifest = String(parts[1])
      case "L", "S":
        guard parts.count == 3, let inode = UInt64(parts[1]) else { return nil }
        if parts[0] == "L" { liveInodes[String(parts[2])] = inode } else { spareInodes[String(parts[2])] = inode }
      case "X": extra.append(String(line.dropFirst(2)))
      default: return nil
      }
    }
  }
}
