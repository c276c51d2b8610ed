import Foundation

/// A running plansite process whose output can be waited on.
final class LiveProcess: @unchecked Sendable {
  let process: Process
  private let lock = NSLock()
  private var output = ""

  init(_ arguments: [String], in directory: URL) throws {
    process = Process()
    process.executableURL = CommandRunner.executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    process.environment = env
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
      let data = handle.availableData
      guard let self, !data.isEmpty else { return }
      self.lock.lock()
      self.output += String(decoding: data, as: UTF8.self)
      self.lock.unlock()
    }
    try process.run()
  }

  var text: String {
    lock.lock()
    defer { lock.unlock() }
    return output
  }

  /// Waits until the output satisfies `condition`, up to `timeout` seconds.
  @discardableResult
  func wait(timeout: Double = 30, until condition: (String) -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if condition(text) { return true }
      Thread.sleep(forTimeInterval: 0.05)
    }
    return condition(text)
  }

  func count(of needle: String) -> Int { text.components(separatedBy: needle).count - 1 }

  func interrupt() {
    kill(process.processIdentifier, SIGINT)
    process.waitUntilExit()
  }

  deinit {
    if process.isRunning { process.terminate() }
  }
}
