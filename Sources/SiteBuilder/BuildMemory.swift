import BuildStore
import ContentLoader
import Foundation
import OutputWriter
import PlanModel
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
  /// The generation number of the live folder's files in the store (the
  /// spare's is the other one).
  private var liveGeneration = 0
  /// The folders as recorded (their files are read from the store only
  /// when a build needs them: a build with nothing to do never does).
  private var liveIdentity: FolderIdentity?
  private var spareIdentity: FolderIdentity?
  private var details: Details?
  /// The `output` rows the database holds for each generation, when this
  /// memory knows them exactly (it read or wrote them).
  ///
  /// Publishing then writes only the rows that differ. A generation not
  /// known here is rewritten whole.
  private var storedOutputs: [Int: [String: FolderRecord.File]] = [:]
  /// The mark of this memory's last write or read (`meta` key `written`):
  /// another mark in the database means another process (a `plansite
  /// build` beside `serve`) wrote since, and `storedOutputs` is not trusted.
  private var writtenMark: [UInt8]?
  /// The pieces of files made since the last `published`, recorded with it.
  private var madePieces: [String: PiecesRecord] = [:]
  /// The hash of the identity this memory was opened for (`identity(_:)`),
  /// stored with each record of pieces.
  private let writer: UInt64
  /// Parsed files being encoded and stored on another thread
  /// (`rememberInBackground`); whatever reads `details` waits for them.
  private let remembering = DispatchGroup()

  /// What only a build that renders needs, read from the store on first use.
  private struct Details {
    /// Parsed content files by path, with the size and time they were parsed at.
    var sources: [String: (stamp: String, parsed: ParsedFile)] = [:]
    /// The digest each output file was made from, by path.
    var jobs: [String: UInt64] = [:]
    var live: FolderRecord?
    var spare: FolderRecord?
  }

  /// What the last build of this process computed that the next one can
  /// reuse (kept in memory only, by `watch` and `serve`).
  var reusable: SiteRenderer.Reusable?
  /// The last build's listing of the content folder, for the next to
  /// update where a watcher saw changes (when it was listed without a
  /// problem).
  var earlierListing: SourceTree?
  /// The last build's load, for the next to patch.
  var earlierLoad: EarlierLoad?
  /// The validation of `earlierLoad`'s draft, when its plan was valid.
  var earlierValidation: EarlierValidation?
  /// The last build's templates, by the hash of their files.
  var templates: (hash: ContentHash, set: TemplateSet)?

  /// The digest of the last published build's inputs.
  private(set) var inputsDigest: UInt64?
  /// What the last published build reported (repeated when nothing changed).
  private(set) var diagnostics: [Diagnostic] = []
  private(set) var notes: [Message] = []
  private(set) var language: Language = .vi
  private(set) var pageCount = 0

  /// The database file beside `output`.
  static func databasePath(output: String) -> String { output + ".db" }

  /// Opens the database beside `configuration.outputDirectory`, reading only its single values.
  ///
  /// A database that cannot be opened is replaced; if even that fails, the build remembers nothing.
  init(configuration: BuildConfiguration) {
    let path = Self.databasePath(output: configuration.outputDirectory)
    let identity = Self.identity(configuration)
    writer = ContentHash(identity).value
    var opened = try? BuildStore(path: path, identity: identity, keepingMeta: Self.folderKeys)
    if opened == nil {
      // A damaged file: start afresh.
      for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
      opened = try? BuildStore(path: path, identity: identity, keepingMeta: Self.folderKeys)
    }
    store = opened
    guard let store else {
      details = Details()
      return
    }
    liveGeneration = store.meta("live-generation").flatMap { $0.first.map(Int.init) } ?? 0
    liveIdentity = store.meta("live").flatMap {
      try? BinaryCoding.decode(FolderIdentity.self, from: $0)
    }
    spareIdentity = store.meta("spare").flatMap {
      try? BinaryCoding.decode(FolderIdentity.self, from: $0)
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

  /// Reads the parsed files (decoded on all cores), the job digests and
  /// the folders' files, once (after any remembering still under way).
  private func loaded() -> Details {
    settle()
    return readDetails()
  }

  private func readDetails() -> Details {
    if let details { return details }
    var loaded = Details()
    if let store {
      // Each batch of stored parses is decoded on the other cores while
      // this thread reads the next from the database (reading 60 MB of
      // them at 10,000 tasks took 0.1 s on one core before any decoding).
      var decoded = Parallel.whileProducing(
        { hand in store.sources(inBatchesOf: 256, hand) },
        { batch in
          batch.map { path, entry in
            (path, entry.stamp, try? BinaryCoding.decode(ParsedFile.self, from: entry.parsed))
          }
        })
      // Moved out one by one (`popLast`), not copied: a parsed file holds
      // many strings, each retained by a copy and released with the array.
      loaded.sources.reserveCapacity(decoded.reduce(0) { $0 + $1.count })
      while var batch = decoded.popLast() {
        while let (path, stamp, parsed) = batch.popLast() {
          if let parsed { loaded.sources[path] = (stamp, parsed) }
        }
      }
      loaded.jobs = store.jobs()
      writtenMark = store.meta("written")
      if let liveIdentity {
        let files = Self.files(store.outputs(generation: liveGeneration))
        loaded.live = FolderRecord(identity: liveIdentity, files: files)
        storedOutputs[liveGeneration] = files
      }
      if let spareIdentity {
        let files = Self.files(store.outputs(generation: 1 - liveGeneration))
        loaded.spare = FolderRecord(identity: spareIdentity, files: files)
        storedOutputs[1 - liveGeneration] = files
      }
    }
    details = loaded
    return loaded
  }

  /// The details, taken out of the memory until they are put back: a
  /// copy still held here would make changing them copy every parsed file
  /// and job digest (over 100 ms at 30,000 tasks, on the serve path).
  private func takeDetails(_ read: Details) -> Details {
    details = nil
    return read
  }

  /// The live folder as recorded.
  var live: FolderRecord? { loaded().live }
  /// Which folder the live one was when recorded (without reading its files).
  var recordedLive: FolderIdentity? { liveIdentity }
  /// The spare folder as recorded.
  var spare: FolderRecord? { loaded().spare }
  private var jobs: [String: UInt64] { loaded().jobs }

  /// Reads what a build that loads content needs (before loading on all cores).
  func prepare() { _ = loaded() }

  /// What a published build says of itself, repeated by a build that finds
  /// nothing changed.
  private struct Summary: Codable {
    var inputsDigest: UInt64?
    var diagnostics: [Diagnostic]
    var notes: [Message]
    var language: Language
    var pageCount: Int
  }

  /// The single values that describe the output folders (which is live,
  /// their identities, the mark of the last write): kept, with the folders'
  /// files, by a build for another content path or by another plansite.
  static let folderKeys: Set<String> = ["live-generation", "live", "spare", "written"]

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
    settle()
    guard let entry = details?.sources[file.path], entry.stamp == file.stamp else { return nil }
    return entry.parsed
  }

  /// Remembers the files of a load, except those saved in the last two
  /// seconds: file times are only as fine as the kernel's clock tick, so a
  /// second same-size save within one tick would keep the stamp; such a
  /// file is simply parsed again next time (git's "racily clean" rule).
  private func remember(_ loaded: ContentLoader.Result, tree: SourceTree) {
    var changes = BuildStore.Changes()
    var details = takeDetails(readDetails())
    let now = Self.nanosecondsNow()
    // A patched load lists the same files as the load before it and parsed
    // a few: looked up, so that a save costs the same in a plan of any size.
    let fresh =
      loaded.patched
      ? loaded.freshlyParsed.sorted().compactMap { tree.file($0) }
      : tree.files.filter { loaded.freshlyParsed.contains($0.path) }
    let settled = fresh.filter { $0.modified <= now - 2_000_000_000 }
    // Encoded and stored a slice at a time: the parsed files of a large
    // plan are tens of megabytes as bytes, and each row stands alone (a
    // killed build leaves some of them stored, each with its own stamp).
    for start in stride(from: 0, to: settled.count, by: Self.storeSlice) {
      let slice = settled[start..<min(settled.count, start + Self.storeSlice)]
      let encoded = Parallel.map(Array(slice), chunk: 64) { file in
        (
          file, loaded.parsed[file.path],
          loaded.parsed[file.path].flatMap { try? BinaryCoding.encode($0) }
        )
      }
      var stored = BuildStore.Changes()
      for (file, parsed, bytes) in encoded {
        guard let parsed, let bytes else { continue }
        details.sources[file.path] = (file.stamp, parsed)
        stored.sources[file.path] = BuildStore.SourceEntry(stamp: file.stamp, parsed: bytes)
      }
      write(stored)
    }
    for file in fresh where file.modified > now - 2_000_000_000 {
      if details.sources.removeValue(forKey: file.path) != nil {
        changes.removedSources.append(file.path)
      }
    }
    if !loaded.patched {
      let listed = Set(tree.files.map(\.path))
      for path in details.sources.keys where !listed.contains(path) {
        details.sources[path] = nil
        changes.removedSources.append(path)
      }
    }
    self.details = details
    write(changes)
  }

  /// How many parsed files are encoded and stored at once.
  private static let storeSlice = 1024

  /// Remembers the files of a load (`remember`) on another thread.
  ///
  /// The build checks the plan meanwhile: checking runs mostly on one
  /// core, and encoding the parsed files of a large plan takes seconds.
  /// Every later use of the memory waits for it; so does `settle()`.
  ///
  /// - Parameter keepingParsedFiles: whether a later build of this process
  ///   reuses the parsed files (`watch`, `serve`). A one-shot build's
  ///   memory lets them go once they are stored, on that thread: with
  ///   reports they are hundreds of megabytes, which the pages then reuse.
  func rememberInBackground(
    _ loaded: ContentLoader.Result, tree: SourceTree, keepingParsedFiles: Bool
  ) {
    remembering.enter()
    DispatchQueue.global().async {
      self.remember(loaded, tree: tree)
      if !keepingParsedFiles { self.details?.sources = [:] }
      self.remembering.leave()
    }
  }

  /// Waits until what a load gave is remembered (before the process may end).
  func settle() { remembering.wait() }

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
  func isUpToDate(inputsDigest digest: ContentHash, liveIdentity current: FolderIdentity?) -> Bool {
    inputsDigest == digest.value && liveIdentity != nil && liveIdentity == current
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
    settle()
    guard spareIdentity != nil else { return }
    spareIdentity = nil
    details?.spare = nil
    // Without the spare's identity its rows describe no folder: they are
    // kept only so that the next record writes what differs from them.
    var changes = BuildStore.Changes()
    changes.meta["spare"] = []
    write(changes)
  }

  /// Records a published build: the new live and spare folders, the jobs'
  /// digests, and what to repeat when nothing changes.
  ///
  /// The files at the `stale` paths are still the previous build's: their
  /// previous digests are kept, so a build killed before they are
  /// published makes them again. With `only`, `produced` are the only jobs
  /// published: every other file keeps its recorded digest.
  func published(
    _ folders: OutputWriter.Published, jobs produced: [OutputJob], stale: Set<String> = [],
    only: Bool = false, inputsDigest: ContentHash?,
    diagnostics: [Diagnostic], notes: [Message], language: Language, pageCount: Int
  ) {
    var details = takeDetails(loaded())
    var changes = BuildStore.Changes()
    // The new live folder is the old spare's generation; the old live
    // folder's generation is the new spare's.
    let newLive = 1 - liveGeneration
    // Rows another process wrote since are not known here.
    if writtenMark == nil || store?.meta("written") != writtenMark { storedOutputs = [:] }
    recordOutputs(folders.live.files, generation: newLive, &changes)
    recordOutputs(folders.spare?.files ?? [:], generation: liveGeneration, &changes)
    liveGeneration = newLive
    changes.meta["live-generation"] = [UInt8(newLive)]
    changes.meta["live"] = (try? BinaryCoding.encode(folders.live.identity)) ?? []
    changes.meta["spare"] = folders.spare.flatMap { try? BinaryCoding.encode($0.identity) } ?? []
    details.live = folders.live
    details.spare = folders.spare
    liveIdentity = folders.live.identity
    spareIdentity = folders.spare?.identity
    if only {
      for job in produced where details.jobs[job.path] != job.digest.value {
        details.jobs[job.path] = job.digest.value
        changes.jobs[job.path] = job.digest.value
      }
    } else {
      var current: [String: UInt64] = [:]
      for job in produced {
        current[job.path] = stale.contains(job.path) ? details.jobs[job.path] : job.digest.value
      }
      for (path, digest) in current where details.jobs[path] != digest {
        changes.jobs[path] = digest
      }
      changes.removedJobs = details.jobs.keys.filter { current[$0] == nil }
      details.jobs = current
    }
    self.details = details
    self.diagnostics = diagnostics
    self.notes = notes
    self.language = language
    self.pageCount = pageCount
    remember(inputsDigest: inputsDigest?.value, in: &changes)
    for (path, record) in madePieces {
      let stored = StoredPieces(writer: writer, record: record)
      changes.meta[Self.piecesKey(path)] = (try? BinaryCoding.encode(stored)) ?? []
    }
    madePieces = [:]
    write(changes)
  }

  /// A record of pieces with the identity of the memory that wrote it: a
  /// file made by another plansite executable (a `plansite build` of a
  /// rebuilt plansite beside a running `serve`, which opened the database
  /// before) may have the same keys but other bytes.
  private struct StoredPieces: Codable {
    var writer: UInt64
    var record: PiecesRecord
  }

  /// Starts a publishing step: forgets the records of files made by an
  /// earlier step that failed (they were never published), and returns
  /// the recorded pieces of the files at `paths`, to take from the
  /// published files what is unchanged (`EarlierPieces`).
  func beginPublishing(reading paths: [String]) -> [String: PiecesRecord] {
    madePieces = [:]
    var records: [String: PiecesRecord] = [:]
    for path in paths {
      guard let bytes = store?.meta(Self.piecesKey(path)), !bytes.isEmpty,
        let stored = try? BinaryCoding.decode(StoredPieces.self, from: bytes),
        stored.writer == writer
      else { continue }
      records[path] = stored.record
    }
    return records
  }

  /// Records a file's pieces, written with the next `published` (called
  /// from the thread that writes the files, one at a time).
  func made(_ record: PiecesRecord, at path: String) {
    madePieces[path] = record
  }

  private static func piecesKey(_ path: String) -> String { "pieces " + path }

  /// Closes the database, once nothing else is to be remembered (`watch`
  /// and `serve` on their way out).
  func close() {
    settle()
    store?.close()
  }

  /// Forgets the last build's inputs: the next build is never "up to
  /// date", and makes what the live folder lacks (a file deleted there by
  /// hand, found while preparing the spare).
  func forgetInputs() {
    settle()
    guard inputsDigest != nil else { return }
    var changes = BuildStore.Changes()
    remember(inputsDigest: nil, in: &changes)
    write(changes)
  }

  /// Sets the inputs digest, and adds to `changes` what a build with
  /// nothing to do repeats (`Summary`).
  private func remember(inputsDigest digest: UInt64?, in changes: inout BuildStore.Changes) {
    inputsDigest = digest
    let summary = Summary(
      inputsDigest: digest, diagnostics: diagnostics, notes: notes, language: language,
      pageCount: pageCount)
    changes.meta["published"] = (try? BinaryCoding.encode(summary)) ?? []
  }

  /// Forgets the spare folder (removed by `watch` and `serve` on their way out).
  func spareRemoved() {
    spareWillChange()
  }

  /// Adds to `changes` what makes a generation's rows `files`: the rows
  /// that differ from those stored, or all of them when those are unknown.
  private func recordOutputs(
    _ files: [String: FolderRecord.File], generation: Int, _ changes: inout BuildStore.Changes
  ) {
    func entry(_ file: FolderRecord.File) -> BuildStore.OutputEntry {
      BuildStore.OutputEntry(hash: file.hash, inode: file.inode)
    }
    if let stored = storedOutputs[generation], !files.isEmpty {
      var differing: [String: BuildStore.OutputEntry] = [:]
      for (path, file) in files where stored[path] != file { differing[path] = entry(file) }
      changes.outputs[generation] = differing
      changes.removedOutputs[generation] = stored.keys.filter { files[$0] == nil }
    } else {
      changes.forgetOutputs.insert(generation)
      changes.outputs[generation] = files.mapValues(entry)
    }
    storedOutputs[generation] = files
  }

  private func write(_ changes: BuildStore.Changes) {
    guard let store, !changes.isEmpty else { return }
    var changes = changes
    let mark = withUnsafeBytes(of: UInt64.random(in: 1...UInt64.max)) { Array($0) }
    changes.meta["written"] = mark
    // A database that cannot be written only makes the next build slower;
    // its rows are then no longer known here, so the next record writes
    // them whole.
    do {
      try store.write(changes)
      writtenMark = mark
    } catch {
      storedOutputs = [:]
      writtenMark = nil
    }
  }
}
