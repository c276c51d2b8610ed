import SiteCore
import Yams

/// YAML text from a content file, parsed with Yams, with every position
/// reported as a line and column of the file itself.
struct YAMLSource {
  /// The file the YAML comes from.
  let file: SourceFile
  /// The file line on which the YAML's first line sits (front matter starts on line 2).
  let firstLine: Int
  /// Where problems go.
  let report: DiagnosticCollector

  /// The file location of a place in the YAML.
  func location(_ mark: YAMLMark?) -> SourceLocation {
    guard let mark else { return file.location(line: firstLine) }
    return file.location(line: mark.line + firstLine - 1, column: mark.column)
  }

  /// The file location of a Yams mark (in its errors).
  func location(_ mark: Mark?) -> SourceLocation { location(mark.map(YAMLMark.init)) }

  /// Parses `yaml`, reporting malformed YAML.
  ///
  /// Empty text gives `nil` without a report.
  func parse(_ yaml: String) -> YAMLNode? {
    if let composed = YAMLComposer.compose(yaml) { return composed }
    // Left to Yams: it reports what is wrong, or composes what the
    // composer does not (an alias, a key written twice with other tags).
    do {
      // The basic resolver tags every plain scalar as text: the readers type
      // values themselves, and the default resolver's regular expressions
      // dominated load time. The explicit encoding avoids an environment
      // lookup per parse.
      return try Yams.compose(yaml: yaml, .basic, .default, .utf8).map(YAMLNode.init)
    } catch let error as YamlError {
      var diagnostic = diagnostic(for: error)
      if let line = diagnostic.location.line,
        let quote = Self.unclosedQuote(in: yaml, through: line - firstLine + 1)
      {
        // libyaml reads on past a missing closing quote to the next quote
        // it finds, and reports a problem lines later.
        diagnostic.notes.insert(
          Diagnostic.Note(
            vi: "dấu ngoặc kép mở ở đây không được đóng trên cùng dòng: có thể thiếu dấu '\"' ở "
              + "cuối đoạn chữ",
            en: "the double quote opened here is not closed on the same line: the closing '\"' "
              + "may be missing",
            at: file.location(line: quote.line + firstLine - 1, column: quote.column)),
          at: 0)
      }
      if let line = diagnostic.location.line, let column = diagnostic.location.column,
        let quoted = Self.textAfterQuote(in: yaml, line: line - firstLine + 1, column: column)
      {
        // Said precisely, the generic advice about indentation is noise.
        diagnostic.notes = [note(for: quoted, onFileLine: line)]
      }
      if let note = misalignment(at: diagnostic.location, in: yaml) {
        diagnostic.notes.insert(note, at: 0)
      }
      report.report(diagnostic)
      return nil
    } catch {
      report.error(
        vi: "không đọc được YAML: \(error)", en: "the YAML could not be read: \(error)",
        at: file.location(line: firstLine))
      return nil
    }
  }

  private func diagnostic(for error: YamlError) -> Diagnostic {
    switch error {
    case .scanner(let context, var problem, let mark, let yaml),
      .parser(let context, var problem, let mark, let yaml),
      .composer(let context, var problem, let mark, let yaml):
      // A tab where a value would start is the tab editors type to indent.
      if problem.contains("cannot start any token"), Self.character(at: mark, in: yaml) == "\t" {
        problem = "found a tab character that violates indentation"
      }
      var message = Message(
        vi: "lỗi cú pháp YAML: \(Self.vietnamese(problem: problem))",
        en: "malformed YAML: \(problem)")
      if let context {
        let line = context.mark.line + firstLine - 1
        message =
          message
          + Message(
            vi: " (\(Self.vietnamese(context: context.text)) ở dòng \(line))",
            en: " (\(context.text) on line \(line))")
      }
      return .error(message, at: location(mark), notes: Self.hints(for: problem))
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
      return .error(
        vi: "trường \(keys) được ghi hai lần", en: "the field \(keys) is given twice",
        at: location(context.mark),
        notes: [
          Diagnostic.Note(
            vi: "giữ lại một dòng và xóa dòng kia", en: "keep one of them and delete the other")
        ])
    case .reader(let problem, let offset, let value, let yaml):
      // The offset counts characters from the start of the YAML.
      var at = file.location(line: firstLine)
      if let offset, offset >= 0, offset <= yaml.count {
        let before = yaml.prefix(offset)
        let lineStart = before.lastIndex(of: "\n").map(before.index(after:)) ?? before.startIndex
        at = file.location(
          line: before.count(where: { $0 == "\n" }) + firstLine,
          column: before[lineStart...].count + 1)
      }
      guard problem.contains("control characters are not allowed") else {
        return .error(
          vi: "không đọc được YAML: \(problem)", en: "the YAML could not be read: \(problem)",
          at: at)
      }
      let code = String(format: "U+%04X", value)
      return .error(
        vi: "tệp có một ký tự điều khiển (\(code)) không in ra được",
        en: "the file holds a control character (\(code)) that cannot be printed", at: at,
        notes: [
          Diagnostic.Note(
            vi: "xóa ký tự đó (thường do chép từ Word hay từ trang web sang); "
              + "nếu không thấy nó, gõ lại đoạn chữ ấy",
            en: "delete it (it most often comes from text copied out of Word or a web page); "
              + "if it cannot be seen, type that text again")
        ])
    default:
      return .error(
        vi: "không đọc được YAML: \(error)", en: "the YAML could not be read: \(error)",
        at: file.location(line: firstLine))
    }
  }

  /// Which column the line of a syntax error was meant to start at, when
  /// the error is at the line's start and the line is off every level
  /// open above it (`status:` one space right of `task:`).
  private func misalignment(at location: SourceLocation, in yaml: String) -> Diagnostic.Note? {
    guard let fileLine = location.line, let column = location.column else { return nil }
    let line = fileLine - firstLine + 1
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    guard line >= 1, line <= lines.count else { return nil }
    // The error is at the line's start, or at the colon of its first field
    // (a misaligned field after a plain value reads as more of that value).
    let text = lines[line - 1]
    let indent = text.prefix(while: { $0 == " " }).count
    let key = text.dropFirst(indent).prefix { $0 != ":" && $0 != " " }
    guard column - 1 == indent || (!key.isEmpty && column - 1 == indent + key.count),
      let level = IndentLevels.intended(in: yaml, line: line)
    else { return nil }
    let off = level.column - indent
    let what = level.isDash ? "dấu '-'" : "'\(level.name)'"
    let whatEn = level.isDash ? "the '-'" : "'\(level.name)'"
    return Diagnostic.Note(
      vi:
        "dòng \(fileLine) bắt đầu ở cột \(indent + 1), lệch với \(what) ở cột \(level.column + 1): "
        + "\(off > 0 ? "thêm" : "xóa") \(abs(off)) dấu cách ở đầu dòng \(fileLine) để thẳng cột",
      en: "line \(fileLine) starts in column \(indent + 1), off from \(whatEn) in column "
        + "\(level.column + 1): \(off > 0 ? "add" : "delete") \(abs(off)) "
        + "space\(abs(off) == 1 ? "" : "s") at the start of line \(fileLine) to line them up",
      at: file.location(line: level.line + firstLine - 1, column: level.column + 1))
  }

  /// The character at a Yams mark (1-based line, 1-based column in characters).
  private static func character(at mark: Mark, in yaml: String) -> Character? {
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    guard mark.line >= 1, mark.line <= lines.count else { return nil }
    let line = lines[mark.line - 1]
    guard mark.column >= 1, mark.column <= line.count else { return nil }
    return line[line.index(line.startIndex, offsetBy: mark.column - 1)]
  }

  /// libyaml's problem, in Vietnamese where it is one editors meet.
  static func vietnamese(problem: String) -> String {
    let known: [(String, String)] = [
      ("mapping values are not allowed", "có dấu ':' ở chỗ không được phép"),
      ("cannot start any token", "có ký tự không được dùng để bắt đầu một giá trị"),
      ("did not find expected key", "không thấy tên trường ở chỗ cần có"),
      ("expected <block end>", "thụt lề không khớp"),
      ("did not find expected <document start>", "dòng này thụt lề ít hơn các trường ở trên"),
      ("found unexpected end of stream", "hết tệp mà dấu ngoặc kép vẫn chưa được đóng"),
      ("found unknown escape character", "có ký tự sau dấu '\\' không hợp lệ"),
      ("did not find expected '-' indicator", "thiếu dấu '-' ở đầu một mục của danh sách"),
      ("could not find expected ':'", "thiếu dấu ':' sau tên trường"),
      ("did not find expected ',' or ']'", "danh sách [ … ] chưa được đóng bằng ']'"),
      ("did not find expected ',' or '}'", "nhóm { … } chưa được đóng bằng '}'"),
      ("found undefined alias", "dùng một bí danh (*…) chưa được khai báo"),
      ("found a tab character", "có phím Tab ở chỗ phải thụt lề bằng dấu cách"),
      ("Maximum nesting level reached", "các mục lồng vào nhau quá nhiều lớp"),
      ("but found another document", "có thêm một phần YAML thứ hai (dòng '---')"),
      ("did not find expected node content", "thiếu giá trị ở chỗ cần có"),
      (
        "block sequence entries are not allowed",
        "không được bắt đầu một mục danh sách ('- ') ở chỗ này"
      ),
      ("mapping keys are not allowed", "không được ghi tên trường ở chỗ này"),
      (
        "did not find expected comment or line break",
        "có chữ thừa sau giá trị (ví dụ sau dấu ngoặc kép đóng)"
      ),
      ("found undefined tag handle", "có dấu '!' ở đầu giá trị"),
      ("found unexpected document indicator", "có dòng '---' hay '...' ở giữa một giá trị"),
    ]
    for (english, vietnamese) in known where problem.contains(english) { return vietnamese }
    return problem
  }

  /// libyaml's context, in Vietnamese where it is one editors meet.
  static func vietnamese(context: String) -> String {
    let known: [(String, String)] = [
      ("while scanning a quoted scalar", "đoạn chữ trong ngoặc kép bắt đầu"),
      ("while scanning a simple key", "tên trường bắt đầu"),
      ("while scanning a plain scalar", "giá trị bắt đầu"),
      ("while scanning for the next token", "đoạn bắt đầu"),
      ("while parsing a block mapping", "nhóm trường bắt đầu"),
      ("while parsing a block collection", "danh sách bắt đầu"),
      ("while parsing a flow sequence", "danh sách [ … ] bắt đầu"),
      ("while parsing a flow mapping", "nhóm { … } bắt đầu"),
      ("while scanning a block scalar", "đoạn chữ nhiều dòng bắt đầu"),
      ("expected a single document", "phần YAML thứ nhất bắt đầu"),
      ("while parsing a block node", "giá trị bắt đầu"),
      ("while parsing a flow node", "giá trị bắt đầu"),
      ("while parsing a node", "giá trị bắt đầu"),
      ("while scanning a tag", "giá trị bắt đầu"),
      ("while parsing", "đoạn bắt đầu"),
    ]
    for (english, vietnamese) in known where context.contains(english) { return vietnamese }
    return context
  }

  /// Plain-language fixes for the libyaml problems editors meet most.
  static func hints(for problem: String) -> [Diagnostic.Note] {
    let fix = hintsByProblem.first { matches, _ in matches.contains { problem.contains($0) } }
    return fix.map { [Diagnostic.Note($0.1)] } ?? []
  }

  /// The fix for each kind of problem: the texts of libyaml's problem that
  /// name it, and what to do.
  private static let hintsByProblem: [([String], Message)] = [
    (
      ["mapping values are not allowed"],
      Message(
        vi: "giá trị có chứa ': ' phải đặt trong ngoặc kép: title: \"Phần 1: …\"",
        en: "a value that contains ': ' must be put in double quotes: title: \"Phần 1: …\"")
    ),
    (
      ["cannot start any token"],
      Message(
        vi: "YAML không cho thụt lề bằng phím Tab, hay giá trị bắt đầu bằng '@' hoặc '`'; "
          + "hãy thụt lề bằng dấu cách, hoặc đặt giá trị trong ngoặc kép",
        en: "YAML does not allow tab characters for indentation, or a value starting with "
          + "'@' or '`'; use spaces, or put the value in double quotes")
    ),
    (
      ["did not find expected key", "expected <block end>", "expected <document start>"],
      Message(
        vi: "kiểm tra thụt lề: các trường của cùng một mục phải bắt đầu ở cùng một cột; đoạn "
          + "chữ có dấu ngoặc kép bên trong thì dùng loại ngoặc còn lại để bao quanh",
        en: "check the indentation: fields of the same item must start in the same column, "
          + "and a text with quotes inside must use the other kind of quotes around it")
    ),
    (
      ["found unexpected end of stream", "found unknown escape character"],
      Message(
        vi: "kiểm tra để mỗi dấu ngoặc kép mở đều có dấu đóng",
        en: "check that every opening quote has its closing quote")
    ),
    (
      ["did not find expected '-' indicator"],
      Message(
        vi: "mỗi mục của danh sách phải bắt đầu bằng '- ' ở cùng một cột",
        en: "items of a list must each start with '- ' in the same column")
    ),
    (
      ["found a tab character"],
      Message(
        vi: "thụt lề bằng dấu cách, không dùng phím Tab (trình soạn thảo thường có lựa chọn "
          + "đổi Tab thành dấu cách)",
        en: "indent with spaces, not tabs (editors can usually turn tabs into spaces)")
    ),
    (
      ["Maximum nesting level reached"],
      Message(
        vi: "kiểm tra các dấu '[' và '{': có thể thiếu dấu đóng ']' hoặc '}'",
        en: "check the '[' and '{': a closing ']' or '}' may be missing")
    ),
    (
      ["but found another document"],
      Message(
        vi: "xóa dòng '---' này: tệp .yaml chỉ có một phần; trong tệp .md, phần đầu nằm giữa "
          + "hai dòng '---' đầu tiên",
        en: "delete this '---' line: a .yaml file has one part; in a .md file the front "
          + "matter sits between the first two '---' lines")
    ),
  ]
}
