import Foundation
import SiteCore
import SiteRenderer
import TestSupport
import Testing

@Suite struct TemplateSetTests {
  func templates(_ files: [String: String]) throws -> String {
    try TestFiles.folder("templates", files).path
  }

  @Test func hashesAssetNamesAndReportsWhatIsMissing() throws {
    let folder = try templates([
      "index.mustache": "{{title}}", "assets/site.css": "body{}", "assets/logo.svg": "<svg/>",
    ])
    let set = try TemplateSet(directory: folder, requiredTemplates: ["index"])
    #expect(set.assetPaths["site.css"]?.hasPrefix("assets/site.") == true)
    #expect(set.assetPaths["site.css"]?.hasSuffix(".css") == true)
    #expect(set.assetPaths["site.css"] != "assets/site.css")
    #expect(set.assetPaths["logo.svg"] == "assets/logo.svg")
    #expect(throws: DiagnosticError.self) {
      try TemplateSet(directory: folder, requiredTemplates: ["task"])
    }
  }

  @Test func rejectsUnescapedPlainFieldsButAllowsHTMLFields() throws {
    let bad = try templates(["index.mustache": "{{{title}}} {{& name}}"])
    let problems = Self.problems { () throws(DiagnosticError) in
      _ = try TemplateSet(directory: bad, requiredTemplates: ["index"])
    }
    #expect(
      problems.map(\.message.en) == [
        "'title' is inserted without HTML escaping", "'name' is inserted without HTML escaping",
      ])
    #expect(problems.map(\.location.column) == [1, 13])
    let good = try templates(["index.mustache": "{{{body_html}}} {{{task.text_html}}}"])
    #expect(throws: Never.self) { try TemplateSet(directory: good, requiredTemplates: ["index"]) }
  }

  @Test func syntaxErrorsCarryTheirLine() throws {
    let folder = try templates(["index.mustache": "a\nb\n{{#x}}\n{{/y}}\n"])
    let problems = Self.problems { () throws(DiagnosticError) in
      _ = try TemplateSet(directory: folder, requiredTemplates: ["index"])
    }
    #expect(problems.first?.location.line == 4)
  }

  /// The diagnostics `body` throws (an issue if it throws none).
  static func problems(_ body: () throws(DiagnosticError) -> Void) -> [Diagnostic] {
    do {
      try body()
      Issue.record("expected an error")
      return []
    } catch {
      return error.diagnostics
    }
  }
}
