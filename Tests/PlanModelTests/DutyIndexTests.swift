import PlanModel
import SiteCore
import Testing

@Suite struct DutyIndexTests {
  func plan() throws -> Plan {
    let draft = Drafts.draft(tasks: [
      ("1.1", [(["all-agencies", "all-communes"], .implement), (["so-a"], .lead)]),
      ("1.2", [(["so-b", "all-agencies"], .support), (["xa-1"], .implement)]),
      ("1.10", [(["all-xa"], .implement), (["phuong-1"], .lead)]),
    ])
    let result = PlanValidator().validate(draft)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    return try #require(result.plan)
  }

  @Test func tasksAreInNaturalOrder() throws {
    #expect(try plan().tasks.map(\.id.rawValue) == ["1.1", "1.2", "1.10"])
  }

  @Test func agencyDutiesIncludeCollectivesAndNamedOnce() throws {
    let index = DutyIndex(plan: try plan())
    let a = index.duties(of: AgencyID("so-a"))
    #expect(a.map(\.task.rawValue) == ["1.1", "1.1", "1.2"])
    #expect(a.map(\.role) == [.implement, .lead, .support])
    #expect(a[0].via == .allAgencies)
    #expect(a[1].via == nil)
    let b = index.duties(of: AgencyID("so-b"))
    #expect(b.count == 2)
    #expect(b[1].via == nil)  // named beside all-agencies: listed once, as named
  }

  @Test func communeDutiesComeInThreeScopes() throws {
    let plan = try plan()
    let index = DutyIndex(plan: plan)
    #expect(index.namedDuties(of: CommuneID("xa-1")).map(\.task.rawValue) == ["1.2"])
    #expect(index.duties(of: .allXa).map(\.task.rawValue) == ["1.10"])
    #expect(index.duties(of: .allCommunes).map(\.task.rawValue) == ["1.1"])
    let xa1 = try #require(plan.commune(CommuneID("xa-1")))
    #expect(index.allDuties(of: xa1).map(\.task.rawValue) == ["1.2", "1.10", "1.1"])
    let phuong = try #require(plan.commune(CommuneID("phuong-1")))
    #expect(index.allDuties(of: phuong).map(\.task.rawValue) == ["1.10", "1.1"])
    #expect(DutyIndex.collectives(reaching: .xa) == [.allXa, .allCommunes])
    #expect(
      index.dutyCounts(of: plan.communes) == plan.communes.map { index.allDuties(of: $0).count })
  }

  /// `hasDuties` is whether the full list is empty, for communes with
  /// named duties only, shared ones only, both, or none.
  @Test func aCommuneHasDutiesWhenItsListIsNotEmpty() throws {
    let plans: [[(id: String, assignments: [([String], Assignment.Role)])]] = [
      [("1.1", [(["all-phuong"], .implement), (["xa-1"], .lead)])],
      [("1.1", [(["so-a"], .lead)])],
      [("1.1", [(["all-communes"], .support)]), ("1.2", [(["xa-2"], .lead)])],
    ]
    var answers: Set<Bool> = []
    for tasks in plans {
      let plan = try #require(PlanValidator().validate(Drafts.draft(tasks: tasks)).plan)
      let index = DutyIndex(plan: plan)
      for commune in plan.communes {
        #expect(index.hasDuties(commune) == !index.allDuties(of: commune).isEmpty)
        answers.insert(index.hasDuties(commune))
      }
    }
    #expect(answers == [true, false])
  }

  @Test func rollupCountsEachTaskOnce() throws {
    let plan = try plan()
    let rollup = Rollup(plan.tasks, today: .unixEpoch)
    #expect(rollup.total == 3)
    #expect(rollup.count(.unreported) == 3)
    #expect(rollup.meanProgress == nil)
  }
}

@Suite struct ValidatorTests {
  @Test func reportsUnknownAssigneesWithSuggestions() {
    let draft = Drafts.draft(tasks: [("1.1", [(["so-aa", "xa-3", "all-comunes"], .lead)])])
    let messages = PlanValidator().validate(draft).diagnostics.map(\.message.en)
    #expect(
      messages == [
        "unknown agency 'so-aa'", "unknown commune 'xa-3'",
        "unknown agency or commune 'all-comunes'",
      ])
  }

  @Test func noPlanWhenThereAreErrors() {
    let draft = Drafts.draft(tasks: [("1.1", [(["nobody"], .lead)])])
    #expect(PlanValidator().validate(draft).plan == nil)
  }

  @Test func rejectsIdsThatAreNotSafePaths() {
    for bad in ["../x", "1 2", "1..2", ".1", "Ố", "a/b", "1."] {
      #expect(!IDRules.isPlanNumber(bad), "\(bad)")
    }
    for good in ["1", "1.1", "A.2", "III.2.a", "nv-00001"] {
      #expect(IDRules.isPlanNumber(good), "\(good)")
    }
  }

  @Test func warnsAboutCommunesAlreadyInACollective() {
    let draft = Drafts.draft(tasks: [("1.1", [(["all-communes", "xa-1", "all-xa"], .implement)])])
    let result = PlanValidator().validate(draft)
    #expect(result.plan != nil)
    #expect(result.diagnostics.map(\.severity) == [.warning, .warning])
  }
}
