import Foundation
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

  /// `.nfc` skips the normalizer for text it knows is NFC already: it must
  /// never skip text the normalizer would change.
  @Test func normalizesEveryScalarAndCombiningPair() {
    let marks = (0x300...0x36F).compactMap(Unicode.Scalar.init).map { String($0) }
    for value in 0..<0x3100 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let text = String(scalar)
      // Compared as bytes: `==` on strings holds for any canonical equivalent.
      #expect(
        Array(text.nfc.utf8) == Array(text.precomposedStringWithCanonicalMapping.utf8),
        "U+\(value)")
      for mark in marks where value % 31 == 0 || (0x41...0x7A).contains(value) {
        let pair = text + mark
        #expect(Array(pair.nfc.utf8) == Array(pair.precomposedStringWithCanonicalMapping.utf8))
      }
    }
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

  /// Offices abbreviate names by their words' initials; two candidates
  /// with the same initials give no suggestion.
  @Test func abbreviationsFindTheOneNameTheyStandFor() {
    let more =
      candidates + [
        Suggestion.Candidate(id: "so-giao-duc-va-dao-tao", name: "Sở Giáo dục và Đào tạo"),
        Suggestion.Candidate(id: "xa-hoa-lac", name: "Xã Hòa Lạc"),
      ]
    #expect(Suggestion.closest(to: "STC", among: more)?.id == "so-tai-chinh")
    #expect(Suggestion.closest(to: "sgddt", among: more)?.id == "so-giao-duc-va-dao-tao")
    #expect(Suggestion.closest(to: "SGDĐT", among: more)?.id == "so-giao-duc-va-dao-tao")
    #expect(Suggestion.closest(to: "sgdvdt", among: more)?.id == "so-giao-duc-va-dao-tao")
    #expect(Suggestion.closest(to: "xhl", among: more)?.id == "xa-hoa-lac")
    let twins =
      more + [
        Suggestion.Candidate(id: "so-thong-tin", name: "Sở Thông tin"),
        Suggestion.Candidate(id: "so-tu-tuong", name: "Sở Tư tưởng"),
      ]
    #expect(Suggestion.abbreviation("stt", among: twins) == nil)
    // One id under several names is one candidate.
    let aliases = more + [Suggestion.Candidate(id: "so-thong-tin", name: "Sở Thông tin")]
    #expect(Suggestion.abbreviation("stt", among: aliases + aliases)?.id == "so-thong-tin")
    #expect(Suggestion.abbreviation("snv", among: twins)?.id == "so-noi-vu")
    // An exact name wins over a longer one it begins; a beginning shared by
    // several ids names none.
    let collectives = [
      Suggestion.Candidate(id: "all-communes", name: "Các xã, phường"),
      Suggestion.Candidate(id: "all-communes", name: "Tất cả các xã, phường"),
      Suggestion.Candidate(id: "all-xa", name: "Các xã"),
      Suggestion.Candidate(id: "all-xa", name: "Tất cả các xã"),
    ]
    #expect(Suggestion.closest(to: "cac-xa", among: collectives)?.id == "all-xa")
    #expect(Suggestion.closest(to: "tat-ca-cac-xa", among: collectives)?.id == "all-xa")
    #expect(Suggestion.closest(to: "tat-ca", among: collectives) == nil)
    #expect(Suggestion.closest(to: "cac-xa-phuong", among: collectives)?.id == "all-communes")
    // Two letters are too few to stand for a name.
    #expect(Suggestion.abbreviation("hl", among: more) == nil)
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

  @Test func reportsTheLineAndColumnOfInvalidUTF8() {
    let bytes = Array("ab\nc".utf8) + [0xC3, 0x28]
    #expect(TextDecoding.decode(bytes) == .failure(.invalidUTF8(byteOffset: 4, line: 2, column: 2)))
    // Columns count characters, not bytes: "Nghệ " is 5 characters, 7 bytes.
    let vietnamese = Array("x\nNghệ ".utf8) + [0xFF]
    #expect(
      TextDecoding.decode(vietnamese) == .failure(.invalidUTF8(byteOffset: 9, line: 2, column: 6)))
    // A byte order mark is not a character.
    let marked = [0xEF, 0xBB, 0xBF] + Array("ab".utf8) + [0xFF]
    #expect(
      TextDecoding.decode(marked) == .failure(.invalidUTF8(byteOffset: 5, line: 1, column: 3)))
    #expect(TextDecoding.firstInvalidUTF8Offset(in: [0xED, 0xA0, 0x80]) == 0)  // surrogate
    #expect(TextDecoding.firstInvalidUTF8Offset(in: Array("Nghệ An".utf8)) == nil)
  }

  @Test func findsAnASCIIByte() {
    #expect("a | b".containsASCII(0x7C))
    #expect(!"Nghệ An".containsASCII(0x7C))
    #expect(!"".containsASCII(0x7C))
    #expect("Nghệ|".containsASCII(0x7C))
  }

  /// `decode` lets the standard library validate; the byte-by-byte check
  /// that reports where a file goes wrong must agree with it on every input.
  @Test func acceptsExactlyValidUTF8() {
    let pieces: [[UInt8]] = [
      Array("a".utf8), Array("ệ".utf8), Array("€".utf8), Array("𝄞".utf8), [0x0A],
      [0x80], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
      [0xE1, 0xBB], [0xFF], [0xC3], [0xF0, 0x9F, 0x98],
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<5_000 {
      var bytes: [UInt8] = []
      for _ in 0..<8 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        bytes += pieces[Int(state >> 33) % pieces.count]
      }
      let offset = TextDecoding.firstInvalidUTF8Offset(in: bytes)
      switch TextDecoding.decode(bytes) {
      case .success(let text):
        #expect(offset == nil, "\(bytes)")
        #expect(Array(text.utf8) == Array(String(decoding: bytes, as: UTF8.self).nfc.utf8))
      case .failure(.invalidUTF8(let byteOffset, _, _)):
        #expect(offset == byteOffset, "\(bytes)")
      }
    }
  }
}

@Suite struct DiagnosticTests {
  @Test func formatsSortedWithNotesAndSummaryInEitherLanguage() {
    let diagnostics: [Diagnostic] = [
      .warning(vi: "c", en: "w", at: SourceLocation(file: "b.md", line: 2, column: 1)),
      .error(
        vi: "l2", en: "e2", at: SourceLocation(file: "a.md", line: 9, column: 3),
        notes: [.init(vi: "sửa đi", en: "fix it")]),
      .error(vi: "l1", en: "e1", at: SourceLocation(file: "a.md", line: 3)),
      // Same place: ties are broken by the English text in both languages.
      .error(vi: "a", en: "z", at: SourceLocation(file: "a.md", line: 3)),
    ]
    #expect(
      diagnostics.formatted() == """
        a.md:3: lỗi: l1
        a.md:3: lỗi: a
        a.md:9:3: lỗi: l2
        ghi chú: sửa đi
        b.md:2:1: cảnh báo: c
        3 lỗi, 1 cảnh báo

        """)
    #expect(
      diagnostics.formatted(.en) == """
        a.md:3: error: e1
        a.md:3: error: z
        a.md:9:3: error: e2
        note: fix it
        b.md:2:1: warning: w
        3 errors, 1 warning

        """)
    #expect(diagnostics.formatted(.en, color: true).contains("\u{1B}[1;31merror:"))
    #expect(diagnostics.treatingWarningsAsErrors().summary(.en) == "4 errors")
    #expect(diagnostics.treatingWarningsAsErrors().summary() == "4 lỗi")
    #expect([Diagnostic]().summary() == "không có lỗi")
  }

  @Test func escapesHTML() {
    #expect(
      "<a href=\"x\">Tom & 'Jerry'</a>".htmlEscaped
        == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
  }

  @Test func hashesAreStable() {
    #expect(ContentHash("plansite").description == ContentHash(Array("plansite".utf8)).description)
    #expect(ContentHash("a") != ContentHash("b"))
    // Pinned: digests are stored between builds and must not change between processes.
    #expect(ContentHash("").description == "f8bb92ce26585846")
  }
}

@Suite struct CSVCellTests {
  @Test(arguments: [
    ("=SUM(A1)", "'=SUM(A1)"), ("+84 912", "'+84 912"), ("-bỏ", "'-bỏ"), ("@tên", "'@tên"),
    ("\tx", "'\tx"), ("\r=x", "'\r=x"), ("'=x", "''=x"), ("''=x", "'''=x"),
    ("-3", "-3"), ("-2,5", "-2,5"), ("+1.150,75", "+1.150,75"), ("-2.5", "-2.5"),
    ("Sở Tài chính", "Sở Tài chính"), ("'trích dẫn'", "'trích dẫn'"), ("", ""), ("-", "'-"),
    ("1-2", "1-2"), ("--3", "'--3"), ("-3,", "'-3,"),
  ])
  func escapesCellsThatWouldRunAsFormulas(value: String, written: String) {
    #expect(CSVCell.escaped(value) == written)
    #expect(CSVCell.unescaped(written) == value)
  }

  @Test func unescapingOnlyUndoesTheGuard() {
    // A leading quote that the guard did not add stays.
    #expect(CSVCell.unescaped("'trích dẫn'") == "'trích dẫn'")
    #expect(CSVCell.unescaped("'-3") == "'-3")
  }
}

@Suite struct WebAddressTests {
  @Test func onlyFullWebAddressesAreLinked() {
    for good in [
      "https://stc.nghean.gov.vn", "http://vanban.nghean.gov.vn/bc-45?ma=1#trang-2",
      "HTTPS://VANBAN.GOV.VN/", "https://vi.wikipedia.org/wiki/Nghệ_An",
    ] {
      #expect(WebAddress.isValid(good), "\(good)")
    }
    for bad in [
      "", "stc.nghean.gov.vn", "javascript:alert(1)", "https://", "https:///duong-dan",
      "ftp://tep.gov.vn", "https://vanban.gov.vn/bc 45", "https://a.vn/\u{7}", "//a.vn",
      "mailto:a@b.vn",
    ] {
      #expect(!WebAddress.isValid(bad), "\(bad)")
    }
  }

  @Test func theHostIsWhatAPhoneShowsOfAnAddress() {
    #expect(
      WebAddress.host(of: "https://www.nhansu.vn/van-ban/Ke-hoach-22-KH-UBND-689383.html")
        == "nhansu.vn")
    #expect(
      WebAddress.host(of: "HTTP://user@VanBan.NgheAn.gov.vn:8080?x=1") == "vanban.nghean.gov.vn")
    #expect(WebAddress.host(of: "stc.nghean.gov.vn") == nil)
  }
}
