/// Checks output paths: relative, `/`-separated, no empty, `.` or `..` parts,
/// so nothing can be written outside the output folder.
enum OutputPath {
  static func components(_ path: String) throws(OutputError) -> [Substring] {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    guard !parts.isEmpty, !path.hasPrefix("/"),
      parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." })
    else { throw OutputError.unsafePath(path) }
    return parts
  }
}
