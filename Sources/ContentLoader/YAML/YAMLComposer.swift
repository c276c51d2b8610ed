// Yams' C target: the libyaml it is built on. Not one of its products, so
// not declared in Package.swift; it is built and linked whenever Yams is.
import CYaml
import Yams

/// Composes a YAML document into `YAMLNode`s straight from libyaml's events.
///
/// Yams composes the same events into its `Node`s, with a tag object and a
/// weakly held anchor per node, Foundation's decoding for every text and a
/// dictionary per mapping to find keys written twice. With every commune
/// reporting, that took more of a clean build than libyaml's parsing
/// itself (docs/ARCHITECTURE.md, "Reading YAML"). This reads the events of
/// the same libyaml (Yams' `CYaml`) into the plain tree the readers need.
///
/// Only what content files hold is composed here. Anything else gives
/// `nil`, and `YAMLSource` composes the text with Yams instead, which
/// reports every error as it always has: a syntax error, a second
/// document, an alias, a key that is not a text, a key written twice
/// (two keys of the same text; Yams then decides, by their tags), a text
/// starting with U+FEFF (which Yams' decoding drops).
enum YAMLComposer {
  /// The document's root (nil for a text with no document), or nil when
  /// the text is left to Yams.
  static func compose(_ yaml: String) -> YAMLNode?? {
    var text = yaml
    return text.withUTF8 { utf8 -> YAMLNode?? in
      // An empty text is no document (libyaml wants a buffer to read).
      guard let base = utf8.baseAddress, !utf8.isEmpty else { return .some(nil) }
      let events = Events()
      guard events.start(base, count: utf8.count) else { return nil }
      // Stream start, then a document or the stream's end.
      guard events.next(), events.type == YAML_STREAM_START_EVENT, events.next() else {
        return nil
      }
      if events.type == YAML_STREAM_END_EVENT { return .some(nil) }
      guard events.type == YAML_DOCUMENT_START_EVENT, events.next(),
        let root = events.node(),
        events.next(), events.type == YAML_DOCUMENT_END_EVENT,
        events.next(), events.type == YAML_STREAM_END_EVENT
      else { return nil }
      return .some(root)
    }
  }

  /// libyaml's parser and its current event.
  private final class Events {
    private var parser = yaml_parser_t()
    private var event = yaml_event_t()
    private var started = false
    private var holdsEvent = false

    func start(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
      guard yaml_parser_initialize(&parser) == 1 else { return false }
      started = true
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      yaml_parser_set_input_string(&parser, bytes, count)
      return true
    }

    // The parser reads the text in place, but only while parsing: it is
    // done with it once the last event is read, before this is freed.
    deinit {
      if holdsEvent { yaml_event_delete(&event) }
      if started { yaml_parser_delete(&parser) }
    }

    /// Reads the next event; false on a syntax error.
    func next() -> Bool {
      if holdsEvent { yaml_event_delete(&event) }
      holdsEvent = yaml_parser_parse(&parser, &event) == 1
      return holdsEvent
    }

    var type: yaml_event_type_t { event.type }

    private var mark: YAMLMark {
      YAMLMark(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
    }

    /// The node that starts at the current event, its last event read.
    func node() -> YAMLNode? {
      switch event.type {
      case YAML_SCALAR_EVENT:
        return scalar().map(YAMLNode.scalar)
      case YAML_SEQUENCE_START_EVENT:
        let mark = mark
        var items: [YAMLNode] = []
        while next() {
          if event.type == YAML_SEQUENCE_END_EVENT {
            return .sequence(YAMLNode.List(items: items, mark: mark))
          }
          guard let item = node() else { return nil }
          items.append(item)
        }
        return nil
      case YAML_MAPPING_START_EVENT:
        let mark = mark
        var pairs: [YAMLNode.Pair] = []
        // Keys are looked for among the earlier ones; in a long mapping,
        // in a set of them.
        var keys: Set<String>?
        while next() {
          if event.type == YAML_MAPPING_END_EVENT {
            return .mapping(YAMLNode.Mapping(pairs: pairs, mark: mark))
          }
          guard event.type == YAML_SCALAR_EVENT, let key = scalar() else { return nil }
          let repeated =
            keys.map { $0.contains(key.string) }
            ?? pairs.contains { $0.key.scalar?.string == key.string }
          guard !repeated, next(), let value = node() else { return nil }
          pairs.append((.scalar(key), value))
          if keys != nil {
            keys?.insert(key.string)
          } else if pairs.count == 16 {
            keys = Set(pairs.compactMap { $0.key.scalar?.string })
          }
        }
        return nil
      default:
        // An alias, or an event no node starts with.
        return nil
      }
    }

    /// The current event's text; nil for one that starts with U+FEFF (a
    /// byte order mark), left to Yams: Foundation's decoding, which Yams
    /// uses, drops it, so a key or value starting with one reads as the
    /// same text without it.
    private func scalar() -> YAMLNode.Scalar? {
      let value = event.data.scalar
      let bytes = UnsafeBufferPointer(start: value.value, count: value.length)
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return nil }
      // libyaml checked the input is UTF-8; a text may hold a NUL ("\0").
      let string = bytes.isEmpty ? "" : String(decoding: bytes, as: UTF8.self)
      return YAMLNode.Scalar(
        string: string,
        style: Node.Scalar.Style(rawValue: numericCast(value.style.rawValue)) ?? .any, mark: mark)
    }
  }
}
