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
    var out = RecordLines.Writer(capacity: 1 << 20)
    out.line(Self.header)
    for path in hashes.keys.sorted() {
      guard let hash = hashes[path] else { continue }
      out.line(hash.description, path)
    }
    return out.text
  }

  /// Parses manifest text; `nil` if it is not a complete manifest.
  init?(text: String) {
    var hashes: [String: ContentHash] = [:]
    let complete = RecordLines.scan(text, header: Self.header, maxFields: 2) { fields in
      guard fields.count == 2, let hash = UInt64(fields[0], radix: 16) else { return false }
      hashes[String(fields[1])] = ContentHash(value: hash)
      return true
    }
    guard complete else { return nil }
    self.hashes = hashes
  }
}

/// Facts about the two output folders that only hold on this machine: the inode of every file, live
/// and spare, and whatever the builder wants to remember (content files' sizes and times).
///
/// Kept in the lock file beside the output folder (`Site.lock`), written after each successful
/// publish.
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

  /// Whether `text` is a record of the live manifest with this hash
  /// (checked on the first lines only).
  static func describesLiveManifest(_ text: String, hash: String) -> Bool {
    text.hasPrefix(header + "\nlive \(hash)\n")
  }

  /// The builder's lines (`X …`), which come first after the header lines.
  static func extraLines(in text: String) -> [String] {
    var lines: [String] = []
    var rest = Substring(text)
    var lineNumber = 0
    while let end = rest.firstIndex(of: "\n") {
      let line = rest[..<end]
      rest = rest[rest.index(after: end)...]
      lineNumber += 1
      if lineNumber <= 3 { continue }
      guard line.hasPrefix("X ") else { break }
      lines.append(String(line.dropFirst(2)))
    }
    return lines
  }

  var text: String {
    var out = RecordLines.Writer(capacity: 1 << 20)
    out.line(Self.header)
    out.line("live", liveManifest)
    out.line("spare", spareManifest)
    for line in extra { out.line("X", line) }
    for (path, inode) in liveInodes.sorted(by: { $0.key < $1.key }) {
      out.line("L", String(inode), path)
    }
    for (path, inode) in spareInodes.sorted(by: { $0.key < $1.key }) {
      out.line("S", String(inode), path)
    }
    return out.text
  }

  init?(text: String) {
    var record = LocalRecord()
    let complete = RecordLines.scan(text, header: Self.header, maxFields: 3) { fields in
      guard fields.count >= 2 else { return false }
      switch fields[0] {
      case "live": record.liveManifest = String(fields[1])
      case "spare": record.spareManifest = String(fields[1])
      case "L", "S":
        guard fields.count == 3, let inode = UInt64(fields[1]) else { return false }
        if fields[0] == "L" {
          record.liveInodes[String(fields[2])] = inode
        } else {
          record.spareInodes[String(fields[2])] = inode
        }
      case "X": record.extra.append(fields.dropFirst().joined(separator: " "))
      default: return false
      }
      return true
    }
    guard complete else { return nil }
    self = record
  }
}
