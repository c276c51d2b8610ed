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

  /// The file location of a Yams mark.
  func location(_ mark: Mark?) -> SourceLocation {
    guard let mark else { return file.location(line: firstLine) }
    return file.location(line: mark.line + firstLine - 1, column: mark.column)
  }

  /// Parses `yaml`, reporting malformed YAML.
  ///
  /// Empty text gives `nil` without a report.
  func parse(_ yaml: String) -> Node? {
    do {
      // The basic resolver tags every plain scalar as text: the readers type
      // values themselves, and the default resolver's regular expressions
      // dominated load time. The explicit encoding avoids an environment
      // lookup per parse.
      return try Yams.compose(yaml: yaml, .basic, .default, .utf8)
    } catch let error as YamlError {
      report.report(diagnostic(for: error))
      return nil
    } catch {
      report.error("the YAML could not be read: \(error)", at: file.location(line: firstLine))
      return nil
    }
  }

  private func diagnostic(for error: YamlError) -> Diagnostic {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      var message = "malformed YAML: \(problem)"
      if let context {
        message += " (\(context.text) on line \(context.mark.line + firstLine - 1))"
      }
      return .error(message, at: location(mark), notes: Self.hints(for: problem))
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
      return .error(
        "the field \(keys) is given twice", at: location(context.mark),
        notes: [Diagnostic.Note("keep one of them and delete the other")])
    case .reader(let problem, _, _, _):
      return .error("the YAML could not be read: \(problem)", at: file.location(line: firstLine))
    default:
      return .error("the YAML could not be read: \(error)", at: file.location(line: firstLine))
    }
  }

  /// Plain-language fixes for the libyaml problems editors meet most.
  static func hints(for problem: String) -> [Diagnostic.Note] {
    if problem.contains("mapping values are not allowed") {
      return [
        Diagnostic.Note(
          "a value that contains ': ' must be put in double quotes: title: \"Phần 1: …\"")
      ]
    }
    if problem.contains("cannot start any token") {
      return [
        Diagnostic.Note(
          "YAML does not allow tab characters for indentation, or a value starting with "
            + "'@' or '`'; use spaces, or put the value in double quotes")
      ]
    }
    if problem.contains("did not find expected key") || problem.contains("expected <block end>") {
      return [
        Diagnostic.Note(
          "check the indentation: fields of the same item must start in the same column, "
            + "and a text with quotes inside must use the other kind of quotes around it")
      ]
    }
    if problem.contains("found unexpected end of stream")
      || problem.contains("found unknown escape character")
    {
      return [Diagnostic.Note("check that every opening quote has its closing quote")]
    }
    if problem.contains("did not find expected '-' indicator") {
      return [Diagnostic.Note("items of a list must each start with '- ' in the same column")]
    }
    return []
  }
}
