/// Reading and writing the types stored and digested as a list of their
/// fields rather than a keyed container (`SourceLocation`, `TaskUpdate`,
/// …): an absent optional field is written as nil, so that every field
/// keeps its place.
///
/// Neither takes an optional of a generic type: a generic function given one
/// looked up its metadata in the runtime's locked table on every call (8 %
/// of a build's CPU in a plan with a million report lines). Writing and
/// reading go through `FieldWriter` and `FieldReader`, whose methods each
/// caller specializes (see `FieldReader`): an optional field is written
/// without being put in an existential first.
public struct FieldWriter {
  @usableFromInline var container: any UnkeyedEncodingContainer

  @inlinable public init(_ encoder: Encoder) {
    container = encoder.unkeyedContainer()
  }

  @inlinable public mutating func encode<Value: Encodable>(_ value: Value) throws {
    try container.encode(value)
  }

  /// An optional field: nil keeps its place.
  @inlinable public mutating func encode<Value: Encodable>(optional value: Value?) throws {
    if let value { try container.encode(value) } else { try container.encodeNil() }
  }
}

/// Reads the fields of a value stored as a list, in the caller's own
/// specialization.
///
/// A method in an extension of `UnkeyedDecodingContainer`, called on the
/// container a decoder gives (an existential), is generic over the opened
/// container type and is never specialized: an optional field's type
/// (`Day?`) and a `Located<V>` (to find where its `location` sits, after a
/// value of any size) were looked up in the runtime's metadata table for
/// every value, 6 % of a build after a one-task edit at 10,000 tasks with
/// reports. The methods here are generic only over the field's type, which
/// each caller knows when it is compiled. The stored form is the
/// container's: nothing changes in the bytes.
public struct FieldReader {
  @usableFromInline var container: any UnkeyedDecodingContainer

  @inlinable public init(_ decoder: Decoder) throws {
    container = try decoder.unkeyedContainer()
  }

  @inlinable init(container: any UnkeyedDecodingContainer) {
    self.container = container
  }

  @inlinable public mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
    try container.decode(type)
  }

  @inlinable public mutating func decode<Value: Decodable>(optional type: Value.Type) throws
    -> Value?
  {
    try container.decodeNil() ? nil : container.decode(type)
  }

  /// A `Located` field: a list of the value and its location.
  @inlinable public mutating func decode<Value: Decodable>(located type: Value.Type) throws
    -> Located<Value>
  {
    var fields = FieldReader(container: try container.nestedUnkeyedContainer())
    let value = try fields.decode(type)
    return Located(value, at: try fields.decode(SourceLocation.self))
  }

  @inlinable public mutating func decode<Value: Decodable>(optionalLocated type: Value.Type)
    throws -> Located<Value>?
  {
    try container.decodeNil() ? nil : decode(located: type)
  }

  /// A list of `Located` fields (as `[Located<Value>]` is stored).
  @inlinable public mutating func decode<Value: Decodable>(locatedList type: Value.Type) throws
    -> [Located<Value>]
  {
    var list = FieldReader(container: try container.nestedUnkeyedContainer())
    var result: [Located<Value>] = []
    while !list.container.isAtEnd { result.append(try list.decode(located: type)) }
    return result
  }
}
