/// A typed id, so a task id can never be passed where an agency id is meant.
///
/// `Kind` is only a marker (`TaskID` is `Identifier<PlanTask>`). The raw value
/// is the id exactly as written in `Content/`, after NFC normalization.
public struct Identifier<Kind>: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// The id as written in the content.
  public let rawValue: String

  public init(_ rawValue: String) {
    self.rawValue = rawValue
  }

  public var description: String { rawValue }

  public init(from decoder: Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  /// Natural order: `1.2` before `1.10`, so the plan's numbering sorts as printed.
  public static func < (lhs: Identifier, rhs: Identifier) -> Bool {
    NaturalOrder.less(lhs.rawValue, rhs.rawValue)
  }
}

public typealias TaskID = Identifier<PlanTask>
public typealias GroupID = Identifier<TaskGroup>
public typealias SectionID = Identifier<PlanSection>
public typealias AgencyID = Identifier<Agency>
public typealias CommuneID = Identifier<Commune>
public typealias IndicatorID = Identifier<Indicator>

/// Compares strings the way people number things: runs of digits as numbers.
public enum NaturalOrder {
  /// Whether `a` sorts before `b` (`"1.9" < "1.10"`, `"a-2" < "a-10"`).
  public static func less(_ a: String, _ b: String) -> Bool {
    var i = a.unicodeScalars.makeIterator()
    var j = b.unicodeScalars.makeIterator()
    var x = i.next()
    var y = j.next()
    while let cx = x, let cy = y {
      if cx.properties.numericType == .decimal, cy.properties.numericType == .decimal,
        cx.isASCII, cy.isASCII
      {
        var nx = ""
        var ny = ""
        while let c = x, c.isASCII, c.properties.numericType == .decimal {
          nx.unicodeScalars.append(c)
          x = i.next()
        }
        while let c = y, c.isASCII, c.properties.numericType == .decimal {
          ny.unicodeScalars.append(c)
          y = j.next()
        }
        let tx = nx.drop { $0 == "0" }
        let ty = ny.drop { $0 == "0" }
        if tx.count != ty.count { return tx.count < ty.count }
        if tx != ty { return tx < ty }
        if nx.count != ny.count { return nx.count < ny.count }
        continue
      }
      if cx != cy { return cx.value < cy.value }
      x = i.next()
      y = j.next()
    }
    return x == nil && y != nil
  }
}
