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
    case .reported where !text.contains(where: \.isNumber):
      // "chưa có số liệu": a figure not yet known is no figure (a form's
      // cell is left blank; a report file's entry needs a value).
      note =
        location.file.hasSuffix(".md")
        ? Diagnostic.Note(
          vi: "chỉ ghi số (ví dụ 7,9 hoặc 1.150); chưa có số liệu thì bỏ mục này",
          en: "write a number alone (like 7,9 or 1.150); remove the entry if there is no figure yet"
        )
        : Diagnostic.Note(
          vi: "chỉ ghi số (ví dụ 7,9 hoặc 1.150); chưa có số liệu thì để trống",
          en: "write a number alone (like 7,9 or 1.150); leave it blank if there is no figure yet")
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
    let meant = likelyMeant(text).map { fixed, why in
      Diagnostic.Note(
        Message(vi: "có phải là '\(fixed)'? (", en: "did you mean '\(fixed)'? (") + why
          + Message(vi: ")", en: ")"))
    }
    return .error(
      vi: "'\(text)' không phải là một số liệu", en: "'\(text)' is not a figure", at: location,
      notes: meant.map { [$0] } ?? [note])
  }

  /// The figure `text` most likely means, written as figures are, and why:
  /// a comparison sign for its words (`≥ 90` → `từ 90 trở lên`), a decimal
  /// point for the comma (`3.2` → `3,2`), a unit after the number
  /// (`1.200 tỷ đồng` → `1.200`).
  static func likelyMeant(_ text: String) -> (String, Message)? {
    let trimmed = text.trimmingWhitespace
    let signs: [(String, String, String)] = [
      ("≥", "từ ", " trở lên"), (">=", "từ ", " trở lên"), ("≤", "tối đa ", ""),
      ("<=", "tối đa ", ""), (">", "trên ", ""), ("<", "dưới ", ""), ("~", "khoảng ", ""),
      ("≈", "khoảng ", ""),
    ]
    for (sign, before, after) in signs where trimmed.hasPrefix(sign) {
      var rest = String(trimmed.dropFirst(sign.count)).trimmingWhitespace
      if rest.hasSuffix("%") { rest = String(rest.dropLast()).trimmingWhitespace }
      let fixed = before + rest + after
      guard IndicatorValue(parsing: fixed) != nil else { return nil }
      return (
        fixed,
        Message(
          vi: "dấu so sánh ghi bằng chữ", en: "a comparison is written in words")
      )
    }
    let decimal = trimmed.replacingAll(".", with: ",")
    if trimmed.contains("."), !trimmed.contains(","), IndicatorValue(parsing: decimal) != nil {
      return (
        decimal,
        Message(
          vi: "phần thập phân ngăn bằng dấu phẩy; dấu chấm ngăn hàng nghìn",
          en: "a comma marks the decimals; a point groups thousands")
      )
    }
    // A unit after the number: the longest start that is a figure.
    var words = trimmed.split(separator: " ").map(String.init)
    while words.count > 1 {
      words.removeLast()
      let start = words.joined(separator: " ")
      if IndicatorValue(parsing: start) != nil {
        return (
          start,
          Message(
            vi: "chỉ ghi số: đơn vị tính đã ghi ở chỉ tiêu",
            en: "write the number alone: the indicator gives its unit")
        )
      }
    }
    return nil
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
        // `0,125` groups no thousands.
        return parts.count == 2 && (1...3).contains(parts[0].count) && parts[1].count == 3
          && parts.allSatisfy { $0.allSatisfy(\.isNumber) } && parts[0].contains { $0 != "0" }
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
