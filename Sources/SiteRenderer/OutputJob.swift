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
  private let make: @Sendable (EarlierPieces?) throws(DiagnosticError) -> OutputFile

  init(
    path: String, digest: ContentHash, kept: KeptInput? = nil,
    make: @escaping @Sendable () throws(DiagnosticError) -> [UInt8]
  ) {
    self.init(
      path: path, digest: digest, kept: kept,
      pieces: { () throws(DiagnosticError) in [try make()] })
  }

  /// A file made in pieces (see `OutputFile.pieces`).
  init(
    path: String, digest: ContentHash, kept: KeptInput? = nil,
    pieces: @escaping @Sendable () throws(DiagnosticError) -> [[UInt8]]
  ) {
    self.path = path
    self.digest = digest
    self.kept = kept
    reusesPieces = false
    make = { _ throws(DiagnosticError) in OutputFile(path: path, pieces: try pieces()) }
  }

  /// A file made of keyed pieces, each taken from `earlier` when it holds
  /// a piece with the same key (see `PiecesRecord`).
  init(
    path: String, digest: ContentHash,
    keyedPieces: @escaping @Sendable (EarlierPieces?) -> (pieces: [[UInt8]], keys: [ContentHash?])
  ) {
    self.path = path
    self.digest = digest
    kept = nil
    reusesPieces = true
    make = { earlier in
      let (pieces, keys) = keyedPieces(earlier)
      return OutputFile(path: path, pieces: pieces, keys: keys)
    }
  }

  /// Renders the file, taking what pieces it can from `earlier`, the
  /// published version's (only for `reusesPieces`).
  public func produce(earlier: EarlierPieces? = nil) throws(DiagnosticError) -> OutputFile {
    try make(earlier)
  }
}

/// A file's input and digest, kept from one build to the next in a process
/// that builds many times: an equal input gives the same digest without
/// being encoded again.
struct KeptInput: Sendable {
  let input: any Sendable
  let digest: ContentHash
}
