import PlanModel
import SiteCore

extension FileParser {
  /// `site.yaml`: the site's title, language, address and footer.
  func site(_ yaml: YAMLFile) -> SiteSettings? {
    guard let fields = MappingReader(yaml.root, what: .siteSettings, source: yaml.source) else {
      return nil
    }
    defer { fields.finish() }
    let title = fields.string("title", required: true, example: "\"Kế hoạch …\"")
    var language = "vi"
    if let written = fields.string("language") {
      if Self.isLanguageTag(written.value) {
        language = written.value
      } else {
        // The country code (`vn`) is the usual slip: pages marked with it
        // are read aloud with the wrong voice.
        yaml.source.report.error(
          vi: "'\(written.value)' không phải là mã ngôn ngữ; tiếng Việt là 'vi'",
          en: "'\(written.value)' is not a language code; Vietnamese is 'vi'",
          at: written.location,
          notes: [
            Diagnostic.Note(
              vi: "ghi 'language: vi' (mã ngôn ngữ, không phải mã nước 'vn'), hoặc bỏ dòng này",
              en: "write 'language: vi' (the language code, not the country code 'vn'), or "
                + "leave the line out")
          ])
      }
    }
    var baseURL: String?
    if let url = fields.string("base_url") {
      let value = url.value.trimmingCharacters(in: .whitespaces)
      if value.hasPrefix("https://") || value.hasPrefix("http://") {
        baseURL = value.hasSuffix("/") ? value : value + "/"
      } else if !value.isEmpty {
        yaml.source.report.error(
          vi: "'base_url' phải là địa chỉ đầy đủ, bắt đầu bằng https://",
          en: "'base_url' must be a full address starting with https://", at: url.location,
          notes: [
            Diagnostic.Note(
              vi: "ví dụ: base_url: \"https://kehoach.nghean.gov.vn/\"",
              en: "for example: base_url: \"https://kehoach.nghean.gov.vn/\"")
          ])
      }
    }
    let description = fields.string("description")?.value ?? ""
    let publisher = fields.string("publisher")?.value
    let footer = fields.string("footer_note")?.value
    let sample = fields.bool("sample") ?? false
    let license = fields.string("license")?.value
    guard let title else { return nil }
    return SiteSettings(
      title: title.value, language: language, baseURL: baseURL, description: description,
      publisher: publisher, footerNote: footer, isSample: sample, license: license)
  }
}

extension FileParser {
  /// Whether `text` is a language tag as `<html lang>` takes it.
  ///
  /// A two- or three-letter language, then subtags (`vi`, `vi-VN`, `en`);
  /// `vn` is a country, not a language.
  static func isLanguageTag(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard let language = parts.first, (2...3).contains(language.count),
      language.allSatisfy({ $0.isASCII && $0.isLetter }), language.lowercased() != "vn"
    else { return false }
    return parts.dropFirst().allSatisfy { part in
      (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
  }
}
