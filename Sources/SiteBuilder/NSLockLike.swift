import Foundation

/// A mutex with a closure API.
final class NSLockLike: @unchecked Sendable {
  private let lock = NSLock()

  func withLock<T>(_ body: () throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }
}
