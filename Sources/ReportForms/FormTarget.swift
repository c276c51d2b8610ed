import PlanModel
import SiteCore

/// Resolves what the command line names: a period (`--period 2026-6t`) and
/// who reports (`--from so-tai-chinh`, `--from all-communes`, or a list
/// `--from xa-a,xa-b`), with suggestions when a name is mistyped.
public enum FormTarget {
  /// Where the command line's values are "written", for messages.
  static let commandLine = SourceLocation(file: "plansite report")

  /// Where the plan's reporting schedule is, or would be: `reporting.yaml`
  /// beside `plan.md`, as messages name files (`Content/reporting.yaml`).
  static func scheduleFile(of plan: Plan) -> String {
    let source = plan.document.source
    let folder =
      source.location.file.hasSuffix(source.path)
      ? String(source.location.file.dropLast(source.path.count)) : ""
    return folder + "reporting.yaml"
  }

  /// The period with id `text`, or an error with a suggestion.
  public static func period(_ text: String, in plan: Plan) throws(DiagnosticError)
    -> ReportingPeriod
  {
    guard let schedule = plan.schedule else {
      throw DiagnosticError(
        .error(
          vi: "kế hoạch chưa có lịch báo cáo: chưa có tệp này",
          en: "the plan has no reporting schedule: this file does not exist",
          at: SourceLocation(file: scheduleFile(of: plan)),
          notes: [
            Diagnostic.Note(
              vi: "tạo tệp với các kỳ báo cáo, mỗi kỳ có id, name, start, end, due "
                + "(xem docs/content.md, mục reporting.yaml), rồi chạy lại lệnh",
              en: "create it with the reporting periods, each with id, name, start, end, due "
                + "(see docs/content.md, reporting.yaml), then run the command again")
          ]))
    }
    if let period = schedule.periods.first(where: { $0.id.rawValue == text }) { return period }
    let candidates = schedule.periods.map {
      Suggestion.Candidate(id: $0.id.rawValue, name: $0.name)
    }
    var notes: [Diagnostic.Note] = []
    if let close = Suggestion.closest(to: text, among: candidates) {
      notes.append(
        Diagnostic.Note(
          vi: "có phải là '\(close.id)' (\(close.name))?",
          en: "did you mean '\(close.id)' (\(close.name))?"))
    }
    let all = schedule.periods.map(\.id.rawValue).joined(separator: ", ")
    notes.append(Diagnostic.Note(vi: "các kỳ báo cáo: \(all)", en: "the periods: \(all)"))
    throw DiagnosticError(
      .error(
        vi: "không có kỳ báo cáo '\(text)' trong reporting.yaml",
        en: "there is no period '\(text)' in reporting.yaml", at: commandLine, notes: notes))
  }

  /// The reporters `text` names: ids of agencies and communes and the
  /// collectives (`all-communes`, `all-xa` …), separated by commas.
  public static func reporters(_ text: String, in plan: Plan) throws(DiagnosticError) -> [Reporter]
  {
    var result: [Reporter] = []
    var problems: [Diagnostic] = []
    for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
    where !part.isEmpty {
      if let collective = Collective(rawValue: part) {
        if collective.includesAgencies {
          result += plan.agencies.map { .agency($0.id) }
        } else {
          result += plan.communes.filter { collective.includes($0.kind) }.map { .commune($0.id) }
        }
      } else if plan.agency(AgencyID(part)) != nil {
        result.append(.agency(AgencyID(part)))
      } else if plan.commune(CommuneID(part)) != nil {
        result.append(.commune(CommuneID(part)))
      } else {
        let candidates =
          plan.agencies.map { Suggestion.Candidate(id: $0.id.rawValue, name: $0.name) }
          + plan.communes.map { Suggestion.Candidate(id: $0.id.rawValue, name: $0.fullName) }
        var notes: [Diagnostic.Note] = []
        if let close = Suggestion.closest(to: part, among: candidates) {
          notes.append(
            Diagnostic.Note(
              vi: "có phải là '\(close.id)' (\(close.name))?",
              en: "did you mean '\(close.id)' (\(close.name))?"))
        }
        notes.append(
          Diagnostic.Note(
            vi: "dùng mã trong agencies.yaml hoặc communes.yaml, hoặc all-agencies, all-communes, "
              + "all-xa, all-phuong, all-dac-khu",
            en: "use an id from agencies.yaml or communes.yaml, or all-agencies, all-communes, "
              + "all-xa, all-phuong, all-dac-khu"))
        problems.append(
          .error(
            vi: "không tìm thấy cơ quan hoặc xã, phường '\(part)'",
            en: "no agency or commune '\(part)'", at: commandLine, notes: notes))
      }
    }
    guard problems.isEmpty else { throw DiagnosticError(problems) }
    var seen = Set<Reporter>()
    let unique = result.filter { seen.insert($0).inserted }
    guard !unique.isEmpty else {
      throw DiagnosticError(
        .error(
          vi: "chưa nêu đơn vị báo cáo (--from)", en: "no reporter given (--from)",
          at: commandLine))
    }
    return unique
  }
}
