import Foundation

/// Names file managers and browsers give a copy of a file: `1-1 - Copy.md`
/// and `1-1 - Copy (2).md` (Windows), `1-1 - Bản sao.md` (Windows in
/// Vietnamese), `1-1 copy.md` and `1-1 copy 2.md` (macOS), `1-1 (copy).md`
/// (Linux), `1-1 (1).md` (browsers).
public enum CopyName {
  /// Whether the file at `path` is named as a copy of another.
  public static func isCopy(_ path: String) -> Bool {
    let name = (path as NSString).lastPathComponent
    let stem = (name as NSString).deletingPathExtension.foldedForSearch
    return stem.range(of: pattern, options: .regularExpression) != nil
  }

  private static let pattern =
    #"( - (copy|ban sao|sao chep)( \([0-9]{1,2}\))?| copy( [0-9]{1,2})?| \(copy\)| \([0-9]{1,2}\))$"#
}
