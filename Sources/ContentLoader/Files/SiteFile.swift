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
    let language = fields.string("language")?.value ?? "vi"
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
