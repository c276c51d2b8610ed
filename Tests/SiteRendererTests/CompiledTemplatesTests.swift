import Foundation
import SiteCore
import TestSupport
import Testing

@testable import SiteRenderer

/// The compiled renderer against swift-mustache on the same template text
/// and context: whitespace rules, partials, inheritance, lists, names.
/// (Every page kind of the real, fixture, sample and synthetic sites is
/// compared in `ReferenceRenderingTests`.)
@Suite struct CompiledTemplatesTests {
  /// Both renderings of `context` with `index` among `files`.
  func render(_ files: [String: String], _ context: [String: Any]) throws -> (
    compiled: String?, mustache: String?
  ) {
    let folder = try TestFiles.folder("compiled", files.mapKeys { $0 + ".mustache" }).path
    let compiled = try TemplateSet(directory: folder, requiredTemplates: [])
    let mustache = try TemplateSet(directory: folder, requiredTemplates: [], engine: .mustache)
    #expect(compiled.isCompiled)
    #expect(!mustache.isCompiled)
    return (compiled.render(context, with: "index"), mustache.render(context, with: "index"))
  }

  static var context: [String: Any] {
    [
      "title": "Kế hoạch <22/KH-UBND> & \"công\" 'việc'",
      "title_html": "<em>22/KH-UBND</em> &amp; 'x'",
      "count": 3,
      "yes": true,
      "no": false,
      "empty": [[String: Any]](),
      "names": ["Sở Nội vụ", "Sở Tài chính"],
      "tasks": [
        ["id": "1.1", "title": "Rà soát", "done": true, "agencies": [["name": "Sở A"]]],
        ["id": "1.2", "title": "Sắp xếp <b>", "done": false, "agencies": [[String: Any]]()],
      ],
      "task": ["id": "2.1", "group": ["title": "Nhóm 2"], "body_html": "<p>Một</p>\n<p>Hai</p>\n"],
      "multi_html": "dòng 1\ndòng 2\n",
    ]
  }

  static let cases: [[String: String]] = [
    ["index": "{{title}} {{{title_html}}} {{& title_html}} {{count}} {{yes}} {{missing}}|"],
    ["index": "{{#tasks}}\n  <li>{{id}} {{title}}{{#done}} ✓{{/done}}</li>\n{{/tasks}}\n"],
    [
      "index":
        "  {{#yes}}  \nA\n  {{/yes}}\n{{^no}}B{{/no}}{{^empty}}C{{/empty}}{{^tasks}}D{{/tasks}}"
    ],
    ["index": "{{#task}}{{id}} {{group.title}} {{title}}{{/task}} {{task.group.title}} {{.title}}"],
    [
      "index":
        "{{#names}}<{{.}}>{{/names}}{{#tasks}}{{#agencies}}{{name}}/{{id}};{{/agencies}}{{/tasks}}"
    ],
    ["index": "a\n  {{! a comment }}\nb {{! inline }} c\n{{!\nmultiline\n}}\nd"],
    [
      "index": "<ul>\n  {{> partials/row}}\n    {{>partials/row}}\n</ul>\n",
      "partials/row": "<li>\n{{title}}\n{{{multi_html}}}</li>\n",
    ],
    [
      "index":
        "{{<layout}}\n  {{$main}}\n    <main>{{title}}</main>\n    {{#tasks}}\n    {{id}}\n    {{/tasks}}\n  {{/main}}\n{{/layout}}\n",
      "layout":
        "<body>\n  {{$main}}default{{/main}}\n  {{$foot}}\n  <footer>{{count}}</footer>\n  {{/foot}}\n</body>\n",
    ],
    [
      "index":
        "{{<layout}}{{$main}}page {{<inner}}{{$x}}override{{/x}}{{/inner}}{{/main}}{{/layout}}",
      "layout": "[{{$main}}{{/main}}]{{$x}}{{/x}}{{<inner}}{{$x}}outer{{/x}}{{/inner}}",
      "inner": "<{{$x}}inner{{/x}}>",
    ],
    ["index": "x {{count}} y\r\n  {{#yes}}\r\n z\r\n  {{/yes}}\r\n{ {{title}} }"],
    ["index": "  {{{task.body_html}}}\n{{#task}}\n    {{{body_html}}}\n{{/task}}"],
    [
      "index": "<div>\n    {{> partials/a}}\n</div>",
      "partials/a": "<p>\n  {{> partials/b}}\n</p>\n",
      "partials/b": "{{#tasks}}\n{{id}}\n{{/tasks}}\n",
    ],
  ]

  @Test(arguments: 0..<cases.count)
  func rendersWhatSwiftMustacheRenders(index: Int) throws {
    let (compiled, mustache) = try render(Self.cases[index], Self.context)
    #expect(compiled != nil)
    #expect(compiled == mustache)
  }

  /// Random templates over random contexts: a grammar of sections, inverted
  /// sections, variables, comments, partials and whitespace.
  @Test func agreesOnRandomTemplates() throws {
    var random = SplitMix(seed: 22)
    let names = ["a", "b", "c", "list", "flag", "a_html"]
    func value(_ depth: Int) -> Any {
      switch random.next(7) {
      case 0: return random.next(2) == 0
      case 1: return random.next(100)
      case 2 where depth < 2:
        return (0..<random.next(3)).map { _ in object(depth + 1) }
      case 3 where depth < 2: return object(depth + 1)
      case 4: return ["x", "<y>"]
      default: return ["", "a&b", "dòng\nhai", " \"q\" ", "x'"][random.next(5)]
      }
    }
    func object(_ depth: Int) -> [String: Any] {
      var object: [String: Any] = [:]
      for name in names where random.next(3) > 0 { object[name] = value(depth) }
      return object
    }
    func template(_ depth: Int) -> String {
      var text = ""
      for _ in 0..<random.next(6) {
        let name = names[random.next(names.count)]
        let pad = ["", " ", "  ", "\t"][random.next(4)]
        let end = ["", "\n", " \n", "\r\n"][random.next(4)]
        switch random.next(9) {
        case 0 where depth < 3:
          text += "\(pad){{#\(name)}}\(end)\(template(depth + 1))\(pad){{/\(name)}}\(end)"
        case 1 where depth < 3:
          text += "\(pad){{^\(name)}}\(end)\(template(depth + 1)){{/\(name)}}\(end)"
        case 2: text += "\(pad){{\(name)}}\(end)"
        case 3: text += "\(pad){{{a_html}}}\(end)"
        case 4: text += "\(pad){{! note }}\(end)"
        case 5 where depth < 3: text += "\(pad){{> partials/p}}\(end)"
        case 6: text += "\(pad){{.}}\(end)"
        case 7: text += "\(pad){{a.b}}{{.c}}\(end)"
        default: text += "\(pad)t{ }\(end)"
        }
      }
      return text
    }
    for round in 0..<1000 {
      let files = [
        "index": template(0), "partials/p": "<{{a}}>\n{{#list}}\n  - {{b}}\n{{/list}}\n",
      ]
      let context = object(0)
      let (compiled, mustache) = try render(files, context)
      #expect(compiled == mustache, "round \(round): \(files["index"] ?? "")")
      if compiled != mustache { break }
    }
  }

  /// The one intended difference: swift-mustache escapes by character, so a
  /// quote followed by a combining mark stays unescaped there.
  @Test func escapesEveryQuoteEvenBeforeACombiningMark() throws {
    let (compiled, _) = try render(
      ["index": "<a title=\"{{t}}\">"], ["t": "\"\u{301} onmouseover=x"])
    #expect(compiled == "<a title=\"&quot;\u{301} onmouseover=x\">")
  }

  /// A partial that includes itself whatever the data is refused before
  /// rendering; one that the data never stops fails the page with an
  /// error instead of crashing the build.
  @Test func partialLoopsAreErrorsNotCrashes() throws {
    let looping = try TestFiles.folder(
      "loop", ["index.mustache": "{{> partials/a}}", "partials/a.mustache": "x\n{{> partials/a}}"]
    ).path
    let problems = TemplateSetTests.problems { () throws(DiagnosticError) in
      _ = try TemplateSet(directory: looping, requiredTemplates: [])
    }
    #expect(
      problems.map(\.message.en) == [
        "the template 'partials/a' includes itself ('partials/a' → 'partials/a'): the page would never finish"
      ])
    #expect(problems.first?.location.line == 2)

    let dataLoop = try TestFiles.folder(
      "data-loop",
      ["index.mustache": "{{> partials/a}}", "partials/a.mustache": "{{#x}}{{> partials/a}}{{/x}}"]
    ).path
    let set = try TemplateSet(directory: dataLoop, requiredTemplates: [])
    #expect(set.render(["x": ["y": 1]], with: "index") == nil)
    let error = TemplateSetTests.problems { () throws(DiagnosticError) in
      _ = try set.bytes(["x": true], with: "index")
    }
    #expect(
      error.first?.message.en.hasPrefix("the template 'partials/a' includes partials without end")
        == true)
    #expect(error.first?.location.file.hasSuffix("/partials/a.mustache") == true)
    #expect(try set.bytes(["y": true], with: "index").isEmpty)
  }

  @Test func leavesSetDelimitersToSwiftMustache() throws {
    let folder = try TestFiles.folder("delimiters", ["index.mustache": "{{=<% %>=}}<%title%>"]).path
    let set = try TemplateSet(directory: folder, requiredTemplates: [])
    #expect(!set.isCompiled)
    #expect(set.render(["title": "x"], with: "index") == "x")
  }
}

/// A small deterministic random source (SplitMix64).
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return Int(z % UInt64(max(bound, 1)))
  }
}

extension Dictionary {
  fileprivate func mapKeys(_ transform: (Key) -> Key) -> [Key: Value] {
    Dictionary(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
  }
}
