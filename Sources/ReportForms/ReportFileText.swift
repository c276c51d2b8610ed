import Foundation
import PlanModel
import SiteCore

/// The text of a report file (`reports/<period>/<reporter>.md`), as an
/// editor would write it by hand: YAML front matter, then the summary.
enum ReportFileText {
  static func make(_ group: FormReader.Group, options: FormImport.Options) -> String {
    var lines = ["---", "date: \(options.date.iso)", "draft: true"]
    if let document = options.document { lines.append("document: \(quoted(document))") }
    if let url = options.sourceURL { lines.append("source_url: \(quoted(url))") }
    if !group.tasks.isEmpty {
      lines.append("tasks:")
      for update in group.tasks {
        lines.append("  - task: \(quoted(update.task.value))")
        if let status = update.status { lines.append("    status: \(status.value.rawValue)") }
        if let progress = update.progress { lines.append("    progress: \(progress.value)") }
        if let doneOn = update.doneOn { lines.append("    done_on: \(doneOn.value.iso)") }
        if !update.text.markdown.isEmpty {
          if let block = literalBlock(update.text.markdown, indent: "      ") {
            lines.append("    text: |-")
            lines += block
          } else {
            lines.append("    text: \(quoted(update.text.markdown))")
          }
        }
      }
    }
    if !group.figures.isEmpty {
      lines.append("indicators:")
      for figure in group.figures {
        lines.append("  - indicator: \(figure.indicator.value)")
        lines.append("    year: \(quoted(figure.period.value))")
        lines.append("    value: \(quoted(figure.value.description))")
      }
    }
    lines.append("---")
    let summary = options.summary.trimmingCharacters(in: .whitespacesAndNewlines)
    return lines.joined(separator: "\n") + "\n" + (summary.isEmpty ? "" : "\n" + summary + "\n")
  }

  /// A text of several lines as the lines of a YAML literal block
  /// (`text: |-`), each on its own line of the file as the clerk wrote it,
  /// so a problem found in the text is reported at its line; nil for one
  /// line, or for a text a literal block cannot hold exactly (a first line
  /// that starts with a space, a character YAML does not print).
  static func literalBlock(_ text: String, indent: String) -> [String]? {
    let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
      separator: "\n", omittingEmptySubsequences: false)
    guard lines.count > 1, let first = lines.first, let last = lines.last,
      let start = first.first, start != " ", start != "\t",
      last.last.map({ !$0.isWhitespace }) ?? false,
      text.unicodeScalars.allSatisfy(isPrintedInBlock)
    else { return nil }
    return lines.map { $0.isEmpty ? "" : indent + $0 }
  }

  /// YAML's printable characters, less the ones it reads as line breaks.
  private static func isPrintedInBlock(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE,
      0xFF00...0xFFFD, 0x10000...0x10FFFF:
      true
    default: false
    }
  }

  /// A YAML double-quoted scalar (a JSON string literal is one).
  static func quoted(_ text: String) -> String {
    QuotedText.quoted(text.replacingOccurrences(of: "\r\n", with: "\n"))
  }
}

/// Publishes a draft report: removes its `draft: true` line.
public enum ReportPublisher {
  /// The reporters `named` names: ids (or file names, `so-tai-chinh.md`),
  /// a comma list, and for `all-…` every reporter of that kind whose file
  /// in `reports/<period>/` is not published.
  ///
  /// The files on disk, not the reports that loaded: a draft with a
  /// mistake must stop the list (its errors are printed when it is
  /// checked), not be skipped while the others are published.
  public static func reporters(
    _ named: String, period: String, content: String, draft: PlanDraft
  ) throws(DiagnosticError) -> [String] {
    let agencies = Set(draft.agencies.map(\.value.id.rawValue))
    let kinds = Dictionary(
      draft.communes.map { ($0.value.id.rawValue, $0.value.kind) }, uniquingKeysWith: { a, _ in a })
    let published = Set(
      draft.reports.filter { !$0.isDraft && $0.periodRef.value == period }.map(
        \.reporterRef.value))
    let folder = "\(content)/reports/\(period)"
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }
    var result: [String] = []
    for part in named.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
    where !part.isEmpty {
      guard let collective = Collective(rawValue: part) else {
        result.append(part.hasSuffix(".md") ? String(part.dropLast(3)) : part)
        continue
      }
      let unknown = files.filter { !agencies.contains($0) && kinds[$0] == nil }.sorted()
      guard unknown.isEmpty else {
        throw DiagnosticError(
          unknown.map { id in
            .error(
              vi: "không biết '\(id)' là cơ quan hay xã, phường nào nên không công bố theo "
                + "\(part)",
              en: "'\(id)' is no known agency or commune, so \(part) is not published",
              at: SourceLocation(file: "\(folder)/\(id).md"),
              notes: [
                Diagnostic.Note(
                  vi: "sửa tên tệp theo mã trong agencies.yaml hoặc communes.yaml",
                  en: "name the file after an id of agencies.yaml or communes.yaml")
              ])
          })
      }
      let found = files.filter { id in
        !published.contains(id)
          && (collective.includesAgencies
            ? agencies.contains(id) : kinds[id].map(collective.includes) ?? false)
      }.sorted()
      guard !found.isEmpty else {
        throw DiagnosticError(
          .error(
            vi: "không có bản nháp nào của \(part) trong \(folder)/",
            en: "there is no draft of \(part) in \(folder)/",
            at: SourceLocation(file: "plansite report publish")))
      }
      result += found
    }
    var seen = Set<String>()
    return result.filter { seen.insert($0).inserted }
  }

  public static func publish(content: String, period: String, reporter: String)
    throws(DiagnosticError)
  {
    let (path, text) = try published(content: content, period: period, reporter: reporter)
    try AtomicFile.write(text, to: path)
  }

  /// Writes a text `published` gave, atomically.
  public static func write(_ text: String, to path: String) throws(DiagnosticError) {
    try AtomicFile.write(text, to: path)
  }

  /// The index of the `draft: true` line of a report's front matter.
  private static func draftLine(in lines: [String]) -> Int? {
    guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
      let end = lines.dropFirst().firstIndex(where: {
        $0.trimmingCharacters(in: .whitespaces) == "---"
      })
    else { return nil }
    return lines[1..<end].firstIndex {
      $0.replacingOccurrences(of: " ", with: "").lowercased().hasPrefix("draft:true")
    }
  }

  /// The report file of `period` and `reporter` and its text once
  /// published, without writing it (a list is checked whole first).
  public static func published(content: String, period: String, reporter: String)
    throws(DiagnosticError) -> (path: String, text: String)
  {
    let path = "\(content)/reports/\(period)/\(reporter).md"
    let location = SourceLocation(file: path)
    guard let data = FileManager.default.contents(atPath: path),
      let text = String(data: data, encoding: .utf8)
    else {
      let folder = "\(content)/reports/\(period)"
      let drafts = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { $0.hasSuffix(".md") }.sorted()
      var notes: [Diagnostic.Note] = []
      let names = drafts.map { String($0.dropLast(3)) }
      if let close = Suggestion.closest(to: reporter, among: names) {
        notes.append(
          Diagnostic.Note(
            vi: "có phải là '\(close)'? plansite report publish \(period) \(close)",
            en: "did you mean '\(close)'? plansite report publish \(period) \(close)"))
      }
      if !drafts.isEmpty {
        notes.append(
          Diagnostic.Note(
            vi: "các báo cáo của kỳ '\(period)': \(drafts.joined(separator: ", "))",
            en: "the reports of period '\(period)': \(drafts.joined(separator: ", "))"))
      } else {
        // No such period folder: the ones there are.
        let periods =
          ((try? FileManager.default.contentsOfDirectory(atPath: "\(content)/reports"))
          ?? []).filter { !$0.hasPrefix(".") }.sorted()
        if !periods.isEmpty {
          notes.append(
            Diagnostic.Note(
              vi: "không có thư mục kỳ '\(period)'; các kỳ có báo cáo: "
                + periods.joined(separator: ", "),
              en: "there is no period folder '\(period)'; the periods with reports: "
                + periods.joined(separator: ", ")))
        }
      }
      throw DiagnosticError(
        .error(
          vi: "không có báo cáo '\(path)'", en: "there is no report '\(path)'", at: location,
          notes: notes))
    }
    var lines = text.components(separatedBy: "\n")
    guard let draftLine = draftLine(in: lines) else {
      throw DiagnosticError(
        .error(
          vi: "báo cáo này không phải bản nháp (không có dòng 'draft: true'): đã được công bố",
          en: "this report is not a draft (no 'draft: true' line): it is already published",
          at: location))
    }
    lines.remove(at: draftLine)
    return (path, lines.joined(separator: "\n"))
  }
}
