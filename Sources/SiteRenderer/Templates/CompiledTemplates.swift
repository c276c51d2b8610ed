import Mustache
import SiteCore

/// The templates compiled once per build and rendered straight into bytes.
///
/// Renders the same output as swift-mustache (which still parses and checks
/// every template, and renders any template set this cannot compile), for
/// the contexts page views build: dictionaries of strings, numbers,
/// booleans, arrays and dictionaries. It is faster because it looks names
/// up in dictionaries directly, escapes bytes instead of characters and
/// appends to one buffer. One difference, on purpose: swift-mustache
/// escapes by Swift character, so a `"` or `<` followed by a combining mark
/// is left unescaped; here every `< > & " '` byte is escaped.
///
/// Every template is flattened into one `Program`: a list of plain
/// operations (no references to count while rendering), whose sections
/// and blocks hold their bodies as the operations that follow them.
struct CompiledTemplates: Sendable {
  private let program: Program
  /// How deep partials may include partials before a page fails.
  static let depthLimit = 200

  /// Compiles every template, or returns nil when one uses a construct
  /// only swift-mustache renders.
  init?(sources: [String: String]) {
    var templates: [String: [TemplateNode]] = [:]
    for (name, text) in sources {
      guard let nodes = try? TemplateParser.parse(text) else { return nil }
      templates[name] = nodes
    }
    program = Program(templates)
  }

  /// A partial that kept including partials, `depthLimit` deep:
  /// a loop the data never ends (`TemplateLint.checkLoops` reports the
  /// loops that do not depend on the data before any page renders).
  struct Loop: Error {
    let template: String
  }

  /// Renders `context` with the template `name`; nil if there is no such template.
  func render(_ context: [String: Any], with name: String) throws(Loop) -> [UInt8]? {
    guard let range = program.templates[name] else { return nil }
    let program = program
    let (output, loop) = program.ops.withUnsafeBufferPointer { ops in
      program.text.withUnsafeBufferPointer { text in
        program.names.withUnsafeBufferPointer { names in
          program.partials.withUnsafeBufferPointer { partials in
            var renderer = Renderer(
              program: program, ops: ops, text: text, names: names, partials: partials,
              stack: [.fields(context)])
            renderer.output.reserveCapacity(16 * 1024)
            renderer.render(range, Frame(indentation: nil, inherited: nil))
            return (renderer.output, renderer.loop)
          }
        }
      }
    }
    if let loop { throw Loop(template: loop) }
    return output
  }
}

/// Every template as one list of operations.
private struct Program: Sendable {
  /// One step of rendering.
  ///
  /// Plain values only: reading one counts no references.
  struct Op {
    enum Kind: UInt8 {
      /// `text[a ..< a + b]`.
      case text
      /// The value of `names[a]`, escaped.
      case escaped
      /// The value of `names[a]`, as it is.
      case raw
      /// `{{#names[a]}}`: the body is the operations up to `b`.
      case section
      /// `{{^names[a]}}`: the body is the operations up to `b`.
      case inverted
      /// `partials[a]` (its override bodies are the operations up to `b`).
      case partial
      /// `blocks[a]`: its default body is the operations up to `b`.
      case block
      /// Operations up to `b` that only a partial's overrides render.
      case skip
    }
    var kind: Kind
    var a: Int32
    var b: Int32
  }

  /// A name looked up while rendering.
  struct Name {
    let scope: TemplateName.Scope
    /// The first part (none for `{{.}}`), and the parts after it.
    let first: String?
    let rest: [String]
  }

  /// `{{> name}}` or `{{< name}}…{{/name}}`.
  struct Partial {
    let name: String
    /// The template's operations; nil when there is no such template
    /// (it renders nothing, as with swift-mustache).
    var target: Range<Int>?
    let indentation: [UInt8]?
    /// The blocks this partial overrides, by name.
    let overrides: [String: Range<Int>]?
  }

  /// `{{$name}}default{{/name}}`.
  struct Block {
    let name: String
    let indentation: [UInt8]?
  }

  private(set) var ops: [Op] = []
  private(set) var text: [UInt8] = []
  private(set) var names: [Name] = []
  private(set) var partials: [Partial] = []
  private(set) var blocks: [Block] = []
  /// Each template's operations, by its name.
  private(set) var templates: [String: Range<Int>] = [:]

  init(_ sources: [String: [TemplateNode]]) {
    // Sorted: the same program whatever the dictionary's order.
    for (name, nodes) in sources.sorted(by: { $0.key < $1.key }) {
      templates[name] = emit(nodes)
    }
    for index in partials.indices { partials[index].target = templates[partials[index].name] }
  }

  /// Appends `nodes` as operations; returns where they are.
  private mutating func emit(_ nodes: [TemplateNode]) -> Range<Int> {
    let start = ops.count
    for node in nodes { emit(node) }
    return start..<ops.count
  }

  private mutating func emit(_ node: TemplateNode) {
    switch node {
    case .text(let bytes):
      ops.append(Op(kind: .text, a: Int32(text.count), b: Int32(bytes.count)))
      text += bytes
    case .variable(let name, let escaped):
      ops.append(Op(kind: escaped ? .escaped : .raw, a: add(name), b: 0))
    case .section(let name, let body, let inverted):
      let op = open(inverted ? .inverted : .section, add(name))
      _ = emit(body)
      close(op)
    case .partial(let name, let indentation, let overrides):
      // Its place taken first: the override bodies may hold partials too.
      let index = partials.count
      partials.append(Partial(name: name, target: nil, indentation: nil, overrides: nil))
      let op = open(.partial, Int32(index))
      var ranges: [String: Range<Int>]?
      if let overrides {
        ranges = [:]
        for (block, body) in overrides.sorted(by: { $0.key < $1.key }) {
          ranges?[block] = emit(body)
        }
      }
      close(op)
      partials[index] = Partial(
        name: name, target: nil, indentation: indentation.map { Array($0.utf8) },
        overrides: ranges)
    case .block(let name, let body, let indentation):
      blocks.append(Block(name: name, indentation: indentation.map { Array($0.utf8) }))
      let op = open(.block, Int32(blocks.count - 1))
      _ = emit(body)
      close(op)
    case .blockDefinition(_, let body):
      let op = open(.skip, 0)
      _ = emit(body)
      close(op)
    }
  }

  /// An operation whose body the next operations emitted are (see `close`).
  private mutating func open(_ kind: Op.Kind, _ a: Int32) -> Int {
    ops.append(Op(kind: kind, a: a, b: 0))
    return ops.count - 1
  }

  /// Ends the body of the operation at `index` here.
  private mutating func close(_ index: Int) {
    ops[index].b = Int32(ops.count)
  }

  private mutating func add(_ name: TemplateName) -> Int32 {
    names.append(
      Name(scope: name.scope, first: name.parts.first, rest: Array(name.parts.dropFirst())))
    return Int32(names.count - 1)
  }
}

/// What a partial or block changes for what it renders.
private struct Frame {
  var indentation: [UInt8]?
  /// The bodies of the blocks an enclosing partial overrides, by name.
  var inherited: [String: Range<Int>]?
}

/// An object a section entered, with its fields when it is a dictionary:
/// cast from `Any` once when entered, not at every name looked up in it.
private enum Entered {
  case fields([String: Any])
  case other(Any)

  init(_ object: Any) {
    if let fields = object as? [String: Any] {
      self = .fields(fields)
    } else {
      self = .other(object)
    }
  }

  var object: Any {
    switch self {
    case .fields(let fields): fields
    case .other(let object): object
    }
  }
}

private struct Renderer {
  let program: Program
  /// The program's tables, read in place while a page renders.
  let ops: UnsafeBufferPointer<Program.Op>
  let text: UnsafeBufferPointer<UInt8>
  let names: UnsafeBufferPointer<Program.Name>
  let partials: UnsafeBufferPointer<Program.Partial>
  /// The objects sections entered, innermost last.
  var stack: [Entered]
  var output: [UInt8] = []
  /// How many partials are being rendered inside each other.
  var depth = 0
  /// The partial that went `depthLimit` deep, if one did: rendering stops.
  var loop: String?

  mutating func render(_ range: Range<Int>, _ frame: Frame) {
    var index = range.lowerBound
    guard let indentation = frame.indentation, !indentation.isEmpty else {
      while index < range.upperBound { index = render(at: index, frame) }
      return
    }
    // swift-mustache indents each node's output that starts a new line of
    // this template's own output.
    let start = output.count
    while index < range.upperBound {
      let before = output.count
      let newLine =
        before > start && output[before - 1] == 0x0A
        && !(before - 1 > start && output[before - 2] == 0x0D)
      index = render(at: index, frame)
      if newLine, output.count > before {
        output.insert(contentsOf: indentation, at: before)
      }
    }
  }

  /// Renders the operation at `index` (with its body); returns the index
  /// of the operation after it.
  private mutating func render(at index: Int, _ frame: Frame) -> Int {
    let op = ops[index]
    switch op.kind {
    case .text:
      let start = Int(op.a)
      output.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<start + Int(op.b)]))
      return index + 1
    case .escaped, .raw:
      if let value = lookup(names[Int(op.a)]) { append(value, escaped: op.kind == .escaped) }
      return index + 1
    case .section:
      renderSection(lookup(names[Int(op.a)]), index + 1..<Int(op.b), frame)
    case .inverted:
      renderInverted(lookup(names[Int(op.a)]), index + 1..<Int(op.b), frame)
    case .partial:
      renderPartial(Int(op.a), frame)
    case .block:
      let block = program.blocks[Int(op.a)]
      var inner = frame
      if let indentation = block.indentation {
        inner.indentation = (frame.indentation ?? []) + indentation
      }
      render(frame.inherited?[block.name] ?? index + 1..<Int(op.b), inner)
    case .skip:
      break
    }
    return Int(op.b)
  }

  private mutating func renderPartial(_ index: Int, _ frame: Frame) {
    guard loop == nil, let target = partials[index].target else { return }
    guard depth < CompiledTemplates.depthLimit else {
      loop = partials[index].name
      return
    }
    depth += 1
    defer { depth -= 1 }
    var inner = frame
    if let indentation = partials[index].indentation {
      inner.indentation = (frame.indentation ?? []) + indentation
    }
    if let overrides = partials[index].overrides {
      inner.inherited = frame.inherited?.merging(overrides) { outer, _ in outer } ?? overrides
    }
    render(target, inner)
  }

  /// swift-mustache's section rule, with the common cases tried first: a
  /// list renders once per item, a boolean decides, nothing renders
  /// nothing, any other value is entered.
  ///
  /// The value's exact type is compared first: a cast that fails (a
  /// boolean tried as a list) costs more than the comparison.
  private mutating func renderSection(_ value: Any?, _ body: Range<Int>, _ frame: Frame) {
    guard let value else { return }
    let type = Swift.type(of: value)
    if type == [[String: Any]].self, let list = value as? [[String: Any]] {
      for item in list { renderPushed(.fields(item), body, frame) }
    } else if type == Bool.self, let flag = value as? Bool {
      if flag { render(body, frame) }
    } else if type == [String: Any].self, let fields = value as? [String: Any] {
      renderPushed(.fields(fields), body, frame)
    } else if type == String.self || type == Int.self {
      renderPushed(.other(value), body, frame)
    } else if let list = value as? [[String: Any]] {
      for item in list { renderPushed(.fields(item), body, frame) }
    } else if let list = value as? [Any] {
      for item in list { renderPushed(Entered(item), body, frame) }
    } else if let flag = value as? Bool {
      if flag { render(body, frame) }
    } else if let fields = value as? [String: Any] {
      renderPushed(.fields(fields), body, frame)
    } else if value is String || value is Int {
      renderPushed(.other(value), body, frame)
    } else if let sequence = value as? any MustacheSequence {
      for item in Self.items(sequence) { renderPushed(Entered(item), body, frame) }
    } else if let null = value as? MustacheCustomRenderable, null.isNull {
      return
    } else {
      renderPushed(Entered(value), body, frame)
    }
  }

  /// swift-mustache's inverted-section rule: renders for nothing, false, or
  /// an empty list (entered, as swift-mustache does).
  private mutating func renderInverted(_ value: Any?, _ body: Range<Int>, _ frame: Frame) {
    guard let value else { return render(body, frame) }
    if let flag = value as? Bool {
      if !flag { render(body, frame) }
    } else if let sequence = value as? any MustacheSequence {
      if Self.items(sequence).isEmpty { renderPushed(Entered(value), body, frame) }
    } else if let null = value as? MustacheCustomRenderable, null.isNull {
      render(body, frame)
    }
  }

  private static func items<List: Sequence>(_ list: List) -> [Any] { list.map { $0 } }

  private mutating func renderPushed(_ item: Entered, _ body: Range<Int>, _ frame: Frame) {
    stack.append(item)
    render(body, frame)
    stack.removeLast()
  }

  // MARK: Names

  private func lookup(_ name: Program.Name) -> Any? {
    switch name.scope {
    case .current:
      return stack.last?.object
    case .anchored:
      guard !stack.isEmpty, let first = name.first else { return stack.last?.object }
      guard let child = child(first, at: stack.count - 1) else { return nil }
      return name.rest.isEmpty ? child : resolve(name.rest, from: child)
    case .stack:
      guard let first = name.first else { return stack.last?.object }
      // By index, innermost first: the entered objects are read in place.
      var level = stack.count
      while level > 0 {
        level -= 1
        if let child = child(first, at: level) {
          return name.rest.isEmpty ? child : resolve(name.rest, from: child)
        }
      }
      return nil
    }
  }

  private func child(_ name: String, at level: Int) -> Any? {
    switch stack[level] {
    case .fields(let fields): fields[name]
    case .other(let object): Self.child(name, of: object)
    }
  }

  private func resolve(_ parts: [String], from object: Any) -> Any? {
    var object = object
    for part in parts {
      guard let child = Self.child(part, of: object) else { return nil }
      object = child
    }
    return object
  }

  /// swift-mustache's child rule: a dictionary's value, else a stored
  /// property found by reflection.
  private static func child(_ name: String, of object: Any) -> Any? {
    if let dictionary = object as? [String: Any] { return dictionary[name] }
    if object is String || object is Bool || object is Int { return nil }
    if let parent = object as? MustacheParent { return parent.child(named: name) }
    guard let matched = Mirror(reflecting: object).children.first(where: { $0.label == name })
    else { return nil }
    let value = Mirror(reflecting: matched.value)
    guard value.displayStyle == .optional else { return matched.value }
    return value.children.first?.value
  }

  // MARK: Output

  private mutating func append(_ value: Any, escaped: Bool) {
    let text: String
    if let string = value as? String {
      text = string
    } else if let number = value as? Int {
      text = String(number)
    } else if let optional = value as? any OptionalValue {
      text = String(describing: optional.wrapped ?? value)
    } else {
      text = String(describing: value)
    }
    if escaped {
      HTMLEscaping.append(text, to: &output)
    } else {
      output.append(contentsOf: text.utf8)
    }
  }
}

/// An optional seen through `Any`: rendered as its value (or `nil`), as
/// swift-mustache does.
private protocol OptionalValue {
  var wrapped: Any? { get }
}

extension Optional: OptionalValue {
  var wrapped: Any? { self }
}
