import Yams

/// A YAML document as the readers see it: texts, lists and mappings, each
/// with where it starts.
///
/// Tags and anchors are left out (every value is read as text and typed by
/// `MappingReader`; an alias is replaced by what it names). Made by
/// `YAMLComposer` from libyaml's events, or converted from Yams' `Node`
/// (`init(_:)`) when the composer leaves a text to Yams.
indirect enum YAMLNode: Equatable {
  case scalar(Scalar)
  case mapping(Mapping)
  case sequence(List)

  /// A text, as written (unquoted, unescaped), with its style.
  struct Scalar: Equatable {
    let string: String
    let style: Node.Scalar.Style
    let mark: YAMLMark?
  }

  /// Keys and values in file order.
  struct Mapping: Equatable {
    let pairs: [Pair]
    let mark: YAMLMark?

    static func == (lhs: Mapping, rhs: Mapping) -> Bool {
      lhs.mark == rhs.mark
        && lhs.pairs.elementsEqual(rhs.pairs) { $0.key == $1.key && $0.value == $1.value }
    }
  }

  typealias Pair = (key: YAMLNode, value: YAMLNode)

  /// Items in file order.
  struct List: Equatable {
    let items: [YAMLNode]
    let mark: YAMLMark?
  }

  /// Where the node starts.
  var mark: YAMLMark? {
    switch self {
    case .scalar(let scalar): scalar.mark
    case .mapping(let mapping): mapping.mark
    case .sequence(let list): list.mark
    }
  }

  /// The text, when the node is one.
  var scalar: Scalar? {
    if case .scalar(let scalar) = self { return scalar }
    return nil
  }

  /// Yams' node, with aliases replaced by what they name.
  init(_ node: Node) {
    switch node {
    case .scalar(let scalar):
      self = .scalar(
        Scalar(string: scalar.string, style: scalar.style, mark: scalar.mark.map(YAMLMark.init)))
    case .mapping(let mapping):
      self = .mapping(
        Mapping(
          pairs: mapping.map { (YAMLNode($0.key), YAMLNode($0.value)) },
          mark: mapping.mark.map(YAMLMark.init)))
    case .sequence(let sequence):
      self = .sequence(
        List(items: sequence.map { YAMLNode($0) }, mark: sequence.mark.map(YAMLMark.init)))
    case .alias(let alias):
      // Not reached: Yams' composer gives the named node itself (an alias
      // node is only made by hand, for its emitter).
      self = .scalar(
        Scalar(
          string: "*\(alias.anchor.rawValue)", style: .plain, mark: alias.mark.map(YAMLMark.init)))
    }
  }
}

/// A place in YAML text: line and column from 1 (columns count Unicode
/// scalars, as libyaml does).
struct YAMLMark: Equatable {
  let line: Int
  let column: Int
}

extension YAMLMark {
  /// The place of a Yams mark (in its nodes and errors).
  init(_ mark: Mark) {
    self.init(line: mark.line, column: mark.column)
  }
}
