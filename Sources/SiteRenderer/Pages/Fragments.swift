import Foundation
import PlanModel
import SiteCore

/// HTML rendered once from a partial and reused wherever it appears.
///
/// Lists repeat the same rows on many pages (a duty addressed to all
/// agencies is a row on each agency page; a task is a row on its group
/// page and on the home page), and every page at one folder depth shares
/// the same header and footer. Rendering each once per build and joining
/// strings is what keeps large plans fast: swift-mustache's cost is per
/// variable looked up, not per byte written.
final class FragmentCache: @unchecked Sendable {
  private let lock = NSLock()
  private var fragments: [String: String] = [:]
  /// When false, every call renders (the reference path for tests).
  private let enabled: Bool

  init(enabled: Bool = true) { self.enabled = enabled }

  /// The cached fragment for `key`, rendering it with `render` the first time.
  func fragment(_ key: String, render: () -> String) -> String {
    guard enabled else { return render() }
    lock.lock()
    if let cached = fragments[key] {
      lock.unlock()
      return cached
    }
    lock.unlock()
    let html = render()
    lock.lock()
    fragments[key] = html
    lock.unlock()
    return html
  }
}

extension SiteRenderer {
  /// One duty row (`partials/duty`), rendered once per task, assignment,
  /// collective shown and folder depth.
  func dutyHTML(_ duty: Duty, showingVia: Bool, link: Linker) -> String {
    let via = showingVia ? duty.via : nil
    let key = "duty|\(duty.task.rawValue)|\(duty.assignment)|\(via?.rawValue ?? "")|\(link.root)"
    return fragments.items.fragment(key) {
      var item = Views.duty(duty, plan: plan, link: link, today: options.today)
      if !showingVia { item["via"] = nil }
      return templates.render(item, with: "partials/duty") ?? ""
    }
  }

  /// The rows of a duty list, joined.
  func dutiesHTML(_ duties: [Duty], showingVia: Bool, link: Linker) -> String {
    var html = ""
    for duty in duties { html += dutyHTML(duty, showingVia: showingVia, link: link) }
    return html
  }

  /// A whole duty list (`partials/duty-list` around the rows).
  func dutyListHTML(_ duties: [Duty], showingVia: Bool, link: Linker) -> String {
    templates.render(
      ["items_html": dutiesHTML(duties, showingVia: showingVia, link: link)],
      with: "partials/duty-list") ?? ""
  }

  /// One task row (`partials/task-item`), rendered once per task and folder depth.
  func taskItemHTML(_ task: PlanTask, link: Linker) -> String {
    fragments.items.fragment("task|\(task.id.rawValue)|\(link.root)") {
      templates.render(
        Views.taskItem(task, link: link, today: options.today), with: "partials/task-item") ?? ""
    }
  }

  /// A whole task list (`partials/task-list` around the rows).
  func taskListHTML(_ tasks: [PlanTask], link: Linker) -> String {
    var rows = ""
    for task in tasks { rows += taskItemHTML(task, link: link) }
    return templates.render(["items_html": rows], with: "partials/task-list") ?? ""
  }
}
