import BuildStore
import ContentLoader
import Foundation
import OutputWriter
import SiteCore
import SiteRenderer

/// Everything the builder remembers between builds, in one place: parsed
/// content files, the digest each output file was made from, what the two
/// output folders hold, and a digest of the last build's inputs.
///
/// It lives in the build database beside the output folder (`Site.db`,
/// `BuildStore`); `watch` and `serve` also keep it in memory between
/// rebuilds. Output facts are trusted only for the folders they describe
/// (by device and inode): if the live folder is not the one recorded (a
/// build was killed after publishing, or someone replaced the folder), the
/// next build renders everything.
final class BuildMemory: @unchecked Sendable {
  private let store: BuildStore?
  /// Parsed content files by path, with the size and time they were parsed at.
  private(set) var sources: [String: (stamp: String, parsed: ParsedFile)] = [:]
  /// The digest each output file was made from, by path.
  private(set) var jobs: [String: UInt64] = [:]
  private(set) var live: FolderRecord?
  private(set) var spare: FolderRecord?
  /// The digest of the last published build's inputs.
  private(set) var inputsDigest: UInt64?
  /// What the last published build reported (repeated when nothing changed).
  private(set) var diagnostics: [Diagnostic] = []
  private(set) var notes: [Message] = []
  private(set) var language: Language = .vi
  private(set) var pageCount = 0
  /// The generation number of the live folder's files in the store (the
  /// spare's is the other one).
  private var liveGeneration = 0

  /// The database file beside `output`.
  static func databasePath(output: String) -> String { output + ".db" }

  /// Loads what the database beside `configuration.outputDirectory` holds.
  ///
  /// A database that cannot be opened is replaced; if even that fails, the build remembers nothing
  /// (and says so in the result's notes).
  init(configuration: BuildConfiguration) {
    let path = Self.databasePath(output: configuration.outputDirectory)
    let identity = Self.identity(configuration)
    var opened = try? BuildStore(path: path, identity: identity)
    if opened == nil {
      // A damaged file: start afresh.
      for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
      opened = try? BuildStore(path: path, identity: identity)
    }
    store = opened
    guard let store else { return }
    for (path, entry) in store.sources() {
      if let parsed = try? BinaryCoding.decode(ParsedFile.self, from: entry.parsed) {
        sources[path] = (entry.stamp, parsed)
      }
    }
    jobs = store.jobs()
    liveGeneration = store.meta("live-generation").flatMap { $0.first.map(Int.init) } ?? 0
    if let bytes = store.meta("live"),
      let identity = try? BinaryCoding.decode(FolderIdentity.self, from: bytes)
    {
      live = FolderRecord(
        identity: identity, files: Self.files(store.outputs(generation: liveGeneration)))
    }
    if let bytes = store.meta("spare"),
      let identity = try? BinaryCoding.decode(FolderIdentity.self, from: bytes)
    {
      spare = FolderRecord(
        identity: identity, files: Self.files(store.outputs(generation: 1 - liveGeneration)))
    }
    if let bytes = store.meta("published"),
      let summary = try? BinaryCoding.decode(Summary.self, from: bytes)
    {
      inputsDigest = summary.inputsDigest
      diagnostics = summary.diagnostics
      notes = summary.notes
      language = summary.language
      pageCount = summary.pageCount
    }
  }

  /// What a published build says of itself, repeated by a build that finds
  /// nothing changed.
  private struct Summary: Codable {
    var inputsDigest: UInt64?
    var diagnostics: [Diagnostic]
    var notes: [Message]
    var language: Language
    var pageCount: Int
  }

  /// What the database must have been written for: this plansite executable
  /// (a rebuilt or upgraded plansite renders differently and parses into
  /// other types) and these content and templates folders.
  private static func identity(_ configuration: BuildConfiguration) -> String {
    let content = PathNames.absolute(configuration.contentDirectory)
    let templates = PathNames.absolute(configuration.templatesDirectory)
    return "plansite-build-memory 1|\(executable)|\(configuration.contentDirectory)|\(content)|"
      + "\(configuration.templatesDirectory)|\(templates)"
  }

  private static let executable: String = {
    var info = stat()
    guard stat("/proc/self/exe", &info) == 0 else {
      return "unknown \(ProcessInfo.processInfo.processIdentifier)"
    }
    return "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_ino)"
  }()

  private static func files(_ entries: [String: BuildStore.OutputEntry]) -> [String: FolderRecord
    .File]
  {
    entries.mapValues { FolderRecord.File(hash: $0.hash, inode: $0.inode) }
  }

  /// Whether the database could be used (false: everything is rebuilt each time).
  var isPersistent: Bool { store != nil }

  // MARK: - Content files

  /// The remembered parse of `file`, if its size and time are unchanged.
  func parsed(_ file: SourceTree.File) -> ParsedFile? {
    guard let entry = sources[file.path], entry.stamp == file.stamp else { return nil }
    return entry.parsed
  }

  /// Remembers the files of a load, except those saved in the last two
  /// seconds: file times are only as fine as the kernel's clock tick, so a
  /// second same-size save within one tick would keep the stamp; such a
  /// file is simply parsed again next time (git's "racily clean" rule).
  func remember(_ loaded: ContentLoader.Result, tree: SourceTree) {
    var changes = BuildStore.Changes()
    let now = Self.nanosecondsNow()
    let listed = Set(tree.files.map(\.path))
    for file in tree.files where loaded.freshlyParsed.contains(file.path) {
      guard let parsed = loaded.parsed[file.path] else { continue }
      if file.modified > now - 2_000_000_000 {
        if sources.removeValue(forKey: file.path) != nil {
          changes.removedSources.append(file.path)
        }
        continue
      }
      sources[file.path] = (file.stamp, parsed)
      if let bytes = try? BinaryCoding.encode(parsed) {
        changes.sources[file.path] = BuildStore.SourceEntry(stamp: file.stamp, parsed: bytes)
      }
    }
    for path in sources.keys where !listed.contains(path) {
      sources[path] = nil
      changes.removedSources.append(path)
    }
    write(changes)
  }

  /// Whether any listed file was saved in the last two seconds (see `remember`).
  static func hasRacyFiles(_ tree: SourceTree) -> Bool {
    let now = nanosecondsNow()
    return tree.files.contains { $0.modified > now - 2_000_000_000 }
  }

  private static func nanosecondsNow() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
  }

  // MARK: - Output

  /// Whether the last published build had these inputs and the live folder
  /// is still the one it published.
  func isUpToDate(inputsDigest digest: ContentHash, liveIdentity: FolderIdentity?) -> Bool {
    inputsDigest == digest.value && live != nil && live?.identity == liveIdentity
  }

  /// The jobs whose file must be made: its digest changed, or the live
  /// folder does not have it (as far as this memory knows).
  func toProduce(_ jobs: [OutputJob], liveIdentity: FolderIdentity?) -> [OutputJob] {
    guard let live, live.identity == liveIdentity else { return jobs }
    return jobs.filter { job in
      self.jobs[job.path] != job.digest.value || live.files[job.path] == nil
    }
  }

  /// Forgets the spare folder's files, before the build touches it: if the
  /// build is killed, the next one will not trust a half-updated spare.
  func spareWillChange() {
    guard spare != nil else { return }
    spare = nil
    var changes = BuildStore.Changes()
    changes.meta["spare"] = []
    changes.forgetOutputs = [1 - liveGeneration]
    write(changes)
  }

  /// Records a published build: the new live and spare folders, the jobs'
  /// digests, and what to repeat when nothing changes.
  func published(
    _ folders: OutputWriter.Published, jobs produced: [OutputJob], inputsDigest: ContentHash?,
    diagnostics: [Diagnostic], notes: [Message], language: Language, pageCount: Int
  ) {
    var changes = BuildStore.Changes()
    // The new live folder is the old spare's generation, rewritten whole:
    // the old spare's rows were dropped by `spareWillChange`.
    let newLive = 1 - liveGeneration
    changes.forgetOutputs = [newLive]
    changes.outputs[newLive] = folders.live.files.mapValues {
      BuildStore.OutputEntry(hash: $0.hash, inode: $0.inode)
    }
    if folders.spare == nil { changes.forgetOutputs.insert(liveGeneration) }
    liveGeneration = newLive
    changes.meta["live-generation"] = [UInt8(newLive)]
    changes.meta["live"] = (try? BinaryCoding.encode(folders.live.identity)) ?? []
    changes.meta["spare"] = folders.spare.flatMap { try? BinaryCoding.encode($0.identity) } ?? []
    live = folders.live
    spare = folders.spare
    var current: [String: UInt64] = [:]
    for job in produced { current[job.path] = job.digest.value }
    for (path, digest) in current where self.jobs[path] != digest { changes.jobs[path] = digest }
    changes.removedJobs = self.jobs.keys.filter { current[$0] == nil }
    self.jobs = current
    let summary = Summary(
      inputsDigest: inputsDigest?.value, diagnostics: diagnostics, notes: notes,
      language: language, pageCount: pageCount)
    self.inputsDigest = summary.inputsDigest
    self.diagnostics = diagnostics
    self.notes = notes
    self.language = language
    self.pageCount = pageCount
    changes.meta["published"] = (try? BinaryCoding.encode(summary)) ?? []
    write(changes)
  }

  /// Forgets the spare folder (removed by `watch` and `serve` on their way out).
  func spareRemoved() {
    spareWillChange()
  }

  private func write(_ changes: BuildStore.Changes) {
    // A database that cannot be written only makes the next build slower.
    try? store?.write(changes)
  }
}
