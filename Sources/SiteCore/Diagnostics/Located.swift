/// A value read from a content file, with where it was written.
public struct Located<Value: Sendable>: Sendable {
  public var value: Value
  public var location: SourceLocation

  public init(_ value: Value, at location: SourceLocation) {
    self.value = value
    self.location = location
  }
}

extension Located: Equatable where Value: Equatable {}
/// A list of the value and its location, not a keyed container (see
/// `SourceLocation`'s coding).
extension Located: Codable where Value: Codable {
  public init(from decoder: Decoder) throws {
    var fields = try FieldReader(decoder)
    let value = try fields.decode(Value.self)
    self.init(value, at: try fields.decode(SourceLocation.self))
  }

  public func encode(to encoder: Encoder) throws {
    var fields = FieldWriter(encoder)
    try fields.encode(value)
    try fields.encode(location)
  }
}
extension Located: Hashable where Value: Hashable {}
