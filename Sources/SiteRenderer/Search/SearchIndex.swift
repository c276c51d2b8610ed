import PlanModel
import SiteCore

/// The search index, published as a script (`tim-kiem/chi-muc.js`) so
/// search works from `file://` too, where pages cannot fetch JSON.
///
/// Entries cover agencies, communes, tasks, assignments, indicators and task
/// groups, in parts (`searchIndex`). Each part stores its strings once in a
/// table and refers to them by number, which keeps the index small when
/// many assignments share a text. The browser folds diacritics itself at
/// load time (`assets/search.js`).
extension SiteRenderer {
  /// Where the index is published; a fixed name, so that pages referring to
  /// it do not change when only the content does.
  public static let searchIndexPath = "tim-kiem/chi-muc.js"

  /// The files made from the whole plan (`plan.json`, the CSVs, the search
  /// index): the ones `watch` and `serve` publish after the pages.
  public static let planWidePaths = Set(PlanData.paths)
}

extension PlanData {
  /// The kinds of entry, in the order results are grouped.
  static let searchKinds = [
    "Cơ quan", "Xã, phường", "Nhiệm vụ", "Phân công", "Chỉ tiêu", "Nhóm nhiệm vụ",
  ]

  /// The kinds whose extra words are shown before the title.
  ///
  /// An assignment ("Sở Tài chính · Phối hợp") is listed as "Nhiệm vụ 1.5
  /// · Sở Tài chính · Phối hợp". Its title alone is the same for many
  /// assignments, hence stored once.
  static let kindsShowingExtra = searchKinds.indices.filter { searchKinds[$0] == "Phân công" }

  /// The index's bytes, in parts.
  ///
  /// The site's bodies first, then the tasks with their assignments in
  /// runs (`taskRuns`: an edit of one task makes one run again), then
  /// indicators and task groups. Each part has its own string table; the
  /// script reads the parts in order.
  func searchIndex(_ earlier: EarlierPieces?, into sink: PieceSink) {
    var head = SearchPart()
    for entry in input.agencies {
      let agency = entry.agency
      head.add(
        0, title: agency.name, detail: "\(agency.kind.label) · \(entry.dutyCount) việc được giao",
        path: Route.agency(agency.id).path,
        extra: [agency.shortName, agency.id.rawValue].compactMap { $0 }.joined(separator: " "))
    }
    for commune in input.communes.map(\.commune) {
      var extra = commune.formedFrom.joined(separator: " ")
      if let code = commune.gsoCode { extra += " " + code }
      head.add(
        1, title: commune.fullName, detail: commune.kind.label,
        path: Route.commune(commune.id).path, extra: extra)
    }
    var first = Array(
      "/* plansite search index: generated, do not edit. */\nwindow.PLANSITE_SEARCH_INDEX={\"v\":2,\"kinds\":["
        .utf8)
    for (index, kind) in Self.searchKinds.enumerated() {
      if index > 0 { first.append(0x2C) }
      Self.writeJSString(kind, into: &first)
    }
    first += Array("],\"showingExtra\":[".utf8)
    first += Array(Self.kindsShowingExtra.map(String.init).joined(separator: ",").utf8)
    first += Array("],\"parts\":[\n".utf8) + head.bytes
    sink.append(first, key: nil)
    taskRuns(earlier, into: sink) { run, _ in
      var part = SearchPart()
      for task in run.map(\.value.task) {
        let path = Route.task(task.id).path
        let name = "Nhiệm vụ \(task.id.rawValue)"
        part.add(2, title: name, detail: task.title, path: path)
        for assignment in task.assignments {
          let who = assignment.assignees.map { assigneeFields($0).name }.joined(separator: ", ")
          // The whole text is searched; the page shows an excerpt
          // around the match (`excerpt` in assets/search.js).
          part.add(
            3, title: "\(who) · \(assignment.role.label)",
            detail: assignment.text.markdown, path: path, extra: name)
        }
      }
      return Array(",\n".utf8) + part.bytes
    }
    var tail = SearchPart()
    for indicator in input.indicators.map(\.indicator) {
      tail.add(
        4, title: indicator.name, detail: indicator.document ?? indicator.group,
        path: Route.indicators.path + "#" + indicator.id.rawValue)
    }
    for group in input.groups {
      tail.add(
        5, title: "\(group.id.rawValue). \(group.title)", detail: "\(group.tasks.count) nhiệm vụ",
        path: Route.group(group.id).path)
    }
    sink.append(Array(",\n".utf8) + tail.bytes + Array("\n]};\n".utf8), key: nil)
  }

  /// A JavaScript string literal (JSON-compatible; `</` is written `<\/` so
  /// the text can never close a script element).
  static func writeJSString(_ text: String, into out: inout [UInt8]) {
    var literal: [UInt8] = []
    JSONValue.writeString(text, into: &literal)
    var previous: UInt8 = 0
    for byte in literal {
      if byte == 0x2F, previous == 0x3C { out.append(0x5C) }
      out.append(byte)
      previous = byte
    }
  }
}

/// One part of the search index: entries of five numbers (kind, title,
/// detail, address, extra words), each text a number in the part's own
/// table, so that texts many entries share (an agency's name, a task's
/// address) are written once.
struct SearchPart {
  private var strings: [String] = []
  // By bytes: the plan's text is NFC, and a `String` key normalizes
  // Vietnamese text to hash and compare it (half the index's time).
  private var numbers: [UTF8Bytes: Int] = [:]
  private var entries: [Int] = []

  mutating func add(_ kind: Int, title: String, detail: String?, path: String, extra: String? = nil)
  {
    entries += [kind, number(title), number(detail), number(path), number(extra)]
  }

  private mutating func number(_ text: String?) -> Int {
    guard let text, !text.isEmpty else { return -1 }
    let key = UTF8Bytes(text)
    if let n = numbers[key] { return n }
    strings.append(text)
    numbers[key] = strings.count - 1
    return strings.count - 1
  }

  /// `{"strings":[…],"entries":[…]}`, a string to a line.
  var bytes: [UInt8] {
    var out = Array("{\"strings\":[".utf8)
    for (index, string) in strings.enumerated() {
      if index > 0 { out += [0x2C, 0x0A] }
      PlanData.writeJSString(string, into: &out)
    }
    out.append(contentsOf: "],\"entries\":[".utf8)
    for start in stride(from: 0, to: entries.count, by: 5) {
      out.append(contentsOf: start == 0 ? "[".utf8 : ",[".utf8)
      for index in start..<start + 5 {
        if index > start { out.append(0x2C) }
        out.append(contentsOf: String(entries[index]).utf8)
      }
      out.append(0x5D)
    }
    out.append(contentsOf: "]}".utf8)
    return out
  }
}
