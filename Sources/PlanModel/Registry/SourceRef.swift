import SiteCore

/// Where a value of the model was defined, for messages and incremental builds.
public struct SourceRef: Hashable, Sendable, Codable {
  /// The content file, relative to the content folder (`tasks/01/1-1.md`).
  public var path: String
  /// The location as printed in messages (includes the content folder).
  public var location: SourceLocation

  public init(path: String, location: SourceLocation) {
    self.path = path
    self.location = location
  }
}

/// Stored and digested as a list of its fields (see `SourceLocation`).
extension SourceRef {
  public init(from decoder: Decoder) throws {
    var fields = try FieldReader(decoder)
    path = try fields.decode(String.self)
    location = try fields.decode(SourceLocation.self)
  }

  public func encode(to encoder: Encoder) throws {
    var fields = FieldWriter(encoder)
    try fields.encode(path)
    try fields.encode(location)
  }
}
