import Testing

@testable import SiteCore

/// The pieces a build takes from a published file: only from the bytes
/// recorded, and never a crash on a damaged record.
@Suite struct FilePiecesTests {
  static let file = OutputFile(
    path: "du-lieu/plan.json", pieces: [Array("{[".utf8), Array("a,".utf8), Array("bc]}".utf8)],
    keys: [nil, ContentHash(value: 1), ContentHash(value: 2)])

  @Test func piecesComeFromTheRecordedBytesByKey() throws {
    let bytes = Self.file.bytes
    let record = try #require(PiecesRecord(Self.file, fileHash: ContentHash(bytes).value))
    let earlier = try #require(EarlierPieces(record: record, bytes: bytes))
    #expect(earlier.slice(ContentHash(value: 2)).map(Array.init) == Array("bc]}".utf8))
    #expect(earlier.slice(ContentHash(value: 1)).map(Array.init) == Array("a,".utf8))
    #expect(earlier.slice(ContentHash(value: 3)).map(Array.init) == nil)
    #expect(earlier.taken == 2)
    // A file without keyed pieces has no record.
    #expect(PiecesRecord(OutputFile(path: "a.csv", bytes: [1]), fileHash: 0) == nil)
  }

  @Test func otherBytesOrADamagedRecordGiveNothing() throws {
    let bytes = Self.file.bytes
    let record = try #require(PiecesRecord(Self.file, fileHash: ContentHash(bytes).value))
    var changed = bytes
    changed[2] = UInt8(ascii: "A")
    #expect(EarlierPieces(record: record, bytes: changed) == nil)
    #expect(EarlierPieces(record: record, bytes: bytes + [0x0A]) == nil)
    for counts in [[2, -1, 7], [2, 2, Int.max], [Int.max, Int.max, 2], [2, 2, 3]] {
      var damaged = record
      damaged.pieces = zip(record.pieces, counts).map {
        PiecesRecord.Piece(key: $0.key, count: $1)
      }
      #expect(EarlierPieces(record: damaged, bytes: bytes) == nil, "\(counts)")
    }
  }
}
