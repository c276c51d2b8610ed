/// A Mustache template compiled for `CompiledTemplates`: literal text as
/// UTF-8 bytes, names split once, sections and partials as nested nodes.
indirect enum TemplateNode: Sendable {
  case text([UInt8])
  case variable(TemplateName, escaped: Bool)
  case section(TemplateName, [TemplateNode], inverted: Bool)
  /// `{{> name}}` (no overrides) or `{{< name}}…{{/name}}` (overrides).
  case partial(String, indentation: String?, overrides: [String: [TemplateNode]]?)
  /// `{{$name}}default{{/name}}` in a template another one inherits.
  case block(String, default: [TemplateNode], indentation: String?)
  /// `{{$name}}…{{/name}}` directly inside `{{< parent}}`: an override.
  case blockDefinition(String, [TemplateNode])
}

/// A variable or section name as swift-mustache resolves it.
struct TemplateName: Sendable, Equatable {
  enum Scope: Sendable, Equatable {
    /// `{{.}}`: the current object.
    case current
    /// `{{.a.b}}`: looked up in the current object only.
    case anchored
    /// `{{a.b}}`: `a` searched from the innermost object outwards.
    case stack
  }
  let scope: Scope
  let parts: [String]

  init(_ name: String) {
    if name == "." {
      scope = .current
    } else if name.first == "." {
      scope = .anchored
    } else {
      scope = .stack
    }
    parts = name.split(separator: ".").map(String.init)
  }
}

/// Parses template text into `TemplateNode`s.
///
/// It follows swift-mustache's rules for whitespace (standalone tags,
/// partial indentation, inheritance), so that the compiled templates render
/// the same bytes. Only templates that
/// swift-mustache has already parsed are given to it; the features
/// plansite's renderer does not compile (set delimiters, pragmas,
/// transforms, dynamic partials) throw `Unsupported`, and the build then
/// renders with swift-mustache itself.
struct TemplateParser {
  /// A construct the compiled renderer leaves to swift-mustache.
  struct Unsupported: Error {}

  private struct State {
    var sectionName: String?
    var newLine = true
    var isPartialDefinition = false
    var isPartialDefinitionTopLevel = false
    var partialDefinitionIndent: ArraySlice<Character>?

    func withSectionName(_ name: String, newLine: Bool) -> State {
      var state = self
      state.sectionName = name
      state.isPartialDefinitionTopLevel = false
      if !newLine { state.newLine = false }
      return state
    }

    func withInheritancePartial(_ name: String) -> State {
      var state = self
      state.sectionName = name
      state.newLine = true
      state.isPartialDefinition = true
      state.isPartialDefinitionTopLevel = true
      return state
    }
  }

  private let characters: [Character]
  private var position = 0

  /// Parses a whole template.
  static func parse(_ text: String) throws(Unsupported) -> [TemplateNode] {
    var parser = TemplateParser(characters: Array(text))
    return try parser.parse(State())
  }

  private init(characters: [Character]) {
    self.characters = characters
  }

  private static let nameCharacters = Set<Character>(
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
  private static let partialNameCharacters = Set<Character>(
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

  private var atEnd: Bool { position >= characters.count }
  /// The current character, NUL at the end (as swift-mustache's parser).
  private var current: Character { atEnd ? "\0" : characters[position] }

  private mutating func parse(_ initial: State) throws(Unsupported) -> [TemplateNode] {
    var nodes: [TemplateNode] = []
    var state = initial
    var whiteSpaceBefore: ArraySlice<Character> = []
    func flushWhiteSpace() {
      if !whiteSpaceBefore.isEmpty {
        nodes.append(.text(Self.bytes(whiteSpaceBefore)))
        whiteSpaceBefore = []
      }
    }
    while !atEnd {
      if state.newLine {
        let whiteSpace = read { $0 == " " || $0 == "\t" }
        if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
          if let indent = state.partialDefinitionIndent {
            whiteSpaceBefore = whiteSpace.dropFirst(indent.count)
          } else {
            state.partialDefinitionIndent = whiteSpace
          }
        } else {
          whiteSpaceBefore = whiteSpace
        }
      }
      let text = try readUntilTagOrNewline()
      if current.isNewline {
        nodes.append(.text(Self.bytes(whiteSpaceBefore) + Self.bytes(text + [current])))
        state.newLine = true
        position += 1
        continue
      }
      if !text.isEmpty {
        nodes.append(.text(Self.bytes(whiteSpaceBefore) + Self.bytes(text)))
        whiteSpaceBefore = []
        state.newLine = false
      }
      if atEnd { break }
      var setNewLine = false
      switch current {
      case "#", "^":
        let inverted = current == "^"
        position += 1
        let name = try readName()
        if isStandalone(state) {
          setNewLine = true
        } else {
          flushWhiteSpace()
        }
        let section = try parse(state.withSectionName(name, newLine: setNewLine))
        nodes.append(.section(TemplateName(name), section, inverted: inverted))
      case "/":
        position += 1
        let name = try readName()
        guard name == state.sectionName else { throw Unsupported() }
        if !isStandalone(state) { flushWhiteSpace() }
        return nodes
      case "!":
        position += 1
        try skipComment()
        setNewLine = isStandalone(state)
      case "{", "&":
        let braced = current == "{"
        flushWhiteSpace()
        position += 1
        let name = try readName()
        if braced {
          guard current == "}" else { throw Unsupported() }
          position += 1
        }
        nodes.append(.variable(TemplateName(name), escaped: false))
      case ">":
        position += 1
        _ = read(\.isWhitespace)
        guard current != "*" else { throw Unsupported() }
        let name = try readPartialName()
        if !whiteSpaceBefore.isEmpty { nodes.append(.text(Self.bytes(whiteSpaceBefore))) }
        if isStandalone(state) {
          setNewLine = true
          nodes.append(
            .partial(name, indentation: String(whiteSpaceBefore), overrides: nil))
        } else {
          nodes.append(.partial(name, indentation: nil, overrides: nil))
        }
        whiteSpaceBefore = []
      case "<":
        position += 1
        _ = read(\.isWhitespace)
        let name = try readPartialName()
        guard name.first != "*" else { throw Unsupported() }
        if !whiteSpaceBefore.isEmpty { nodes.append(.text(Self.bytes(whiteSpaceBefore))) }
        if isStandalone(state) { setNewLine = true }
        var overrides: [String: [TemplateNode]] = [:]
        for node in try parse(state.withInheritancePartial(name)) {
          switch node {
          case .blockDefinition(let block, let body): overrides[block] = body
          case .text: break
          default: throw Unsupported()
          }
        }
        nodes.append(
          .partial(name, indentation: String(whiteSpaceBefore), overrides: overrides))
        whiteSpaceBefore = []
      case "$":
        position += 1
        let name = try readName()
        if state.isPartialDefinitionTopLevel {
          if isStandalone(state) { setNewLine = true }
          let body = try parse(state.withSectionName(name, newLine: setNewLine))
          nodes.append(.blockDefinition(name, body))
        } else {
          if !whiteSpaceBefore.isEmpty { nodes.append(.text(Self.bytes(whiteSpaceBefore))) }
          if isStandalone(state) { setNewLine = true }
          let body = try parse(state.withSectionName(name, newLine: setNewLine))
          nodes.append(.block(name, default: body, indentation: String(whiteSpaceBefore)))
          whiteSpaceBefore = []
        }
      case "=", "%":
        throw Unsupported()
      default:
        flushWhiteSpace()
        let name = try readName()
        nodes.append(.variable(TemplateName(name), escaped: true))
      }
      state.newLine = setNewLine
    }
    guard state.sectionName == nil else { throw Unsupported() }
    return nodes
  }

  private static func bytes(_ characters: ArraySlice<Character>) -> [UInt8] {
    Array(String(characters).utf8)
  }

  private mutating func read(_ test: (Character) -> Bool) -> ArraySlice<Character> {
    let start = position
    while !atEnd, test(characters[position]) { position += 1 }
    return characters[start..<position]
  }

  /// Text up to a newline (left unread) or past an opening `{{`.
  private mutating func readUntilTagOrNewline() throws(Unsupported) -> ArraySlice<Character> {
    var text: [Character] = []
    while !atEnd {
      text += read { $0 != "\n" && $0 != "\r\n" && $0 != "{" }
      if current.isNewline { break }
      if current == "{" {
        guard position + 1 < characters.count else { throw Unsupported() }
        if characters[position + 1] == "{" {
          position += 2
          break
        }
        text.append("{")
        position += 1
      }
    }
    return text[...]
  }

  /// A tag's name and its closing `}}`.
  private mutating func readName() throws(Unsupported) -> String {
    _ = read(\.isWhitespace)
    let name = String(read { Self.nameCharacters.contains($0) })
    _ = read(\.isWhitespace)
    try readClose()
    guard !name.contains("(") else { throw Unsupported() }
    return name
  }

  private mutating func readPartialName() throws(Unsupported) -> String {
    _ = read(\.isWhitespace)
    let name = String(read { Self.partialNameCharacters.contains($0) })
    _ = read(\.isWhitespace)
    try readClose()
    return name
  }

  private mutating func readClose() throws(Unsupported) {
    guard position + 1 < characters.count, characters[position] == "}",
      characters[position + 1] == "}"
    else { throw Unsupported() }
    position += 2
  }

  /// Skips a comment's text and its closing `}}`.
  private mutating func skipComment() throws(Unsupported) {
    while position + 1 < characters.count {
      if characters[position] == "}", characters[position + 1] == "}" {
        position += 2
        return
      }
      position += 1
    }
    throw Unsupported()
  }

  /// Whether a tag stands alone on its line: if so, the rest of the line
  /// (spaces and the newline) is consumed.
  private mutating func isStandalone(_ state: State) -> Bool {
    guard state.newLine else { return false }
    if atEnd { return true }
    var end = position
    while end < characters.count, characters[end] == " " || characters[end] == "\t" { end += 1 }
    guard end < characters.count, characters[end].isNewline else { return false }
    position = end + 1
    return true
  }
}
