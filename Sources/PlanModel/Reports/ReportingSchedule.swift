/// When reports are due and who sends them (`reporting.yaml`).
public struct ReportingSchedule: Hashable, Sendable, Codable {
  /// The reporting periods, in the file's order.
  public var periods: [ReportingPeriod]
  /// Who must report each period; `nil` means every body holding an assignment.
  public var reporters: [Assignee]?
  /// The agency that compiles the reports, if named.
  public var compiler: AgencyID?
  /// Where the schedule is written.
  public var source: SourceRef

  public init(
    periods: [ReportingPeriod], reporters: [Assignee]?, compiler: AgencyID?, source: SourceRef
  ) {
    self.periods = periods
    self.reporters = reporters
    self.compiler = compiler
    self.source = source
  }
}

public typealias PeriodID = Identifier<ReportingPeriod>

/// One reporting period (kỳ báo cáo): `6 tháng đầu năm 2026`.
public struct ReportingPeriod: Hashable, Sendable, Codable {
  /// The id, also the folder of its reports (`2026-6t`).
  public var id: PeriodID
  /// The name as documents write it.
  public var name: String
  /// The first day the period covers.
  public var start: Day
  /// The last day the period covers.
  public var end: Day
  /// The day reports are due (hạn gửi báo cáo); one received later is late.
  public var due: Day
  /// Where the period is defined.
  public var source: SourceRef

  /// Whether the period's figures are the whole year's.
  ///
  /// It is when it covers exactly twelve months ending in December
  /// (`01/01–31/12`, or `15/12/2025–14/12/2026` as annual reports count),
  /// or when its name is the year (`Năm 2026`, an annual report closed on
  /// 15/12). A quarter or half year that ends on 31/12 is not, nor twelve
  /// months from July or eighteen months, whose figures are no year's.
  public var isYearly: Bool {
    (end.month == 12 && start == end.next.yearEarlier)
      || IndicatorJudge.period(name) == .period(String(end.year))
  }

  public init(
    id: PeriodID, name: String, start: Day, end: Day, due: Day, source: SourceRef
  ) {
    self.id = id
    self.name = name
    self.start = start
    self.end = end
    self.due = due
    self.source = source
  }
}
