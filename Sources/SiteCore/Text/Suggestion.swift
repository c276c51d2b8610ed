/// "Did you mean …?" for mistyped ids and names.
public enum Suggestion {
  /// A known id with its display name, for matching and for the note text.
  public struct Candidate: Sendable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
      self.id = id
      self.name = name
    }
  }

  /// The candidate closest to `input`, comparing diacritic- and case-insensitively against both ids
  /// and display names, so `so-noi-vu2`, `Sở Nội Vụ` and `so noi vu` all find `so-noi-vu`.
  ///
  /// Returns `nil` when nothing is reasonably close.
  public static func closest(to input: String, among candidates: [Candidate]) -> Candidate? {
    let folded = Slug.make(from: input)
    guard !folded.isEmpty else { return nil }
    if let abbreviated = abbreviation(folded, among: candidates) { return abbreviated }
    var best: (candidate: Candidate, distance: Int)?
    // Ids whose forms begin with the input: a beginning several share
    // ("tat-ca") names none of them.
    var prefixed = Set<String>()
    for candidate in candidates {
      let forms = [candidate.id, Slug.make(from: candidate.name)]
      for form in forms {
        // A long enough beginning of an id counts as a near miss ("thanh-tra").
        let isPrefix = folded.count >= 4 && form.hasPrefix(folded)
        if isPrefix, form != folded { prefixed.insert(candidate.id) }
        let distance = form == folded ? 0 : isPrefix ? 1 : editDistance(folded, form)
        if distance < (best?.distance ?? Int.max) {
          best = (candidate, distance)
        }
      }
    }
    guard let best else { return nil }
    if best.distance == 1, prefixed.count > 1, prefixed.contains(best.candidate.id) { return nil }
    // Allow about one typo in three characters, at least two.
    let limit = max(2, folded.count / 3)
    return best.distance <= limit ? best.candidate : nil
  }

  /// The one candidate whose words' initials are `folded`, as offices
  /// abbreviate names: `stc` (Sở Tài chính), `sgddt` or `sgdvdt` (Sở Giáo
  /// dục và Đào tạo), `xhl` (xã Hòa Lạc); nil when none or several are.
  public static func abbreviation(_ folded: String, among candidates: [Candidate]) -> Candidate? {
    guard folded.count >= 3, folded.count <= 8, !folded.contains("-") else { return nil }
    let matches = candidates.filter { candidate in
      [candidate.id, Slug.make(from: candidate.name)].contains { form in
        let words = form.split(separator: "-")
        let initials = String(words.compactMap(\.first))
        let withoutAnd = String(words.filter { $0 != "va" }.compactMap(\.first))
        return folded == initials || folded == withoutAnd
      }
    }
    // One id, though it may match under several of its names.
    return Set(matches.map(\.id)).count == 1 ? matches.first : nil
  }

  /// The closest of plain words (for keys and enum values): `dealine` → `deadline`.
  public static func closest(to input: String, among words: [String]) -> String? {
    closest(to: input, among: words.map { Candidate(id: $0, name: $0) })?.id
  }

  /// Levenshtein distance over Unicode scalars.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
