/// A measurable target of the plan (chỉ tiêu), with its baseline and results.
public struct Indicator: Hashable, Sendable, Codable {
  /// One figure for a year or period: a target, a result or the baseline.
  public struct Point: Hashable, Sendable, Codable {
    /// The year or period as written (`2030`, `2026-2030`).
    public var period: String
    /// The value, parsed.
    public var value: IndicatorValue

    public init(period: String, value: IndicatorValue) {
      self.period = period
      self.value = value
    }

    /// The year the figure is drawn at: the last year of a period.
    public var year: Int? {
      let digits = period.split { !$0.isNumber }.compactMap { Int($0) }.filter { $0 >= 1000 }
      return digits.last
    }
  }

  /// The registry id (`grdp-tang-truong`).
  public var id: IndicatorID
  /// The field it belongs to (`Kinh tế, khoa học, công nghệ`).
  public var group: String
  /// What is measured.
  public var name: String
  /// The unit (`%/năm`, `triệu đồng/người`).
  public var unit: String
  /// The document that sets it, when not the plan itself.
  public var document: String?
  /// The figure it starts from.
  public var baseline: Point?
  /// The targets, by period.
  public var targets: [Point]
  /// Reported results, by year.
  public var actuals: [Point]
  /// The agency that answers for it, when known.
  public var owner: AgencyID?
  /// Whether a larger figure is better (default true).
  public var higherIsBetter: Bool
  /// A note shown with it (wording differences between sources, caveats).
  public var note: String?
  /// Where the figures come from (URLs or document names).
  public var sources: [String]
  /// Where the entry is defined.
  public var source: SourceRef

  public init(
    id: IndicatorID, group: String, name: String, unit: String, document: String? = nil,
    baseline: Point? = nil, targets: [Point], actuals: [Point] = [], owner: AgencyID? = nil,
    higherIsBetter: Bool = true, note: String? = nil, sources: [String] = [], source: SourceRef
  ) {
    self.id = id
    self.group = group
    self.name = name
    self.unit = unit
    self.document = document
    self.baseline = baseline
    self.targets = targets
    self.actuals = actuals
    self.owner = owner
    self.higherIsBetter = higherIsBetter
    self.note = note
    self.sources = sources
    self.source = source
  }
}
