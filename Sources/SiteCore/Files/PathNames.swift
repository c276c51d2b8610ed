import Foundation

/// Paths as the file system resolves them.
public enum PathNames {
  /// The absolute path with `.`, `..` and symbolic links resolved as far as they exist.
  public static func absolute(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }
}
