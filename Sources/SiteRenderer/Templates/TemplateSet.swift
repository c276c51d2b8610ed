import Mustache
import SiteCore

/// The templates and static assets of a `Templates/` folder, read at run
/// time so that editing a template needs no recompiling.
///
/// Every `.mustache` file is a template named by its path without the
/// extension (`partials/duty`). Files under `assets/` are copied to the
/// site; CSS and JS get a content hash in their name so browsers and CDNs can
/// cache them for ever. Loading checks everything a render could trip on
/// (syntax, missing partials or page templates, unescaped plain text) and
/// reports all problems at their file and line.
public struct TemplateSet: Sendable {
  /// Which code renders the templates.
  public enum Engine: String, Sendable, CaseIterable {
    /// plansite's compiled renderer (`CompiledTemplates`), when every
    /// template compiles; swift-mustache otherwise.
    case compiled
    /// swift-mustache, always (to compare output and speed).
    case mustache
  }

  /// The parsed templates.
  let library: MustacheLibrary
  /// The same templates compiled, unless swift-mustache renders them.
  let compiled: CompiledTemplates?
  /// The template names.
  public let names: Set<String>
  /// Static files to publish, under their published paths.
  public let assets: [OutputFile]
  /// Published path of each asset by its source name (`site.css` → `assets/site.1a2b3c4d.css`).
  public let assetPaths: [String: String]
  /// A hash over every template and asset (see `TemplateHash`).
  public let hash: ContentHash
  /// The folder as messages name it (`Templates`).
  private let displayRoot: String

  /// Loads `directory`, throwing every problem found.
  public init(
    directory: String, requiredTemplates: [String] = Route.pageTemplates,
    engine: Engine = .compiled
  ) throws(DiagnosticError) {
    try self.init(
      files: try TemplateFiles(directory: directory), requiredTemplates: requiredTemplates,
      engine: engine)
  }

  /// Parses and checks templates already read, throwing every problem found.
  public init(
    files source: TemplateFiles, requiredTemplates: [String] = Route.pageTemplates,
    engine: Engine = .compiled
  ) throws(DiagnosticError) {
    let report = DiagnosticCollector()
    report.report(contentsOf: source.problems)
    let tree = source.tree
    var templates: [String: MustacheTemplate] = [:]
    var sources: [String: (text: String, file: SourceTree.File)] = [:]
    var assets: [OutputFile] = []
    var assetPaths: [String: String] = [:]
    var templateFiles: Set<String> = []

    for (file, bytes) in source.files {
      let fileHash = ContentHash(bytes)
      if file.path.hasPrefix("assets/") {
        let published = Self.publishedPath(of: file.path, hash: fileHash)
        assets.append(OutputFile(path: published, bytes: bytes))
        assetPaths[String(file.path.dropFirst("assets/".count))] = published
        continue
      }
      guard file.path.hasSuffix(".mustache") else {
        report.warning(
          vi: "tệp '\(file.path)' không được dùng", en: "'\(file.path)' is not used",
          at: SourceLocation(file: file.displayPath),
          notes: [
            Diagnostic.Note(
              vi: "mẫu trang có đuôi .mustache; hình ảnh, CSS và script đặt trong "
                + "\(tree.displayRoot)/assets/",
              en: "templates end in .mustache; images, CSS and scripts go in "
                + "\(tree.displayRoot)/assets/")
          ])
        continue
      }
      let name = String(file.path.dropLast(".mustache".count))
      templateFiles.insert(name)
      let text: String
      switch TextDecoding.decode(bytes) {
      case .failure(.invalidUTF8(_, let line, let column)):
        report.error(
          vi: "mẫu trang không được lưu ở dạng UTF-8: có ký tự đọc không được",
          en: "the template is not valid UTF-8 text",
          at: SourceLocation(file: file.displayPath, line: line, column: column),
          notes: [
            Diagnostic.Note(
              vi: "lưu lại tệp ở dạng UTF-8", en: "save the file again as UTF-8")
          ])
        continue
      case .success(let decoded):
        text = decoded
      }
      do {
        templates[name] = try MustacheTemplate(string: text)
        sources[name] = (text, file)
      } catch let error as MustacheTemplate.ParserError {
        let problem = Self.describe(error.error)
        report.error(
          vi: "lỗi cú pháp mẫu trang: \(problem.vi)", en: "template syntax error: \(problem.en)",
          at: SourceLocation(
            file: file.displayPath, line: error.context.lineNumber,
            column: error.context.columnNumber),
          notes: [Diagnostic.Note(Self.hint(for: error.error))])
      } catch {
        report.error(
          vi: "lỗi cú pháp mẫu trang: \(error)", en: "template syntax error: \(error)",
          at: SourceLocation(file: file.displayPath))
      }
    }

    for name in requiredTemplates where !templateFiles.contains(name) {
      let known = templates.keys.filter { !$0.hasPrefix("partials/") }.sorted()
      var notes = [
        Diagnostic.Note(
          vi: "trang web nào cũng cần \(name).mustache để dựng các trang của mình",
          en: "every site needs \(name).mustache to render its pages")
      ]
      if let close = Suggestion.closest(to: name, among: known) {
        notes.insert(
          Diagnostic.Note(
            vi: "có phải định đặt tên '\(close).mustache' là '\(name).mustache'?",
            en: "did you mean to name '\(close).mustache' '\(name).mustache'?"), at: 0)
      }
      report.error(
        vi: "thiếu mẫu trang '\(name).mustache'", en: "missing page template '\(name).mustache'",
        at: SourceLocation(file: tree.displayRoot + "/" + name + ".mustache"), notes: notes)
    }
    for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
      TemplateLint.check(
        source.text, named: name, file: source.file.displayPath,
        known: Set(sources.keys), report: report)
    }
    TemplateLint.checkLoops(
      sources.mapValues { ($0.text, $0.file.displayPath) }, report: report)

    if report.hasErrors { throw DiagnosticError(report.diagnostics) }
    library = MustacheLibrary(templates: templates)
    compiled = engine == .compiled ? CompiledTemplates(sources: sources.mapValues(\.text)) : nil
    names = Set(templates.keys)
    self.assets = assets.sorted { $0.path < $1.path }
    self.assetPaths = assetPaths
    hash = source.hash
    displayRoot = tree.displayRoot
    warnings = report.diagnostics
  }

  /// Problems that did not stop loading (unused files).
  public let warnings: [Diagnostic]

  /// Renders `context` with the template `name`; nil if there is no such
  /// template, or if a partial includes partials without end (a fragment
  /// rendered apart then shows nothing; a page fails with `bytes`'s error).
  func render(_ context: [String: Any], with name: String) -> String? {
    guard let compiled else { return library.render(context, withTemplate: name) }
    return (try? compiled.render(context, with: name)).flatMap { $0 }.map {
      String(decoding: $0, as: UTF8.self)
    }
  }

  /// Renders a page: `context` with the template `name`, as UTF-8 bytes.
  func bytes(_ context: [String: Any], with name: String) throws(DiagnosticError) -> [UInt8] {
    let rendered: [UInt8]?
    if let compiled {
      do throws(CompiledTemplates.Loop) {
        rendered = try compiled.render(context, with: name)
      } catch {
        throw DiagnosticError(
          .error(
            vi: "mẫu trang '\(error.template)' gọi các mẫu khác lồng nhau không dứt "
              + "(quá \(CompiledTemplates.depthLimit) lớp): dữ liệu của trang không làm vòng lặp dừng",
            en: "the template '\(error.template)' includes partials without end "
              + "(over \(CompiledTemplates.depthLimit) deep): the page's data does not end the loop",
            at: SourceLocation(file: displayRoot + "/" + error.template + ".mustache"),
            notes: [
              Diagnostic.Note(
                vi:
                  "một {{>…}} trong khối {{#tên}} chỉ dừng khi 'tên' là dữ liệu lồng nhau không có "
                  + "'tên' bên trong; kiểm tra các {{>…}} của mẫu này",
                en:
                  "a {{>…}} inside {{#name}} ends only when 'name' is nested data without a 'name' "
                  + "inside; check this template's {{>…}}")
            ]))
      }
    } else {
      rendered = library.render(context, withTemplate: name).map { Array($0.utf8) }
    }
    guard let rendered else {
      throw DiagnosticError(
        .error(
          vi: "thiếu mẫu trang '\(name).mustache'", en: "missing page template '\(name).mustache'",
          at: SourceLocation(file: displayRoot + "/" + name + ".mustache")))
    }
    return rendered
  }

  /// Whether the compiled renderer renders (every template compiled).
  public var isCompiled: Bool { compiled != nil }

  /// `assets/site.css` → `assets/site.1a2b3c4d.css` for CSS and JS; other files keep their name.
  static func publishedPath(of path: String, hash: ContentHash) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard name.hasSuffix(".css") || name.hasSuffix(".js"),
      let dot = path.lastIndex(of: ".")
    else { return path }
    return path[..<dot] + "." + hash.description.prefix(8) + path[dot...]
  }

  private static func describe(_ error: Error) -> Message {
    guard let error = error as? MustacheTemplate.Error else { return .verbatim("\(error)") }
    switch error {
    case .sectionCloseNameIncorrect:
      return Message(
        vi: "một khối được đóng bằng tên khác với tên đã mở",
        en: "a section is closed with the wrong name")
    case .unfinishedName:
      return Message(vi: "một thẻ chưa được đóng", en: "a tag is not finished")
    case .expectedSectionEnd:
      return Message(
        vi: "một khối được mở nhưng không được đóng", en: "a section is opened but never closed")
    case .invalidSetDelimiter:
      return Message(vi: "đổi dấu phân cách không hợp lệ", en: "invalid delimiter change")
    case .transformAppliedToInheritanceSection:
      return Message(
        vi: "không dùng phép biến đổi cho một khối kế thừa",
        en: "a transform cannot apply to an inheritance section")
    case .illegalTokenInsideInheritSection:
      return Message(
        vi: "bên trong {{<mẫu cha}} chỉ được có các khối {{$tên}}",
        en: "only {{$block}} overrides may appear inside {{<parent}}")
    case .textInsideInheritSection:
      return Message(
        vi: "chữ bên trong {{<mẫu cha}} phải nằm trong một khối {{$tên}}",
        en: "text inside {{<parent}} must be inside a {{$block}}")
    case .invalidConfigVariableSyntax:
      return Message(vi: "chỉ thị {{% … }} không hợp lệ", en: "invalid {{% … }} pragma")
    case .unrecognisedConfigVariable:
      return Message(vi: "không biết chỉ thị {{% … }} này", en: "unknown {{% … }} pragma")
    @unknown default:
      return .verbatim("\(error)")
    }
  }

  private static func hint(for error: Error) -> Message {
    guard let error = error as? MustacheTemplate.Error else {
      return Message(vi: "kiểm tra các thẻ trên dòng này", en: "check the tags on this line")
    }
    switch error {
    case .sectionCloseNameIncorrect, .expectedSectionEnd:
      return Message(
        vi: "mỗi {{#tên}} hoặc {{^tên}} cần một {{/tên}} tương ứng, đóng theo thứ tự ngược lại",
        en: "every {{#name}} or {{^name}} needs a matching {{/name}}, closed in reverse order")
    case .unfinishedName:
      return Message(
        vi: "mỗi '{{' cần có '}}' của nó trong cùng một thẻ",
        en: "every '{{' needs its '}}' on the same tag")
    default:
      return Message(
        vi: "xem hướng dẫn Mustache: https://mustache.github.io/mustache.5.html",
        en: "see the Mustache manual: https://mustache.github.io/mustache.5.html")
    }
  }
}

/// The files of a `Templates/` folder, read once per build: their hash
/// tells whether anything changed since the last build, and `TemplateSet`
/// parses them when something did.
public struct TemplateFiles: Sendable {
  /// The folder as listed.
  public let tree: SourceTree
  /// Each file that could be read, with its bytes, in folder order.
  public let files: [(file: SourceTree.File, bytes: [UInt8])]
  /// Files that could not be read or were links leading outside.
  public let problems: [Diagnostic]
  /// A hash over every file's path and bytes.
  public let hash: ContentHash

  public init(directory: String) throws(DiagnosticError) {
    let report = DiagnosticCollector()
    tree = try SourceTree(directory: directory, diagnostics: report)
    var files: [(SourceTree.File, [UInt8])] = []
    var overall = ContentHash()
    for file in tree.files {
      do {
        let bytes = try file.read()
        files.append((file, bytes))
        overall.update(file.path)
        overall.update(ContentHash(bytes).value)
      } catch {
        report.error(
          vi: "không đọc được tệp: \(error.reason.vi)",
          en: "the file cannot be read: \(error.reason.en)",
          at: SourceLocation(file: file.displayPath))
      }
    }
    self.files = files
    problems = report.diagnostics
    hash = overall
  }
}
