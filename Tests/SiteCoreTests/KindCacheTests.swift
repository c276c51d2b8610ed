import Testing

@testable import SiteCore

/// A sink's remembered value kinds: the same answers as `ValueKind.of`, for
/// types met again and for more types than it has room for.
@Suite struct KindCacheTests {
  private struct Plain: Encodable {}
  private struct Digested: Encodable, PrecomputedDigest {
    var digest: ContentHash { ContentHash(value: 1) }
  }

  /// The cache's kind of `type` and the global table's.
  private static func kinds<T>(_ type: T.Type, _ cache: inout KindCache) -> [ValueKind] {
    [cache.kind(of: type), ValueKind.of(type)]
  }

  @Test func givesTheSameKindsAsTheGlobalTable() {
    var cache = KindCache()
    var met = 0
    for _ in 0..<3 {
      met = 0
      func check<T>(_ type: T.Type, _ expected: ValueKind) {
        let found = Self.kinds(type, &cache)
        #expect(found == [expected, expected], "\(type)")
        met += 1
      }
      check(Plain.self, .plain)
      check(Digested.self, .precomputedDigest)
      check([String: Int].self, .sorted)
      check(Set<String>.self, .sorted)
      check(Shared<Int>.self, .precomputedDigest)
      check([Int].self, .plain)
      check(Int?.self, .plain)
      check(String?.self, .plain)
      check(Plain?.self, .plain)
      check([Plain].self, .plain)
      check([String: Plain].self, .sorted)
      check(Set<Int>.self, .sorted)
      check(Digested?.self, .plain)
      check([Digested].self, .plain)
      check(UInt8.self, .plain)
      check(Int8.self, .plain)
      check(Int16.self, .plain)
      check(Int32.self, .plain)
      check(Shared<String>.self, .precomputedDigest)
      check([Int: String].self, .sorted)
    }
    // More types than the cache holds: those past its room are looked up.
    #expect(met == 20)
  }
}
