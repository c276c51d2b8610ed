import SiteCore
import Testing

@Suite struct SlugTests {
  @Test(arguments: [
    ("1.1", "1-1"), ("A.2", "a-2"), ("III.2.a", "iii-2-a"), ("Sở Tài chính", "so-tai-chinh"),
    ("Đồng Hới", "dong-hoi"), ("  xã  Quỳnh   Lưu ", "xa-quynh-luu"), ("../x", "x"), ("", ""),
  ])
  func slugs(input: String, expected: String) {
    #expect(Slug.make(from: input) == expected)
  }

  @Test func registryIDs() {
    #expect(Slug.isRegistryID("so-tai-chinh"))
    #expect(Slug.isRegistryID("xa-1"))
    for bad in ["", "So-tai-chinh", "sở", "so--tai", "-so", "so/tai", "../x", "so tai"] {
      #expect(!Slug.isRegistryID(bad), "\(bad)")
    }
  }
}

@Suite struct FoldingTests {
  @Test func foldsVietnamese() {
    #expect("Sở Tài Chính".foldedForSearch == "so tai chinh")
    #expect("Đ đ".foldedForSearch == "d d")
    #expect("QUỲNH LƯU".foldedForSearch == "quynh luu")
  }

  @Test func normalizesToNFC() {
    let decomposed = "Nghe\u{0302}\u{0323} An"
    #expect(decomposed.nfc.unicodeScalars.count == "Nghệ An".unicodeScalars.count)
    #expect(decomposed.nfc == "Nghệ An")
    #expect("Nghệ An".nfc == "Nghệ An")
  }
}

@Suite struct SuggestionTests {
  let candidates = [
    Suggestion.Candidate(id: "so-noi-vu", name: "Sở Nội vụ"),
    Suggestion.Candidate(id: "so-tai-chinh", name: "Sở Tài chính"),
    Suggestion.Candidate(id: "thanh-tra-tinh", name: "Thanh tra tỉnh"),
  ]

  @Test(arguments: [
    ("so-noi-vu2", "so-noi-vu"), ("Sở Tài chính", "so-tai-chinh"), ("so tai chinh", "so-tai-chinh"),
    ("thanh-tra", "thanh-tra-tinh"),
  ])
  func findsTheClosest(input: String, expected: String) {
    #expect(Suggestion.closest(to: input, among: candidates)?.id == expected)
  }

  @Test func nothingCloseGivesNothing() {
    #expect(Suggestion.closest(to: "ubnd-huyen-x", among: candidates) == nil)
  }

  @Test func wordSuggestions() {
    #expect(Suggestion.closest(to: "dealine", among: ["deadline", "status"]) == "deadline")
    #expect(Suggestion.editDistance("kitten", "sitting") == 3)
  }
}

@Suite struct DecodingTests {
  @Test func stripsBOMAndCRLF() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc\n".utf8)
    #expect(try TextDecoding.decode(bytes).get() == "a\nb\nc\n")
  }

  @Test func reportsTheOffsetOfInvalidUTF8() {
    let bytes = Array("ab\nc".utf8) + [0xC3, 0x28]
    #expect(TextDecoding.decode(bytes) == .failure(.invalidUTF8(byteOffset: 4, line: 2)))
    #expect(TextDecoding.firstInvalidUTF8Offset(in: [0xED, 0xA0, 0x80]) == 0)  // surrogate
    #expect(TextDecoding.firstInvalidUTF8Offset(in: Array("Nghệ An".utf8)) == nil)
  }
}

@Suite struct DiagnosticTests {
  @Test func formatsSortedWithNotesAndSummary() {
    let diagnostics: [Diagnostic] = [
      .warning("w", at: SourceLocation(file: "b.md", line: 2, column: 1)),
      .error("e2", at: SourceLocation(file: "a.md", line: 9, column: 3), notes: [.init("fix it")]),
      .error("e1", at: SourceLocation(file: "a.md", line: 3)),
    ]
    #expect(
      diagnostics.formatted() == """
        a.md:3: error: e1
        a.md:9:3: error: e2
        note: fix it
        b.md:2:1: warning: w
        2 errors, 1 warning

        """)
    #expect(diagnostics.formatted(color: true).contains("\u{1B}[1;31merror:"))
    #expect(diagnostics.treatingWarningsAsErrors().summary == "3 errors")
  }

  @Test func escapesHTML() {
    #expect(
      "<a href=\"x\">Tom & 'Jerry'</a>".htmlEscaped
        == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
  }

  @Test func hashesAreStable() {
    #expect(ContentHash("plansite").description == ContentHash(Array("plansite".utf8)).description)
    #expect(ContentHash("a") != ContentHash("b"))
    #expect(ContentHash("").description == "cbf29ce484222325")
  }
}
