/// Where the pieces of a file go, in order, as they are made.
///
/// A data file that grows with the plan (`plan.json` with reports is over
/// 100 MB) is made in pieces of about a megabyte. A build hands them
/// straight to the output folder (`OutputUpdate.stream(_:)`), so the file
/// is never whole in memory; anything else collects them
/// (`CollectedPieces`).
public protocol PieceSink: AnyObject {
  /// Takes the file's next piece, with the digest of what it was made
  /// from when it may be taken from the published file by the next build
  /// (nil: made every time; see `PiecesRecord`).
  func append(_ piece: [UInt8], key: ContentHash?)
  /// `append(_:key:)` of bytes still in a larger array (a piece taken from
  /// the published file, `EarlierPieces.slice(_:)`): a sink that writes
  /// them on need not copy them out first.
  func append(slice piece: ArraySlice<UInt8>, key: ContentHash?)
}

extension PieceSink {
  public func append(slice piece: ArraySlice<UInt8>, key: ContentHash?) {
    append(Array(piece), key: key)
  }
}

/// A file's pieces collected in memory, with their keys.
public final class CollectedPieces: PieceSink {
  public private(set) var pieces: [[UInt8]] = []
  public private(set) var keys: [ContentHash?] = []

  public init() {}

  public func append(_ piece: [UInt8], key: ContentHash?) {
    pieces.append(piece)
    keys.append(key)
  }
}

/// The hash of bytes fed a piece at a time (`ContentHash(pieces:)`): the
/// same as the hash of the joined bytes, without joining them.
public struct PiecesHasher: Sendable {
  private var hash = ContentHash()
  /// Bytes left over from one piece start the next piece's first word.
  private var carry: UInt64 = 0
  private var carried: UInt64 = 0

  public init() {}

  public mutating func add(_ piece: [UInt8]) {
    piece.withUnsafeBytes { add(raw: $0) }
  }

  public mutating func add(_ piece: ArraySlice<UInt8>) {
    piece.withUnsafeBytes { add(raw: $0) }
  }

  public mutating func add(raw buffer: UnsafeRawBufferPointer) {
    var index = 0
    while carried > 0, carried < 8, index < buffer.count {
      carry |= UInt64(buffer[index]) << (8 * carried)
      carried += 1
      index += 1
    }
    if carried == 8 {
      hash.update(word: carry)
      (carry, carried) = (0, 0)
    }
    while index + 8 <= buffer.count {
      hash.update(
        word: UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
      index += 8
    }
    while index < buffer.count {
      carry |= UInt64(buffer[index]) << (8 * carried)
      carried += 1
      index += 1
    }
  }

  /// The hash of every byte added.
  public var value: ContentHash {
    var done = hash
    done.update(word: carry ^ (carried << 56))
    return done
  }
}
