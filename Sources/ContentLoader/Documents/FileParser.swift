import Markup
import PlanModel
import SiteCore

/// Parses one content file into what it contributes to the plan.
struct FileParser {
  let markdown = MarkdownRenderer()

  func parse(_ file: SourceFile, kind: ContentFileKind) -> ParsedFile {
    let report = DiagnosticCollector()
    let content: ParsedFile.Content
    switch kind {
    case .site: content = yamlFile(file, report).flatMap { site($0) }.map { .site($0) } ?? .nothing
    case .plan: content = markdownFile(file, what: .plan, report).flatMap { plan($0) } ?? .nothing
    case .section:
      content = markdownFile(file, what: .section, report).flatMap { section($0) } ?? .nothing
    case .agencies:
      content = yamlFile(file, report).map { .agencies(agencies($0)) } ?? .nothing
    case .communes:
      content = yamlFile(file, report).map { .communes(communes($0)) } ?? .nothing
    case .indicators:
      content = yamlFile(file, report).map { .indicators(indicators($0)) } ?? .nothing
    case .group(let folder):
      content =
        markdownFile(file, what: .taskGroup, report).flatMap { group($0, folder: folder) }
        ?? .nothing
    case .task(let folder):
      content =
        markdownFile(file, what: .task, report).flatMap { task($0, folder: folder) } ?? .nothing
    case .reporting:
      content = yamlFile(file, report).flatMap { schedule($0) }.map { .schedule($0) } ?? .nothing
    case .report(let period, let reporter):
      content =
        markdownFile(file, what: .report, report).flatMap {
          self.report($0, period: period, reporter: reporter)
        }.map { .report($0) } ?? .nothing
    case .documentation, .unexpected:
      content = .nothing
    }
    return ParsedFile(content: content, diagnostics: report.diagnostics, hash: nil)
  }

  /// Markdown rendered to safe HTML; what the page will not show as
  /// written is reported at its place in the file.
  func rich(_ markdown: String, at placement: TextPlacement, _ report: DiagnosticCollector)
    -> RichText
  {
    let rendered = self.markdown.render(markdown)
    for finding in rendered.findings {
      report.report(
        finding.diagnostic(at: placement.location(line: finding.line, column: finding.column)))
    }
    return RichText(markdown: markdown, html: rendered.html)
  }

  /// The body of a Markdown file, rendered (see `rich`).
  func body(_ doc: MarkdownFile) -> RichText {
    rich(
      doc.body,
      at: TextPlacement(file: doc.file, line: doc.bodyFirstLine, layout: .lines(column: nil)),
      doc.fields.report)
  }

  // MARK: - File shapes

  /// A parsed YAML file: the root node and where to report.
  struct YAMLFile {
    let root: YAMLNode
    let source: YAMLSource
  }

  /// A Markdown file with front matter: its fields and its body.
  struct MarkdownFile {
    let fields: MappingReader
    let body: String
    let bodyFirstLine: Int
    let file: SourceFile
  }

  private func yamlFile(_ file: SourceFile, _ report: DiagnosticCollector) -> YAMLFile? {
    let source = YAMLSource(file: file, firstLine: 1, report: report)
    guard let root = source.parse(file.text) else {
      if !report.hasErrors {
        report.error(
          vi: "tệp không có nội dung nào", en: "the file has no entries", at: file.location())
      }
      return nil
    }
    return YAMLFile(root: root, source: source)
  }

  private func markdownFile(_ file: SourceFile, what: Message, _ report: DiagnosticCollector)
    -> MarkdownFile?
  {
    guard let split = FrontMatter.split(file, report: report) else { return nil }
    let source = YAMLSource(file: file, firstLine: split.yamlFirstLine, report: report)
    guard let root = source.parse(split.yaml) else {
      if !report.hasErrors {
        report.error(
          vi: "phần thông tin đầu tệp (giữa hai dòng '---') đang trống",
          en: "the front matter is empty", at: file.location(line: split.yamlFirstLine),
          notes: [
            Diagnostic.Note(
              vi: "ghi các trường của \(what.vi) giữa hai dòng '---'",
              en: "add the \(what.en)'s fields between the two '---' lines")
          ])
      }
      return nil
    }
    guard let fields = MappingReader(root, what: what, source: source) else { return nil }
    return MarkdownFile(
      fields: fields, body: split.body, bodyFirstLine: split.bodyFirstLine, file: file)
  }

  /// The items of a YAML file that is a list of entries.
  func entries(_ yaml: YAMLFile, what: Message) -> [MappingReader] {
    guard case .sequence(let sequence) = yaml.root else {
      yaml.source.report.error(
        vi: "tệp phải là một danh sách \(what.vi), mỗi mục bắt đầu bằng '- id: …'",
        en: "the file should be a list of \(what.en) entries, each starting with '- id: …'",
        at: yaml.source.location(yaml.root.mark))
      return []
    }
    return sequence.items.compactMap { MappingReader($0, what: what, source: yaml.source) }
  }
}
