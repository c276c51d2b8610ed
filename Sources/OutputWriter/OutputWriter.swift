import Foundation
import SiteCore

/// Publishes a build into an output folder atomically: the only code that
/// writes the site.
///
/// Two folders take turns: the live one (`Site`) and a spare beside it
/// (`Site.staging`). A build fills the spare and swaps the two with one
/// `renameat2(RENAME_EXCHANGE)` call, so at every instant `Site` is either
/// the whole previous build or the whole new one, even if the build is
/// killed. The previous build stays behind as the spare, so the next build
/// only touches the files that differ: files whose bytes did not change
/// become hard links to the live ones (same inode, same modification time,
/// so rsync and CDNs send only real changes), and changed files are written
/// as new files, never into an inode the live folder shares.
///
/// What each folder holds (`FolderRecord`) is kept by the builder beside the
/// folders and handed in; a record is trusted only while its folder is the
/// same folder (device and inode). Nothing but the site goes inside `Site/`.
public final class OutputWriter {
  /// The output folder (`Site`).
  public let directory: String
  /// The spare folder (`Site.staging`).
  public var sparePath: String { directory + ".staging" }
  /// Where a build moves the spare's files it replaces, to delete them
  /// once its files are live (`Site.trash`, only while a build runs).
  var trashPath: String { directory + ".trash" }
  private let lock: OutputLock
  /// What `begin` found at the top of the live folder that no build made.
  private var foreign: [String] = []

  /// What publishing did.
  public struct Report: Sendable {
    /// Files written with new bytes.
    public var written: [String] = []
    /// Files left as they were.
    public var unchanged = 0
    /// Files removed because nothing produces them any more.
    public var removed: [String] = []
    /// Files in the published folder.
    public var fileCount = 0
    /// Names at the top of the output folder that no build made (a
    /// `.htaccess` a webmaster put there): the new folder does not have them.
    public var foreign: [String] = []
    /// Bytes written.
    public var writtenBytes = 0
  }

  /// The folders after publishing, for the next build.
  public struct Published: Sendable {
    public var live: FolderRecord
    public var spare: FolderRecord?
  }

  /// Locks `directory` for this build.
  ///
  /// - Parameter protecting: folders the output must neither be, contain,
  ///   nor lie inside (the content and templates folders).
  public init(directory: String, protecting: [String] = []) throws(OutputError) {
    var trimmed = directory
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    self.directory = trimmed
    try OutputFolderCheck.check(trimmed, protecting: protecting)
    lock = try OutputLock(folder: trimmed)
  }

  /// The live folder's identity, if it exists.
  public var liveIdentity: FolderIdentity? { FolderIdentity.of(directory) }

  /// The spare folder's identity, if it exists.
  public var spareIdentity: FolderIdentity? { FolderIdentity.of(sparePath) }

  /// Refuses an output folder that has files and was not written by
  /// plansite (`recorded` is the folder the builder remembers publishing).
  public func checkOwnership(recorded: FolderIdentity?) throws(OutputError) {
    try OutputFolderCheck.checkOwnership(directory, recorded: recorded)
  }

  /// Opens the spare folder for this build's changes.
  ///
  /// Records are used only for the folders they describe; an unknown spare
  /// is emptied, an unknown live folder is treated as having nothing to
  /// keep (every file is written anew).
  ///
  /// - Parameter verifying: trust the live folder's record only where the
  ///   file itself agrees (same inode, same bytes), so that a file changed
  ///   or deleted by hand is written again: `--clean`, which reads every
  ///   file of the live folder for it.
  public func begin(live: FolderRecord?, spare: FolderRecord?, verifying: Bool = false)
    throws(OutputError) -> OutputUpdate
  {
    foreign = live.map { Self.foreignEntries(in: directory, record: $0) } ?? []
    var liveFiles = live.flatMap { $0.identity == liveIdentity ? $0.files : nil }
    // Verifying trusts no record of the spare either: a file deleted by
    // hand from the live folder is missing from the spare after a swap.
    let spare = verifying ? nil : spare
    if verifying, let recorded = liveFiles {
      let directory = directory
      let entries = Array(recorded)
      let agrees = Parallel.map(entries, chunk: 64) { path, file in
        let full = directory + "/" + path
        guard FileOperations.inode(full) == file.inode, let bytes = try? FileBytes.read(full)
        else { return false }
        return ContentHash(pieces: [bytes]).value == file.hash
      }
      if agrees.contains(false) {
        liveFiles = Dictionary(
          zip(entries, agrees).filter(\.1).map(\.0), uniquingKeysWith: { first, _ in first })
      }
    }
    // Left by a build killed before it emptied it.
    try FileOperations.removeTree(trashPath)
    if let liveFiles, let spare, let identity = spareIdentity, spare.identity == identity {
      return OutputUpdate(
        path: sparePath, livePath: directory, live: liveFiles, spare: spare.files,
        spareDiffersAt: spare.differsFromLive, trash: trashPath)
    }
    // An unknown spare, or a live folder whose files are unknown (the spare
    // may share inodes with it): start the spare afresh.
    try FileOperations.removeTree(sparePath)
    try FileOperations.makeDirectory(sparePath)
    return OutputUpdate(
      path: sparePath, livePath: directory, live: liveFiles ?? [:], spare: [:],
      liveKnown: liveFiles != nil)
  }

  /// Finishes the spare and swaps it in; returns what was done and what the
  /// two folders now hold.
  public func commit(_ update: OutputUpdate) throws(OutputError) -> (Report, Published) {
    let previous = update.live
    let previousIdentity = liveIdentity
    let files = update.finish()
    try swapIn()
    var report = Report()
    report.written = update.written.sorted()
    report.unchanged = update.unchangedCount
    report.writtenBytes = update.writtenBytes
    report.fileCount = files.count
    report.removed = update.removed(from: files).sorted()
    report.foreign = foreign
    guard let live = liveIdentity else {
      throw OutputError.system(
        operation: Message(vi: "tìm lại thư mục", en: "find the folder"), path: directory,
        code: ENOENT)
    }
    // The folder that was live is now the spare (renaming changed its
    // change time, so it is recorded anew); its files are known only if the
    // live folder's were.
    let spare = spareIdentity.flatMap { identity -> FolderRecord? in
      guard update.liveKnown, let previousIdentity, previousIdentity.device == identity.device,
        previousIdentity.inode == identity.inode
      else { return nil }
      return FolderRecord(
        identity: identity, files: previous,
        differsFromLive: Set(report.written).union(report.removed))
    }
    return (report, Published(live: FolderRecord(identity: live, files: files), spare: spare))
  }

  /// The names at the top of `folder` that are not the first part of any
  /// path the last build recorded there (its record may be of the folder
  /// before someone changed it: the names are what matter).
  static func foreignEntries(in folder: String, record: FolderRecord) -> [String] {
    guard !record.files.isEmpty,
      let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
    else { return [] }
    var ours = Set<Substring>()
    for path in record.files.keys {
      ours.insert(path.prefix { $0 != "/" })
    }
    return names.filter { !ours.contains(Substring($0)) }.sorted()
  }

  /// Deletes the files the last update replaced in the spare folder (see
  /// `OutputUpdate.keepAll(except:)`): after `commit`, once whoever waits
  /// for the new files has been told.
  public func emptyTrash() throws(OutputError) {
    try FileOperations.removeTree(trashPath)
  }

  /// Releases the lock once the builder has recorded the published folders.
  public func release() {
    lock.release()
  }

  /// Exchanges the spare and live folders (or moves the spare in when there
  /// is no live folder yet).
  private func swapIn() throws(OutputError) {
    guard FileOperations.exists(directory) else {
      try FileOperations.rename(sparePath, directory)
      return
    }
    if try FileOperations.exchange(sparePath, directory) { return }
    // No atomic exchange on this file system: two renames, the previous
    // build kept aside until the new one is in place.
    let aside = directory + ".previous"
    try FileOperations.removeTree(aside)
    try FileOperations.rename(directory, aside)
    try FileOperations.rename(sparePath, directory)
    try FileOperations.rename(aside, sparePath)
  }

  /// Deletes the spare folder (the previous build), for when no further
  /// build follows soon: `plansite watch` does this when it stops.
  public func removeSpare() throws(OutputError) {
    try FileOperations.removeTree(sparePath)
    try FileOperations.removeTree(trashPath)
  }

  /// Releases the lock without publishing; the live folder is untouched.
  public func abandon() {
    lock.release()
  }
}
