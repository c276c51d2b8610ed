import Testing

@testable import ContentLoader

/// What a content file is, from its path alone.
@Suite struct ContentFileKindTests {
  @Test func pathsAreClassifiedByFolderAndName() {
    #expect(ContentFileKind(path: "site.yaml") == .site)
    #expect(ContentFileKind(path: "plan.md") == .plan)
    #expect(ContentFileKind(path: "agencies.yaml") == .agencies)
    #expect(ContentFileKind(path: "communes.yaml") == .communes)
    #expect(ContentFileKind(path: "indicators.yaml") == .indicators)
    #expect(ContentFileKind(path: "SOURCES.md") == .documentation)
    #expect(ContentFileKind(path: "ghi-chu.txt") == .unexpected)
    #expect(ContentFileKind(path: "agency.yaml") == .unexpected)
    #expect(ContentFileKind(path: "sections/01-muc-dich.md") == .section)
    #expect(ContentFileKind(path: "sections/a/01.md") == .unexpected)
    #expect(ContentFileKind(path: "sections/01.yaml") == .unexpected)
    #expect(ContentFileKind(path: "tasks/1-trong-tam/1-1.md") == .task(folder: "1-trong-tam"))
    #expect(ContentFileKind(path: "tasks/1-trong-tam/_group.md") == .group(folder: "1-trong-tam"))
    #expect(ContentFileKind(path: "tasks/a/b/1.md") == .task(folder: "a/b"))
    #expect(ContentFileKind(path: "tasks/1.md") == .task(folder: ""))
    #expect(ContentFileKind(path: "tasks/nhóm-ứng-dụng/việc.md") == .task(folder: "nhóm-ứng-dụng"))
    #expect(ContentFileKind(path: "tasks/1-trong-tam/1-1.txt") == .unexpected)
    #expect(ContentFileKind(path: "other/1.md") == .unexpected)
  }

  /// A file surely meant as content, written another way: the part to
  /// rename and how.
  @Test func misnamedContentIsFound() {
    let cases: [(String, String, String)] = [
      ("Tasks/1-trong-tam/1-1.md", "Tasks", "tasks"),
      ("Báo cáo/2026-q1/so-noi-vu.md", "Báo cáo", "reports"),
      ("nhiem vu/1/_group.md", "nhiem vu", "tasks"),
      ("Sections/1-muc.md", "Sections", "sections"),
      ("tasks/01-chung/1-3.MD", "tasks/01-chung/1-3.MD", "tasks/01-chung/1-3.md"),
      ("tasks/01-chung/1-5.md.txt", "tasks/01-chung/1-5.md.txt", "tasks/01-chung/1-5.md"),
      ("reports/2026-q1/xa-a.markdown", "reports/2026-q1/xa-a.markdown", "reports/2026-q1/xa-a.md"),
      ("Indicators.yaml", "Indicators.yaml", "indicators.yaml"),
      ("reporting.yml", "reporting.yml", "reporting.yaml"),
      ("tasks/1/group.md", "tasks/1/group.md", "tasks/1/_group.md"),
      ("tasks/1/_Group.md", "tasks/1/_Group.md", "tasks/1/_group.md"),
      ("tasks/1/_group.MD", "tasks/1/_group.MD", "tasks/1/_group.md"),
    ]
    for (path, wrong, right) in cases {
      let found = ContentFileKind.misnamed(path)
      #expect(
        found?.wrong == wrong && found?.right == right, "\(path): \(String(describing: found))")
    }
    // Not surely meant: a look-alike name, notes, what is already right.
    for path in [
      "agencie.yaml", "GHI-CHU.md", "README.md", "tasks/1/1-1.md", "anh/logo.png", "Tasks/anh.png",
      "reports/x.md",
    ] {
      #expect(ContentFileKind.misnamed(path) == nil, "\(path)")
    }
  }
}
