extension String {
  /// The text cut at a word boundary to at most `limit` characters, with `…`.
  public func clipped(to limit: Int) -> String {
    // A text of at most `limit` bytes has at most `limit` characters (no need to count them).
    guard utf8.count > limit, count > limit else { return self }
    let cut = prefix(limit)
    let end = cut.lastIndex(of: " ") ?? cut.endIndex
    var clipped = Substring(cut[..<end])
    while let last = clipped.last, last == "," || last == ";" || last == ":" || last == " " {
      clipped = clipped.dropLast()
    }
    return String(clipped) + "…"
  }
}
