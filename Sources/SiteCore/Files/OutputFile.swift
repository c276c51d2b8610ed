/// One file of the generated site: where it goes and what it holds.
///
/// The renderer produces these; only the output writer puts them on disk.
public struct OutputFile: Sendable {
  /// The path inside the output folder, with `/` separators (`nhiem-vu/1-1/index.html`).
  public var path: String
  /// The file's bytes, in pieces: a large data file (`plan.json` with
  /// reports is over 100 MB) is made in pieces of about a megabyte and
  /// written piece by piece, never copied into one buffer.
  public var pieces: [[UInt8]]
  /// Each piece's key, for a file whose pieces can be kept from one build
  /// to the next.
  ///
  /// The key is the digest of what the piece was made from (nil for a
  /// piece made every time); empty for other files. See `PiecesRecord`.
  public var keys: [ContentHash?] = []
  /// Set when the pieces were not kept but written as they were made
  /// (`PieceSink`): then `pieces` is empty.
  public var streamed: StreamedFile?

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.pieces = [bytes]
  }

  public init(path: String, pieces: [[UInt8]], keys: [ContentHash?] = []) {
    self.path = path
    self.pieces = pieces
    self.keys = keys
  }

  /// A file whose pieces, with these keys, were written as they were made.
  public init(path: String, streamed: StreamedFile, keys: [ContentHash?]) {
    self.path = path
    self.pieces = []
    self.keys = keys
    self.streamed = streamed
  }

  public init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }

  /// The file's bytes in one buffer.
  public var bytes: [UInt8] { pieces.joinedBytes }

  /// The file's size in bytes.
  public var count: Int { pieceSizes.reduce(0, +) }

  /// Each piece's size in bytes.
  public var pieceSizes: [Int] { streamed?.sizes ?? pieces.map(\.count) }
}

/// Where the bytes of a file written as it was made wait to be put in
/// place, and what was learnt while writing them.
public struct StreamedFile: Sendable {
  /// The file holding the bytes, beside the file's place in the folder
  /// being filled.
  public var temporaryPath: String
  public var inode: UInt64
  /// The hash of the bytes (`ContentHash(pieces:)`).
  public var hash: ContentHash
  /// Each piece's size in bytes.
  public var sizes: [Int]

  public init(temporaryPath: String, inode: UInt64, hash: ContentHash, sizes: [Int]) {
    self.temporaryPath = temporaryPath
    self.inode = inode
    self.hash = hash
    self.sizes = sizes
  }
}

extension Array where Element == [UInt8] {
  /// The pieces' bytes in one buffer (a single piece without copying).
  public var joinedBytes: [UInt8] { count == 1 ? self[0] : [UInt8](joined()) }
}

extension Array where Element == UInt8 {
  /// The same bytes in storage of their own size: an array grown by
  /// appending can hold up to twice its count, which matters for the
  /// megabyte pieces of large files kept until they are written.
  public func withoutSpareCapacity() -> [UInt8] {
    guard capacity > count + count / 16 else { return self }
    return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      initialized = withUnsafeBufferPointer { source in
        guard let base = source.baseAddress, let target = buffer.baseAddress else { return 0 }
        target.initialize(from: base, count: source.count)
        return source.count
      }
    }
  }
}
