import Foundation

/// File helpers shared by the test targets (a library target the tests
/// depend on; nothing in the product uses it).
public enum TestFiles {
  /// The folders made so far, removed when the test process exits (a test
  /// run makes hundreds; left behind they slow the disk for everyone).
  private static let made = Made()

  private final class Made: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: [String] = []
    private var registered = false

    func add(_ path: String) {
      lock.withLock {
        paths.append(path)
        if !registered {
          registered = true
          atexit { TestFiles.made.removeAll() }
        }
      }
    }

    func removeAll() {
      let all = lock.withLock { paths }
      if ProcessInfo.processInfo.environment["PLANSITE_KEEP_TEST_FILES"] != nil { return }
      for path in all { try? FileManager.default.removeItem(atPath: path) }
    }
  }

  /// A new, empty temporary folder named after `name`, removed when the
  /// test process exits (`PLANSITE_KEEP_TEST_FILES=1` keeps them).
  public static func temporaryDirectory(_ name: String) -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "\(name)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    made.add(url.path)
    return url
  }

  /// A temporary folder holding `files` (relative path → text).
  public static func folder(_ name: String, _ files: [String: String]) throws -> URL {
    let root = temporaryDirectory(name)
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return root
  }

  /// Every file under `directory`: relative path → bytes.
  public static func snapshot(of directory: String) -> [String: Data] {
    var result: [String: Data] = [:]
    let base = URL(fileURLWithPath: directory)
    guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [:] }
    for case let path as String in enumerator {
      let url = base.appendingPathComponent(path)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
        !isDirectory.boolValue, let data = FileManager.default.contents(atPath: url.path)
      {
        result[path] = data
      }
    }
    return result
  }
}

/// Runs a program and waits for it: `arguments[0]` is a path, or a name
/// looked up on `PATH`.
public enum TestProcess {
  public struct Output: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
  }

  public static func run(
    _ arguments: [String], in directory: URL, environment: [String: String] = [:]
  ) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    // Output goes to files: nothing can fill up and block the program.
    let folder = TestFiles.temporaryDirectory("process")
    let outURL = folder.appendingPathComponent("out")
    let errURL = folder.appendingPathComponent("err")
    // A file that cannot be made fails the handles below.
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    try process.run()
    process.waitUntilExit()
    try? out.close()
    try? err.close()
    defer { try? FileManager.default.removeItem(at: folder) }
    return Output(
      status: process.terminationStatus,
      stdout: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
      stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
  }
}

/// A small deterministic random generator (SplitMix64), so failures reproduce.
public struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
