/// Codable values as compact bytes, for the build database: what a build
/// remembers is written and read through the types' own (synthesized)
/// Codable conformance, so a field added to a type is stored without any
/// line of code to forget.
public enum BinaryCoding {
  /// The bytes of `value`.
  public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
    let sink = ByteSink()
    try sink.value(value, depth: 0)
    return sink.output
  }

  /// The value `bytes` hold; throws on damaged bytes or another type's.
  public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
    let reader = StreamReader(bytes)
    let value = try reader.value(type, depth: 0)
    guard reader.offset == bytes.count else { throw StreamReader.Damaged() }
    return value
  }
}

/// A stable digest of any Encodable value: equal values have equal digests
/// in every run, and (up to hash collisions) different values differ.
///
/// Pages and data files are re-rendered when the digest of what they show
/// changes; since the digest is computed from the value's own encoding, a
/// new field is covered as soon as it exists. Values that carry a
/// precomputed digest (`PrecomputedDigest`) contribute only that.
public enum Digest {
  /// The digest of `value`.
  public static func of<T: Encodable>(_ value: T) -> ContentHash {
    let sink = HashSink()
    do {
      try sink.value(value, depth: 0)
      return sink.result
    } catch {
      // No encoding here can fail; if one ever did, a digest never seen
      // before makes whatever depends on the value render again.
      return ContentHash(value: UInt64.random(in: .min ... .max))
    }
  }
}

/// A value whose digest was computed once and is used in its place when
/// digests are taken (bodies of text, values shared by many pages).
public protocol PrecomputedDigest {
  var digest: ContentHash { get }
}

/// A value shared by many pages, with its digest computed once.
///
/// A list of a thousand rows appears on many pages: each page's digest then
/// costs a thousand small digests combined, not a thousand rows encoded.
@dynamicMemberLookup
public struct Shared<Value: Encodable & Sendable>: Encodable, Sendable, PrecomputedDigest {
  public let value: Value
  public let digest: ContentHash

  public init(_ value: Value) {
    self.value = value
    digest = Digest.of(value)
  }

  public func encode(to encoder: Encoder) throws {
    try value.encode(to: encoder)
  }

  /// The value's own properties, read through.
  public subscript<Property>(dynamicMember keyPath: KeyPath<Value, Property>) -> Property {
    value[keyPath: keyPath]
  }
}

final class ByteSink: EncodingSink {
  var output: [UInt8] = []
  let wantsDigests = false
  /// Where each long string value was first written.
  private var written: [String: Int] = [:]

  init() { output.reserveCapacity(1024) }

  func byte(_ value: UInt8) { output.append(value) }
  func bytes(_ value: UnsafeRawBufferPointer) { output.append(contentsOf: value) }

  /// Strings of up to 15 bytes are stored inline by Swift and cost as
  /// much to refer to as to write: only longer ones are shared.
  static let shortString = 15

  func string(_ value: String) {
    guard value.utf8.count > Self.shortString else { return writeString(value) }
    if let offset = written[value] {
      byte(StreamTag.stringReference)
      varint(UInt64(offset))
      return
    }
    written[value] = output.count
    writeString(value)
  }
}

final class HashSink: EncodingSink {
  var hash = ContentHash()
  let wantsDigests = true
  private var buffer: [UInt8] = []

  init() { buffer.reserveCapacity(256) }

  func byte(_ value: UInt8) {
    buffer.append(value)
    if buffer.count >= 256 { flush() }
  }

  func bytes(_ value: UnsafeRawBufferPointer) {
    if buffer.count + value.count > 256 { flush() }
    if value.count >= 256 {
      hash.update(raw: value)
    } else {
      buffer.append(contentsOf: value)
    }
  }

  private func flush() {
    buffer.withUnsafeBytes { hash.update(raw: $0) }
    buffer.removeAll(keepingCapacity: true)
  }

  var result: ContentHash {
    flush()
    return hash
  }
}
