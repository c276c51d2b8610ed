import Foundation
import TestSupport

/// Runs the built `plansite` executable as a user would.
enum CommandRunner {
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The executable next to the test bundle (SwiftPM builds it because this
  /// test target depends on it).
  static var executable: URL {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("plansite")
    if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
    return root.appendingPathComponent(".build/debug/plansite")
  }

  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs plansite with `arguments` in `directory` and waits for it.
  static func run(
    _ arguments: [String], in directory: URL = root, environment: [String: String] = [:]
  )
    throws -> Output
  {
    let process = try start(arguments, in: directory, environment: environment)
    let out =
      (process.standardOutput as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data()
    let err = (process.standardError as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: err, as: UTF8.self))
  }

  /// Starts plansite without waiting.
  static func start(
    _ arguments: [String], in directory: URL = root, environment: [String: String] = [:]
  )
    throws -> Process
  {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    process.standardOutput = Pipe()
    process.standardError = Pipe()
    try process.run()
    return process
  }

  static func temporaryDirectory(_ name: String) -> URL {
    TestFiles.temporaryDirectory(name)
  }

  /// Every file under `directory`: relative path → bytes.
  static func snapshot(_ directory: URL) -> [String: Data] {
    TestFiles.snapshot(of: directory.path)
  }

  /// Generates the synthetic benchmark corpus with `tasks` tasks into `directory`.
  static func generateCorpus(tasks: Int, into directory: URL) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", root.appendingPathComponent("bench/gen_corpus.py").path, "--tasks", "\(tasks)",
      "--format", "plansite", "--out", directory.path,
    ]
    process.standardOutput = Pipe()
    try process.run()
    process.waitUntilExit()
  }
}
