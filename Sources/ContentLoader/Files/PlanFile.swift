import PlanModel
import SiteCore

extension FileParser {
  /// `plan.md`: the document's header fields; the body is its preamble.
  func plan(_ doc: MarkdownFile) -> ParsedFile.Content? {
    let f = doc.fields
    defer { f.finish() }
    let number = f.string("number", required: true, example: "\"22/KH-UBND\"")
    let title = f.string("title", required: true)
    let type = f.string("document_type")?.value ?? "Kế hoạch"
    let issued = f.day("issued", required: true)
    let effective = f.day("effective")
    let issuer = f.string("issuer", required: true)
    let signer = f.string("signer", required: true)
    let signerTitle = f.string("signer_title")?.value
    let field = f.string("field")?.value
    let place = f.string("place")?.value
    let sourceURL = f.webAddress("source_url", example: "https://vanban.nghean.gov.vn/…")?.value
    let issuerHeader = f.stringList("issuer_header")?.map(\.value) ?? []
    let publishedPart = f.string("published_part")?.value
    var labels: [String: String] = [:]
    for (key, value) in f.pairs("collective_labels") ?? [] {
      guard let collective = Collective(rawValue: key.value), collective.rawValue == key.value
      else {
        let known = Collective.allCases.map(\.rawValue).joined(separator: ", ")
        f.error(
          vi: "'\(key.value)' không phải là một nhóm chung",
          en: "'\(key.value)' is not a collective",
          at: key.location,
          notes: [Diagnostic.Note(vi: "dùng một trong: \(known)", en: "use one of: \(known)")])
        continue
      }
      labels[collective.rawValue] = value.value
    }
    if let issued, let effective, effective.value < issued.value {
      f.warning(
        vi: "ngày có hiệu lực (\(effective.value.vietnamese)) trước ngày ban hành "
          + "(\(issued.value.vietnamese))",
        en: "the effective date (\(effective.value.iso)) is before the issue date "
          + "(\(issued.value.iso))",
        at: effective.location,
        notes: [
          Diagnostic.Note(
            vi: "một văn bản không có hiệu lực trước khi được ban hành: kiểm tra lại hai ngày",
            en: "a document cannot take effect before it is issued: check both dates"),
          Diagnostic.Note(
            vi: "ngày ban hành ở đây", en: "the issue date is here", at: issued.location),
        ])
    }
    guard let number, let title, let issued, let issuer, let signer else { return nil }
    return .plan(
      PlanDocument(
        number: number.value, title: title.value, documentType: type, issued: issued.value,
        effective: effective?.value, issuer: issuer.value, signer: signer.value,
        signerTitle: signerTitle, field: field, place: place, preamble: body(doc),
        sourceURL: sourceURL, source: doc.file.ref, issuerHeader: issuerHeader,
        publishedPart: publishedPart, collectiveLabels: labels))
  }

  /// `sections/NN-name.md`: a numbered part of the plan's text.
  func section(_ doc: MarkdownFile) -> ParsedFile.Content? {
    let f = doc.fields
    defer { f.finish() }
    if f.keys.contains("assignments") {
      f.skipUnknownFields()
      f.error(
        vi: "tệp này có vẻ là một nhiệm vụ (có 'assignments'), không phải một mục của kế hoạch",
        en: "this looks like a task (it has 'assignments'), not a section of the plan",
        at: f.location,
        notes: [
          Diagnostic.Note(
            vi: "chuyển tệp vào thư mục của nhóm nhiệm vụ: tasks/<thư mục nhóm>/",
            en: "move it to its task group's folder: tasks/<group folder>/")
        ])
      return nil
    }
    let id = f.string("id", required: true, example: "\"I\"")
    let title = f.string("title", required: true)
    let shows = f.enumeration("shows", PlanSection.Shows.self) ?? .text
    guard let id, let title else { return nil }
    let section = PlanSection(
      id: SectionID(id.value), title: title.value, body: body(doc), shows: shows,
      source: doc.file.ref)
    return .section(PlanDraft.Entry(section, idLocation: id.location))
  }

  /// `tasks/<folder>/_group.md`: a task group's number, heading and intro.
  func group(_ doc: MarkdownFile, folder: String) -> ParsedFile.Content? {
    let f = doc.fields
    defer { f.finish() }
    let id = f.string("id", required: true, example: "\"1\"")
    let title = f.string("title", required: true)
    guard let id, let title else { return nil }
    let group = TaskGroup(
      id: GroupID(id.value), slug: Slug.make(from: id.value), title: title.value,
      intro: body(doc), tasks: [], source: doc.file.ref)
    return .group(PlanDraft.GroupDraft(group: group, idLocation: id.location, folder: folder))
  }
}
