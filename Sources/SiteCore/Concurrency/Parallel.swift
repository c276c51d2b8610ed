import Dispatch
import Foundation
import Synchronization

/// Work spread over all cores, with results in input order: the one way
/// plansite runs things in parallel.
public enum Parallel {
  /// Applies `transform` to every element on all cores; the results come in order.
  ///
  /// Elements are handed out `chunk` at a time (more per chunk when each is cheap).
  public static func map<Element, Result, Failure: Error>(
    _ elements: [Element], chunk: Int = 1, _ transform: (Element) throws(Failure) -> Result
  ) throws(Failure) -> [Result] {
    if elements.count <= 1 {
      var results: [Result] = []
      for element in elements { results.append(try transform(element)) }
      return results
    }
    let chunk = max(1, chunk)
    let chunks = (elements.count + chunk - 1) / chunk
    let slots = Slots<Result>(count: elements.count)
    let failure = FirstError<Failure>()
    withoutActuallyEscaping(transform) { transform in
      // The callers' closures and values are used from the worker threads
      // of this call only, which ends before it returns; each slot is
      // written by one worker.
      nonisolated(unsafe) let transform = transform
      nonisolated(unsafe) let elements = elements
      DispatchQueue.concurrentPerform(iterations: chunks) { part in
        for index in part * chunk..<min(elements.count, (part + 1) * chunk) {
          guard !failure.isSet else { return }
          do throws(Failure) {
            slots.put(try transform(elements[index]), at: index)
          } catch {
            failure.record(error)
          }
        }
      }
    }
    try failure.rethrow()
    return slots.takeValues()
  }

  /// Runs `first` and `second` at the same time (each may itself use all
  /// cores), and returns both results.
  ///
  /// `first` runs on a thread of its own, `second` on the calling thread.
  /// Not `concurrentPerform`: libdispatch divides the cores of an apply
  /// nested in another by the outer one's width, so on two cores every
  /// `Parallel.map` inside either closure ran on one thread. Not a
  /// dispatch queue either: called from a worker while the others are
  /// busy, the caller would wait for a worker to run `first`.
  public static func both<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
    let one = Slots<A>(count: 1)
    let two: B = withoutActuallyEscaping(first) { first in
      // The thread reaches `first` through a pointer and lets go of it
      // before signalling, so nothing holds it when this closure returns
      // (`withoutActuallyEscaping` checks; the thread object itself may
      // outlive the call).
      let job = UnsafeMutablePointer<(() -> A)?>.allocate(capacity: 1)
      job.initialize(to: first)
      defer { job.deallocate() }
      nonisolated(unsafe) let pointer = job
      let done = DispatchSemaphore(value: 0)
      Thread {
        if let result = pointer.pointee?() { one.put(result, at: 0) }
        pointer.pointee = nil
        done.signal()
      }.start()
      let two = second()
      done.wait()
      return two
    }
    // The slot is filled; should it not be, the work is done here.
    return (one.takeValues().first ?? first(), two)
  }

  /// Produces the elements' results on all cores, `batch` at a time, and
  /// hands each batch, in order, to `consume` on one thread while the next
  /// batch is produced (rendering pages while one thread writes them).
  public static func pipeline<Element, Result, Failure: Error>(
    _ elements: [Element], batch: Int, produce: (Element) throws(Failure) -> Result,
    consume: ([Result]) throws(Failure) -> Void
  ) throws(Failure) {
    var pending: [Result]?
    var start = 0
    while start < elements.count || pending != nil {
      let range = start..<min(elements.count, start + max(1, batch))
      start = range.upperBound
      let toConsume = pending
      var produced: [Result] = []
      var consumeError: Failure?
      var produceError: Failure?
      withoutActuallyEscaping(consume) { consume in
        // `consume` runs on one other thread while this one produces, and
        // is waited for before the next batch.
        nonisolated(unsafe) let consume = consume
        let group = DispatchGroup()
        let box = ErrorBox<Failure>()
        if let batchToConsume = toConsume {
          nonisolated(unsafe) let batchToConsume = batchToConsume
          DispatchQueue.global().async(group: group) {
            do throws(Failure) { try consume(batchToConsume) } catch { box.error = error }
          }
        }
        do throws(Failure) {
          produced = try map(Array(elements[range]), produce)
        } catch {
          produceError = error
        }
        group.wait()
        consumeError = box.error
      }
      if let consumeError { throw consumeError }
      if let produceError { throw produceError }
      pending = range.isEmpty ? nil : produced
    }
  }

  /// Applies `transform` to each element `produce` hands over, on the
  /// other cores while `produce` goes on (reading the next rows of a
  /// database while the last are decoded); the results come in the order
  /// the elements were handed over.
  public static func whileProducing<Element: Sendable, Result: Sendable>(
    _ produce: ((Element) -> Void) -> Void,
    _ transform: @escaping @Sendable (Element) -> Result
  ) -> [Result] {
    let group = DispatchGroup()
    let results = Mutex<[(Int, Result)]>([])
    var count = 0
    produce { element in
      let index = count
      count += 1
      DispatchQueue.global().async(group: group) {
        let result = transform(element)
        results.withLock { $0.append((index, result)) }
      }
    }
    group.wait()
    var done = results.withLock { results in
      defer { results = [] }
      return results
    }
    // Moved out, not copied: each result is a batch of parsed files, and
    // a copy would retain every string they hold.
    done.sort { $0.0 > $1.0 }
    var ordered: [Result] = []
    ordered.reserveCapacity(done.count)
    while let (_, result) = done.popLast() { ordered.append(result) }
    return ordered
  }
}

/// One result slot per element.
///
/// Each index is written by one iteration and read only after all have
/// finished, so no lock is needed. The slots are
/// raw memory allocated once: an array's own storage may not be written
/// from several threads at once.
private final class Slots<Value>: @unchecked Sendable {
  private let storage: UnsafeMutablePointer<Value>
  /// Which slots hold a value (an iteration that threw left its own empty).
  private let filled: UnsafeMutablePointer<Bool>
  private let count: Int

  init(count: Int) {
    self.count = count
    storage = UnsafeMutablePointer<Value>.allocate(capacity: max(1, count))
    filled = UnsafeMutablePointer<Bool>.allocate(capacity: max(1, count))
    filled.initialize(repeating: false, count: max(1, count))
  }

  deinit {
    for index in 0..<count where filled[index] { (storage + index).deinitialize(count: 1) }
    storage.deallocate()
    filled.deinitialize(count: max(1, count))
    filled.deallocate()
  }

  /// Puts the value of `index` in its slot, moved in.
  func put(_ value: consuming Value, at index: Int) {
    (storage + index).initialize(to: value)
    filled[index] = true
  }

  /// The values, moved out (the slots are left empty): copying them
  /// would retain every reference a large value holds (and releasing the
  /// slots release them again), and the slots are dropped right after.
  func takeValues() -> [Value] {
    var values: [Value] = []
    values.reserveCapacity(count)
    for index in 0..<count where filled[index] {
      values.append((storage + index).move())
      filled[index] = false
    }
    return values
  }
}

/// The first error thrown by any iteration.
private final class FirstError<Failure: Error>: @unchecked Sendable {
  private let lock = NSLock()
  private var error: Failure?
  /// Whether an error was recorded: read before every element, so read
  /// without the lock (and without making an optional of `Failure`).
  private let failed = Atomic<Bool>(false)

  var isSet: Bool { failed.load(ordering: .relaxed) }

  func record(_ error: Failure) {
    lock.withLock { if self.error == nil { self.error = error } }
    failed.store(true, ordering: .relaxed)
  }

  func rethrow() throws(Failure) {
    if let error = lock.withLock({ error }) { throw error }
  }
}

private final class ErrorBox<Failure: Error>: @unchecked Sendable {
  var error: Failure?
}
