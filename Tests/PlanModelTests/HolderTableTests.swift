import SiteCore
import Testing

@testable import PlanModel

/// `HolderTable` (the report checks' bits) against `Plan.holdsAny`, which
/// reads each assignment: the same answer for every body and task, with
/// more bodies than one word of bits holds.
@Suite struct HolderTableTests {
  @Test func theTableAgreesWithTheAssignments() throws {
    var draft = Drafts.draft(
      tasks: HoldersTests.tasks + [
        ("1.6", [(["phuong-them-63", "xa-them-64", "xa-them-65"], .implement)]),
        ("1.7", [(["all-phuong"], .lead), (["so-b"], .support)]),
        ("1.8", [(["xa-them-130"], .implement)]),
      ])
    // 130 more communes: bodies at places beyond 64 and 128.
    for number in 1...130 {
      let id = number % 3 == 0 ? "phuong-them-\(number)" : "xa-them-\(number)"
      draft.communes.append(
        PlanDraft.Entry(
          Commune(
            id: CommuneID(id), name: id, kind: number % 3 == 0 ? .phuong : .xa,
            source: Drafts.ref("communes.yaml")),
          idLocation: SourceLocation(file: "Content/communes.yaml")))
    }
    let result = PlanValidator().validate(draft)
    #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
    let plan = try #require(result.plan)
    #expect(plan.agencies.count + plan.communes.count > 128)
    let table = HolderTable(plan)
    let bodies =
      plan.agencies.map { Reporter.agency($0.id) } + plan.communes.map { .commune($0.id) }
    var held = 0
    for place in plan.tasks.indices {
      for body in bodies {
        let expected = plan.holdsAny(body, taskAt: place)
        let bodyPlace = try #require(plan.bodyPlace(of: body))
        #expect(table.holds(bodyPlace, taskAt: place) == expected, "\(body) \(place)")
        if expected { held += 1 }
      }
    }
    // Collectives and named bodies both: most bodies hold 1.1, few hold 1.8.
    #expect(held > bodies.count)
    #expect(!table.holds(0, taskAt: plan.tasks.count))
    #expect(!table.holds(bodies.count + 64, taskAt: 0))
  }
}
