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
        email: item.string("email")?.value,
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
      let targets = (item.pairs("targets") ?? []).compactMap { point($0.key, $0.value, item) }
      let actuals = (item.pairs("actuals") ?? []).compactMap { point($0.key, $0.value, item) }
      let owner = item.string("owner")
      let higher = item.bool("higher_is_better") ?? true
      let note = item.string("note")?.value
      let sources = item.stringList("sources")?.map(\.value) ?? []
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

  private func point(_ period: Located<String>, _ value: Located<String>, _ item: MappingReader)
    -> Indicator.Point?
  {
    guard let parsed = IndicatorValue(parsing: value.value) else {
      item.report.report(
        IndicatorValue.notAFigure(value.value, at: value.location, expected: .target))
      return nil
    }
    if let warning = IndicatorValue.commaMaybeThousands(value.value, at: value.location) {
      item.report.report(warning)
    }
    return Indicator.Point(period: period.value, value: parsed)
  }
}
