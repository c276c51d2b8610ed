import PlanModel
import SiteCore

/// What the last build was made from, kept in the output folder
/// (`.plansite-state`) so the next build can tell what changed. Everything
/// in it follows from the input, so two builds of the same input write the
/// same file.
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
    var lines = [Self.header, "today \(today)", "templates \(templates)"]
    for path in contentHashes.keys.sorted() {
      lines.append("input \(contentHashes[path] ?? "") \(path)")
    }
    for key in fingerprints.hashes.keys.sorted() {
      lines.append("fact \(fingerprints.hashes[key]?.description ?? "") \(key)")
    }
    for key in fingerprints.references.keys.sorted() {
      lines.append("refs \(key) \((fingerprints.references[key] ?? []).joined(separator: " "))")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  init() {}

  init?(text: String) {
    var lines = text.split(separator: "\n")[...]
    guard lines.first == Substring(Self.header) else { return nil }
    lines = lines.dropFirst()
    for line in lines {
      let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
      guard parts.count >= 2 else { return nil }
      switch parts[0] {
      case "today": today = String(parts[1])
      case "templates": templates = String(parts[1])
      case "input":
        guard parts.count == 3 else { return nil }
        contentHashes[String(parts[2])] = String(parts[1])
      case "fact":
        guard parts.count == 3, let value = UInt64(parts[1], radix: 16) else { return nil }
        fingerprints.hashes[String(parts[2])] = ContentHash(value: value)
      case "refs":
        let refs = parts.count == 3 ? parts[2].split(separator: " ").map(String.init) : []
        fingerprints.references[String(parts[1])] = refs
      default:
        return nil
      }
    }
  }
}
