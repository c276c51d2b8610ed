/// Reading and writing the types stored and digested as a list of their
/// fields rather than a keyed container (`SourceLocation`, `TaskUpdate`,
/// …): an absent optional field is written as nil, so that every field
/// keeps its place.
///
/// Neither takes an optional of a generic type: a generic function given one
/// looked up its metadata in the runtime's locked table on every call (8 %
/// of a build's CPU in a plan with a million report lines). Writing takes
/// an optional existential (whose type is known when compiled); reading is
/// inlinable, so each caller has its own specialization.
extension UnkeyedEncodingContainer {
  public mutating func encode(optional value: (any Encodable)?) throws {
    if let value { try encode(value) } else { try encodeNil() }
  }
}

extension UnkeyedDecodingContainer {
  @inlinable
  public mutating func decode<Value: Decodable>(optional type: Value.Type) throws -> Value? {
    try decodeNil() ? nil : decode(type)
  }
}
