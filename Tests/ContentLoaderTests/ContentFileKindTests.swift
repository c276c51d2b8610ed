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
}
