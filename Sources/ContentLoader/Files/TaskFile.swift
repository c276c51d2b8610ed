import PlanModel
import SiteCore

extension FileParser {
  /// `tasks/<folder>/<id>.md`: one task, its assignments and status.
  func task(_ doc: MarkdownFile, folder: String) -> ParsedFile.Content? {
    let f = doc.fields
    defer { f.finish() }
    let id = f.string("id", required: true, example: "\"1.1\"")
    let title = f.string("title", required: true, example: "\"Xây dựng, ban hành …\"")
    let group = f.string("group")
    let assignmentsNode = f.node("assignments")
    let assignments =
      f.list("assignments", what: .assignment, required: true) { item in
        assignment(item, file: doc.file)
      } ?? []
    if let node = assignmentsNode, case .sequence(let list) = node, list.items.isEmpty, let id {
      f.error(
        vi: "nhiệm vụ '\(id.value)' chưa có dòng phân công nào",
        en: "task '\(id.value)' has no assignment", at: f.location(of: node),
        notes: [
          Diagnostic.Note(
            vi: "ghi 'assignments:' với ít nhất một mục: to (giao cho ai), role (lead: chủ trì, "
              + "support: phối hợp, implement: thực hiện) và text (nội dung được giao)",
            en: "add 'assignments:' with at least one item: to (who), role (lead, support "
              + "or implement) and text (what they must do)")
        ])
    }
    let deadline = f.day("deadline")
    let status = f.locatedEnumeration("status", TaskStatus.self)
    let progress = f.int("progress", in: 0...100)
    let indicators = f.idList("indicators") ?? []
    guard let id, let title else { return nil }
    return .task(
      PlanDraft.TaskDraft(
        id: id, folder: folder, groupRef: group, title: title.value, body: body(doc),
        assignments: assignments,
        deadline: deadline, status: status, progress: progress,
        indicatorRefs: indicators, source: doc.file.ref))
  }

  private func assignment(_ item: MappingReader, file: SourceFile) -> PlanDraft.AssignmentDraft? {
    let to = item.idList("to", required: true, example: "[so-tai-chinh]")
    let role = item.enumeration("role", Assignment.Role.self, required: true)
    let text = item.string("text", required: true, example: "\"Chủ trì …\"")
    let deadline = item.day("deadline")
    let label = item.string("label")?.value
    // A bad role or text is reported above; the assignment is kept so its
    // `to:` list is still checked (every problem in one run).
    guard let to else { return nil }
    if to.isEmpty {
      item.error(
        vi: "danh sách 'to' của dòng phân công đang trống",
        en: "the assignment's 'to' list is empty", at: item.location,
        notes: [
          Diagnostic.Note(
            vi: "ghi cơ quan hoặc xã, phường được giao, ví dụ 'to: [so-tai-chinh]'",
            en: "name who must do it, like 'to: [so-tai-chinh]'")
        ])
      return nil
    }
    return PlanDraft.AssignmentDraft(
      to: to, role: role ?? .implement,
      text: text.flatMap { text in
        item.placement("text", in: file).map { rich(text.value, at: $0, item.report) }
      } ?? .empty,
      deadline: deadline,
      source: SourceRef(path: file.path, location: item.location), label: label)
  }
}
