/// A place in an input file, as an editor would look for it.
///
/// `file` is the path as the user typed it on the command line joined with the
/// file's path inside that folder (`Content/tasks/01-trong-tam/1-2.md`), so a
/// printed location can be pasted into an editor. Lines and columns are
/// 1-based; a location without a line points at the whole file.
public struct SourceLocation: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
  /// The file, relative to where the command was run.
  public var file: String
  /// The 1-based line, or `nil` for the whole file.
  public var line: Int?
  /// The 1-based column (counted in characters), or `nil`.
  public var column: Int?
  /// How the column is named where numbers would not help: a spreadsheet
  /// cell's column letter and header (`C (Tình trạng)`); `line` is then the
  /// spreadsheet's row number.
  public var columnLabel: String?

  public init(file: String, line: Int? = nil, column: Int? = nil, columnLabel: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.columnLabel = columnLabel
  }

  /// `file:line:col`, `file:line` or `file`, the compiler convention (for a
  /// spreadsheet, `file:row:C (Tình trạng)`).
  public var description: String {
    var text = file
    if let line {
      text += ":\(line)"
      if let columnLabel {
        text += ":\(columnLabel)"
      } else if let column {
        text += ":\(column)"
      }
    }
    return text
  }

  /// Orders by file, then line, then column; a missing line sorts first.
  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    if lhs.file != rhs.file { return lhs.file < rhs.file }
    if lhs.line != rhs.line { return (lhs.line ?? 0) < (rhs.line ?? 0) }
    return (lhs.column ?? 0) < (rhs.column ?? 0)
  }
}

/// Stored and digested as a list of its fields rather than a keyed
/// container: every value of a parsed file carries a location, and the
/// keyed form (a container box and a key per field) made locations 2 % of
/// a clean build's CPU and 4 % of an incremental one's.
extension SourceLocation {
  public init(from decoder: Decoder) throws {
    var fields = try FieldReader(decoder)
    file = try fields.decode(String.self)
    line = try fields.decode(optional: Int.self)
    column = try fields.decode(optional: Int.self)
    columnLabel = try fields.decode(optional: String.self)
  }

  public func encode(to encoder: Encoder) throws {
    var fields = FieldWriter(encoder)
    try fields.encode(file)
    try fields.encode(optional: line)
    try fields.encode(optional: column)
    try fields.encode(optional: columnLabel)
  }
}
