import Foundation
import SiteCore

/// Publishes a build into an output folder atomically: the only code that
/// writes files.
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
/// Each folder carries a manifest (`.plansite-build`) of its files' hashes.
/// The spare's manifest is removed before the spare is touched and written
/// back last, so a spare left half-updated by a killed build is recognised
/// and rebuilt by the next build. Inode numbers, which only hold on this
/// machine, are kept in the lock file beside the folder (`LocalRecord`).
public final class OutputWriter {
  /// The manifest's file name, inside each output folder; it also marks a
  /// folder as made by plansite.
  public static let markerFile = ".plansite-build"

  /// The output folder (`Site`).
  public let directory: String
  /// The spare folder (`Site.staging`).
  public var sparePath: String { directory + ".staging" }
  /// What the live folder holds, when it has a readable manifest.
  public private(set) lazy var published: OutputManifest? = publishedText.flatMap(
    OutputManifest.init(text:))
  private let lock: OutputLock

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
    /// Bytes written.
    public var writtenBytes = 0
  }

  /// The manifest text of the live folder, as read.
  private let publishedText: String?
  /// The local record's text, when it describes the folders as they are.
  private let recordText: String?
  /// The local record, parsed when first needed (a no-op build never needs it).
  private lazy var record: LocalRecord? = recordText.flatMap(LocalRecord.init(text:))

  /// Locks `directory` and reads its manifest.
  ///
  /// - Parameter protecting: folders the output must neither be, contain,
  ///   nor lie inside (the content and templates folders).
  public init(directory: String, protecting: [String] = []) throws {
    var trimmed = directory
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    self.directory = trimmed
    try OutputFolderCheck.check(trimmed, protecting: protecting)
    lock = try OutputLock(folder: trimmed)
    publishedText = FileOperations.readText(trimmed + "/" + Self.markerFile)
    let recordText = lock.readContents()
    if let recordText, let publishedText,
      LocalRecord.describesLiveManifest(recordText, hash: ContentHash(publishedText).description)
    {
      self.recordText = recordText
    } else {
      self.recordText = nil
    }
  }

  /// Lines the builder stored with the last successful publish (for this live folder only).
  ///
  /// Read without parsing the rest of the record.
  public var remembered: [String] { recordText.map(LocalRecord.extraLines(in:)) ?? [] }

  /// Opens the spare folder for this build's changes.
  public func begin() throws -> OutputUpdate {
    let live = published ?? OutputManifest()
    if published != nil,
      let text = FileOperations.readText(sparePath + "/" + Self.markerFile),
      let spare = OutputManifest(text: text)
    {
      // A spare from the build before: mark it as being modified.
      _ = unlink(sparePath + "/" + Self.markerFile)
      let spareInodes =
        record?.spareManifest == ContentHash(text).description ? record?.spareInodes ?? [:] : [:]
      return OutputUpdate(
        path: sparePath, livePath: directory, live: live, liveInodes: record?.liveInodes ?? [:],
        spare: spare, spareInodes: spareInodes)
    }
    // No usable spare (first build, or one left half-updated): start afresh.
    try FileOperations.removeTree(sparePath)
    try FileOperations.makeDirectory(sparePath)
    return OutputUpdate(
      path: sparePath, livePath: directory, live: live, liveInodes: record?.liveInodes ?? [:],
      spare: OutputManifest(), spareInodes: [:])
  }

  /// Finishes the spare, swaps it in, and records `remember` for the next build.
  public func commit(_ update: OutputUpdate, remember: [String] = []) throws -> Report {
    let text = try update.finish()
    try swapIn()
    var next = LocalRecord()
    next.liveManifest = ContentHash(text).description
    next.spareManifest = publishedText.map { ContentHash($0).description } ?? ""
    next.liveInodes = update.nextInodes
    next.spareInodes = update.liveInodes
    next.extra = remember
    lock.writeContents(next.text)
    lock.release()
    var report = Report()
    report.written = update.written.sorted()
    report.unchanged = update.unchangedCount
    report.writtenBytes = update.writtenBytes
    report.fileCount = update.next.hashes.count
    report.removed = update.live.hashes.keys.filter { update.next.hashes[$0] == nil }.sorted()
    return report
  }

  /// Exchanges the spare and live folders (or moves the spare in when there
  /// is no live folder yet).
  private func swapIn() throws {
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

  /// The build cache file beside the output folder (`Site.cache`): parsed content kept for the next
  /// build.
  ///
  /// Safe to delete.
  public var cachePath: String { directory + ".cache" }

  /// The cache file's bytes, if there is one.
  public func readCache() -> [UInt8]? {
    try? FileBytes.read(cachePath)
  }

  /// Replaces the cache file (written beside it, then renamed over it).
  public func storeCache(_ bytes: [UInt8]) throws {
    _ = try FileOperations.replaceFile(cachePath, bytes)
  }

  /// Deletes the spare folder (the previous build), for when no further build follows soon:
  /// `plansite watch` does this when it stops.
  ///
  /// The next build then links every unchanged file from the live folder again.
  public func removeSpare() throws {
    try FileOperations.removeTree(sparePath)
  }

  /// Releases the lock without publishing; the live folder is untouched.
  public func abandon() {
    lock.release()
  }
}
