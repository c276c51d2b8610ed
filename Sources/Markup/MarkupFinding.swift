import SiteCore

/// Something written in Markdown that the published page will not show as
/// written: raw HTML (left out), a link that could run code (made inert), a
/// table (CommonMark has none: it shows as lines of `|`).
public struct MarkupFinding: Hashable, Sendable {
  /// What was found.
  public enum Kind: Hashable, Sendable {
    /// Raw HTML, as written (left out of the page): a whole block (its text
    /// is lost) or a tag inside a paragraph (its text stays, unformatted).
    case rawHTML(String, block: Bool)
    /// A link or image target with a scheme that can run code (`javascript:`).
    case unsafeLink(String)
    /// A pipe table (`| a | b |` over `|---|---|`).
    case table
    /// A link or image target without an address (`phu-luc.pdf`,
    /// `../1-1.md`, `www.example.org`): the page resolves it against its
    /// own address, where no such file is.
    case relativeLink(String)
  }

  public var kind: Kind
  /// The 1-based line inside the Markdown text.
  public var line: Int
  /// The 1-based column, in characters.
  public var column: Int

  /// A link target as a message quotes it: its first 40 characters.
  private static func shown(_ url: String) -> String {
    url.count > 40 ? String(url.prefix(40)) + "…" : url
  }

  /// The warning an editor reads, at `location` (the finding's own place).
  public func diagnostic(at location: SourceLocation) -> Diagnostic {
    switch kind {
    case .rawHTML(let html, let block):
      let firstLine = html.split(separator: "\n").first.map(String.init) ?? html
      let cut = firstLine.count > 40 || firstLine.count < html.count
      let shown = cut ? String(firstLine.prefix(40)) + "…" : firstLine
      let message =
        block
        ? Message(
          vi: "khối HTML '\(shown)' sẽ không hiện trên trang: người đọc không thấy nội dung của "
            + "khối này (trang web không nhận HTML viết trong nội dung)",
          en: "the HTML block '\(shown)' will not show: readers will not see its content (the "
            + "site does not accept HTML in content)")
        : Message(
          vi: "thẻ HTML '\(shown)' bị bỏ: người đọc chỉ thấy phần chữ, không có định dạng (trang "
            + "web không nhận HTML viết trong nội dung)",
          en: "the HTML tag '\(shown)' is left out: readers see the text without its formatting "
            + "(the site does not accept HTML in content)")
      return .warning(
        message,
        at: location,
        notes: [
          Diagnostic.Note(
            vi: "viết bằng Markdown: **chữ đậm**, *chữ nghiêng*, danh sách bắt đầu bằng '- ', "
              + "liên kết [chữ](https://…)",
            en: "write it in Markdown: **bold**, *italic*, lists starting with '- ', links "
              + "[text](https://…)")
        ])
    case .unsafeLink(let url):
      let shown = Self.shown(url)
      return .warning(
        vi: "liên kết '\(shown)' bị bỏ: người đọc chỉ thấy chữ, không bấm được (địa chỉ bắt đầu "
          + "bằng javascript:, data:, vbscript: hay file: có thể chạy mã độc)",
        en: "the link '\(shown)' is removed: readers see its text but cannot follow it (targets "
          + "starting with javascript:, data:, vbscript: or file: can run code)",
        at: location,
        notes: [
          Diagnostic.Note(
            vi: "liên kết đến một trang web bằng địa chỉ https://…",
            en: "link to a web page with an https://… address")
        ])
    case .relativeLink(let url):
      let shown = Self.shown(url)
      let web = url.lowercased().hasPrefix("www.")
      return .warning(
        vi:
          "liên kết '\(shown)' không có địa chỉ đầy đủ: trên trang web, liên kết này không mở "
          + "được (trang web không có tệp đó)",
        en: "the link '\(shown)' has no full address: on the site it points next to this page, "
          + "where there is no such file",
        at: location,
        notes: [
          web
            ? Diagnostic.Note(vi: "ghi 'https://\(shown)'", en: "write 'https://\(shown)'")
            : Diagnostic.Note(
              vi: "ghi địa chỉ đầy đủ (https://…) của tệp hay trang; tệp đính kèm cần được đưa "
                + "lên một trang web trước",
              en: "write the file's or page's full address (https://…); an attachment must be "
                + "put on a web site first")
        ])
    case .table:
      return .warning(
        vi: "bảng kẻ bằng dấu '|' sẽ hiện thành các dòng chữ có dấu '|': Markdown của trang "
          + "(CommonMark) không có bảng",
        en: "this '|' table will show as lines of text with '|' characters: the site's Markdown "
          + "(CommonMark) has no tables",
        at: location,
        notes: [
          Diagnostic.Note(
            vi: "viết thành danh sách ('- Tháng 6: …'), hoặc ghi số liệu vào indicators.yaml để "
              + "trang chỉ tiêu vẽ bảng và biểu đồ",
            en: "write it as a list ('- Tháng 6: …'), or put figures in indicators.yaml, whose "
              + "page draws tables and charts")
        ])
    }
  }
}
