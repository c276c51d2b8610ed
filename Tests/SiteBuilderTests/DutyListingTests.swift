import ContentLoader
import Foundation
import PlanModel
import Testing

@testable import SiteRenderer

/// Long duty lists are split by task group and paged.
///
/// The split is worked
/// out in one pass (`DutyListing.byGroup`) and each group's roll-up once
/// for all its pages; both must give what the one-group-at-a-time
/// definitions give, on every agency's, commune's and collective's list.
@Suite struct DutyListingTests {
  @Test func splittingByGroupMatchesEachGroupAlone() throws {
    let model = try Self.model(tasks: 1000)
    var listings = model.plan.agencies.map { DutyListing.agency($0.id, model) }
    listings += model.plan.communes.map { DutyListing.commune($0, model) }
    listings += Collective.allCases.map { DutyListing.collective($0, model) }
    var split = 0
    for listing in listings {
      let grouped = listing.grouped(model.plan)
      let parts = listing.byGroup()
      let groups = grouped.groups.map(\.id)
      // The plan's groups that a row's task belongs to, in the plan's order.
      let present = Set(listing.sections.flatMap { $0.rows.map(\.task.group) })
      #expect(groups == model.plan.groups.map(\.id).filter(present.contains))
      #expect(Set(parts.keys) == Set(groups))
      // Split once for the pages of a long listing only.
      #expect(grouped.parts == (listing.isInline ? [:] : parts))
      for group in groups {
        let part = listing.only(group)
        #expect(parts[group] == part)
        let pages = DutyGroupPart.pages(part, group: group, model)
        #expect(pages.map(\.page) == Array(1...part.pageCount))
        #expect(
          pages.flatMap { $0.listing.sections.flatMap(\.rows) } == part.sections.flatMap(\.rows))
        #expect(pages.allSatisfy { $0.summary == StatusSummary(part.shown) })
      }
      if !listing.isInline { split += 1 }
    }
    #expect(split > 0, "no listing long enough to be split by group")
  }

  /// A listing's statuses are one per distinct task, as told by task id,
  /// in the order the tasks first appear (`shown` tells them by their
  /// rows' identity).
  @Test func aListingShowsEachDistinctTaskOnce() throws {
    // The real plan names some agencies in two assignments of one task.
    let real = try #require(
      PlanValidator().validate(ContentLoader(directory: TestProject.content).load().draft).plan)
    var repeated = 0
    for model in [try Self.model(tasks: 1000), SiteModel(plan: real, today: TestProject.today)] {
      var listings = model.plan.agencies.map { DutyListing.agency($0.id, model) }
      listings += model.plan.communes.map { DutyListing.commune($0, model) }
      listings += Collective.allCases.map { DutyListing.collective($0, model) }
      repeated += Self.checkShown(listings)
    }
    // Some listing holds a task twice (two of its assignments).
    #expect(repeated > 0)
  }

  /// Checks each listing's `shown`; how many listings hold a task twice.
  private static func checkShown(_ listings: [DutyListing]) -> Int {
    var repeated = 0
    for listing in listings {
      var seen = Set<TaskID>()
      var expected: [ShownStatus] = []
      for row in listing.sections.flatMap(\.rows) where seen.insert(row.task.value.id).inserted {
        expected.append(row.own ?? row.task.value.shown)
      }
      #expect(listing.shown == expected)
      if seen.count < listing.count { repeated += 1 }
    }
    return repeated
  }

  @Test func aGroupsPagesListEachTaskOnceAndShareTheGroupsRollUp() throws {
    let model = try Self.model(tasks: 1000)
    for group in model.plan.groups {
      let inputs = GroupPage.inputs(group.id, model)
      #expect(inputs.map(\.page) == Array(1...GroupPage.pageCount(group)))
      #expect(inputs.flatMap { $0.rows.map(\.value.id) } == group.tasks)
      let summary = StatusSummary(group.tasks.compactMap { model.plan.task($0) }.map(model.shown))
      #expect(inputs.allSatisfy { $0.summary == summary && $0.taskCount == group.tasks.count })
    }
  }

  /// The model of the benchmark's synthetic corpus at `tasks` tasks.
  static func model(tasks: Int) throws -> SiteModel {
    let content = try TestProject.syntheticCorpus(
      tasks: tasks, in: TestProject.temporaryDirectory("duty-listing"))
    let plan = try #require(
      PlanValidator().validate(ContentLoader(directory: content).load().draft).plan)
    return SiteModel(plan: plan, today: TestProject.today)
  }
}
