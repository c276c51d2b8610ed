/// A sentence a user reads, in each language plansite speaks.
///
/// Messages are written where the rule that finds a problem is written, in
/// both languages at once, so a translation can never go missing: the
/// Vietnamese is what office staff read, the English what `--lang en` prints.
/// Words follow `GLOSSARY-vi.md` (lỗi, cảnh báo, tệp, dòng, trường …).
public struct Message: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The Vietnamese text.
  public var vi: String
  /// The English text.
  public var en: String

  public init(vi: String, en: String) {
    self.vi = vi
    self.en = en
  }

  /// The text in `language`.
  public func text(_ language: Language) -> String {
    switch language {
    case .vi: vi
    case .en: en
    }
  }

  /// The English text (for logs and test failures).
  public var description: String { en }

  /// Two messages joined by `separator` in both languages.
  public static func + (lhs: Message, rhs: Message) -> Message {
    Message(vi: lhs.vi + rhs.vi, en: lhs.en + rhs.en)
  }

  /// The same text in both languages (ids, paths, quoted content).
  public static func verbatim(_ text: String) -> Message {
    Message(vi: text, en: text)
  }
}
