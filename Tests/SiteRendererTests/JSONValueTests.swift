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
