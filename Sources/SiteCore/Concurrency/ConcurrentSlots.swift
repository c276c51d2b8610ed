/// Results of a `DispatchQueue.concurrentPerform`, one slot per iteration,
/// read back in iteration order.
///
/// Each index is written by exactly one iteration and read only after all
/// have finished, so no lock is needed.
public final class ConcurrentSlots<Value>: @unchecked Sendable {
  private var slots: [Value?]

  public init(count: Int) {
    slots = Array(repeating: nil, count: count)
  }

  public subscript(index: Int) -> Value? {
    get { slots[index] }
    set { slots.withUnsafeMutableBufferPointer { $0[index] = newValue } }
  }

  /// The filled slots, in index order.
  public var values: [Value] { slots.compactMap { $0 } }
}
