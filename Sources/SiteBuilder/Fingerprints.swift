import PlanModel
import SiteCore

/// A hash for every part of the plan a page can depend on, and what each task refers to.
///
/// Comparing two builds' fingerprints tells which parts changed, and so which pages to render
/// again.
///
/// Keys: `site`, `document`, `sections`, `group:<id>`, `task:<id>` (the
/// whole task), `tasksum:<id>` (what lists show: everything but the body),
/// `agency:<id>`, `commune:<id>`, `indicator:<id>`, and `order:<registry>`
/// for the order and membership of each list.
struct Fingerprints: Equatable {
  var hashes: [String: ContentHash] = [:]
  /// For each task: the keys it refers to (`agency:…`, `commune:…`,
  /// `collective:…`, `indicator:…`, `group:…`).
  var references: [String: [String]] = [:]

  init() {}

  init(plan: Plan) {
    func hash(_ parts: [String?]) -> ContentHash {
      var h = ContentHash()
      for part in parts { h.update(part ?? "\u{0}") }
      return h
    }
    let site = plan.site
    hashes["site"] = hash([
      site.title, site.language, site.baseURL, site.description, site.publisher, site.footerNote,
    ])
    let d = plan.document
    hashes["document"] = hash([
      d.number, d.title, d.documentType, d.issued.iso, d.effective?.iso, d.issuer, d.signer,
      d.signerTitle, d.field, d.place, d.preamble.markdown, d.sourceURL,
    ])
    hashes["sections"] = hash(
      plan.sections.flatMap { [$0.id.rawValue, $0.title, $0.body.markdown, $0.shows.rawValue] })
    for group in plan.groups {
      hashes["group:" + group.id.rawValue] = hash([group.title, group.intro.markdown])
    }
    hashes["order:groups"] = hash(plan.groups.map(\.id.rawValue))
    hashes["order:tasks"] = hash(plan.tasks.flatMap { [$0.id.rawValue, $0.group.rawValue] })
    for task in plan.tasks {
      var parts: [String?] = [
        task.title, task.group.rawValue, task.deadline?.iso, task.status?.rawValue,
        task.progress.map(String.init),
      ]
      var refs: Set<String> = ["group:" + task.group.rawValue]
      for assignment in task.assignments {
        parts += [assignment.role.rawValue, assignment.text.markdown, assignment.deadline?.iso]
        for assignee in assignment.assignees {
          let key: String =
            switch assignee {
            case .agency(let id): "agency:" + id.rawValue
            case .commune(let id): "commune:" + id.rawValue
            case .collective(let c): "collective:" + c.rawValue
            }
          parts.append(key)
          refs.insert(key)
        }
        parts.append("|")
      }
      for indicator in task.indicators {
        parts.append("indicator:" + indicator.rawValue)
        refs.insert("indicator:" + indicator.rawValue)
      }
      let summary = hash(parts)
      hashes["tasksum:" + task.id.rawValue] = summary
      hashes["task:" + task.id.rawValue] = hash([summary.description, task.body.markdown])
      references["task:" + task.id.rawValue] = refs.sorted()
    }
    for agency in plan.agencies {
      hashes["agency:" + agency.id.rawValue] = hash([
        agency.name, agency.shortName, agency.kind.rawValue, agency.note,
      ])
    }
    hashes["order:agencies"] = hash(plan.agencies.map(\.id.rawValue))
    for commune in plan.communes {
      hashes["commune:" + commune.id.rawValue] = hash(
        [commune.name, commune.kind.rawValue, commune.gsoCode] + commune.formedFrom)
    }
    hashes["order:communes"] = hash(plan.communes.map(\.id.rawValue))
    for indicator in plan.indicators {
      var parts: [String?] = [
        indicator.group, indicator.name, indicator.unit, indicator.document,
        indicator.baseline.map { "\($0.period)=\($0.value)" }, indicator.owner?.rawValue,
        String(indicator.higherIsBetter), indicator.note,
      ]
      parts += indicator.targets.map { "t\($0.period)=\($0.value)" }
      parts += indicator.actuals.map { "a\($0.period)=\($0.value)" }
      parts += indicator.sources
      hashes["indicator:" + indicator.id.rawValue] = hash(parts)
    }
    hashes["order:indicators"] = hash(plan.indicators.map(\.id.rawValue))
  }

  /// The keys whose hash differs between `self` and `other` (added and removed included).
  func changedKeys(since other: Fingerprints) -> Set<String> {
    var changed = Set<String>()
    for (key, value) in hashes where other.hashes[key] != value { changed.insert(key) }
    for key in other.hashes.keys where hashes[key] == nil { changed.insert(key) }
    return changed
  }
}
