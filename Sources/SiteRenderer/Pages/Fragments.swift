import Foundation
import PlanModel
import SiteCore

/// Partials rendered once and reused wherever the same value appears.
///
/// Lists repeat the same rows on many pages (a duty addressed to all
/// communes is a row on 130 commune pages), and swift-mustache's cost is per
/// variable looked up, not per byte written: rendering each row once per
/// build and joining strings keeps large plans fast. A fragment is cached
/// under the digest of the value it shows and the folder depth of the page
/// (its links are relative), so a cached fragment is always the one the
/// value would render.
final class Fragments: @unchecked Sendable {
  let templates: TemplateSet
  /// When false, every fragment is rendered for the page asking (the
  /// reference the tests compare the cached path with).
  private let enabled: Bool
  private let lock = NSLock()
  private var cache: [FragmentKey: String] = [:]
  private var fieldCache: [FragmentKey: [String: Any]] = [:]

  struct FragmentKey: Hashable {
    var kind: String
    var digest: UInt64
    var root: String
  }

  init(templates: TemplateSet, enabled: Bool) {
    self.templates = templates
    self.enabled = enabled
  }

  /// The fragment for `key`, rendering it with `render` the first time.
  func fragment(_ key: FragmentKey, render: () -> String) -> String {
    guard enabled else { return render() }
    if let cached = lock.withLock({ cache[key] }) { return cached }
    let html = render()
    lock.withLock { cache[key] = html }
    return html
  }

  /// The template fields for `key`, made with `make` the first time (the
  /// fields every page of a section shares: worked out per page, they were
  /// 1.7 % of a clean build's CPU).
  func fields(_ key: FragmentKey, make: () -> [String: Any]) -> [String: Any] {
    guard enabled else { return make() }
    if let cached = lock.withLock({ fieldCache[key] }) { return cached }
    let fields = make()
    lock.withLock { fieldCache[key] = fields }
    return fields
  }

  /// One task row (`partials/task-item`).
  func taskItem(_ row: Shared<TaskRow>, link: Linker) -> String {
    fragment(FragmentKey(kind: "task", digest: row.digest.value, root: link.root)) {
      templates.render(row.value.view(link: link), with: "partials/task-item") ?? ""
    }
  }

  /// Task rows joined.
  func taskItems(_ rows: [Shared<TaskRow>], link: Linker) -> String {
    var html = ""
    for row in rows { html += taskItem(row, link: link) }
    return html
  }

  /// A whole task list (`partials/task-list` around the rows).
  func taskList(_ rows: [Shared<TaskRow>], link: Linker) -> String {
    templates.render(["items_html": taskItems(rows, link: link)], with: "partials/task-list") ?? ""
  }

  /// One duty row (`partials/duty`).
  func duty(_ row: DutyRow, showingVia: Bool, link: Linker) -> String {
    let kind = showingVia ? "duty+via" : "duty"
    return fragment(FragmentKey(kind: kind, digest: row.digest.value, root: link.root)) {
      templates.render(row.view(link: link, showingVia: showingVia), with: "partials/duty") ?? ""
    }
  }

  /// Duty rows joined.
  func duties(_ rows: [DutyRow], showingVia: Bool, link: Linker) -> String {
    var html = ""
    for row in rows { html += duty(row, showingVia: showingVia, link: link) }
    return html
  }
}
