import PlanModel

/// What a form's reference columns show (filled by plansite, for the clerk
/// to read): what the body last said before the form's period, in a
/// published report (a draft is still under review; it may be wrong).
///
/// The import reads them back to tell a clerk who typed this period's
/// status into them that it was not imported.
struct FormReference {
  private let index: ReportIndex
  private let ends: [PeriodID: Day]

  init(plan: Plan) {
    index = ReportIndex(plan: plan.withoutDraftReports)
    ends = Dictionary(
      (plan.schedule?.periods ?? []).map { ($0.id, $0.end) },
      uniquingKeysWith: { first, _ in first })
  }

  /// The reference cells of `reporter`'s row for `task`: its latest word
  /// from a period that ends before `period` (a form made again for an old
  /// period must not show a later report as "before").
  func task(_ task: TaskID, by reporter: Reporter, before period: ReportingPeriod)
    -> [FormColumn: String]
  {
    guard
      let latest = index.latest(
        reporter, on: task, in: { ends[$0].map { $0 < period.end } ?? false })
    else { return [:] }
    return [
      .lastStatus: latest.update.status?.label ?? "",
      .lastProgress: latest.update.progress.map { "\($0)%" } ?? "",
      .lastDate: latest.report.date.vietnamese,
    ]
  }

  /// The reference cell of an indicator's row: its latest figure, from
  /// indicators.yaml or from a report of a period that ends before
  /// `period` (not the report a form of this period replaces).
  func indicator(_ indicator: Indicator, before period: ReportingPeriod) -> [FormColumn: String] {
    let reported = index.figures(for: indicator.id).filter {
      ends[$0.report.period].map { $0 < period.end } ?? false
    }
    let figures =
      indicator.actuals.map { ($0.period, $0.value) }
      + reported.map { ($0.figure.period, $0.figure.value) }
    guard let last = figures.last else { return [:] }
    return [.lastStatus: "\(last.0): \(last.1.shown)"]
  }

  /// The columns plansite fills in with what was said before.
  static let columns: [FormColumn] = [.lastStatus, .lastProgress, .lastDate]
}
