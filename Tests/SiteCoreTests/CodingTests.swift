import Foundation
import Testing

@testable import SiteCore

/// The byte form of Codable values (the build database) and digests.
@Suite struct CodingTests {
  enum Kind: Codable, Hashable {
    case agency(String)
    case commune(id: String, kind: Int?)
    /// A payload with nested keys and long strings, which finding the
    /// case (`allKeys`) skips over.
    case detail(Inner, note: String, notes: [String: Inner])
    case all
  }

  struct Inner: Codable, Hashable {
    var b: Int
    var c: Int?
  }

  struct Sample: Codable, Hashable {
    var name: String
    var count: Int
    var ratio: Double
    var flag: Bool
    var missing: String?
    var present: String?
    var inner: Inner
    var list: [Inner]
    var kinds: [Kind]
    var table: [String: [Int]]
    var nested: [[String?]]
    var big: UInt64
    var negative: Int
  }

  static let sample = Sample(
    name: "Sở Tài chính", count: 3, ratio: -2.5, flag: true, missing: nil, present: "có",
    inner: Inner(b: 1, c: nil), list: [Inner(b: 2, c: 3), Inner(b: 4, c: nil)],
    kinds: [
      .agency("so-noi-vu"), .commune(id: "xa-a", kind: nil),
      .detail(
        Inner(b: 5, c: 6), note: "Một ghi chú dài hơn mười lăm byte",
        notes: ["Sở Kế hoạch và Đầu tư": Inner(b: 7, c: nil)]),
      .all,
    ],
    table: ["a": [1, 2], "b": []], nested: [["x", nil], []], big: .max, negative: .min)

  @Test func roundTripsEveryShape() throws {
    let bytes = try BinaryCoding.encode(Self.sample)
    #expect(try BinaryCoding.decode(Sample.self, from: bytes) == Self.sample)
    #expect(
      try BinaryCoding.decode([Sample].self, from: BinaryCoding.encode([Self.sample])) == [
        Self.sample
      ])
  }

  /// The containers the encoder hands out as existentials fit in the
  /// existential's three inline words: one more put each in a heap box.
  @Test func containersAreHeldInline() {
    for size in StreamEncoder.containerSizes {
      #expect(size <= 3 * MemoryLayout<Int>.size)
    }
  }

  /// Locations are written as lists of their fields (they go with every
  /// parsed value): each combination of present and absent fields comes
  /// back, inside `Located` values too, and any field changes the digest.
  @Test func locationsRoundTripAndEachFieldCounts() throws {
    var locations: [SiteCore.SourceLocation] = []
    for line in [nil, 0, 7] {
      for column in [nil, 1, 12] {
        for label in [nil, "", "C (Tình trạng)"] {
          locations.append(
            SiteCore.SourceLocation(
              file: "Content/tasks/01/nv-1.md", line: line, column: column, columnLabel: label))
        }
      }
    }
    #expect(
      try BinaryCoding.decode([SiteCore.SourceLocation].self, from: BinaryCoding.encode(locations))
        == locations)
    #expect(Set(locations.map(Digest.of)).count == locations.count)
    let located =
      locations.map { Located(Optional("giá trị"), at: $0) } + [
        Located(nil, at: locations[4])
      ]
    #expect(
      try BinaryCoding.decode([Located<String?>].self, from: BinaryCoding.encode(located))
        == located)
    #expect(Digest.of(located[0]) != Digest.of(Located(Optional("giá trị "), at: locations[0])))
  }

  /// A field list takes the same form in every coder: the stream coder's
  /// bytes are pinned (a build database an earlier build wrote is read
  /// back by the next), and Foundation's JSON gives the same list.
  @Test func fieldListsTakeOneFormInEveryCoder() throws {
    let location = SiteCore.SourceLocation(file: "a", line: 3)
    // The list tag, then per field: element, depth 1, value (string "a",
    // integer 3 as zigzag 6, nil, nil).
    #expect(
      try BinaryCoding.encode(location) == [8, 21, 1, 6, 1, 97, 21, 1, 3, 6, 21, 1, 0, 21, 1, 0])
    let values = [
      Located(Optional("giá trị"), at: location),
      Located(nil, at: SiteCore.SourceLocation(file: "b", line: nil, column: 2, columnLabel: "C")),
    ]
    let json = try JSONEncoder().encode(values)
    #expect(
      String(decoding: json, as: UTF8.self)
        == #"[["giá trị",["a",3,null,null]],[null,["b",null,2,"C"]]]"#)
    #expect(try JSONDecoder().decode([Located<String?>].self, from: json) == values)
    #expect(
      try BinaryCoding.decode([Located<String?>].self, from: BinaryCoding.encode(values)) == values)
  }

  /// `SourceLocation` and `Located` write their fields by hand (as lists):
  /// a stored property added to either must be added to its coding too,
  /// and this test, which counts them, fails until it is.
  @Test func handWrittenCodingsCoverEveryStoredProperty() {
    let location = SiteCore.SourceLocation(file: "a.md", line: 1, column: 2, columnLabel: "C")
    #expect(
      Mirror(reflecting: location).children.map(\.label) == [
        "file", "line", "column", "columnLabel",
      ])
    #expect(
      Mirror(reflecting: Located(1, at: location)).children.map(\.label) == [
        "value", "location",
      ])
  }

  /// A type that reads fewer fields than were written (a field removed
  /// since the database was written) skips the others, strings and nested
  /// containers included, and finds the ones it reads.
  @Test func fieldsNotReadAreSkipped() throws {
    struct Sparse: Decodable, Equatable {
      var name: String
      var kinds: [Kind]
      var negative: Int
    }
    let bytes = try BinaryCoding.encode(Self.sample)
    let sparse = try BinaryCoding.decode(Sparse.self, from: bytes)
    #expect(
      sparse
        == Sparse(name: Self.sample.name, kinds: Self.sample.kinds, negative: Self.sample.negative))
  }

  /// A long string written again (a report's file path in every value's
  /// location) is stored as a reference to its first occurrence, and read
  /// back as the same text.
  @Test func repeatedLongStringsAreStoredOnce() throws {
    let path = "Content/reports/2025-6t/ban-quan-ly-khu-kinh-te.md"
    let located = (0..<100).map { index in
      SiteCore.SourceLocation(file: path, line: index, column: index % 2 == 0 ? nil : 3)
    }
    let bytes = try BinaryCoding.encode(located)
    #expect(try BinaryCoding.decode([SiteCore.SourceLocation].self, from: bytes) == located)
    let once = try BinaryCoding.encode([located[0]])
    // Written whole, a hundred locations would take a hundred times one.
    #expect(bytes.count < once.count * 100 / 2)
    // Short strings (stored inline by Swift) are written whole.
    let short = try BinaryCoding.encode(Array(repeating: "ngắn", count: 50))
    #expect(short.count > 50 * 6)
  }

  /// A long string written before is referred to only when its bytes are
  /// the same: `String` calls "Hiệu quả" in NFC and in NFD equal, but a
  /// reference to the first would give back the wrong bytes.
  @Test func repeatedStringsAreTheSameBytes() throws {
    let composed = "Hiệu quả của kế hoạch".precomposedStringWithCanonicalMapping
    let decomposed = composed.decomposedStringWithCanonicalMapping
    #expect(composed == decomposed)
    #expect(Array(composed.utf8) != Array(decomposed.utf8))
    // Two orders of the same combining marks: equal as `String`s and of
    // the same length, so only their bytes tell them apart.
    let marked = "Khu kinh tế Đông Nam a\u{0323}\u{0301}"
    let reordered = "Khu kinh tế Đông Nam a\u{0301}\u{0323}"
    #expect(marked == reordered)
    #expect(marked.utf8.count == reordered.utf8.count)
    #expect(Array(marked.utf8) != Array(reordered.utf8))
    let values = [composed, decomposed, composed, decomposed, marked, reordered, marked, reordered]
    let back = try BinaryCoding.decode(
      [String].self, from: try BinaryCoding.encode(values))
    #expect(back.map { Array($0.utf8) } == values.map { Array($0.utf8) })
  }

  /// A stored string that is not UTF-8 is damage, not a repaired text;
  /// valid text, a replacement character included, comes back whole.
  @Test func storedTextMustBeUTF8() throws {
    for text in ["", "a", "Sở Nội vụ", "\u{FFFD}", String(repeating: "ệ", count: 300)] {
      #expect(try BinaryCoding.decode(String.self, from: BinaryCoding.encode(text)) == text)
    }
    let invalid: [[UInt8]] = [
      [0xC3], [0xFF], [0x61, 0xE1, 0xBB], [0xED, 0xA0, 0x80], [0xC0, 0xAF],
    ]
    for bytes in invalid {
      // A string value: its tag, its length, its bytes.
      let stored = [6, UInt8(bytes.count)] + bytes
      #expect(throws: (any Error).self) { try BinaryCoding.decode(String.self, from: stored) }
    }
  }

  @Test func damagedBytesThrowAndNeverCrash() throws {
    // References to earlier strings, damaged.
    let path = "Content/tasks/01-kinh-te/nv-00001.md"
    let located = try BinaryCoding.encode(
      (0..<5).map { SiteCore.SourceLocation(file: path, line: $0) })
    for _ in 0..<2_000 {
      var damaged = located
      damaged[Int.random(in: 0..<damaged.count)] = UInt8.random(in: 0...255)
      _ = try? BinaryCoding.decode([SiteCore.SourceLocation].self, from: damaged)
    }
    let bytes = try BinaryCoding.encode(Self.sample)
    #expect(throws: (any Error).self) {
      try BinaryCoding.decode(Sample.self, from: Array(bytes.dropLast()))
    }
    #expect(throws: (any Error).self) {
      try BinaryCoding.decode(Sample.self, from: Array(bytes.dropLast()))
    }
    #expect(throws: (any Error).self) { try BinaryCoding.decode(Inner.self, from: bytes) }
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      var damaged = bytes
      for _ in 0..<Int.random(in: 1...4, using: &rng) {
        damaged[Int.random(in: 0..<damaged.count, using: &rng)] = UInt8.random(
          in: 0...255, using: &rng)
      }
      if Bool.random(using: &rng) {
        damaged = Array(damaged.prefix(Int.random(in: 0..<damaged.count, using: &rng)))
      }
      _ = try? BinaryCoding.decode(Sample.self, from: damaged)
    }
  }

  @Test func digestsAreStableAndTellStructuresApart() {
    struct Outer: Encodable {
      var a: [String: Int]
      var c: Int?
    }
    struct Flat: Encodable {
      var a: [String: Int]
    }
    #expect(Digest.of(Self.sample) == Digest.of(Self.sample))
    var changed = Self.sample
    changed.inner.c = 0
    #expect(Digest.of(changed) != Digest.of(Self.sample))
    // A key moved into a nested container changes the digest.
    let outer = Outer(a: ["b": 1], c: 2)
    let flat = Flat(a: ["b": 1, "c": 2])
    #expect(Digest.of(outer) != Digest.of(flat))
    // nil and absent differ from an empty string; strings keep their bounds.
    #expect(Digest.of(["ab", "c"]) != Digest.of(["a", "bc"]))
    #expect(Digest.of(Optional<String>.none) != Digest.of(""))
    // The same digest in every process (dictionaries and sets are hashed in
    // sorted order, not Swift's per-process order): fixed values pin it.
    #expect(Digest.of("Nghệ An").description == "8e248529645af967")
    #expect(Digest.of(["b": 2, "a": 1, "c": 3]).description == "340f1c25c94f59d4")
    #expect(Digest.of(Set(["x", "y", "z"])) == Digest.of(Set(["z", "y", "x"])))
    #expect(Digest.of([2: "b", 1: "a"]) == Digest.of([1: "a", 2: "b"]))
  }

  @Test func sharedValuesContributeTheirDigest() {
    struct Page: Encodable {
      var rows: Shared<[String]>
    }
    let rows = Shared(["1.1", "1.2"])
    #expect(Digest.of(Page(rows: rows)) == Digest.of(Page(rows: Shared(["1.1", "1.2"]))))
    #expect(Digest.of(Page(rows: rows)) != Digest.of(Page(rows: Shared(["1.1"]))))
  }

  @Test func contentHashNoticesEveryByte() {
    let text = Array("Kế hoạch 22/KH-UBND năm 2026".utf8)
    var seen = Set<UInt64>()
    seen.insert(ContentHash(text).value)
    for index in text.indices {
      var copy = text
      copy[index] ^= 1
      seen.insert(ContentHash(copy).value)
    }
    #expect(seen.count == text.count + 1)
    #expect(ContentHash([0]) != ContentHash([0, 0]))
    #expect(ContentHash([]) != ContentHash([0]))
  }

  /// A file written in pieces is recorded with the hash of its whole bytes,
  /// however it is cut (so a file made whole one build and in pieces the
  /// next is known to be unchanged).
  @Test func contentHashOfPiecesIsTheHashOfTheirBytes() {
    var generator = SystemRandomNumberGenerator()
    for length in [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1000] {
      let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
      let whole = ContentHash(bytes)
      #expect(ContentHash(pieces: [bytes]) == whole)
      #expect(ContentHash(pieces: [[], bytes, []]) == whole)
      for _ in 0..<50 {
        var cuts = (0..<Int.random(in: 0...6)).map { _ in Int.random(in: 0...length) }
        cuts = ([0] + cuts + [length]).sorted()
        let pieces = zip(cuts, cuts.dropFirst()).map { Array(bytes[$0..<$1]) }
        #expect(ContentHash(pieces: pieces) == whole, "cut at \(cuts)")
      }
    }
  }

  @Test func bytesWithoutSpareCapacityAreTheSameBytes() {
    var grown: [UInt8] = []
    for index in 0..<5_000 { grown.append(UInt8(index & 0xFF)) }
    let trimmed = grown.withoutSpareCapacity()
    #expect(trimmed == grown)
    #expect(trimmed.capacity < grown.capacity)
    #expect([UInt8]().withoutSpareCapacity() == [])
  }

  @Test func aLargeCSVTableIsMadeInPiecesOfItsBytes() {
    var table = CSVTable(header: ["id", "text"])
    for index in 0..<40_000 { table.append([String(index), "Dòng \(index), có \"ngoặc\""]) }
    let pieces = table.pieces
    #expect(pieces.count > 1)
    #expect(pieces.dropLast().allSatisfy { $0.count >= 1 << 20 })
    #expect(Array(pieces.joined()) == table.bytes)
    let text = String(decoding: table.bytes, as: UTF8.self)
    #expect(text.hasPrefix("\u{FEFF}id,text\r\n0,\"Dòng 0, có \"\"ngoặc\"\"\"\r\n"))
    #expect(text.hasSuffix("39999,\"Dòng 39999, có \"\"ngoặc\"\"\"\r\n"))
  }

  @Test func parallelMapKeepsOrderAndRethrows() throws {
    let numbers = Array(0..<1_000)
    #expect(Parallel.map(numbers, chunk: 7) { $0 * 2 } == numbers.map { $0 * 2 })
    struct Boom: Error {}
    #expect(throws: Boom.self) {
      _ = try Parallel.map(numbers) { n -> Int in
        if n == 500 { throw Boom() }
        return n
      }
    }
    var consumed: [Int] = []
    Parallel.pipeline(numbers, batch: 64, produce: { $0 + 1 }, consume: { consumed += $0 })
    #expect(consumed == numbers.map { $0 + 1 })
  }

  /// Work inside either closure of `Parallel.both` still gets every core:
  /// two iterations of a `Parallel.map` there meet at a barrier, which
  /// they pass only if they run at the same time (with `concurrentPerform`
  /// around both closures, libdispatch ran them one after the other on a
  /// two-core machine).
  @Test(.enabled(if: ProcessInfo.processInfo.activeProcessorCount >= 2))
  func workInsideBothStillUsesEveryCore() {
    func meetAtBarrier() -> Bool {
      // Each iteration leaves once and waits for the group to be empty: it
      // is only when the other iteration has left too.
      let barrier = DispatchGroup()
      barrier.enter()
      barrier.enter()
      let met = Parallel.map([0, 1]) { _ -> Bool in
        barrier.leave()
        return barrier.wait(timeout: .now() + 5) == .success
      }
      return met == [true, true]
    }
    #expect(meetAtBarrier())
    #expect(Parallel.both({ meetAtBarrier() }, { 0 }).0)
    #expect(Parallel.both({ 0 }, { meetAtBarrier() }).1)
  }
}
