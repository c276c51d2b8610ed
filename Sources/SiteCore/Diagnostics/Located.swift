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
extension Located: Codable where Value: Codable {}
extension Located: Hashable where Value: Hashable {}
