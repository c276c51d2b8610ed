import Synchronization

/// What a build remembers of a file made of keyed pieces (`OutputFile.keys`):
/// the whole file's hash and each piece's key and size, so that the next
/// build can take the pieces whose key is unchanged from the published
/// file instead of making them again (`EarlierPieces`).
///
/// The whole-plan data files are made this way: each run of tasks is a
/// piece keyed by the digests of those tasks' data and of everything else
/// the run is written with, so editing one task remakes one run.
public struct PiecesRecord: Codable, Sendable, Equatable {
  public struct Piece: Codable, Sendable, Equatable {
    /// The digest of what the piece was made from (nil: made every time).
    public var key: UInt64?
    public var count: Int
  }

  /// The hash of the file's bytes (`ContentHash(pieces:)`).
  public var fileHash: UInt64
  public var pieces: [Piece]

  /// The record of `file`, whose bytes hash to `fileHash`
  /// (`ContentHash(pieces:)`), or nil when none of its pieces is keyed.
  public init?(_ file: OutputFile, fileHash: UInt64) {
    let sizes = file.pieceSizes
    guard file.keys.count == sizes.count, file.keys.contains(where: { $0 != nil }) else {
      return nil
    }
    self.fileHash = fileHash
    pieces = zip(file.keys, sizes).map { Piece(key: $0?.value, count: $1) }
  }
}

/// The keyed pieces of a file's published version, by key.
///
/// Made only from bytes whose hash is the one recorded with the pieces'
/// sizes: a file changed since (by hand, or by a build that did not record
/// it) gives no pieces, and everything is made again.
public final class EarlierPieces: Sendable {
  private let bytes: [UInt8]
  private let ranges: [UInt64: Range<Int>]
  private let counter = Atomic<Int>(0)

  /// How many pieces were taken (`slice(_:)` calls that found one).
  public var taken: Int { counter.load(ordering: .relaxed) }

  public init?(record: PiecesRecord, bytes: [UInt8]) {
    // A damaged record (sizes below zero, or adding up past the file)
    // gives nothing, like a changed file.
    var ranges: [UInt64: Range<Int>] = [:]
    var start = 0
    for piece in record.pieces {
      guard piece.count >= 0, piece.count <= bytes.count - start else { return nil }
      if let key = piece.key { ranges[key] = start..<start + piece.count }
      start += piece.count
    }
    guard start == bytes.count, ContentHash(bytes).value == record.fileHash else { return nil }
    self.bytes = bytes
    self.ranges = ranges
  }

  /// The published file at `path`, if it is the one `record` describes.
  public static func read(_ record: PiecesRecord, at path: String) -> EarlierPieces? {
    guard let bytes = try? FileBytes.read(path) else { return nil }
    return EarlierPieces(record: record, bytes: bytes)
  }

  /// The bytes of the piece made from what `key` is the digest of, if the
  /// file had one, still in the file's bytes (not copied out).
  public func slice(_ key: ContentHash) -> ArraySlice<UInt8>? {
    guard let range = ranges[key.value] else { return nil }
    counter.add(1, ordering: .relaxed)
    return bytes[range]
  }
}
