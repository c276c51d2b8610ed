import ContentLoader
import Foundation
import OutputWriter
import PlanModel
import SiteCore
import TestSupport
import Testing

@testable import SiteBuilder
@testable import SiteRenderer

/// Incremental builds must publish exactly what a clean build publishes.
///
/// The property test applies random sequences of edits an editor makes to
/// every field of every kind of content file and to the templates
/// (`ContentEditor.operations`), and after every step compares the
/// incrementally built folder with a clean build of the same input, byte
/// for byte. First every operation once, then random ones: 500 steps by
/// default, `PLANSITE_PROPERTY_STEPS` for more. Steps alternate, five at a
/// time, between one-shot builds (memory read from the build database) and
/// builds keeping their memory as `watch` and `serve` do (with what one
/// build lends the next: `SiteRenderer.Reusable`, the parsed templates).
@Suite struct IncrementalBuildTests {
  static var steps: Int {
    Int(ProcessInfo.processInfo.environment["PLANSITE_PROPERTY_STEPS"] ?? "") ?? 500
  }

  @Test func incrementalBuildsMatchCleanBuilds() throws {
    let root = TestProject.temporaryDirectory("property")
    let content = root.appendingPathComponent("Content")
    let templates = root.appendingPathComponent("Templates")
    try FileManager.default.copyItem(atPath: TestProject.templates, toPath: templates.path)
    let originalTemplates = TestProject.snapshot(of: templates.path).mapValues {
      String(decoding: $0, as: UTF8.self)
    }
    var editor = ContentEditor()
    try editor.write(content: content, previous: [:])
    let live = root.appendingPathComponent("Site").path
    func configuration(_ output: String, pagesFirst: Bool = false) -> BuildConfiguration {
      var configuration = BuildConfiguration(
        contentDirectory: content.path, templatesDirectory: templates.path,
        outputDirectory: output, today: TestProject.today,
        includesDrafts: editor.includesDrafts)
      configuration.publishesPagesFirst = pagesFirst
      return configuration
    }
    let kept = BuildMemory(configuration: configuration(live))
    func build(
      _ output: String, clean: Bool, pagesFirst: Bool = false, keeping: Bool = false,
      changes: Set<String>? = nil
    ) -> BuildResult {
      let configuration = configuration(output, pagesFirst: pagesFirst)
      let builder =
        keeping
        ? SiteBuilder(configuration: configuration, memory: kept)
        : SiteBuilder(configuration: configuration)
      return builder.build(clean: clean, changes: changes)
    }
    let first = build(live, clean: false)
    #expect(first.published, "\(first.diagnostics.formatted(.en))")

    var rng = SeededGenerator(seed: 4_2026)
    let sweep = ContentEditor.operations
    var incrementalSteps = 0
    var published = 0
    var withReports = 0
    var editedFirst = 0
    var patchedLoads = 0
    var patchedValidations = 0
    var updatedListings = 0
    var keptPieces = 0
    for step in 0..<(sweep.count + Self.steps) {
      let previous = editor.files
      let operation: ContentEditor.Operation
      if editor.broken != nil {
        editor.broken = nil
        operation = ContentEditor.Operation(name: "fix", covers: [], apply: { _, _ in })
      } else {
        operation =
          step < sweep.count ? sweep[step] : ContentEditor.pick(sweep, &rng)
        operation.apply(&editor, &rng)
        editor.reconcile()
      }
      try editor.write(content: content, previous: previous)
      try editor.writeTemplates(templates, original: originalTemplates)
      let before = TestProject.snapshot(of: live)
      // Every other step publishes as `serve` does: pages, then plan-wide
      // files. Builds keeping their memory are told which content files
      // changed, as `watch` is (but not after a one-shot build: `watch`'s
      // builds are all of one process).
      let keeping = (step / 5) % 2 == 1
      let changed = Set(editor.files.keys).union(previous.keys)
        .filter { editor.files[$0] != previous[$0] }.map { content.path + "/" + $0 }
      let incremental = build(
        live, clean: false, pagesFirst: step % 2 == 1, keeping: keeping,
        changes: keeping && step % 5 != 0 ? Set(changed) : nil)
      let reference = TestProject.temporaryDirectory("clean").appendingPathComponent("Site").path
      let clean = build(reference, clean: true)
      let what = "step \(step) (\(operation.name))"
      #expect(incremental.published == clean.published, "\(what)")
      #expect(
        incremental.diagnostics == clean.diagnostics,
        "\(what): \(incremental.diagnostics.formatted(.en)) vs \(clean.diagnostics.formatted(.en))")
      if incremental.published {
        published += 1
        if !editor.reports.isEmpty { withReports += 1 }
        let got = TestProject.snapshot(of: live)
        let want = TestProject.snapshot(of: reference)
        if got != want {
          let differing = Set(got.keys).symmetricDifference(want.keys)
            .union(got.keys.filter { want[$0] != nil && want[$0] != got[$0] })
          Issue.record("\(what): incremental differs from clean in \(differing.sorted().prefix(8))")
          return
        }
        if incremental.renderedPages < incremental.pageCount { incrementalSteps += 1 }
        if incremental.timings.contains(where: { $0.phase == "publish edited" }) {
          editedFirst += 1
        }
        if incremental.patchedLoad { patchedLoads += 1 }
        if incremental.patchedValidation { patchedValidations += 1 }
        if incremental.updatedListing { updatedListings += 1 }
        if incremental.keptPieces > 0 { keptPieces += 1 }
      } else {
        if ProcessInfo.processInfo.environment["PLANSITE_PROPERTY_DEBUG"] != nil {
          print(
            "FAIL \(what): \(incremental.diagnostics.filter { $0.severity == .error }.map(\.message.en))"
          )
        }
        // A failed build leaves the site exactly as it was.
        #expect(TestProject.snapshot(of: live) == before, "\(what)")
      }
      for suffix in ["", ".staging", ".lock", ".db"] {
        try? FileManager.default.removeItem(atPath: reference + suffix)
      }
    }
    if ProcessInfo.processInfo.environment["PLANSITE_PROPERTY_DEBUG"] != nil {
      print(
        "steps: \(sweep.count + Self.steps), published \(published), incremental "
          + "\(incrementalSteps), edited first \(editedFirst), patched loads \(patchedLoads), "
          + "patched validations \(patchedValidations), updated listings \(updatedListings), "
          + "kept pieces \(keptPieces), with reports \(withReports)")
    }
    // Most steps must publish, and really be incremental, or the test proves little.
    #expect(published > Self.steps / 2)
    #expect(incrementalSteps > Self.steps / 3)
    // The edited tasks' pages went first (`publishEditedPages`) in some steps.
    #expect(editedFirst > Self.steps / 20, "\(editedFirst) steps published edited pages first")
    // Some builds patched the last load (`EarlierLoad`).
    #expect(patchedLoads > Self.steps / 20, "\(patchedLoads) steps patched the last load")
    // Some patched the last validation too (`EarlierValidation`).
    #expect(
      patchedValidations > Self.steps / 20,
      "\(patchedValidations) steps patched the last validation")
    // Some took runs of the plan-wide files from the published ones.
    #expect(keptPieces > Self.steps / 10, "\(keptPieces) steps kept pieces of data files")
    // Some listed only the files that changed.
    #expect(updatedListings > Self.steps / 5, "\(updatedListings) steps updated the listing")
    // Reports must really be there in much of the run.
    #expect(withReports > Self.steps / 5, "\(withReports) steps published reports")
  }

  /// Every stored field of the model must be changed by some operation of
  /// the property test (or be derived from other fields, listed here with
  /// the reason): a field added to the model fails this test until the
  /// generator edits it.
  @Test func theGeneratorEditsEveryModelField() throws {
    // The generator's own starting content, drafts included, so that every
    // kind of value (reports, their entries and figures) is present.
    let content = TestProject.temporaryDirectory("generator").appendingPathComponent("Content")
    try ContentEditor().write(content: content, previous: [:])
    let plan = try #require(
      PlanValidator(today: TestProject.today, includeDrafts: true).validate(
        ContentLoader(directory: content.path).load().draft
      ).plan)
    let covered = Set(ContentEditor.operations.flatMap(\.covers))
    let derived: [String: String] = [
      "Plan.site": "holds the fields below", "Plan.document": "holds the fields below",
      "Plan.sections": "holds the fields below", "Plan.groups": "holds the fields below",
      "Plan.tasks": "holds the fields below", "Plan.agencies": "holds the fields below",
      "Plan.communes": "holds the fields below", "Plan.indicators": "holds the fields below",
      "Plan.tasksByID": "an index of `tasks`", "Plan.groupsByID": "an index of `groups`",
      "Plan.agenciesByID": "an index of `agencies`", "Plan.communesByID": "an index of `communes`",
      "Plan.indicatorsByID": "an index of `indicators`",
      "RichText.digest": "the digest of `markdown`",
      "PlanDocument.source": "where plan.md is (fixed)", "PlanSection.source": "its file",
      "TaskGroup.source": "its _group.md",
    ]
    var fields = Set<String>()
    ModelFields.collect(plan, into: &fields)
    let uncovered = fields.subtracting(covered).subtracting(derived.keys)
    #expect(uncovered.isEmpty, "fields no operation edits: \(uncovered.sorted())")
    // And the operations only claim fields that exist.
    let unknown = covered.subtracting(fields)
    #expect(unknown.isEmpty, "operations claim fields the model does not have: \(unknown.sorted())")
  }

  /// Tasks hold nothing that `==` equates while encoding differently.
  ///
  /// `watch` and `serve` reuse a task's digest when the task is `==` to
  /// the last build's (`SiteRenderer.Reusable`): exact only while equal
  /// tasks encode the same, so no floating-point value (`0.0 == -0.0`) and
  /// no string outside NFC (`==` is canonical equivalence). Walks every
  /// value of every task of the generator's plan, fields added later included.
  /// What `watch` and `serve` reuse by equality (tasks, and the page
  /// inputs a renderer keeps) must encode the same whenever it is equal:
  /// no floating-point values (`0.0 == -0.0`) and only NFC text.
  @Test func reusedValuesHoldNoFloatsAndOnlyNFCText() throws {
    let content = TestProject.temporaryDirectory("reusable").appendingPathComponent("Content")
    let editor = ContentEditor()
    try editor.write(content: content, previous: [:])
    // A decomposed file name: the model must still hold its path as NFC.
    let task = try #require(editor.files.keys.sorted().first { $0.hasPrefix("tasks/") })
    let decomposed =
      (task as NSString).deletingLastPathComponent
      + "/nhiệm-vụ.md"
      .decomposedStringWithCanonicalMapping
    try FileManager.default.moveItem(
      atPath: content.appendingPathComponent(task).path,
      toPath: content.appendingPathComponent(decomposed).path)
    let plan = try #require(
      PlanValidator(today: TestProject.today, includeDrafts: true).validate(
        ContentLoader(directory: content.path).load().draft
      ).plan)
    var problems: [String] = []
    func walk(_ value: Any, _ path: String) {
      switch value {
      case is Double, is Float: problems.append("\(path): floating-point")
      case let text as String where Array(text.utf8) != Array(text.nfc.utf8):
        problems.append("\(path): not NFC")
      default:
        for child in Mirror(reflecting: value).children {
          walk(child.value, path + "." + (child.label ?? "[]"))
        }
      }
    }
    for task in plan.tasks { walk(task, task.id.rawValue) }
    let renderer = SiteRenderer(
      plan: plan, templates: try TemplateSet(directory: TestProject.templates),
      options: .init(today: TestProject.today, keepsPageInputs: true))
    let kept = renderer.reusable(after: renderer.outputs()).inputs
    #expect(kept.count > plan.tasks.count + plan.agencies.count + plan.communes.count)
    for (path, input) in kept.sorted(by: { $0.key < $1.key }) { walk(input.input, path) }
    #expect(problems.isEmpty, "\(problems.prefix(5))")
    #expect(plan.tasks.contains { $0.source.path.hasSuffix("nhiệm-vụ.md") })
  }

  @Test func unchangedFilesKeepTheirInodeAndTime() throws {
    let project = try FixtureProject(caseName: nil)
    let site = project.root.appendingPathComponent("Site")
    #expect(project.build().published)
    let task = project.root.appendingPathComponent("Content/tasks/01-chung/1-2.md")
    let stable = site.appendingPathComponent("xa-phuong/phuong-thanh-vinh/index.html").path
    let changed = site.appendingPathComponent("nhiem-vu/1-2/index.html").path
    let beforeStable = try FileManager.default.attributesOfItem(atPath: stable)
    let beforeChanged = try FileManager.default.attributesOfItem(atPath: changed)
    Thread.sleep(forTimeInterval: 0.02)
    let text = try String(contentsOf: task, encoding: .utf8)
    try text.replacingOccurrences(of: "Kiểm tra, giám sát", with: "Kiểm tra, giám sát, đôn đốc")
      .write(to: task, atomically: true, encoding: .utf8)
    let result = project.build()
    #expect(result.published)
    #expect(result.renderedPages < result.pageCount)
    let afterStable = try FileManager.default.attributesOfItem(atPath: stable)
    let afterChanged = try FileManager.default.attributesOfItem(atPath: changed)
    #expect(afterStable[.systemFileNumber] as? Int == beforeStable[.systemFileNumber] as? Int)
    #expect(afterStable[.modificationDate] as? Date == beforeStable[.modificationDate] as? Date)
    #expect(afterChanged[.systemFileNumber] as? Int != beforeChanged[.systemFileNumber] as? Int)
    #expect(result.report?.written.contains("nhiem-vu/1-2/index.html") == true)
    #expect(result.report?.written.contains("xa-phuong/phuong-thanh-vinh/index.html") == false)
  }

  /// The plan-wide files are made in runs of tasks (`PiecesRecord`): an
  /// edit of one task takes the other tasks' runs from the published
  /// files, and only from files whose bytes are still the ones recorded.
  @Test func anEditTakesTheOtherTasksRunsFromThePublishedDataFiles() throws {
    let project = try FixtureProject(caseName: nil)
    let site = project.root.appendingPathComponent("Site").path
    let dataFiles = [
      "du-lieu/plan.json", "du-lieu/tasks.csv", "du-lieu/assignments.csv", "tim-kiem/chi-muc.js",
    ]
    func clean() -> [String: Data] {
      var configuration = project.configuration
      configuration.outputDirectory = project.root.appendingPathComponent("Clean").path
      #expect(SiteBuilder(configuration: configuration).build(clean: true).published)
      return TestProject.snapshot(of: configuration.outputDirectory).filter {
        dataFiles.contains($0.key)
      }
    }
    func published() -> [String: Data] {
      TestProject.snapshot(of: site).filter { dataFiles.contains($0.key) }
    }
    func edit(_ path: String, _ old: String, _ new: String) throws {
      let file = URL(fileURLWithPath: path)
      let text = try String(contentsOf: file, encoding: .utf8)
      #expect(text.contains(old))
      try text.replacingOccurrences(of: old, with: new).write(
        to: file, atomically: true, encoding: .utf8)
    }
    #expect(project.build().published)
    let task = project.root.appendingPathComponent("Content/tasks/01-chung/1-2.md").path

    // Task 1.1's run of each of the four files is taken as published.
    try edit(task, "Kiểm tra, giám sát", "Kiểm tra, giám sát, đôn đốc")
    let edited = project.build()
    #expect(edited.keptPieces == 4)
    #expect(published() == clean())

    // plan.json changed by hand: its runs are all made again, and the
    // change is gone (were it taken, task 1.1's title would stay changed).
    try edit(site + "/du-lieu/plan.json", "Xây dựng kế hoạch", "Xây dựng KẾ HOẠCH")
    try edit(task, "giám sát, đôn đốc", "giám sát")
    let afterHandEdit = project.build()
    #expect(afterHandEdit.keptPieces == 3)
    #expect(published() == clean())

    // A clean build takes nothing. (Nor does it keep, as the spare's, the
    // plan.json replaced by hand above, now in the spare folder: its bytes
    // were recorded equal to this build's.)
    try edit(task, "Kiểm tra, giám sát", "Kiểm tra, giám sát, đôn đốc")
    #expect(SiteBuilder(configuration: project.configuration).build(clean: true).keptPieces == 0)
    #expect(published() == clean())

    // A memory kept by `serve` does not take the pieces another plansite
    // recorded since (here the same executable, for the content folder
    // named another way: another identity, as another executable has).
    let kept = BuildMemory(configuration: project.configuration)
    let serving = SiteBuilder(configuration: project.configuration, memory: kept)
    try edit(task, "giám sát, đôn đốc", "giám sát")
    #expect(serving.build().keptPieces == 4)
    var other = project.configuration
    other.contentDirectory += "/"
    try edit(task, "Kiểm tra, giám sát", "Kiểm tra, giám sát, đôn đốc")
    #expect(SiteBuilder(configuration: other).build().published)
    try edit(task, "giám sát, đôn đốc", "giám sát")
    let afterOther = serving.build()
    #expect(afterOther.published)
    #expect(afterOther.keptPieces == 0)
    #expect(published() == clean())
  }

  /// `watch` and `serve` publish the edited task's page first, then the
  /// other changed pages, then the files made from the whole plan, each
  /// step whole; what the build remembers in between still calls for what
  /// is not yet published.
  @Test func pagesArePublishedBeforeThePlanWideFiles() throws {
    let project = try FixtureProject(caseName: nil)
    try project.ageContent()
    var configuration = project.configuration
    configuration.publishesPagesFirst = true
    #expect(SiteBuilder(configuration: configuration).build().published)
    let site = project.root.appendingPathComponent("Site")
    let page = site.appendingPathComponent("nhiem-vu/1-2/index.html").path
    let data = site.appendingPathComponent("du-lieu/plan.json").path
    let task = project.root.appendingPathComponent("Content/tasks/01-chung/1-2.md")
    let text = try String(contentsOf: task, encoding: .utf8)
    try text.replacingOccurrences(of: "Kiểm tra, giám sát", with: "Kiểm tra, đôn đốc")
      .write(to: task, atomically: true, encoding: .utf8)
    let steps = PublishedSteps()
    var builder = SiteBuilder(configuration: configuration)
    builder.progress = { progress in
      guard case .published(let files) = progress else { return }
      steps.record(files: files, page: TestProject.read(page), data: TestProject.read(data))
    }
    let result = builder.build()
    #expect(result.published)
    let seen = steps.value
    try #require(seen.count == 3, "\(seen.map(\.files))")
    // The edited task's page alone, then the pages listing it, then the data.
    #expect(seen[0].files == ["nhiem-vu/1-2/index.html"])
    #expect(seen[0].page.contains("Kiểm tra, đôn đốc"))
    #expect(!seen[0].data.contains("Kiểm tra, đôn đốc"))
    #expect(seen[1].files.contains { $0.hasSuffix(".html") })
    #expect(!seen[1].files.contains("nhiem-vu/1-2/index.html"))
    #expect(!seen[1].files.contains("du-lieu/plan.json"))
    #expect(!seen[1].data.contains("Kiểm tra, đôn đốc"))
    #expect(seen[2].files.contains("du-lieu/plan.json"))
    #expect(TestProject.read(data).contains("Kiểm tra, đôn đốc"))
    #expect(Set(result.report?.written ?? []) == Set(seen.flatMap(\.files)))
    #expect(result.report?.written.contains("du-lieu/plan.json") == true)
    #expect(result.report?.written.contains("nhiem-vu/1-2/index.html") == true)
    // After both steps the build remembers the new digests: nothing is left to make.
    #expect(SiteBuilder(configuration: configuration).build().renderedFiles == 0)
    // A live folder replaced by hand is not the one recorded: nothing of it
    // is kept, so everything is published at once.
    let copy = project.root.appendingPathComponent("Site.copy")
    try FileManager.default.copyItem(at: site, to: copy)
    try FileManager.default.removeItem(at: site)
    try FileManager.default.moveItem(at: copy, to: site)
    try text.write(to: task, atomically: true, encoding: .utf8)
    let replaced = SiteBuilder(configuration: configuration).build()
    #expect(replaced.published, "\(replaced.diagnostics.formatted(.en))")
    #expect(replaced.renderedFiles == replaced.report?.fileCount)
    #expect(TestProject.read(data).contains("Kiểm tra, giám sát"))
  }

  /// A saved report (a clerk's line changed in the sample project) goes
  /// live first, alone: its page, then the other pages that show the line
  /// (the task's history), then the data; the site then equals a clean
  /// build.
  @Test func aSavedReportsPageIsPublishedFirst() throws {
    let root = TestProject.temporaryDirectory("saved-report")
    try TestProject.copy(ReportSiteTests.sample, to: root.appendingPathComponent("Content"))
    try TestProject.copy(TestProject.templates, to: root.appendingPathComponent("Templates"))
    let hourAgo = Date(timeIntervalSinceNow: -3600)
    let content = root.appendingPathComponent("Content")
    for case let path as String in FileManager.default.enumerator(atPath: content.path) ?? .init() {
      try FileManager.default.setAttributes(
        [.modificationDate: hourAgo], ofItemAtPath: content.appendingPathComponent(path).path)
    }
    var configuration = BuildConfiguration(
      contentDirectory: content.path,
      templatesDirectory: root.appendingPathComponent("Templates").path,
      outputDirectory: root.appendingPathComponent("Site").path, today: TestProject.today)
    configuration.publishesPagesFirst = true
    let memory = BuildMemory(configuration: configuration)
    var builder = SiteBuilder(configuration: configuration, memory: memory)
    #expect(builder.build().published)
    let site = root.appendingPathComponent("Site")
    let page = site.appendingPathComponent("bao-cao/2026-9t/xa-tan-phu/index.html").path
    let data = site.appendingPathComponent("du-lieu/report-updates.csv").path
    let report = content.appendingPathComponent("reports/2026-9t/xa-tan-phu.md")
    let text = try String(contentsOf: report, encoding: .utf8)
    #expect(text.contains("Mô hình đang hoàn thiện."))
    try text.replacingOccurrences(of: "Mô hình đang hoàn thiện.", with: "Mô hình đã chạy thử.")
      .write(to: report, atomically: true, encoding: .utf8)
    let steps = PublishedSteps()
    builder.progress = { progress in
      guard case .published(let files) = progress else { return }
      steps.record(files: files, page: TestProject.read(page), data: TestProject.read(data))
    }
    let result = builder.build(changes: [report.path])
    #expect(result.published)
    #expect(result.timings.contains { $0.phase == "publish edited" })
    let seen = steps.value
    try #require(seen.count == 3, "\(seen.map(\.files))")
    #expect(seen[0].files == ["bao-cao/2026-9t/xa-tan-phu/index.html"])
    #expect(seen[0].page.contains("Mô hình đã chạy thử."))
    #expect(!seen[0].data.contains("Mô hình đã chạy thử."))
    // The task's page shows the line in its history.
    #expect(seen[1].files.contains { $0.hasPrefix("nhiem-vu/") }, "\(seen[1].files)")
    #expect(!seen[1].files.contains("bao-cao/2026-9t/xa-tan-phu/index.html"))
    #expect(seen[2].files.contains("du-lieu/report-updates.csv"))
    #expect(TestProject.read(data).contains("Mô hình đã chạy thử."))
    // The line put back: the next save, patched, puts the page back.
    try text.write(to: report, atomically: true, encoding: .utf8)
    builder.progress = nil
    let back = builder.build(changes: [report.path])
    #expect(back.published)
    #expect(back.patchedLoad)
    #expect(TestProject.read(page).contains("Mô hình đang hoàn thiện."))
    let clean = root.appendingPathComponent("Clean").path
    var cleanConfiguration = configuration
    cleanConfiguration.outputDirectory = clean
    #expect(SiteBuilder(configuration: cleanConfiguration).build(clean: true).published)
    #expect(TestProject.snapshot(of: site.path) == TestProject.snapshot(of: clean))
  }

  /// `watch` and `serve` make the spare a copy of the live folder after
  /// their first build: the site is unchanged, nothing is left to make,
  /// and the next save's build publishes what a clean build does.
  @Test func aPreparedSpareChangesNothingAndServesTheNextSave() throws {
    let project = try FixtureProject(caseName: nil)
    try project.ageContent()
    var configuration = project.configuration
    configuration.publishesPagesFirst = true
    let memory = BuildMemory(configuration: configuration)
    let builder = SiteBuilder(configuration: configuration, memory: memory)
    #expect(builder.build().published)
    #expect(builder.removeSpare().isEmpty)
    let site = project.root.appendingPathComponent("Site").path
    let before = TestProject.snapshot(of: site)
    #expect(builder.prepareSpare().isEmpty)
    #expect(TestProject.snapshot(of: site) == before)
    #expect(TestProject.snapshot(of: site + ".staging") == before)
    #expect(memory.spare?.differsFromLive == [])
    #expect(builder.build().upToDate)
    // Known to match already: nothing to do.
    let identity = FolderIdentity.of(site)
    #expect(builder.prepareSpare().isEmpty)
    #expect(FolderIdentity.of(site) == identity)
    let task = project.root.appendingPathComponent("Content/tasks/01-chung/1-2.md")
    let text = try String(contentsOf: task, encoding: .utf8)
    try text.replacingOccurrences(of: "Kiểm tra, giám sát", with: "Kiểm tra, đôn đốc")
      .write(to: task, atomically: true, encoding: .utf8)
    let result = builder.build(changes: [task.path])
    #expect(result.published)
    #expect(result.updatedListing)
    #expect(result.patchedLoad)
    #expect(result.timings.contains { $0.phase == "publish edited" })
    let clean = project.root.appendingPathComponent("Clean").path
    var cleanConfiguration = configuration
    cleanConfiguration.outputDirectory = clean
    #expect(SiteBuilder(configuration: cleanConfiguration).build(clean: true).published)
    #expect(TestProject.snapshot(of: site) == TestProject.snapshot(of: clean))
  }

  /// What each published step changed, and a page and a data file then.
  final class PublishedSteps: @unchecked Sendable {
    private let lock = NSLock()
    private var steps: [(files: [String], page: String, data: String)] = []
    func record(files: [String], page: String, data: String) {
      lock.withLock { steps.append((files, page, data)) }
    }
    var value: [(files: [String], page: String, data: String)] { lock.withLock { steps } }
  }

  /// An edit that keeps the file's size and puts its modification time
  /// back (`touch -r`, files unpacked from an archive) is still seen: a
  /// file's stamp holds its status-change time and inode too.
  @Test func anEditKeepingSizeAndModificationTimeIsSeen() throws {
    let project = try FixtureProject(caseName: nil)
    try project.ageContent()
    #expect(project.build().published)
    let task = project.root.appendingPathComponent("Content/tasks/01-chung/1-2.md").path
    var before = stat()
    #expect(stat(task, &before) == 0)
    let text = try String(contentsOfFile: task, encoding: .utf8)
    let edited = text.replacingOccurrences(of: "Kiểm tra", with: "KIỂM TRA")
    #expect(edited != text && edited.utf8.count == text.utf8.count)
    try edited.write(toFile: task, atomically: false, encoding: .utf8)
    var times = [before.st_atim, before.st_mtim]
    #expect(utimensat(AT_FDCWD, task, &times, 0) == 0)
    var after = stat()
    #expect(stat(task, &after) == 0)
    #expect(after.st_size == before.st_size && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
    let result = project.build()
    #expect(result.report?.written.contains("nhiem-vu/1-2/index.html") == true)
    #expect(
      TestProject.read(project.root.appendingPathComponent("Site/nhiem-vu/1-2/index.html").path)
        .contains("KIỂM TRA"))
  }

  /// `Site/` is plansite's, but a file deleted from it by hand does not
  /// stop the next build, which makes it again; a file changed in place is
  /// repaired by `--clean`, which checks every published file's bytes.
  @Test func filesChangedByHandInTheSiteAreRepaired() throws {
    let project = try FixtureProject(caseName: nil)
    #expect(project.build().published)
    let site = project.root.appendingPathComponent("Site")
    let published = TestProject.snapshot(of: site.path)
    try FileManager.default.removeItem(at: site.appendingPathComponent("nhiem-vu/1-1/index.html"))
    let after = project.build()
    #expect(after.published, "\(after.diagnostics)")
    #expect(TestProject.snapshot(of: site.path) == published)
    let page = site.appendingPathComponent("nhiem-vu/1-2/index.html").path
    let handle = try #require(FileHandle(forWritingAtPath: page))
    handle.seekToEndOfFile()
    handle.write(Data("HACK".utf8))
    handle.closeFile()
    try Data().write(to: site.appendingPathComponent("index.html"))
    #expect(TestProject.snapshot(of: site.path) != published)
    let repaired = SiteBuilder(configuration: project.configuration).build(clean: true)
    #expect(repaired.published)
    #expect(repaired.report?.written.sorted() == ["index.html", "nhiem-vu/1-2/index.html"])
    #expect(TestProject.snapshot(of: site.path) == published)
    // A page deleted by hand whose task is made again with the same bytes
    // (a comment added to its file) is written, not linked from nowhere.
    let task = project.root.appendingPathComponent("Content/tasks/01-chung/1-1.md")
    let text = try String(contentsOf: task, encoding: .utf8)
    try text.replacingOccurrences(of: "Xây dựng kế hoạch", with: "Lập kế hoạch")
      .write(to: task, atomically: true, encoding: .utf8)
    #expect(project.build().published)
    let edited = TestProject.snapshot(of: site.path)
    try FileManager.default.removeItem(at: site.appendingPathComponent("nhiem-vu/1-1/index.html"))
    try text.replacingOccurrences(of: "Xây dựng kế hoạch", with: "Lập kế hoạch")
      .replacingOccurrences(of: "\ntitle:", with: "\n# ghi chú\ntitle:")
      .write(to: task, atomically: true, encoding: .utf8)
    let remade = project.build()
    #expect(remade.published, "\(remade.diagnostics)")
    #expect(TestProject.snapshot(of: site.path) == edited)
  }

  @Test func nothingChangedIsUpToDateAndDeletedContentIsRemoved() throws {
    let project = try FixtureProject(caseName: nil)
    try project.ageContent()
    #expect(project.build().published)
    #expect(project.build().upToDate)
    try FileManager.default.removeItem(
      at: project.root.appendingPathComponent("Content/tasks/01-chung/1-2.md"))
    let result = project.build()
    #expect(result.report?.removed == ["nhiem-vu/1-2/index.html"])
    #expect(
      !FileManager.default.fileExists(
        atPath: project.root.appendingPathComponent("Site/nhiem-vu/1-2").path))
  }

  /// The header and footer are rendered once for all pages: a page's own
  /// field there is an error at its line, never another page's value.
  @Test func layoutPartialsCannotShowAPagesField() throws {
    let project = try FixtureProject(caseName: nil)
    let header = project.root.appendingPathComponent("Templates/partials/header.mustache")
    let text = try String(contentsOf: header, encoding: .utf8)
    try text.replacingOccurrences(
      of: "<span class=\"brand__text\">{{site_title}}</span>",
      with: "<span class=\"brand__text\">{{site_title}}</span> <span>{{page_title}}</span>"
    ).write(to: header, atomically: true, encoding: .utf8)
    for _ in 0..<3 {
      let result = project.build()
      #expect(!result.published)
      let error = try #require(result.diagnostics.first { $0.severity == .error })
      #expect(error.location.file.hasSuffix("Templates/partials/header.mustache"))
      #expect(error.location.line == 5)
      #expect(
        error.message.en
          == "'page_title' is a field of each page and cannot be used in partials/header.mustache")
    }
  }
}

/// The stored fields of the model's types, as `Type.field`, found by walking a real plan.
enum ModelFields {
  static func collect(_ value: Any, into fields: inout Set<String>, seen: inout Set<String>) {
    let mirror = Mirror(reflecting: value)
    let typeName = String(describing: type(of: value))
    switch mirror.displayStyle {
    case .struct:
      let module = String(reflecting: type(of: value))
      // Values edited as a whole (a date, an id, a place in a file).
      let leaves = ["PlanModel.Day", "PlanModel.Identifier<", "PlanModel.SourceRef"]
      guard module.hasPrefix("PlanModel."), !leaves.contains(where: { module.hasPrefix($0) })
      else { return }
      for child in mirror.children {
        guard let label = child.label else { continue }
        fields.insert("\(qualified(module)).\(label)")
        collect(child.value, into: &fields, seen: &seen)
      }
    case .collection, .optional:
      for child in mirror.children { collect(child.value, into: &fields, seen: &seen) }
    case .dictionary:
      return
    default:
      _ = typeName
    }
  }

  static func collect(_ value: Any, into fields: inout Set<String>) {
    var seen = Set<String>()
    collect(value, into: &fields, seen: &seen)
  }

  /// `PlanModel.Indicator.Point` → `Indicator.Point`.
  private static func qualified(_ name: String) -> String {
    String(name.dropFirst("PlanModel.".count))
  }
}
