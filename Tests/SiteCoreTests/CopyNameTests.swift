import SiteCore
import Testing

/// The names file managers and browsers give copies, and names that only look close.
@Suite struct CopyNameTests {
  @Test func copiesAreKnownByTheirNames() {
    for copy in [
      "tasks/01/1-1 - Copy.md", "tasks/01/1-1 - Copy (2).md", "tasks/01/1-1 - Bản sao.md",
      "tasks/01/1-1 - bản sao (3).md", "1-1 copy.md", "1-1 copy 2.md", "1-1 (copy).md",
      "1-1 (1).md", "agencies - Copy.yaml",
    ] {
      #expect(CopyName.isCopy(copy), "\(copy)")
    }
    for original in [
      "tasks/01/1-1.md", "tasks/01/copy.md", "tasks/01/1-1-copy.md", "bao-cao (so-a).md",
      "tasks/01 - Copy/1-1.md", "1-1 (2026).md",
    ] {
      #expect(!CopyName.isCopy(original), "\(original)")
    }
  }
}
