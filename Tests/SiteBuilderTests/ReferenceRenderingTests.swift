import ContentLoader
import Foundation
import PlanModel
import SiteBuilder
import SiteRenderer
import Testing

/// The fast build against the slow reference: every page of a build (rendered on all cores by the
/// compiled templates, rows, header, footer and the commune pages' common lists rendered once and
/// reused, written by one thread) must be byte-identical to the page rendered alone, from
/// scratch, by swift-mustache, with nothing reused (`reusesFragments: false`).
///
/// A fragment cache key that misses something a fragment depends on, or a template construct the
/// compiled renderer gets wrong, shows up here as a difference.
@Suite struct ReferenceRenderingTests {
  @Test(arguments: ["real", "fixture", "sample", "synthetic"])
  func buildMatchesPagesRenderedAlone(content name: String) throws {
    let folder = TestProject.temporaryDirectory("reference-\(name)")
    let content = try Self.content(name, in: folder)
    let output = folder.appendingPathComponent("Site").path
    let result = TestProject.build(content: content, output: output)
    #expect(result.published, "\(result.diagnostics)")
    let site = TestProject.snapshot(of: output)

    let plan = try #require(
      PlanValidator().validate(ContentLoader(directory: content).load().draft).plan)
    let templates = try TemplateSet(directory: TestProject.templates, engine: .mustache)
    #expect(try TemplateSet(directory: TestProject.templates).isCompiled)
    let reference = SiteRenderer(
      plan: plan, templates: templates,
      options: .init(today: TestProject.today, reusesFragments: false))
    var expected: [String: Data] = [:]
    for job in reference.outputs() {
      // A new renderer per file: nothing carries over from other files.
      let alone = SiteRenderer(
        plan: plan, templates: templates,
        options: .init(today: TestProject.today, reusesFragments: false))
      let file = try #require(alone.outputs().first { $0.path == job.path }).produce()
      expected[file.path] = Data(file.bytes)
    }
    #expect(expected.count > 20)
    for (path, bytes) in expected.sorted(by: { $0.key < $1.key }) {
      #expect(site[path] == bytes, "\(name): \(path) differs from the file rendered alone")
    }
    // Nothing else was published: the output folder holds the site only.
    let extra = Set(site.keys).subtracting(expected.keys)
    #expect(extra.isEmpty, "\(extra.sorted())")
  }

  /// The pages `watch` and `serve` publish first for an edited task are
  /// made from a model of that task alone: they must be the very jobs the
  /// whole site's renderer lists for it (path, digest and bytes), for every
  /// task of every project, one task or several at a time.
  @Test(arguments: ["real", "fixture", "sample", "synthetic"])
  func pagesOfEditedTasksMatchTheWholeSite(content name: String) throws {
    let (plan, templates, options, whole) = try Self.wholeSite(name, in: "edited-pages")
    let sources = plan.tasks.map(\.source.path)
    #expect(sources.count > 1)
    let edits = sources.map { [$0] } + [Array(sources.prefix(3)), Array(sources.suffix(2))]
    for edit in edits {
      let jobs = SiteRenderer.pagesOfEdits(
        tasks: SiteRenderer.tasks(in: Set(edit), of: plan), plan: plan, templates: templates,
        options: options)
      #expect(jobs.count == edit.count, "\(name): \(edit)")
      for job in jobs { try Self.expectSame(job, in: whole, name) }
    }
  }

  /// The same for the pages of an edited report (a clerk's saved or
  /// imported report): every report of the projects with reports, one at a
  /// time, and a report with a task together; each report gives all of
  /// its pages (`bao-cao/<kỳ>/<đơn vị>/`, then `trang-2/`…) and nothing else.
  @Test(arguments: ["sample", "synthetic-reports"])
  func pagesOfEditedReportsMatchTheWholeSite(content name: String) throws {
    let (plan, templates, options, whole) = try Self.wholeSite(name, in: "edited-reports")
    #expect(plan.reports.count > 5)
    // The generated project has 510 reports: one in 17 (agencies' and
    // communes', every period).
    let reports = plan.reports.enumerated().filter { $0.offset % 17 == 0 || name == "sample" }
    #expect(reports.contains { if case .commune = $0.element.reporter { true } else { false } })
    #expect(reports.contains { if case .agency = $0.element.reporter { true } else { false } })
    for (_, report) in reports {
      let keys = SiteRenderer.reports(in: [report.source.path], of: plan)
      #expect(keys == [report.key])
      let task = try #require(report.tasks.last).task
      for tasks in [[], [task]] {
        let jobs = SiteRenderer.pagesOfEdits(
          tasks: tasks, reports: keys, plan: plan, templates: templates, options: options)
        let folder = "bao-cao/\(report.period.rawValue)/\(report.reporter.id)/"
        let expected = whole.keys.filter { $0.hasPrefix(folder) }.count + tasks.count
        #expect(jobs.count == expected, "\(name): \(report.source.path)")
        for job in jobs { try Self.expectSame(job, in: whole, name) }
      }
    }
  }

  /// A project's plan, the templates and options it is rendered with, and
  /// every job of the whole site's renderer by path.
  static func wholeSite(_ name: String, in folder: String) throws -> (
    plan: Plan, templates: TemplateSet, options: SiteRenderer.Options,
    whole: [String: OutputJob]
  ) {
    let content = try content(name, in: TestProject.temporaryDirectory("\(folder)-\(name)"))
    let plan = try #require(
      PlanValidator().validate(ContentLoader(directory: content).load().draft).plan)
    let templates = try TemplateSet(directory: TestProject.templates)
    let options = SiteRenderer.Options(today: TestProject.today)
    let whole = Dictionary(
      SiteRenderer(plan: plan, templates: templates, options: options).outputs().map {
        ($0.path, $0)
      }
    ) { first, _ in first }
    return (plan, templates, options, whole)
  }

  /// `job` is the whole site's job at its path: the same digest and bytes.
  static func expectSame(_ job: OutputJob, in whole: [String: OutputJob], _ name: String) throws {
    let expected = try #require(whole[job.path], "\(name): \(job.path) is not in the site")
    #expect(job.digest == expected.digest, "\(name): \(job.path)")
    #expect(try job.produce().bytes == expected.produce().bytes, "\(name): \(job.path)")
  }

  /// The content folder of a project the tests render: the real plan, the
  /// fixture, the sample project, or 300 generated tasks (made in `folder`;
  /// `synthetic-reports`: with the benchmark's reports).
  static func content(_ name: String, in folder: URL) throws -> String {
    let content: String
    switch name {
    case "real":
      content = TestProject.content
    case "fixture":
      content = TestProject.fixtures.appendingPathComponent("base/Content").path
    case "sample":
      content = TestProject.root.appendingPathComponent("docs/sample/Content").path
    case "synthetic-reports":
      content = try TestProject.syntheticCorpus(tasks: 300, reports: true, in: folder)
    default:
      // 300 tasks of the benchmark corpus: 30 % sent to all communes, deadlines, statuses.
      content = try TestProject.syntheticCorpus(tasks: 300, in: folder)
    }
    return content
  }
}
