import Foundation
import SiteCore
import Testing

@testable import SiteRenderer

/// The data files' JSON writer: escapes, and agreement with Foundation's parser.
@Suite struct JSONValueTests {
  @Test func escapesWhatJSONAndScriptsNeed() {
    #expect(JSONValue.literal("") == #""""#)
    #expect(JSONValue.literal("Sở Tài chính") == #""Sở Tài chính""#)
    #expect(JSONValue.literal("a\"b\\c") == #""a\"b\\c""#)
    #expect(JSONValue.literal("x\ny\r\tz") == #""x\ny\r\tz""#)
    #expect(JSONValue.literal("\u{1}\u{1F}") == #""\u0001\u001f""#)
    #expect(JSONValue.literal("a\u{2028}b\u{2029}c") == #""a\u2028b\u2029c""#)
    // DEL too: not printable in YAML, where the same escaping writes report files.
    #expect(JSONValue.literal("a\u{7F}b") == #""a\u007fb""#)
    #expect(
      QuotedText.quoted("Sở \"A\"\n\u{7F}\u{2028}") == JSONValue.literal("Sở \"A\"\n\u{7F}\u{2028}")
    )
    // Other characters that start with the byte 0xE2 are copied as they are.
    #expect(JSONValue.literal("– € ₫ …") == #""– € ₫ …""#)
    #expect(JSONValue.literal("\"") == #""\"""#)
  }

  /// An array of `items` written at `indent` in runs of `run` values, as
  /// `PlanData.taskRuns` makes them, each run keyed by its first item.
  static func inRuns(
    _ items: [Int], indent: Int, run: Int, _ value: (Int) -> JSONValue
  ) -> JSONValue {
    let starts = Array(stride(from: 0, to: items.count, by: run))
    let runs = starts.map { start in
      let end = min(items.count, start + run)
      return JSONValue.runBytes(
        items[start..<end].map(value), indent: indent, last: end == items.count)
    }
    return .runs(count: items.count) { sink in
      for (start, bytes) in zip(starts, runs) {
        sink.append(bytes, key: ContentHash(value: UInt64(items[start])))
      }
    }
  }

  /// An array made in runs is written as the same array made whole, and
  /// in pieces (one per run, with its key) that join to the same bytes.
  @Test(arguments: [0, 1, 2, 5, 256, 1000])
  func arraysInRunsAreWrittenAsPlainArrays(count: Int) throws {
    let items = Array(0..<count)
    let record: @Sendable (Int) -> JSONValue = { index in
      .object([("id", .int(index)), ("tags", .array([.string("a\(index)"), .null]))])
    }
    let records: [JSONValue] = items.map(record)
    for run in [1, 3, 256] {
      let tasks = Self.inRuns(items, indent: 2, run: run, record)
      let inner = Self.inRuns(items, indent: 4, run: run, record)
      let made: JSONValue = .object([
        ("name", .string("kế hoạch")), ("tasks", tasks), ("nested", .object([("inner", inner)])),
        ("end", .bool(true)),
      ])
      let whole: JSONValue = .object([
        ("name", .string("kế hoạch")), ("tasks", .array(records)),
        ("nested", .object([("inner", .array(records))])), ("end", .bool(true)),
      ])
      let plain = whole.serialized
      #expect(made.serialized == plain)
      let sink = CollectedPieces()
      made.serialize(into: sink)
      let (pieces, keys) = (sink.pieces, sink.keys)
      #expect(Array(pieces.joined()) == plain)
      // Per array: what came before it, then its runs; then the rest.
      let runs = (count + run - 1) / run
      #expect(pieces.count == (count == 0 ? 1 : 2 * (runs + 1) + 1))
      #expect(keys.count == pieces.count)
      #expect(keys.compactMap { $0 }.count == 2 * runs)
    }
    _ = try JSONSerialization.jsonObject(
      with: Data(Self.inRuns(items, indent: 0, run: 7, record).serialized))
  }

  @Test(arguments: [
    "", "plain", "\"quoted\" and \\slashed\\", "ends with quote\"", "\nstarts with newline",
    "Nghệ An\u{2028}\u{2029}\u{7}\u{0}\u{7F}", "– 2025–2030 ≥ 95 %",
    String(repeating: "Đồng Hới ", count: 500),
  ])
  func foundationReadsBackTheSameText(text: String) throws {
    let json = JSONValue.object([("text", .string(text))]).serialized
    let object = try JSONSerialization.jsonObject(with: Data(json)) as? [String: String]
    #expect(object?["text"] == text)
  }
}
