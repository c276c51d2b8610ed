import Testing

@testable import SiteCore

/// The table of value kinds: each type's kind as the runtime gives it,
/// the same when asked again, from many threads at once.
@Suite struct ValueKindTests {
  private struct Plain: Encodable {}
  private struct Digested: Encodable, PrecomputedDigest {
    var digest: ContentHash { ContentHash(value: 1) }
  }
  private struct Tagged<Tag>: Encodable {}

  /// Each type with the kind the runtime's casts give it.
  private static var expected: [(type: Any.Type, check: () -> ValueKind, kind: ValueKind)] {
    [
      (Plain.self, { ValueKind.of(Plain.self) }, .plain),
      (Digested.self, { ValueKind.of(Digested.self) }, .precomputedDigest),
      ([String: Int].self, { ValueKind.of([String: Int].self) }, .sorted),
      (Set<String>.self, { ValueKind.of(Set<String>.self) }, .sorted),
      (Shared<Int>.self, { ValueKind.of(Shared<Int>.self) }, .precomputedDigest),
      ([Int].self, { ValueKind.of([Int].self) }, .plain),
      (Int?.self, { ValueKind.of(Int?.self) }, .plain),
      (Plain?.self, { ValueKind.of(Plain?.self) }, .plain),
      ([String: Plain].self, { ValueKind.of([String: Plain].self) }, .sorted),
      (Digested?.self, { ValueKind.of(Digested?.self) }, .plain),
      ([Digested].self, { ValueKind.of([Digested].self) }, .plain),
      (UInt8.self, { ValueKind.of(UInt8.self) }, .plain),
      (Shared<String>.self, { ValueKind.of(Shared<String>.self) }, .precomputedDigest),
      ([Int: String].self, { ValueKind.of([Int: String].self) }, .sorted),
    ]
  }

  @Test func givesTheRuntimesKindAgainAndAgain() {
    for _ in 0..<3 {
      for entry in Self.expected {
        #expect(entry.check() == entry.kind, "\(entry.type)")
      }
    }
  }

  /// Many more types than a short list would hold, asked from several
  /// threads at once, each first met concurrently.
  @Test func manyTypesFromManyThreads() async {
    func kinds() -> [ValueKind] {
      [
        ValueKind.of(Tagged<Int>.self), ValueKind.of(Tagged<String>.self),
        ValueKind.of(Tagged<Bool>.self), ValueKind.of(Tagged<Double>.self),
        ValueKind.of(Tagged<Plain>.self), ValueKind.of(Tagged<Digested>.self),
        ValueKind.of(Shared<Tagged<Int>>.self), ValueKind.of(Shared<Tagged<Bool>>.self),
        ValueKind.of(Set<Int>.self), ValueKind.of([Int8: Int].self),
        ValueKind.of([Tagged<Int>].self), ValueKind.of(Tagged<Int>?.self),
        ValueKind.of([String: Tagged<Int>].self), ValueKind.of(Shared<[Int]>.self),
        ValueKind.of(Tagged<UInt8>.self), ValueKind.of(Tagged<Int8>.self),
        ValueKind.of(Tagged<Int16>.self), ValueKind.of(Tagged<Int32>.self),
      ]
    }
    let expected: [ValueKind] =
      Array(repeating: .plain, count: 6) + [.precomputedDigest, .precomputedDigest]
      + [.sorted, .sorted, .plain, .plain, .sorted, .precomputedDigest]
      + Array(repeating: .plain, count: 4)
    let results = await withTaskGroup(of: [ValueKind].self) { group in
      for _ in 0..<8 { group.addTask { kinds() } }
      var all: [[ValueKind]] = []
      for await result in group { all.append(result) }
      return all
    }
    #expect(results.count == 8)
    for result in results { #expect(result == expected) }
  }
}
