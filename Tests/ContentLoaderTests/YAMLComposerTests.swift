import Foundation
import SiteCore
import TestSupport
import Testing
import Yams

@testable import ContentLoader

/// `YAMLComposer` gives the tree Yams gives, or leaves the text to Yams.
@Suite struct YAMLComposerTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The composer's tree equals Yams', when it gives one.
  func expectSame(_ yaml: String, composed expected: Bool, _ comment: String = "") {
    let composed = YAMLComposer.compose(yaml)
    #expect((composed != nil) == expected, "\(comment): \(yaml.debugDescription)")
    guard let composed else { return }
    let byYams = try? Yams.compose(yaml: yaml, .basic, .default, .utf8)
    #expect(composed == byYams.map(YAMLNode.init), "\(comment): \(yaml.debugDescription)")
  }

  /// Every YAML text of the repository's projects: the real plan, the
  /// sample, the test fixtures (files, and the front matter of Markdown).
  @Test func everyContentFileOfTheRepositoryComposesAsYamsComposesIt() throws {
    var count = 0
    for folder in ["Content", "docs/sample/Content", "Tests/SiteBuilderTests/Fixtures"] {
      let base = Self.root.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
      for case let path as String in walker where path.hasSuffix(".yaml") || path.hasSuffix(".md") {
        guard let text = try? String(contentsOf: base.appendingPathComponent(path), encoding: .utf8)
        else { continue }
        var yaml = text
        if path.hasSuffix(".md") {
          let file = SourceFile(path: path, displayPath: path, text: text)
          guard let split = FrontMatter.split(file, report: DiagnosticCollector()) else { continue }
          yaml = split.yaml
        }
        let byYams = try? Yams.compose(yaml: yaml, .basic, .default, .utf8)
        let composed = YAMLComposer.compose(yaml)
        if let composed {
          #expect(composed == byYams.map(YAMLNode.init), "\(folder)/\(path)")
        } else {
          // Left to Yams: only for a text it finds wrong (the invalid fixtures).
          #expect(byYams == nil, "\(folder)/\(path) was left to Yams")
        }
        count += 1
      }
    }
    #expect(count > 200)
  }

  @Test(arguments: [
    "", "# only a comment\n", "a: b\n", "---\na: b\n", "---\na: b\n...\n", "---\n",
    "a:\nb: ~\nc: null\n", "a: \"q: x\"\nb: 'single ''q'''\nc: plain text here\n",
    "a: |\n  literal\n  block\n\nb: >\n  folded\n  text\n", "a: |-\n  kept\n",
    "- a\n- b: c\n  d: [e, f]\n- - nested\n  - list\n", "a: {b: c, d: [1, 2]}\n",
    "a: \"tab\\there\\0nul\"\n", "tiêu_đề: \"Xây dựng, ban hành\"\nđơn_vị: [sở-a, sở-b]\n",
    "a: &x 1\nb: 2\n", "a: !!str 1\nb: !local x\n", "? a\n: b\n", "a:\n  - b:\n      c: d\n",
    "\"quoted key\": 1\n'other': 2\n", "a: 1 # comment\n# more\nb: 2\n", "[a, b]\n",
    "plain scalar\n", "a: b\r\nc: d\r\n",
  ])
  func documentsContentFilesHoldAreComposed(yaml: String) {
    expectSame(yaml, composed: true)
  }

  @Test(arguments: [
    // What Yams reports: syntax errors, a second document, a key written twice.
    "a: b\n---\nc: d\n", "a: [b\n", "a: \"open\n", "a:\n\tb: c\n", "a: b\n a: c\n",
    "a: 1\na: 2\n", "a: 1\n'a': 2\n",
    // What Yams composes and the composer does not: aliases, keys that are not texts.
    "a: &x 1\nb: *x\n", "? [a, b]\n: c\n", "{a: 1}: b\n",
    // Texts starting with U+FEFF: Yams' decoding drops it (so the last
    // one is a key written twice).
    "a: \"\\uFEFFb\"\n", "a: \u{FEFF}b\n", "a: \"\u{FEFF}\"\n", "x: |\n  \u{FEFF}y\n",
    "a: 1\n\"\\uFEFFa\": 2\n",
  ])
  func unusualTextsAreLeftToYams(yaml: String) {
    expectSame(yaml, composed: false)
  }

  @Test func keysWrittenTwiceAreFoundInLongMappings() {
    let keys = (0..<40).map { "k\($0): \($0)\n" }.joined()
    expectSame(keys, composed: true, "40 keys")
    expectSame(keys + "k30: again\n", composed: false, "k30 twice")
    expectSame(keys + "k3: again\n", composed: false, "k3 twice")
  }

  /// Random documents, written by Yams' own emitter in every style it
  /// has, compose as Yams composes them.
  @Test func randomDocumentsComposeAsYamsComposesThem() throws {
    var generator = SeededGenerator(seed: 20_261_204)
    let words = [
      "a", "b c", "Hòa Lạc", "x: y", "- z", "#no", "\"q\"", "'s'", "", "null", "1.5",
      "dòng\nhai", "  lead", "trail  ", "tab\there", "{", "[x]", "&a", "*a", "!t", "%", "@",
    ]
    func node(_ depth: Int) -> Node {
      let kind = depth > 3 ? 0 : Int.random(in: 0..<3, using: &generator)
      switch kind {
      case 1:
        return .sequence(
          Node.Sequence((0..<Int.random(in: 0..<4, using: &generator)).map { _ in node(depth + 1) })
        )
      case 2:
        var pairs: [(Node, Node)] = []
        for index in 0..<Int.random(in: 0..<4, using: &generator) {
          let word = words.randomElement(using: &generator) ?? ""
          pairs.append((Node("\(word)\(index)"), node(depth + 1)))
        }
        return .mapping(Node.Mapping(pairs))
      default:
        let style =
          [Node.Scalar.Style.any, .plain, .singleQuoted, .doubleQuoted, .literal, .folded]
          .randomElement(using: &generator) ?? .any
        return .scalar(Node.Scalar(words.randomElement(using: &generator) ?? "", .implicit, style))
      }
    }
    var composed = 0
    for _ in 0..<400 {
      let text = try Yams.serialize(node: node(0))
      // The emitter writes no alias, and every key is a text.
      expectSame(text, composed: true, "random")
      if YAMLComposer.compose(text) != nil { composed += 1 }
    }
    #expect(composed == 400)
  }

  /// Half-edited texts compose as Yams composes them, or are left to Yams.
  ///
  /// A report and a task's front matter, with characters deleted, doubled
  /// or typed in (YAML's own punctuation among them), as an editor might
  /// leave them.
  @Test func mutatedContentComposesAsYamsComposesItOrIsLeftToYams() throws {
    let report = """
      date: 2026-07-10
      document: "Báo cáo số 12/BC-UBND"
      tasks:
        - task: "1.1"
          status: in-progress
          progress: 40
          text: |
            Đã triển khai: **bước 1**; bước 2 "đang làm".
        - task: '1.2'
          status: done
          done_on: 30/06/2026
          text: "Hoàn thành: đúng hạn"
      indicators:
        - indicator: ty-le
          period: 2026
          value: 12.5
      """
    let task = """
      id: "1.1"
      title: Xây dựng kế hoạch, tổ chức thực hiện
      deadline: 2026-06-30
      assignments:
        - to: [so-tai-chinh, xa-hoa-lac]
          role: lead
          text: >
            Chủ trì xây dựng
            và trình ban hành.
      """
    let typed = Array(":-\"'#|>[]{},&*!?\n \t\u{FEFF}aĐ")
    var generator = SeededGenerator(seed: 48)
    var composed = 0
    var left = 0
    for round in 0..<1_500 {
      var characters = Array(round % 2 == 0 ? report : task)
      for _ in 0..<Int.random(in: 1...3, using: &generator) {
        let at = Int.random(in: 0..<characters.count, using: &generator)
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: characters.remove(at: at)
        case 1: characters.insert(characters[at], at: at)
        default: characters.insert(typed.randomElement(using: &generator) ?? " ", at: at)
        }
      }
      let text = String(characters)
      guard let tree = YAMLComposer.compose(text) else {
        left += 1
        continue
      }
      composed += 1
      let byYams = try? Yams.compose(yaml: text, .basic, .default, .utf8)
      #expect(tree == byYams.map(YAMLNode.init), "\(text.debugDescription)")
    }
    // Both kinds are met.
    #expect(composed > 300)
    #expect(left > 100)
  }
}
