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

  /// A warning for a figure whose comma may group thousands (`1,200`).
  ///
  /// English-language spreadsheets write thousands so; here `1,200` is
  /// read as 1,2. Nil when no number in `text` is one to three digits, a
  /// comma and three digits.
  public static func commaMaybeThousands(_ text: String, at location: SourceLocation)
    -> Diagnostic?
  {
    let tokens = text.split { !($0.isASCII && ($0.isNumber || $0 == "," || $0 == ".")) }
    guard
      let token = tokens.first(where: { token in
        let parts = token.split(separator: ",", omittingEmptySubsequences: false)
        return parts.count == 2 && (1...3).contains(parts[0].count) && parts[1].count == 3
          && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
      })
    else { return nil }
    let grouped = String(token).replacingAll(",", with: ".")
    return .warning(
      vi: "'\(token)' được đọc là \(read(token)): dấu phẩy ngăn phần thập phân",
      en: "'\(token)' is read as \(read(token)): a comma marks the decimals", at: location,
      notes: [
        Diagnostic.Note(
          vi: "nếu là số hàng nghìn, viết \(grouped); nếu đúng là số thập phân, thêm số 0 ở "
            + "cuối (\(token)0) để không còn cảnh báo này",
          en: "if it is thousands, write \(grouped); if it is a decimal number, add a 0 at the "
            + "end (\(token)0) and this warning goes")
      ])
  }

  /// A number as read, in the form figures are shown (`1,2`).
  private static func read(_ token: Substring) -> String {
    IndicatorValue(parsing: String(token))?.description ?? String(token)
  }
}
