import Mustache
import SiteCore

/// The templates and static assets of a `Templates/` folder, read at run
/// time so that editing a template needs no recompiling.
///
/// Every `.mustache` file is a template named by its path without the
/// extension (`partials/duty-list`). Files under `assets/` are copied to the
/// site; CSS and JS get a content hash in their name so browsers and CDNs can
/// cache them for ever. Loading checks everything a render could trip on
/// (syntax, missing partials or page templates, unescaped plain text) and
/// reports all problems at their file and line.
public struct TemplateSet: Sendable {
  /// The parsed templates.
  let library: MustacheLibrary
  /// The template names.
  public let names: Set<String>
  /// Static files to publish, under their published paths.
  public let assets: [OutputFile]
  /// Published path of each asset by its source name (`site.css` → `assets/site.1a2b3c4d.css`).
  public let assetPaths: [String: String]
  /// A hash over every template and asset (see `TemplateHash`).
  public let hash: ContentHash

  /// Loads `directory`, throwing every problem found.
  public init(directory: String, requiredTemplates: [String] = Route.pageTemplates) throws {
    let report = DiagnosticCollector()
    let tree = try SourceTree(directory: directory, diagnostics: report)
    var templates: [String: MustacheTemplate] = [:]
    var sources: [String: (text: String, file: SourceTree.File)] = [:]
    var assets: [OutputFile] = []
    var assetPaths: [String: String] = [:]
    var fileHashes: [(path: String, hash: ContentHash)] = []
    var templateFiles: Set<String> = []

    for file in tree.files {
      let bytes: [UInt8]
      do {
        bytes = try file.read()
      } catch {
        report.error("the file cannot be read", at: SourceLocation(file: file.displayPath))
        continue
      }
      let fileHash = ContentHash(bytes)
      fileHashes.append((file.path, fileHash))
      if file.path.hasPrefix("assets/") {
        let published = Self.publishedPath(of: file.path, hash: fileHash)
        assets.append(OutputFile(path: published, bytes: bytes))
        assetPaths[String(file.path.dropFirst("assets/".count))] = published
        continue
      }
      guard file.path.hasSuffix(".mustache") else {
        report.warning(
          "'\(file.path)' is not used", at: SourceLocation(file: file.displayPath),
          notes: [
            Diagnostic.Note(
              "templates end in .mustache; images, CSS and scripts go in \(tree.displayRoot)/assets/"
            )
          ])
        continue
      }
      let name = String(file.path.dropLast(".mustache".count))
      templateFiles.insert(name)
      let text: String
      switch TextDecoding.decode(bytes) {
      case .failure(.invalidUTF8(let offset, let line)):
        report.error(
          "the template is not valid UTF-8 text (byte \(offset))",
          at: SourceLocation(file: file.displayPath, line: line),
          notes: [Diagnostic.Note("save the file again as UTF-8")])
        continue
      case .success(let decoded):
        text = decoded
      }
      do {
        templates[name] = try MustacheTemplate(string: text)
        sources[name] = (text, file)
      } catch let error as MustacheTemplate.ParserError {
        report.error(
          "template syntax error: \(Self.describe(error.error))",
          at: SourceLocation(
            file: file.displayPath, line: error.context.lineNumber,
            column: error.context.columnNumber),
          notes: [Diagnostic.Note(Self.hint(for: error.error))])
      } catch {
        report.error("template syntax error: \(error)", at: SourceLocation(file: file.displayPath))
      }
    }

    for name in requiredTemplates where !templateFiles.contains(name) {
      let known = templates.keys.filter { !$0.hasPrefix("partials/") }.sorted()
      var notes = [Diagnostic.Note("every site needs \(name).mustache to render its pages")]
      if let close = Suggestion.closest(to: name, among: known) {
        notes.insert(
          Diagnostic.Note("did you mean to name '\(close).mustache' '\(name).mustache'?"), at: 0)
      }
      report.error(
        "missing page template '\(name).mustache'",
        at: SourceLocation(file: tree.displayRoot + "/" + name + ".mustache"), notes: notes)
    }
    for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
      TemplateLint.check(
        source.text, named: name, file: source.file.displayPath,
        known: Set(sources.keys), report: report)
    }

    if report.hasErrors { throw DiagnosticError(report.diagnostics) }
    library = MustacheLibrary(templates: templates)
    names = Set(templates.keys)
    self.assets = assets.sorted { $0.path < $1.path }
    self.assetPaths = assetPaths
    hash = TemplateHash.combine(fileHashes)
    warnings = report.diagnostics
  }

  /// Problems that did not stop loading (unused files).
  public let warnings: [Diagnostic]

  /// Renders `context` with the template `name`.
  func render(_ context: [String: Any], with name: String) -> String? {
    library.render(context, withTemplate: name)
  }

  /// `assets/site.css` → `assets/site.1a2b3c4d.css` for CSS and JS; other files keep their name.
  static func publishedPath(of path: String, hash: ContentHash) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard name.hasSuffix(".css") || name.hasSuffix(".js"),
      let dot = path.lastIndex(of: ".")
    else { return path }
    return path[..<dot] + "." + hash.description.prefix(8) + path[dot...]
  }

  private static func describe(_ error: Error) -> String {
    guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
    switch error {
    case .sectionCloseNameIncorrect: return "a section is closed with the wrong name"
    case .unfinishedName: return "a tag is not finished"
    case .expectedSectionEnd: return "a section is opened but never closed"
    case .invalidSetDelimiter: return "invalid delimiter change"
    case .transformAppliedToInheritanceSection:
      return "a transform cannot apply to an inheritance section"
    case .illegalTokenInsideInheritSection:
      return "only {{$block}} overrides may appear inside {{<parent}}"
    case .textInsideInheritSection: return "text inside {{<parent}} must be inside a {{$block}}"
    case .invalidConfigVariableSyntax: return "invalid {{% … }} pragma"
    case .unrecognisedConfigVariable: return "unknown {{% … }} pragma"
    @unknown default: return "\(error)"
    }
  }

  private static func hint(for error: Error) -> String {
    guard let error = error as? MustacheTemplate.Error else { return "check the tags on this line" }
    switch error {
    case .sectionCloseNameIncorrect, .expectedSectionEnd:
      return "every {{#name}} or {{^name}} needs a matching {{/name}}, closed in reverse order"
    case .unfinishedName:
      return "every '{{' needs its '}}' on the same tag"
    default:
      return "see the Mustache manual: https://mustache.github.io/mustache.5.html"
    }
  }
}

/// The hash `TemplateSet` computes, without parsing: for "is anything
/// different since the last build?".
public enum TemplateHash {
  public static func compute(directory: String) throws -> String {
    let report = DiagnosticCollector()
    let tree = try SourceTree(directory: directory, diagnostics: report)
    return combine(try tree.files.map { ($0.path, ContentHash(try $0.read())) }).description
  }

  /// The hash over files given in folder order, as `TemplateSet.hash`.
  static func combine(_ files: [(path: String, hash: ContentHash)]) -> ContentHash {
    var overall = ContentHash()
    for file in files {
      overall.update(file.path)
      overall.update(file.hash.description)
    }
    return overall
  }
}
