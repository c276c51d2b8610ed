import Foundation
import Testing

/// `Site/` is always a whole build: killing a build at any moment, or
/// starting two at once, never leaves it half-written.
@Suite(.serialized) struct AtomicPublishTests {
  /// A 1,000-task synthetic project (about 1,200 pages) with a built site.
  func largeProject() throws -> (folder: URL, before: [String: Data]) {
    let folder = CommandRunner.temporaryDirectory("atomic")
    try CommandRunner.generateCorpus(tasks: 1000, into: folder)
    try FileManager.default.copyItem(
      at: CommandRunner.root.appendingPathComponent("Templates"),
      to: folder.appendingPathComponent("Templates"))
    let first = try CommandRunner.run(["build", "--today", "2026-11-27"], in: folder)
    #expect(first.status == 0, "\(first.stderr)")
    // Change content so any later build would publish different bytes.
    let agencies = folder.appendingPathComponent("Content/agencies.yaml")
    let text = try String(contentsOf: agencies, encoding: .utf8)
    try text.replacingOccurrences(of: "Sở Tài chính", with: "Sở Tài chính (đổi tên)")
      .write(to: agencies, atomically: true, encoding: .utf8)
    return (folder, CommandRunner.snapshot(folder.appendingPathComponent("Site")))
  }

  @Test func killingABuildAtAnyMomentLeavesTheSiteUnchanged() throws {
    let (folder, before) = try largeProject()
    #expect(before.count > 1000)
    let site = folder.appendingPathComponent("Site")
    // The whole new build, made in another folder: what Site/ holds if a
    // build was killed only after it had published.
    let reference = try CommandRunner.run(
      ["build", "--today", "2026-11-27", "--output", "Reference"], in: folder)
    #expect(reference.status == 0, "\(reference.stderr)")
    let published = CommandRunner.snapshot(folder.appendingPathComponent("Reference"))
    #expect(published != before)
    var killedWhileStaging = 0
    for delay in [0.05, 0.15, 0.3, 0.5, 0.8, 1.2, 1.8] {
      let process = try CommandRunner.start(["build", "--today", "2026-11-27"], in: folder)
      Thread.sleep(forTimeInterval: delay)
      let stillRunning = process.isRunning
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let after = CommandRunner.snapshot(site)
      // Either the old build or (if it published before the kill, even if
      // the process had not exited yet) the new one, never a mix.
      if after == published { break }
      #expect(after == before, "Site/ is neither build after a kill \(delay)s into the build")
      if after != before { return }
      if stillRunning { killedWhileStaging += 1 }
    }
    #expect(killedWhileStaging > 0)
    // The next build recognises the half-written spare folder, rebuilds it and publishes.
    let final = try CommandRunner.run(["build", "--today", "2026-11-27"], in: folder)
    #expect(final.status == 0, "\(final.stderr)")
    // Site/ is now what a clean build makes, and nothing hidden is in it.
    #expect(CommandRunner.snapshot(site) == published)
    #expect(
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("Site.staging").path))
    let page = try String(
      contentsOf: site.appendingPathComponent("co-quan/so-tai-chinh/index.html"), encoding: .utf8)
    #expect(page.contains("Sở Tài chính (đổi tên)"))
  }

  @Test func aSecondBuildStartedAtOnceIsRefused() throws {
    let (folder, _) = try largeProject()
    let first = try CommandRunner.start(["build", "--today", "2026-11-27"], in: folder)
    Thread.sleep(forTimeInterval: 0.2)
    let second = try CommandRunner.run(["build", "--today", "2026-11-27"], in: folder)
    first.waitUntilExit()
    #expect(first.terminationStatus == 0)
    #expect(second.status == 1)
    #expect(second.stderr.contains("lỗi: một lệnh plansite khác đang ghi vào 'Site'"))
    #expect(
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("Site/index.html").path))
  }
}
