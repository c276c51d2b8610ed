import PlanModel
import SiteCore

extension FileParser {
  /// `agencies.yaml`: a list of `{id, name, short_name?, kind, note?}`.
  func agencies(_ yaml: YAMLFile) -> [PlanDraft.Entry<Agency>] {
    entries(yaml, what: .agency).compactMap { item in
      defer { item.finish() }
      let id = item.string("id", required: true, example: "so-tai-chinh")
      let name = item.string("name", required: true, example: "\"Sở Tài chính\"")
      let shortName = item.string("short_name")?.value
      let kind = item.enumeration("kind", Agency.Kind.self) ?? .so
      let note = item.string("note")?.value
      let contact = Agency.Contact(
        address: item.string("address")?.value, phone: item.string("phone")?.value,
        email: Self.email(item),
        website: item.webAddress("website", example: "https://stc.nghean.gov.vn")?.value)
      guard let id, let name else { return nil }
      let agency = Agency(
        id: AgencyID(id.value), name: name.value, shortName: shortName, kind: kind, note: note,
        source: SourceRef(path: yaml.source.file.path, location: item.location), contact: contact)
      return PlanDraft.Entry(agency, idLocation: id.location)
    }
  }

  /// `communes.yaml`: a list of `{id, name, kind, gso_code?, formed_from?}`.
  func communes(_ yaml: YAMLFile) -> [PlanDraft.Entry<Commune>] {
    entries(yaml, what: .commune).compactMap { item in
      defer { item.finish() }
      let id = item.string("id", required: true, example: "phuong-thanh-vinh")
      let name = item.string("name", required: true, example: "\"Thành Vinh\"")
      let kind = item.enumeration("kind", Commune.Kind.self, required: true)
      let code = item.string("gso_code")?.value
      let formedFrom = item.stringList("formed_from")?.map(\.value) ?? []
      guard let id, let name, let kind else { return nil }
      let commune = Commune(
        id: CommuneID(id.value), name: name.value, kind: kind, gsoCode: code,
        formedFrom: formedFrom,
        source: SourceRef(path: yaml.source.file.path, location: item.location))
      return PlanDraft.Entry(commune, idLocation: id.location)
    }
  }

  /// An e-mail address, or nil with an error: the page links `mailto:` it,
  /// so `syt nghean` would be a link that writes to nobody.
  private static func email(_ item: MappingReader) -> String? {
    guard let written = item.string("email") else { return nil }
    let address = written.value.trimmingCharacters(in: .whitespaces)
    let parts = address.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
      !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
      !address.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" })
    else {
      item.error(
        vi: "'\(written.value)' không phải là một địa chỉ thư điện tử",
        en: "'\(written.value)' is not an e-mail address", at: written.location,
        notes: [
          Diagnostic.Note(
            vi: "ghi một địa chỉ dạng ten@nghean.gov.vn",
            en: "write one address like ten@nghean.gov.vn")
        ])
      return nil
    }
    return address
  }

  /// `indicators.yaml`: a list of indicators with baseline, targets and results.
  func indicators(_ yaml: YAMLFile) -> [PlanDraft.IndicatorDraft] {
    entries(yaml, what: .indicator).compactMap { item in
      defer { item.finish() }
      let id = item.string("id", required: true, example: "grdp-tang-truong")
      let group = item.string("group")?.value ?? ""
      let name = item.string("name", required: true)
      let unit = item.string("unit", required: true, example: "\"%\"")
      let document = item.string("document")?.value
      let baseline = item.mapping("baseline", what: .baseline) { b -> Indicator.Point? in
        let period = b.string("year", required: true, example: "2025")
        let value = b.string("value", required: true, example: "\"8,44\"")
        guard let period, let value else { return nil }
        return point(period, value, item)
      }
      let targets = points("targets", item, isTarget: true)
      let actuals = points("actuals", item)
      let owner = item.string("owner")
      let higher = item.bool("higher_is_better") ?? true
      let note = item.string("note")?.value
      // Addresses written in one text (`"https://a, https://b"`) are a
      // list: one link of both would lead nowhere.
      let sources = (item.stringList("sources")?.map(\.value) ?? []).flatMap { text in
        let pieces = text.split { $0 == "," || $0 == " " || $0 == "\n" }.map(String.init)
        return pieces.count > 1 && pieces.allSatisfy({ $0.hasPrefix("http") }) ? pieces : [text]
      }
      guard let id, let name, let unit else { return nil }
      if targets.isEmpty, item.node("targets") == nil {
        item.error(
          vi: "thiếu trường bắt buộc 'targets' trong chỉ tiêu",
          en: "missing required field 'targets' in the indicator", at: item.location,
          notes: [
            Diagnostic.Note(
              vi: "thêm 'targets:' với các dòng dạng '  \"2030\": \"165-190\"'",
              en: "add 'targets:' with lines like '  \"2030\": \"165-190\"'")
          ])
      }
      let indicator = Indicator(
        id: IndicatorID(id.value), group: group, name: name.value, unit: unit.value,
        document: document, baseline: baseline, targets: targets, actuals: actuals, owner: nil,
        higherIsBetter: higher, note: note, sources: sources,
        source: SourceRef(path: yaml.source.file.path, location: item.location))
      return PlanDraft.IndicatorDraft(
        indicator: indicator, idLocation: id.location, ownerRef: owner)
    }
  }

  /// The figures of `key` by year or years, each year once (`2026-2030`
  /// and `2026 - 2030` are one).
  private func points(_ key: String, _ item: MappingReader, isTarget: Bool = false)
    -> [Indicator.Point]
  {
    var seen: [String: Located<String>] = [:]
    var found: [Indicator.Point] = []
    for pair in item.pairs(key) ?? [] {
      guard let point = point(pair.key, pair.value, item, isTarget: isTarget) else { continue }
      if let first = seen[point.period] {
        item.error(
          vi: "'\(key)' có hai số cho '\(point.period)' ('\(first.value)' và '\(pair.key.value)')",
          en: "'\(key)' has two figures for '\(point.period)' ('\(first.value)' and "
            + "'\(pair.key.value)')", at: pair.key.location,
          notes: [
            Diagnostic.Note(
              vi: "giữ một dòng và xóa dòng kia", en: "keep one line and delete the other",
              at: first.location)
          ])
        continue
      }
      seen[point.period] = pair.key
      found.append(point)
    }
    return found
  }

  private func point(
    _ period: Located<String>, _ value: Located<String>, _ item: MappingReader,
    isTarget: Bool = false
  ) -> Indicator.Point? {
    guard let parsed = IndicatorValue(parsing: value.value) else {
      item.report.report(
        IndicatorValue.notAFigure(value.value, at: value.location, expected: .target))
      return nil
    }
    if let warning = IndicatorValue.commaMaybeThousands(value.value, at: value.location) {
      item.report.report(warning)
    }
    guard let year = Self.period(period, item, isTarget: isTarget) else { return nil }
    return Indicator.Point(period: year, value: parsed)
  }

  /// The year or years of a target or figure, written the one way, or nil
  /// with the error said (see `IndicatorJudge.period`).
  ///
  /// A figure may be for part of a year (`9 tháng 2026`, an estimate a body
  /// reports): shown, never judged, so kept as written unless `isTarget`
  /// (a target no result can be judged against is a mistake).
  static func period(_ written: Located<String>, _ item: MappingReader, isTarget: Bool = false)
    -> String?
  {
    switch IndicatorJudge.period(written.value) {
    case .period(let period):
      return period
    case .notAPeriod where !isTarget:
      return written.value
    case .backwards(let first, let last):
      item.report.report(
        IndicatorJudge.backwards(written.value, first: first, last: last, at: written.location))
    case .notAPeriod:
      let year = IndicatorJudge.lonelyYear(in: written.value)
      item.error(
        vi: "'\(written.value)' không phải là một năm hay một giai đoạn",
        en: "'\(written.value)' is not a year or a span of years", at: written.location,
        notes: (year.map {
          [Diagnostic.Note(vi: "có phải là \"\($0)\"?", en: "did you mean \"\($0)\"?")]
        } ?? []) + [
          Diagnostic.Note(
            vi: "ghi một năm (\"2030\") hoặc một giai đoạn (\"2026-2030\"): chỉ tiêu và kết quả "
              + "được đối chiếu theo đó",
            en: "write a year (\"2030\") or a span (\"2026-2030\"): targets and results are "
              + "matched by it")
        ])
    }
    return nil
  }
}
