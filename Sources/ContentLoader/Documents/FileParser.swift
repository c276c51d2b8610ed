import Markup
import PlanModel
import SiteCore
import Yams

/// Parses one content file into what it contributes to the plan.
struct FileParser {
  let markdown = MarkdownRenderer()

  func parse(_ file: SourceFile, kind: ContentFileKind) -> ParsedFile {
    let report = DiagnosticCollector()
    let content: ParsedFile.Content
    switch kind {
    case .site: content = yamlFile(file, report).flatMap { site($0) }.map { .site($0) } ?? .nothing
    case .plan: content = markdownFile(file, what: "plan", report).flatMap { plan($0) } ?? .nothing
    case .section:
      content = markdownFile(file, what: "section", report).flatMap { section($0) } ?? .nothing
    case .agencies:
      content = yamlFile(file, report).map { .agencies(agencies($0)) } ?? .nothing
    case .communes:
      content = yamlFile(file, report).map { .communes(communes($0)) } ?? .nothing
    case .indicators:
      content = yamlFile(file, report).map { .indicators(indicators($0)) } ?? .nothing
    case .group(let folder):
      content =
        markdownFile(file, what: "task group", report).flatMap { group($0, folder: folder) }
        ?? .nothing
    case .task(let folder):
      content =
        markdownFile(file, what: "task", report).flatMap { task($0, folder: folder) } ?? .nothing
    case .documentation, .unexpected:
      content = .nothing
    }
    return ParsedFile(content: content, diagnostics: report.diagnostics)
  }

  func rich(_ markdown: String) -> RichText {
    RichText(markdown: markdown, html: self.markdown.html(from: markdown))
  }

  // MARK: - File shapes

  /// A parsed YAML file: the root node and where to report.
  struct YAMLFile {
    let root: Node
    let source: YAMLSource
  }

  /// A Markdown file with front matter: its fields and its body.
  struct MarkdownFile {
    let fields: MappingReader
    let body: String
    let file: SourceFile
  }

  private func yamlFile(_ file: SourceFile, _ report: DiagnosticCollector) -> YAMLFile? {
    let source = YAMLSource(file: file, firstLine: 1, report: report)
    guard let root = source.parse(file.text) else {
      if !report.hasErrors {
        report.error("the file has no entries", at: file.location())
      }
      return nil
    }
    return YAMLFile(root: root, source: source)
  }

  private func markdownFile(_ file: SourceFile, what: String, _ report: DiagnosticCollector)
    -> MarkdownFile?
  {
    guard let split = FrontMatter.split(file, report: report) else { return nil }
    let source = YAMLSource(file: file, firstLine: split.yamlFirstLine, report: report)
    guard let root = source.parse(split.yaml) else {
      if !report.hasErrors {
        report.error(
          "the front matter is empty", at: file.location(line: split.yamlFirstLine),
          notes: [Diagnostic.Note("add the \(what)'s fields between the two '---' lines")])
      }
      return nil
    }
    guard let fields = MappingReader(root, what: what, source: source) else { return nil }
    return MarkdownFile(fields: fields, body: split.body, file: file)
  }

  /// The items of a YAML file that is a list of entries.
  func entries(_ yaml: YAMLFile, what: String) -> [MappingReader] {
    guard case .sequence(let sequence) = yaml.root else {
      yaml.source.report.error(
        "the file should be a list of \(what) entries, each starting with '- id: …'",
        at: yaml.source.location(yaml.root.mark))
      return []
    }
    return sequence.compactMap { MappingReader($0, what: what, source: yaml.source) }
  }
}
