/// One file of the generated site: where it goes and what it holds.
///
/// The renderer produces these; only the output writer puts them on disk.
public struct OutputFile: Sendable {
  /// The path inside the output folder, with `/` separators (`nhiem-vu/1-1/index.html`).
  public var path: String
  /// The file's bytes.
  public var bytes: [UInt8]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }

  public init(path: String, text: String) {
    self.path = path
    self.bytes = Array(text.utf8)
  }
}
