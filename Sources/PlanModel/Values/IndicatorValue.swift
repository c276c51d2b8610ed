/// A figure as Vietnamese plans write it: `10,5`, `29.211`, `165–190`,
/// `từ 12 trở lên`, `trên 12`, `khoảng 1.150`, `dưới 5`, `tối đa 3`.
public struct IndicatorValue: Hashable, Sendable, Codable, CustomStringConvertible {
  /// How the number(s) bound the figure.
  public enum Qualifier: String, Hashable, Sendable, Codable {
    case exact, about, atLeast, above, atMost, below
  }

  public var qualifier: Qualifier
  /// The number, or the low end of a range.
  public var low: Double
  /// The high end of a range, if it is one.
  public var high: Double?
  /// The figure as its file or cell writes it (spaces tidied), if it was
  /// read from text: pages and data files show the document's own words
  /// (`tối thiểu 85`, `165-190`), never a rewording of them.
  public var written: String?

  public init(
    _ qualifier: Qualifier = .exact, low: Double, high: Double? = nil, written: String? = nil
  ) {
    self.qualifier = qualifier
    self.low = low
    self.high = high
    self.written = written
  }

  /// What pages and data files show: the figure as written, else as
  /// `description` writes it.
  public var shown: String { written ?? description }

  /// Parses the Vietnamese wording; `nil` if it is not a figure.
  public init?(parsing input: String) {
    let tidy = input.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    var text = tidy.lowercased()
    // Shown without its `%`: pages write the indicator's unit after it.
    let written = tidy.replacingAll("%", with: "").split(separator: " ").joined(separator: " ")
    var qualifier = Qualifier.exact
    // Only `từ … đến …` (or `khoảng`) may bound a range: `trên 165-190`
    // has no reading the site could judge.
    var rangeAllowed = true
    let prefixes: [(String, Qualifier)] = [
      ("khoảng", .about), ("xấp xỉ", .about), ("trên", .above), ("hơn", .above),
      ("dưới", .below), ("tối đa", .atMost), ("không quá", .atMost), ("tối thiểu", .atLeast),
      ("ít nhất", .atLeast), ("đạt", .exact), ("từ", .atLeast),
    ]
    for (word, q) in prefixes where text.hasPrefix(word + " ") {
      qualifier = q
      rangeAllowed = q == .exact || q == .about || word == "từ"
      text = String(text.dropFirst(word.count)).trimmingWhitespace
      break
    }
    for suffix in ["trở lên"] where text.hasSuffix(" " + suffix) {
      qualifier = .atLeast
      rangeAllowed = false
      text = String(text.dropLast(suffix.count)).trimmingWhitespace
    }
    for suffix in ["trở xuống"] where text.hasSuffix(" " + suffix) {
      qualifier = .atMost
      rangeAllowed = false
      text = String(text.dropLast(suffix.count)).trimmingWhitespace
    }
    if text.hasSuffix("%") { text = String(text.dropLast()).trimmingWhitespace }
    // A minus sign before the first digit is a negative figure (`-2,5`), not a range.
    var sign = 1.0
    if let first = text.first, first == "-" || first == "−",
      text.dropFirst().first?.isNumber == true
    {
      sign = -1
      text = String(text.dropFirst())
    }
    text = text.replacingAll("đến", with: "-")
    let dashes: Set<Character> = ["-", "–", "—"]
    if text.contains(where: { dashes.contains($0) }) {
      let pieces = text.split(whereSeparator: { dashes.contains($0) }).map {
        String($0).trimmingWhitespace
      }
      guard rangeAllowed, pieces.count == 2, sign > 0, let a = Self.number(pieces[0]),
        let b = Self.number(pieces[1]), a <= b
      else { return nil }
      // "từ 165 đến 190" and "165-190" are both plain ranges.
      self.init(qualifier == .about ? .about : .exact, low: a, high: b, written: written)
      return
    }
    guard let n = Self.number(text) else { return nil }
    self.init(qualifier, low: sign * n, written: written)
  }

  /// The most decimals a figure keeps as written: as many as its 15
  /// significant digits allow (`VietnameseNumber.format`).
  public static let writtenDecimals = 15

  /// Parses `12`, `10,5`, `29.211`, `1.150,75`: `.` groups thousands, `,` is the decimal mark.
  static func number(_ text: String) -> Double? {
    guard !text.isEmpty else { return nil }
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    guard parts.count <= 2 else { return nil }
    let whole = parts[0].split(separator: ".", omittingEmptySubsequences: false)
    guard let first = whole.first, !first.isEmpty, first.count <= (whole.count > 1 ? 3 : 15),
      whole.dropFirst().allSatisfy({ $0.count == 3 })
    else { return nil }
    let digits = whole.joined()
    // At most 18 whole digits: a figure is written back (`description`)
    // through a 64-bit whole number.
    guard digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    var value = Double(digits) ?? 0
    if parts.count == 2 {
      let fraction = parts[1]
      guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
        let f = Double("0." + fraction)
      else { return nil }
      value += f
    }
    return value
  }

  /// The figure written back Vietnamese-style: `từ 12 trở lên`, `165–190`, `10,5`.
  ///
  /// With every decimal written (up to `writtenDecimals`): this text is
  /// what an imported report stores, so `0,0049` must not become `0`.
  public var description: String {
    func written(_ value: Double) -> String {
      VietnameseNumber.format(value, maxFractionDigits: Self.writtenDecimals)
    }
    let main = if let high { "\(written(low))–\(written(high))" } else { written(low) }
    switch qualifier {
    case .exact: return main
    case .about: return "khoảng \(main)"
    case .atLeast: return "từ \(main) trở lên"
    case .above: return "trên \(main)"
    case .atMost: return "tối đa \(main)"
    case .below: return "dưới \(main)"
    }
  }
}

/// Number formatting as in Vietnamese documents: `29.211`, `10,5`.
public enum VietnameseNumber {
  /// `value` with `.` between thousands and `,` before decimals (at most 2).
  ///
  /// A double holds 15 significant digits: decimals beyond them are not
  /// written (they would be noise), nor any beyond 15 whole digits.
  public static func format(_ value: Double, maxFractionDigits: Int = 2) -> String {
    // Figures are read with at most 18 whole digits (`IndicatorValue.number`).
    guard value.isFinite, abs(value) < 1e18 else { return "\(value)" }
    let magnitude = abs(value)
    let decimals = min(maxFractionDigits, max(0, 15 - String(UInt64(magnitude)).count))
    // In whole units of the last decimal: below 10^15, so exact.
    let scale = UInt64(pow10(decimals))
    let units = UInt64((magnitude * Double(scale)).rounded())
    let whole = units / scale
    var fraction = String(units % scale)
    fraction = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    var wholeText = String(whole)
    var grouped = ""
    while wholeText.count > 3 {
      grouped = "." + wholeText.suffix(3) + grouped
      wholeText = String(wholeText.dropLast(3))
    }
    grouped = wholeText + grouped
    if !fraction.isEmpty { grouped += "," + fraction }
    return (value < 0 && units != 0 ? "-" : "") + grouped
  }

  private static func pow10(_ n: Int) -> Double {
    (0..<n).reduce(1.0) { acc, _ in acc * 10 }
  }
}

extension String {
  var trimmingWhitespace: String {
    let scalars = unicodeScalars
    guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[start...end])
  }

  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var out = ""
    var rest = Substring(self)
    while let range = rest.firstRange(of: target) {
      out += rest[..<range.lowerBound]
      out += replacement
      rest = rest[range.upperBound...]
    }
    return out + rest
  }
}
