/// The whole plan, validated: every reference resolves, every id is unique.
///
/// Built only by `PlanValidator`, so code that receives a `Plan` can look
/// things up without handling missing ids.
public struct Plan: Sendable {
  /// Site-wide settings.
  public let site: SiteSettings
  /// The document's identity and preamble.
  public let document: PlanDocument
  /// The numbered parts of the text, in order.
  public let sections: [PlanSection]
  /// The task groups, in order.
  public let groups: [TaskGroup]
  /// Every task, in plan order (group by group).
  public private(set) var tasks: [PlanTask]
  /// The agencies, in registry order.
  public let agencies: [Agency]
  /// The communes, in registry order.
  public let communes: [Commune]
  /// The indicators, in registry order.
  public let indicators: [Indicator]
  /// The reporting schedule, if the plan's content has one.
  public internal(set) var schedule: ReportingSchedule?
  /// The reports published on the site (drafts only when asked for), by
  /// period in schedule order, then reporter.
  public internal(set) var reports: [Report]

  private let tasksByID: [TaskID: Int]
  private let groupsByID: [GroupID: Int]
  private let agenciesByID: [AgencyID: Int]
  private let communesByID: [CommuneID: Int]
  private let indicatorsByID: [IndicatorID: Int]

  /// Assembles a plan.
  ///
  /// Ids must be unique and references must resolve; `PlanValidator` guarantees both before calling
  /// this.
  init(
    site: SiteSettings, document: PlanDocument, sections: [PlanSection], groups: [TaskGroup],
    tasks: [PlanTask], agencies: [Agency], communes: [Commune], indicators: [Indicator],
    schedule: ReportingSchedule? = nil, reports: [Report] = []
  ) {
    self.schedule = schedule
    self.reports = reports
    self.site = site
    self.document = document
    self.sections = sections
    self.groups = groups
    self.tasks = tasks
    self.agencies = agencies
    self.communes = communes
    self.indicators = indicators
    func index<ID: Hashable>(_ ids: [ID]) -> [ID: Int] {
      Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }
    tasksByID = index(tasks.map(\.id))
    groupsByID = index(groups.map(\.id))
    agenciesByID = index(agencies.map(\.id))
    communesByID = index(communes.map(\.id))
    indicatorsByID = index(indicators.map(\.id))
  }

  public func task(_ id: TaskID) -> PlanTask? { tasksByID[id].map { tasks[$0] } }
  /// The place of a task in `tasks`, to read it there without a copy.
  func place(of id: TaskID) -> Int? { tasksByID[id] }
  /// The title of a task, read in place: a report's page names each of its
  /// tasks, and copying a task out of the plan retains every part of it.
  public func title(of id: TaskID) -> String? { tasksByID[id].map { tasks[$0].title } }
  /// The text of a task's assignment `index`, read in place (for each duty
  /// of an agency's data files).
  public func text(ofAssignment index: Int, of id: TaskID) -> RichText? {
    guard let place = tasksByID[id], tasks[place].assignments.indices.contains(index) else {
      return nil
    }
    return tasks[place].assignments[index].text
  }

  /// Puts `task` in the place of the task with its id, and returns that
  /// place; nil, and nothing replaced, when no task has its id.
  mutating func replace(_ task: PlanTask) -> Int? {
    guard let index = tasksByID[task.id] else { return nil }
    tasks[index] = task
    return index
  }
  public func group(_ id: GroupID) -> TaskGroup? { groupsByID[id].map { groups[$0] } }
  public func agency(_ id: AgencyID) -> Agency? { agenciesByID[id].map { agencies[$0] } }
  public func commune(_ id: CommuneID) -> Commune? { communesByID[id].map { communes[$0] } }
  /// The place of an agency in `agencies`, and of a commune in `communes`.
  func place(of id: AgencyID) -> Int? { agenciesByID[id] }
  func place(of id: CommuneID) -> Int? { communesByID[id] }
  public func indicator(_ id: IndicatorID) -> Indicator? {
    indicatorsByID[id].map { indicators[$0] }
  }

  /// A reporting period of the schedule.
  public func period(_ id: PeriodID) -> ReportingPeriod? {
    periodPlace(of: id).flatMap { schedule?.periods[$0] }
  }

  /// The name of a reporting period, read in place (each entry of each
  /// task's timeline names its period).
  public func periodName(of id: PeriodID) -> String? {
    periodPlace(of: id).flatMap { schedule?.periods[$0].name }
  }

  /// A period's place in the schedule.
  private func periodPlace(of id: PeriodID) -> Int? {
    schedule?.periods.firstIndex { $0.id == id }
  }

  /// The position of a task in plan order, for sorting duties.
  public func position(of id: TaskID) -> Int { tasksByID[id] ?? Int.max }
  /// An indicator's place in `indicators` (an unknown one: last).
  public func position(of id: IndicatorID) -> Int { indicatorsByID[id] ?? Int.max }
}

extension Plan {
  /// The plan without its draft reports: what a build without drafts shows.
  public var withoutDraftReports: Plan {
    var plan = self
    plan.reports = reports.filter { !$0.isDraft }
    return plan
  }
}
