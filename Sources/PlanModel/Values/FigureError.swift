import SiteCore

extension IndicatorValue {
  /// What kind of figure a field asks for, which decides the hint when the
  /// text is not one.
  public enum Expected: Sendable {
    /// A reported figure: a plain number is expected.
    case reported
    /// A target or a baseline: ranges and qualifiers are common.
    case target
  }

  /// The error for `text`, at `location`, that is not a figure.
  public static func notAFigure(_ text: String, at location: SourceLocation, expected: Expected)
    -> Diagnostic
  {
    let note: Diagnostic.Note
    switch expected {
    case .reported:
      note = Diagnostic.Note(
        vi: "ghi số theo cách viết Việt Nam, ví dụ 7,9 hoặc 1.150",
        en: "write a number Vietnamese-style, like 7,9 or 1.150")
    case .target:
      note = Diagnostic.Note(
        vi: "ghi số theo cách viết Việt Nam (10,5 hoặc 29.211), một khoảng (165-190), hoặc "
          + "kèm từ chỉ mức (từ 12 trở lên, trên 12, khoảng 1.150, dưới 5)",
        en: "write a number Vietnamese-style (10,5 or 29.211), a range (165-190), or a "
          + "qualified figure (từ 12 trở lên, trên 12, khoảng 1.150, dưới 5)")
    }
    return .error(
      vi: "'\(text)' không phải là một số liệu", en: "'\(text)' is not a figure", at: location,
      notes: [note])
  }
}
