import SiteCore

/// One file of the site, described by the digest of everything it is made
/// from, and made only when asked.
///
/// The digest comes from the value the file is rendered from (its input,
/// plus the templates and the layout for pages): a build that finds the
/// same digest as last time keeps the published file. Because a page's
/// view reads nothing but its input, an input that did not change cannot
/// give a different page; and because the digest is taken from the input's
/// own encoding, every field of it counts, including fields added later.
public struct OutputJob: Sendable {
  /// The file's path inside the output folder.
  public let path: String
  /// The digest of what the file is made from.
  public let digest: ContentHash
  /// The value the digest was taken of, kept for the next renderer of
  /// the process (`SiteRenderer.Options.keepsPageInputs`).
  let kept: KeptInput?
  /// Whether the file is made of keyed pieces that may be taken from its
  /// published version (`produce(earlier:)`).
  public let reusesPieces: Bool
  private let make: Make

  /// How the file's bytes are made.
  private enum Make {
    case whole(@Sendable () throws(DiagnosticError) -> [UInt8])
    /// Piece by piece into a sink, taking keyed pieces from the published
    /// version given.
    case streamed(@Sendable (EarlierPieces?, PieceSink) -> Void)
  }

  init(
    path: String, digest: ContentHash, kept: KeptInput? = nil,
    make: @escaping @Sendable () throws(DiagnosticError) -> [UInt8]
  ) {
    self.path = path
    self.digest = digest
    self.kept = kept
    reusesPieces = false
    self.make = .whole(make)
  }

  /// A file made piece by piece into a sink (see `PieceSink`).
  init(path: String, digest: ContentHash, streaming: @escaping @Sendable (PieceSink) -> Void) {
    self.path = path
    self.digest = digest
    kept = nil
    reusesPieces = false
    make = .streamed { _, sink in streaming(sink) }
  }

  /// A file made of keyed pieces into a sink, each taken from `earlier`
  /// when it holds a piece with the same key (see `PiecesRecord`).
  init(
    path: String, digest: ContentHash,
    keyedPieces: @escaping @Sendable (EarlierPieces?, PieceSink) -> Void
  ) {
    self.path = path
    self.digest = digest
    kept = nil
    reusesPieces = true
    make = .streamed(keyedPieces)
  }

  /// Whether the file is made piece by piece (`produce(earlier:into:)`):
  /// the large data files.
  public var streams: Bool {
    if case .streamed = make { true } else { false }
  }

  /// Renders the file, taking what pieces it can from `earlier`, the
  /// published version's (only for `reusesPieces`).
  public func produce(earlier: EarlierPieces? = nil) throws(DiagnosticError) -> OutputFile {
    switch make {
    case .whole(let make):
      return OutputFile(path: path, bytes: try make())
    case .streamed(let make):
      let pieces = CollectedPieces()
      make(earlier, pieces)
      return OutputFile(path: path, pieces: pieces.pieces, keys: reusesPieces ? pieces.keys : [])
    }
  }

  /// Hands the file's pieces to `sink` as they are made, taking what
  /// pieces it can from `earlier` (only for a job that `streams`; any
  /// other gives its bytes as one piece).
  public func produce(earlier: EarlierPieces?, into sink: PieceSink) throws(DiagnosticError) {
    switch make {
    case .whole(let make):
      sink.append(try make(), key: nil)
    case .streamed(let make):
      make(earlier, sink)
    }
  }
}

/// A file's input and digest, kept from one build to the next in a process
/// that builds many times: an equal input gives the same digest without
/// being encoded again.
struct KeptInput: Sendable {
  let input: any Sendable
  let digest: ContentHash
}
