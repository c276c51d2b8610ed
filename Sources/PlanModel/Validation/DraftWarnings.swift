import SiteCore

extension Diagnostic {
  /// This problem of a draft report, as a build that leaves drafts out
  /// says it: an error becomes a warning, with a note that the draft stays
  /// off the site until it is mended (docs/content.md, "Drafts"), and
  /// `--strict` leaves it a warning.
  public var leavingDraftOut: Diagnostic {
    var kept = self
    kept.isInLeftOutDraft = true
    guard severity == .error else { return kept }
    kept.severity = .warning
    kept.notes.append(
      Diagnostic.Note(
        vi: "báo cáo này là bản nháp (draft: true) nên không lên trang; sửa lỗi này trước "
          + "khi công bố",
        en: "this report is a draft (draft: true), so it stays off the site; mend this "
          + "before it is published"))
    return kept
  }
}
