import Foundation
import GRDB
import SiteCore

/// What a build remembers for the next one, in an SQLite database beside the
/// output folder (`Site.db`), never inside what is published.
///
/// It knows nothing of plans or pages: it keeps bytes and digests under
/// names the builder chooses, in four tables:
/// - `meta`: single values (which folders it describes, the last inputs' digest …),
/// - `source`: each content file's size and time and its parsed form,
/// - `job`: the digest each output file was last made from,
/// - `output`: the files of the two output folders (live and spare), by
///   generation, with their hash and inode.
/// Every build's changes are written in one transaction, so a killed build
/// leaves the database as it was. A database written by another plansite
/// executable or for another content folder (`identity`) is emptied first,
/// but for what describes the output folders themselves (`output` and the
/// single values named in `keepingMeta`): their files are on disk whoever
/// wrote them, and a build that knows them does not rewrite a file whose
/// bytes are unchanged.
public final class BuildStore {
  private let queue: DatabaseQueue

  /// A file of an output folder.
  public struct OutputEntry: Sendable, Equatable {
    public var hash: UInt64
    public var inode: UInt64

    public init(hash: UInt64, inode: UInt64) {
      self.hash = hash
      self.inode = inode
    }
  }

  /// A content file as last parsed.
  public struct SourceEntry: Sendable, Equatable {
    public var stamp: String
    public var parsed: [UInt8]

    public init(stamp: String, parsed: [UInt8]) {
      self.stamp = stamp
      self.parsed = parsed
    }
  }

  /// Opens (creating if needed) the database at `path`, emptied unless it was written for
  /// `identity` (but for the output folders' records: the `output` table and `keepingMeta`).
  ///
  /// Throws if the file cannot be used (the builder then builds everything and remembers nothing).
  public init(path: String, identity: String, keepingMeta: Set<String> = []) throws {
    var configuration = Configuration()
    configuration.busyMode = .timeout(5)
    // No fsync: on a slow disk each commit's two took from 3 to 200 ms,
    // and serve commits before every swap. A killed process still leaves
    // every transaction whole or absent (the rollback journal is still
    // written first); a power cut may damage the database, as it may the
    // output folder's last files, which are not synced either.
    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = OFF") }
    queue = try DatabaseQueue(path: path, configuration: configuration)
    try queue.write { db in
      try db.execute(
        sql: """
          CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
          CREATE TABLE IF NOT EXISTS source (
            path TEXT PRIMARY KEY, stamp TEXT NOT NULL, parsed BLOB NOT NULL);
          CREATE TABLE IF NOT EXISTS job (path TEXT PRIMARY KEY, digest INTEGER NOT NULL);
          CREATE TABLE IF NOT EXISTS output (
            generation INTEGER NOT NULL, path TEXT NOT NULL, hash INTEGER NOT NULL,
            inode INTEGER NOT NULL, PRIMARY KEY (generation, path)) WITHOUT ROWID;
          """)
      let stored = try Data.fetchOne(
        db, sql: "SELECT value FROM meta WHERE key = 'identity'")
      if stored != Data(identity.utf8) {
        for table in ["source", "job"] {
          try db.execute(sql: "DELETE FROM \(table)")
        }
        let kept = try Row.fetchAll(db, sql: "SELECT key, value FROM meta").filter {
          keepingMeta.contains($0[0])
        }
        try db.execute(sql: "DELETE FROM meta")
        for row in kept {
          try db.execute(
            sql: "INSERT INTO meta (key, value) VALUES (?, ?)", arguments: [row[0], row[1]])
        }
        try db.execute(
          sql: "INSERT INTO meta (key, value) VALUES ('identity', ?)",
          arguments: [Data(identity.utf8)])
      }
    }
  }

  /// Closes the database (`watch` and `serve` on their way out); later
  /// calls fail.
  public func close() {
    try? queue.close()
  }

  // MARK: - Reading

  /// A single remembered value.
  public func meta(_ key: String) -> [UInt8]? {
    (try? queue.read { db in
      try Data.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    })?.flatMap { [UInt8]($0) }
  }

  /// Every content file remembered, by path.
  public func sources() -> [String: SourceEntry] {
    var result: [String: SourceEntry] = [:]
    sources(inBatchesOf: 256) { batch in
      for (path, entry) in batch { result[path] = entry }
    }
    return result
  }

  /// Every content file remembered, handed to `body` `size` at a time as
  /// they are read, so that a batch can be worked on while the next is read.
  ///
  /// A database that fails to read part way has handed over whole entries
  /// only; the files it did not hand over are simply not remembered.
  public func sources(
    inBatchesOf size: Int, _ body: ([(path: String, entry: SourceEntry)]) -> Void
  ) {
    try? queue.read { db in
      var batch: [(path: String, entry: SourceEntry)] = []
      batch.reserveCapacity(size)
      let rows = try Row.fetchCursor(db, sql: "SELECT path, stamp, parsed FROM source")
      while let row = try rows.next() {
        // Copied once, from SQLite's buffer (a `Data` first would copy
        // the 60 MB of a 10,000-task plan twice).
        let parsed = try row.withUnsafeData(atIndex: 2) { $0.map { [UInt8]($0) } ?? [] }
        batch.append((row[0], SourceEntry(stamp: row[1], parsed: parsed)))
        if batch.count >= size {
          body(batch)
          batch.removeAll(keepingCapacity: true)
        }
      }
      if !batch.isEmpty { body(batch) }
    }
  }

  /// The digest each output file was last made from.
  public func jobs() -> [String: UInt64] {
    (try? queue.read { db in
      var result: [String: UInt64] = [:]
      let rows = try Row.fetchCursor(db, sql: "SELECT path, digest FROM job")
      while let row = try rows.next() {
        let digest: Int64 = row[1]
        result[row[0]] = UInt64(bitPattern: digest)
      }
      return result
    }) ?? [:]
  }

  /// The files of an output folder generation.
  public func outputs(generation: Int) -> [String: OutputEntry] {
    (try? queue.read { db in
      var result: [String: OutputEntry] = [:]
      let rows = try Row.fetchCursor(
        db, sql: "SELECT path, hash, inode FROM output WHERE generation = ?",
        arguments: [generation])
      while let row = try rows.next() {
        let hash: Int64 = row[1]
        let inode: Int64 = row[2]
        result[row[0]] = OutputEntry(
          hash: UInt64(bitPattern: hash), inode: UInt64(bitPattern: inode))
      }
      return result
    }) ?? [:]
  }

  // MARK: - Writing

  /// What one build changes, written at once.
  public struct Changes: Sendable {
    public var meta: [String: [UInt8]] = [:]
    public var sources: [String: SourceEntry] = [:]
    public var removedSources: [String] = []
    public var jobs: [String: UInt64] = [:]
    public var removedJobs: [String] = []
    /// Forget every job digest before applying `jobs`.
    public var forgetJobs = false
    public var outputs: [Int: [String: OutputEntry]] = [:]
    public var removedOutputs: [Int: [String]] = [:]
    /// Generations whose files are forgotten before applying `outputs`.
    public var forgetOutputs: Set<Int> = []

    public init() {}

    public var isEmpty: Bool {
      meta.isEmpty && sources.isEmpty && removedSources.isEmpty && jobs.isEmpty
        && removedJobs.isEmpty && !forgetJobs && outputs.isEmpty && removedOutputs.isEmpty
        && forgetOutputs.isEmpty
    }
  }

  /// Writes `changes` in one transaction.
  public func write(_ changes: Changes) throws {
    guard !changes.isEmpty else { return }
    try queue.write { db in
      for (key, value) in changes.meta.sorted(by: { $0.key < $1.key }) {
        try db.execute(
          sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
          arguments: [key, Data(value)])
      }
      for path in changes.removedSources {
        try db.execute(sql: "DELETE FROM source WHERE path = ?", arguments: [path])
      }
      let source = try db.makeStatement(
        sql: "INSERT OR REPLACE INTO source (path, stamp, parsed) VALUES (?, ?, ?)")
      for (path, entry) in changes.sources {
        try source.execute(arguments: [path, entry.stamp, Data(entry.parsed)])
      }
      if changes.forgetJobs { try db.execute(sql: "DELETE FROM job") }
      for path in changes.removedJobs {
        try db.execute(sql: "DELETE FROM job WHERE path = ?", arguments: [path])
      }
      let job = try db.makeStatement(sql: "INSERT OR REPLACE INTO job (path, digest) VALUES (?, ?)")
      for (path, digest) in changes.jobs {
        try job.execute(arguments: [path, Int64(bitPattern: digest)])
      }
      for generation in changes.forgetOutputs.sorted() {
        try db.execute(sql: "DELETE FROM output WHERE generation = ?", arguments: [generation])
      }
      let removeOutput = try db.makeStatement(
        sql: "DELETE FROM output WHERE generation = ? AND path = ?")
      for (generation, paths) in changes.removedOutputs {
        for path in paths { try removeOutput.execute(arguments: [generation, path]) }
      }
      let output = try db.makeStatement(
        sql: "INSERT OR REPLACE INTO output (generation, path, hash, inode) VALUES (?, ?, ?, ?)")
      for (generation, entries) in changes.outputs {
        for (path, entry) in entries {
          try output.execute(arguments: [
            generation, path, Int64(bitPattern: entry.hash), Int64(bitPattern: entry.inode),
          ])
        }
      }
    }
  }
}
