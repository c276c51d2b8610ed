import PlanModel
import SiteCore

/// A load kept by a process that loads the same folder again (`watch`,
/// `serve`), for the next load to patch.
public struct EarlierLoad: Sendable {
  let tree: SourceTree
  let listingDiagnostics: [Diagnostic]
  let result: ContentLoader.Result

  public init(tree: SourceTree, listingDiagnostics: [Diagnostic], result: ContentLoader.Result) {
    self.tree = tree
    self.listingDiagnostics = listingDiagnostics
    self.result = result
  }
}

extension ContentLoader {
  /// The most files a patched load reads; more changed files are loaded in full.
  static let patchLimit = 64

  /// Loads `tree` by patching an earlier load of the same folder.
  ///
  /// Only when the only change is the text of a few task or report files:
  /// the common saves in `watch` and `serve`. Returns nil for any other
  /// change (a file added, removed or renamed; a file that is not a task
  /// or a report, or no longer the same kind; problems in a changed file,
  /// before or after), and the caller loads in full.
  ///
  /// The result is the one a full load with the same `remembered` gives:
  /// every file not re-read keeps the parse the earlier load used, which
  /// is the one remembered for it (its size and time are unchanged, and
  /// it was not among the files that load parsed, which the memory may not
  /// have kept); a file read again with the same bytes parses the same; and
  /// a task replaced in place keeps the draft's file order.
  /// A test compares the two.
  public func load(
    _ tree: SourceTree, listingDiagnostics: [Diagnostic], patching earlier: consuming EarlierLoad,
    reusing remembered: (SourceTree.File) -> ParsedFile?
  ) -> Result? {
    guard tree.root == earlier.tree.root, tree.displayRoot == earlier.tree.displayRoot,
      tree.files.count == earlier.tree.files.count,
      listingDiagnostics == earlier.listingDiagnostics
    else { return nil }
    var changed: [SourceTree.File] = []
    for (old, new) in zip(earlier.tree.files, tree.files) {
      guard old.path == new.path else { return nil }
      guard old != new || earlier.result.freshlyParsed.contains(new.path) else { continue }
      guard Self.reads(new.path) else { continue }
      changed.append(new)
      if changed.count > Self.patchLimit { return nil }
    }
    // Patched in place when the caller let go of the earlier load.
    var result = (consume earlier).result
    result.freshlyParsed = []
    result.patched = true
    result.replacedTasks = []
    result.replacedReports = []
    guard !changed.isEmpty else { return result }
    let parser = FileParser()
    for file in changed {
      let kind = ContentFileKind(path: file.path)
      guard let before = result.parsed[file.path] else { return nil }
      var after = remembered(file)
      if after == nil {
        after = Self.parse(file, kind: kind, parser: parser)
        result.freshlyParsed.insert(file.path)
      }
      guard let after else { return nil }
      // The same bytes at the same path parse the same: a file read again
      // only because it was saved moments ago (see `freshlyParsed`).
      if let hash = after.hash, hash == before.hash {
        result.parsed[file.path] = after
        continue
      }
      guard before.diagnostics.isEmpty, after.diagnostics.isEmpty else { return nil }
      switch (kind, before.content, after.content) {
      case (.task, .task, .task(let task)):
        guard let index = result.draft.tasks.firstIndex(where: { $0.source.path == file.path })
        else { return nil }
        // In place: `draft.tasks` is held by nothing else (the validation
        // kept for the next build keeps only what it needs of it).
        result.replacedTasks.append((index, result.draft.tasks[index]))
        result.draft.tasks[index] = task
      case (.report, .report, .report(let report)):
        guard let index = result.draft.reports.firstIndex(where: { $0.source.path == file.path })
        else { return nil }
        result.replacedReports.append(index)
        result.draft.reports[index] = report
      default:
        return nil
      }
      result.parsed[file.path] = after
    }
    return result
  }
}
