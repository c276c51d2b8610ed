import PlanModel
import SiteCore

/// What the last build was made from, kept in the output folder (`.plansite-state`) so the next
/// build can tell what changed.
///
/// Everything in it follows from the input, so two builds of the same input write the same file.
struct BuildState: Equatable {
  static let fileName = ".plansite-state"
  static let header = "plansite-state 1"

  /// The date statuses were computed for.
  var today: String = ""
  /// The hash over every template and asset.
  var templates: String = ""
  /// Each content file's hash, by path.
  var contentHashes: [String: String] = [:]
  /// The plan's fingerprints.
  var fingerprints = Fingerprints()

  var text: String {
    var out = RecordLines.Writer(capacity: 1 << 20)
    out.line(Self.header)
    out.line("today", today)
    out.line("templates", templates)
    for path in contentHashes.keys.sorted() {
      out.line("input", contentHashes[path] ?? "", path)
    }
    for key in fingerprints.hashes.keys.sorted() {
      out.line("fact", fingerprints.hashes[key]?.description ?? "", key)
    }
    for key in fingerprints.references.keys.sorted() {
      out.line("refs", key, (fingerprints.references[key] ?? []).joined(separator: " "))
    }
    return out.text
  }

  init() {}

  init?(text: String) {
    var state = BuildState()
    let complete = RecordLines.scan(text, header: Self.header, maxFields: 3) { fields in
      guard fields.count >= 2 else { return false }
      switch fields[0] {
      case "today": state.today = String(fields[1])
      case "templates": state.templates = String(fields[1])
      case "input":
        guard fields.count == 3 else { return false }
        state.contentHashes[String(fields[2])] = String(fields[1])
      case "fact":
        guard fields.count == 3, let value = UInt64(fields[1], radix: 16) else { return false }
        state.fingerprints.hashes[String(fields[2])] = ContentHash(value: value)
      case "refs":
        state.fingerprints.references[String(fields[1])] =
          fields.count == 3 ? fields[2].split(separator: " ").map(String.init) : []
      default:
        return false
      }
      return true
    }
    guard complete else { return nil }
    self = state
  }
}
