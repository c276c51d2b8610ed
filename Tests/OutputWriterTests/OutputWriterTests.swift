import Foundation
import OutputWriter
import SiteCore
import Testing

@Suite struct OutputWriterTests {
  func temporary() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "out-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// What the builder would remember between publishes (the build database's part).
  final class Records {
    var published: OutputWriter.Published?
  }

  func publish(
    _ site: String, _ files: [String: String], keep: [String] = [], records: Records
  ) throws -> OutputWriter.Report {
    let writer = try OutputWriter(directory: site)
    let update = try writer.begin(live: records.published?.live, spare: records.published?.spare)
    for (path, text) in files.sorted(by: { $0.key < $1.key }) {
      try update.put(OutputFile(path: path, text: text))
    }
    for path in keep { try update.keep(path) }
    let (report, published) = try writer.commit(update)
    records.published = published
    writer.release()
    return report
  }

  func inode(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.systemFileNumber] as? Int
  }

  @Test func publishesAtomicallyAndReplacesThePreviousBuild() throws {
    let site = temporary().appendingPathComponent("Site").path
    let records = Records()
    _ = try publish(site, ["a/index.html": "1", "old.html": "old"], records: records)
    let writer = try OutputWriter(directory: site)
    let update = try writer.begin(live: records.published?.live, spare: records.published?.spare)
    try update.put(OutputFile(path: "a/index.html", text: "2"))
    // Until commit, the live folder is untouched.
    #expect(try String(contentsOfFile: site + "/a/index.html", encoding: .utf8) == "1")
    let (report, published) = try writer.commit(update)
    #expect(try String(contentsOfFile: site + "/a/index.html", encoding: .utf8) == "2")
    #expect(!FileManager.default.fileExists(atPath: site + "/old.html"))
    #expect(report.removed == ["old.html"])
    #expect(report.written == ["a/index.html"])
    // Nothing but the site is in the folder.
    #expect(try FileManager.default.contentsOfDirectory(atPath: site).sorted() == ["a"])
    #expect(published.live.identity == FolderIdentity.of(site))
    #expect(published.spare?.identity == FolderIdentity.of(site + ".staging"))
  }

  @Test func unchangedBytesKeepTheLiveInodeAcrossBuilds() throws {
    let site = temporary().appendingPathComponent("Site").path
    let records = Records()
    _ = try publish(site, ["a.html": "A", "b.html": "B"], records: records)
    let a1 = inode(site + "/a.html")
    let report = try publish(site, ["a.html": "A", "b.html": "B2"], records: records)
    #expect(report.unchanged == 1)
    #expect(report.written == ["b.html"])
    #expect(inode(site + "/a.html") == a1)
    // A third build swaps back to the first folder: still the same inode.
    let third = try publish(site, ["a.html": "A"], keep: ["b.html"], records: records)
    #expect(third.written.isEmpty)
    #expect(inode(site + "/a.html") == a1)
    #expect(try String(contentsOfFile: site + "/b.html", encoding: .utf8) == "B2")
  }

  /// A file written piece by piece as it is made (`OutputUpdate.stream`)
  /// is published as the same pieces given whole: same bytes, hash and
  /// record; unchanged streamed bytes keep the live file; and a path
  /// outside the folder is refused without writing anything.
  @Test func streamedFilesArePublishedAsFilesGivenWhole() throws {
    let site = temporary().appendingPathComponent("Site").path
    let records = Records()
    let pieces: [[UInt8]] = [Array("đầu,".utf8), [], Array(repeating: 0x41, count: 70_001), [0x0A]]
    func streamed(_ update: OutputUpdate, _ path: String) throws -> OutputFile {
      let stream = update.stream(path)
      for (index, piece) in pieces.enumerated() {
        stream.append(piece, key: index == 2 ? ContentHash(value: 7) : nil)
      }
      return try stream.finish()
    }
    var writer = try OutputWriter(directory: site)
    var update = try writer.begin(live: records.published?.live, spare: records.published?.spare)
    let file = try streamed(update, "du-lieu/plan.json")
    #expect(file.pieces.isEmpty)
    #expect(file.pieceSizes == pieces.map(\.count))
    #expect(file.count == 70_009)
    let hash = try update.put(file)
    #expect(hash == ContentHash(pieces: pieces).value)
    #expect(
      PiecesRecord(file, fileHash: hash)
        == PiecesRecord(
          OutputFile(
            path: "du-lieu/plan.json", pieces: pieces, keys: [nil, nil, ContentHash(value: 7), nil]),
          fileHash: hash))
    var (report, published) = try writer.commit(update)
    records.published = published
    writer.release()
    #expect(report.written == ["du-lieu/plan.json"])
    #expect(report.writtenBytes == 70_009)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: site + "/du-lieu/plan.json"))
        == Data(pieces.joined()))
    let first = inode(site + "/du-lieu/plan.json")
    // The same bytes again: the live file is kept, and no temporary file is left.
    writer = try OutputWriter(directory: site)
    update = try writer.begin(live: records.published?.live, spare: records.published?.spare)
    try update.put(try streamed(update, "du-lieu/plan.json"))
    (report, published) = try writer.commit(update)
    records.published = published
    #expect(report.written.isEmpty)
    #expect(inode(site + "/du-lieu/plan.json") == first)
    #expect(try FileManager.default.contentsOfDirectory(atPath: site + "/du-lieu") == ["plan.json"])
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: site + ".staging/du-lieu") == [
        "plan.json"
      ])
    // A path outside the folder writes nothing.
    update = try writer.begin(live: records.published?.live, spare: records.published?.spare)
    #expect(throws: OutputError.self) { try streamed(update, "../ngoai.json") }
    #expect(!FileManager.default.fileExists(atPath: site + "/../ngoai.json.plansite-new"))
    writer.release()
  }

  /// What a folder holds: each file's text and inode.
  func contents(_ folder: String) -> [String: (text: String, inode: Int?)] {
    var result: [String: (text: String, inode: Int?)] = [:]
    for case let path as String in FileManager.default.enumerator(atPath: folder) ?? .init() {
      guard let text = try? String(contentsOfFile: folder + "/" + path, encoding: .utf8) else {
        continue
      }
      result[path] = (text, inode(folder + "/" + path))
    }
    return result
  }

  /// `keepAll(except:)` visits only where the spare differs from the live
  /// folder when the record says where (a save in `serve`): it must
  /// publish what visiting every file publishes, and leave the spare as
  /// its record says.
  @Test func keepingAllButAFewFilesVisitsOnlyWhatDiffers() throws {
    var rng = SystemRandomNumberGenerator()
    for trusting in [true, false] {
      let site = temporary().appendingPathComponent("Site").path
      let records = Records()
      var expected: [String: String] = [:]
      for step in 0..<40 {
        let writer = try OutputWriter(directory: site)
        var spare = records.published?.spare
        if !trusting { spare?.differsFromLive = nil }
        let update = try writer.begin(live: records.published?.live, spare: spare)
        // Some steps put a few files and keep the rest; others put a few and
        // keep only some (removing the others).
        let paths = (0..<12).map { "d\($0 % 3)/f\($0).html" }
        let put = Set(paths.filter { _ in Int.random(in: 0..<4, using: &rng) == 0 })
        if step == 0 || step % 5 == 1 {
          let kept = expected.keys.filter { !put.contains($0) && Bool.random(using: &rng) }
          for path in kept { try update.keep(path) }
          expected = expected.filter { kept.contains($0.key) }
        } else {
          try update.keepAll(except: put)
        }
        for path in put.sorted() {
          let text = "\(path) \(Int.random(in: 0..<3, using: &rng))"
          try update.put(OutputFile(path: path, text: text))
          expected[path] = text
        }
        let (report, published) = try writer.commit(update)
        writer.release()
        let previous = records.published?.live.files ?? [:]
        records.published = published
        let live = contents(site)
        #expect(live.mapValues(\.text) == expected, "step \(step)")
        #expect(Set(report.removed) == Set(previous.keys).subtracting(expected.keys))
        // The spare is what its record says, and shares the live inode
        // wherever the record says it does not differ.
        let spareFolder = contents(site + ".staging")
        // (The first publish has no spare.)
        guard step > 0 else { continue }
        let record = try #require(published.spare)
        #expect(Set(spareFolder.keys) == Set(record.files.keys), "step \(step)")
        for (path, file) in record.files {
          #expect(spareFolder[path]?.inode == Int(file.inode), "step \(step): \(path)")
        }
        let differs = try #require(record.differsFromLive)
        for (path, file) in spareFolder where !differs.contains(path) {
          #expect(live[path]?.inode == file.inode, "step \(step): \(path)")
        }
        for path in live.keys where spareFolder[path] == nil {
          #expect(differs.contains(path), "step \(step): \(path)")
        }
      }
    }
  }

  @Test func anUnknownSpareIsRebuilt() throws {
    let site = temporary().appendingPathComponent("Site").path
    let records = Records()
    _ = try publish(site, ["a.html": "A"], records: records)
    _ = try publish(site, ["a.html": "A2"], records: records)
    // A build killed while updating the spare: the builder forgot the
    // spare's record before touching it, and junk is left.
    records.published?.spare = nil
    try "junk".write(toFile: site + ".staging/junk.html", atomically: true, encoding: .utf8)
    _ = try publish(site, ["a.html": "A3"], records: records)
    #expect(try String(contentsOfFile: site + "/a.html", encoding: .utf8) == "A3")
    #expect(!FileManager.default.fileExists(atPath: site + "/junk.html"))
  }

  @Test func aRecordOfAnotherFolderIsNotTrusted() throws {
    let site = temporary().appendingPathComponent("Site").path
    let records = Records()
    _ = try publish(site, ["a.html": "A"], records: records)
    // Someone replaces the folder by hand with other bytes under the same name.
    try FileManager.default.removeItem(atPath: site)
    try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
    try "other".write(toFile: site + "/a.html", atomically: true, encoding: .utf8)
    let writer = try OutputWriter(directory: site)
    let update = try writer.begin(live: records.published?.live, spare: records.published?.spare)
    // The record no longer describes the live folder: nothing can be kept.
    #expect(throws: OutputError.self) { try update.keep("a.html") }
    writer.abandon()
  }

  @Test func refusesPathsOutsideTheFolder() throws {
    let writer = try OutputWriter(directory: temporary().appendingPathComponent("Site").path)
    defer { writer.abandon() }
    let update = try writer.begin(live: nil, spare: nil)
    for bad in ["../x.html", "/etc/x", "a/../../x", "a//b", ""] {
      #expect(throws: OutputError.self) { try update.put(OutputFile(path: bad, text: "x")) }
    }
  }

  @Test func secondWriterIsLockedOut() throws {
    let site = temporary().appendingPathComponent("Site").path
    let first = try OutputWriter(directory: site)
    #expect(throws: OutputError.self) { try OutputWriter(directory: site) }
    first.abandon()
    let again = try OutputWriter(directory: site)
    again.abandon()
  }

  @Test func refusesFoldersItDidNotMake() throws {
    let root = temporary()
    let foreign = root.appendingPathComponent("Documents")
    try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
    try "mine".write(
      to: foreign.appendingPathComponent("letter.txt"), atomically: true, encoding: .utf8)
    let writer = try OutputWriter(directory: foreign.path)
    #expect(throws: OutputError.self) { try writer.checkOwnership(recorded: nil) }
    writer.abandon()
    // A folder whose home page plansite wrote is recognised without a record.
    let site = root.appendingPathComponent("Site")
    try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
    try "<!DOCTYPE html><meta name=\"generator\" content=\"plansite 0.5.0\">".write(
      to: site.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
    let ours = try OutputWriter(directory: site.path)
    #expect(throws: Never.self) { try ours.checkOwnership(recorded: nil) }
    ours.abandon()
    let content = root.appendingPathComponent("Content")
    #expect(throws: OutputError.self) {
      try OutputWriter(directory: content.path, protecting: [content.path])
    }
    #expect(throws: OutputError.self) {
      try OutputWriter(
        directory: content.appendingPathComponent("Site").path, protecting: [content.path])
    }
  }
}
