import ContentLoader
import Foundation
import PlanModel
import Testing

@testable import SiteCore
@testable import SiteRenderer

/// The values digested (and some stored) as lists of their fields write
/// one field for each stored property, on a model with reports: a property
/// added to one of them fails here until its `encode(to:)` writes it, so
/// the page digests that take these values cover every field.
@Suite struct ListCodingTests {
  @Test func everyListCodedValueWritesEachStoredProperty() throws {
    let content = try TestProject.syntheticCorpus(
      tasks: 120, reports: true, in: TestProject.temporaryDirectory("list-coding"))
    let plan = try #require(
      PlanValidator().validate(ContentLoader(directory: content).load().draft).plan)
    let model = SiteModel(plan: plan, today: TestProject.today)
    #expect(model.reports.hasReports)

    var checked: [String: Int] = [:]
    func check<T: Encodable>(_ value: T) {
      let name = String(describing: T.self)
      let stored = Mirror(reflecting: value).children.count
      let written = (try? BinaryCoding.encode(value)).flatMap(BinaryCoding.listFieldCount)
      #expect(written == stored, "\(name): \(stored) stored properties")
      checked[name, default: 0] += 1
    }

    for task in plan.tasks {
      check(task)
      check(model.state(task.id))
      check(model.shown(task))
      if let row = model.row(task.id) { check(row.value) }
      for assignment in task.assignments { check(assignment) }
      check(task.source)
      guard let input = TaskPage.input(task.id, model) else { continue }
      check(input)
      for name in input.assignees.joined() { check(name) }
      for indicator in input.indicators { check(indicator) }
      for link in [input.previous, input.next].compactMap(\.self) { check(link) }
      for entry in input.timeline.value {
        check(entry)
        check(entry.head.value)
      }
      for holder in input.holders {
        check(holder)
        check(holder.body.value)
      }
    }
    for report in plan.reports {
      check(report)
      for update in report.tasks { check(update) }
      for input in ReportPage.pages(report.period, report.reporter, model) {
        check(input)
        for line in input.tasks { check(line) }
      }
    }
    for commune in plan.communes {
      for section in DutyListing.commune(commune, model).sections { check(section) }
    }
    for agency in plan.agencies {
      for duty in AgencyFiles.input(agency, model).duties { check(duty) }
    }
    for data in PlanData.input(model).tasks { check(data.value) }

    // Every kind was met (a corpus without reports or holders would not
    // check their types).
    for name in [
      "PlanTask", "TaskState", "ShownStatus", "TaskRow", "Assignment", "SourceRef", "Input",
      "AssigneeName", "TaskLink", "TimelineEntry", "ReportHead", "HolderStatus", "BodyName",
      "Report", "TaskUpdate", "Line", "Section", "Duty", "TaskData",
    ] {
      #expect(checked[name, default: 0] > 0, "\(name) not met")
    }
  }
}
