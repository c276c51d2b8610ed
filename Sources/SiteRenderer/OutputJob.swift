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
  private let make: @Sendable () throws(DiagnosticError) -> [[UInt8]]

  init(
    path: String, digest: ContentHash,
    make: @escaping @Sendable () throws(DiagnosticError) -> [UInt8]
  ) {
    self.init(path: path, digest: digest, pieces: { () throws(DiagnosticError) in [try make()] })
  }

  /// A file made in pieces (see `OutputFile.pieces`).
  init(
    path: String, digest: ContentHash,
    pieces: @escaping @Sendable () throws(DiagnosticError) -> [[UInt8]]
  ) {
    self.path = path
    self.digest = digest
    self.make = pieces
  }

  /// Renders the file.
  public func produce() throws(DiagnosticError) -> OutputFile {
    OutputFile(path: path, pieces: try make())
  }
}
