import SiteCore

/// The kinds of thing an id can name, as messages call them.
enum RegistryKind: Sendable {
  case agency, commune, assignee, group, indicator, task, section

  /// `cơ quan`, `agency`.
  var name: Message {
    switch self {
    case .agency: Message(vi: "cơ quan", en: "agency")
    case .commune: Message(vi: "xã, phường", en: "commune")
    case .assignee: Message(vi: "cơ quan hoặc xã, phường", en: "agency or commune")
    case .group: Message(vi: "nhóm nhiệm vụ", en: "group")
    case .indicator: Message(vi: "chỉ tiêu", en: "indicator")
    case .task: Message(vi: "nhiệm vụ", en: "task")
    case .section: Message(vi: "mục", en: "section")
    }
  }

  /// Where such ids are declared, when it is one file (`agencies.yaml`).
  var file: String? {
    switch self {
    case .agency: "agencies.yaml"
    case .commune: "communes.yaml"
    case .indicator: "indicators.yaml"
    default: nil
    }
  }
}

/// "không tìm thấy cơ quan 'x' (trong agencies.yaml)" with the given notes.
func unknownReferenceError(
  _ kind: RegistryKind, _ ref: Located<String>, notes: [Diagnostic.Note]
) -> Diagnostic {
  let inFile = kind.file.map { " (trong \($0))" } ?? ""
  return .error(
    vi: "không tìm thấy \(kind.name.vi) '\(ref.value)'\(inFile)",
    en: "unknown \(kind.name.en) '\(ref.value)'", at: ref.location, notes: notes)
}

/// "unknown agency 'x'" with a did-you-mean note.
func unknownReference(
  _ kind: RegistryKind, _ ref: Located<String>, among candidates: [Suggestion.Candidate]
) -> Diagnostic {
  var notes: [Diagnostic.Note] = []
  if let match = Suggestion.closest(to: ref.value, among: candidates) {
    notes.append(didYouMean(match))
  } else if candidates.isEmpty {
    notes.append(
      Diagnostic.Note(
        vi: "chưa khai báo \(kind.name.vi) nào", en: "no \(kind.name.en) is defined yet"))
  }
  return unknownReferenceError(kind, ref, notes: notes)
}

/// The note "có phải là 'so-noi-vu' (Sở Nội vụ)?".
func didYouMean(_ match: Suggestion.Candidate) -> Diagnostic.Note {
  let shown = match.name == match.id ? "'\(match.id)'" : "'\(match.id)' (\(match.name))"
  return Diagnostic.Note(vi: "có phải là \(shown)?", en: "did you mean \(shown)?")
}
