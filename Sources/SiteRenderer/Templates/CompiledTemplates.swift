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
struct CompiledTemplates: Sendable {
  private let templates: [String: [TemplateNode]]
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
    self.templates = templates
  }

  /// A partial that kept including partials, `depthLimit` deep:
  /// a loop the data never ends (`TemplateLint.checkLoops` reports the
  /// loops that do not depend on the data before any page renders).
  struct Loop: Error {
    let template: String
  }

  /// Renders `context` with the template `name`; nil if there is no such template.
  func render(_ context: [String: Any], with name: String) throws(Loop) -> [UInt8]? {
    guard let nodes = templates[name] else { return nil }
    var renderer = Renderer(templates: templates, stack: [.fields(context)])
    renderer.output.reserveCapacity(16 * 1024)
    renderer.render(nodes, Frame(indentation: nil, inherited: nil))
    if let loop = renderer.loop { throw Loop(template: loop) }
    return renderer.output
  }
}

/// What a partial or block changes for what it renders.
private struct Frame {
  var indentation: [UInt8]?
  var inherited: [String: [TemplateNode]]?
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
  let templates: [String: [TemplateNode]]
  /// The objects sections entered, innermost last.
  var stack: [Entered]
  var output: [UInt8] = []
  /// How many partials are being rendered inside each other.
  var depth = 0
  /// The partial that went `depthLimit` deep, if one did: rendering stops.
  var loop: String?

  mutating func render(_ nodes: [TemplateNode], _ frame: Frame) {
    guard let indentation = frame.indentation, !indentation.isEmpty else {
      for node in nodes { render(node, frame) }
      return
    }
    // swift-mustache indents each node's output that starts a new line of
    // this template's own output.
    let start = output.count
    for node in nodes {
      let before = output.count
      let newLine =
        before > start && output[before - 1] == 0x0A
        && !(before - 1 > start && output[before - 2] == 0x0D)
      render(node, frame)
      if newLine, output.count > before {
        output.insert(contentsOf: indentation, at: before)
      }
    }
  }

  private mutating func render(_ node: TemplateNode, _ frame: Frame) {
    switch node {
    case .text(let bytes):
      output.append(contentsOf: bytes)
    case .variable(let name, let escaped):
      guard let value = lookup(name) else { return }
      append(value, escaped: escaped)
    case .section(let name, let nodes, let inverted):
      let value = lookup(name)
      if inverted {
        renderInverted(value, nodes, frame)
      } else {
        renderSection(value, nodes, frame)
      }
    case .partial(let name, let indentation, let overrides):
      guard loop == nil, let nodes = templates[name] else { return }
      guard depth < CompiledTemplates.depthLimit else {
        loop = name
        return
      }
      depth += 1
      defer { depth -= 1 }
      var inner = frame
      if let indentation {
        inner.indentation = (frame.indentation ?? []) + Array(indentation.utf8)
      }
      if let overrides {
        inner.inherited = frame.inherited?.merging(overrides) { outer, _ in outer } ?? overrides
      }
      render(nodes, inner)
    case .block(let name, let nodes, let indentation):
      var inner = frame
      if let indentation {
        inner.indentation = (frame.indentation ?? []) + Array(indentation.utf8)
      }
      render(frame.inherited?[name] ?? nodes, inner)
    case .blockDefinition:
      return
    }
  }

  /// swift-mustache's section rule, with the common cases tried first: a
  /// list renders once per item, a boolean decides, nothing renders
  /// nothing, any other value is entered.
  private mutating func renderSection(_ value: Any?, _ nodes: [TemplateNode], _ frame: Frame) {
    guard let value else { return }
    if let list = value as? [[String: Any]] {
      for item in list { renderPushed(.fields(item), nodes, frame) }
    } else if let list = value as? [Any] {
      for item in list { renderPushed(Entered(item), nodes, frame) }
    } else if let flag = value as? Bool {
      if flag { render(nodes, frame) }
    } else if let fields = value as? [String: Any] {
      renderPushed(.fields(fields), nodes, frame)
    } else if value is String || value is Int {
      renderPushed(.other(value), nodes, frame)
    } else if let sequence = value as? any MustacheSequence {
      for item in Self.items(sequence) { renderPushed(Entered(item), nodes, frame) }
    } else if let null = value as? MustacheCustomRenderable, null.isNull {
      return
    } else {
      renderPushed(Entered(value), nodes, frame)
    }
  }

  /// swift-mustache's inverted-section rule: renders for nothing, false, or
  /// an empty list (entered, as swift-mustache does).
  private mutating func renderInverted(_ value: Any?, _ nodes: [TemplateNode], _ frame: Frame) {
    guard let value else { return render(nodes, frame) }
    if let flag = value as? Bool {
      if !flag { render(nodes, frame) }
    } else if let sequence = value as? any MustacheSequence {
      if Self.items(sequence).isEmpty { renderPushed(Entered(value), nodes, frame) }
    } else if let null = value as? MustacheCustomRenderable, null.isNull {
      render(nodes, frame)
    }
  }

  private static func items<List: Sequence>(_ list: List) -> [Any] { list.map { $0 } }

  private mutating func renderPushed(_ item: Entered, _ nodes: [TemplateNode], _ frame: Frame) {
    stack.append(item)
    render(nodes, frame)
    stack.removeLast()
  }

  // MARK: Names

  private func lookup(_ name: TemplateName) -> Any? {
    switch name.scope {
    case .current:
      return stack.last?.object
    case .anchored:
      guard let top = stack.last, let first = name.parts.first else { return stack.last?.object }
      guard let child = Self.child(first, of: top) else { return nil }
      return resolve(name.parts.dropFirst(), from: child)
    case .stack:
      guard let first = name.parts.first else { return stack.last?.object }
      for entered in stack.reversed() {
        if let child = Self.child(first, of: entered) {
          return resolve(name.parts.dropFirst(), from: child)
        }
      }
      return nil
    }
  }

  private static func child(_ name: String, of entered: Entered) -> Any? {
    switch entered {
    case .fields(let fields): fields[name]
    case .other(let object): child(name, of: object)
    }
  }

  private func resolve(_ parts: ArraySlice<String>, from object: Any) -> Any? {
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
