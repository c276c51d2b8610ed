/// Reading and writing the types stored and digested as a list of their
/// fields rather than a keyed container (`SourceLocation`, `TaskUpdate`,
/// …): an absent optional field is written as nil, so that every field
/// keeps its place.
extension UnkeyedEncodingContainer {
  public mutating func encode(optional value: (some Encodable)?) throws {
    if let value { try encode(value) } else { try encodeNil() }
  }
}

extension UnkeyedDecodingContainer {
  public mutating func decode<Value: Decodable>(optional type: Value.Type) throws -> Value? {
    try decodeNil() ? nil : decode(type)
  }
}
