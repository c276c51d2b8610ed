/// A value with a Vietnamese label, so a mistyped value written in
/// Vietnamese (`role: chủ trì`) can be matched to its id (`lead`).
public protocol Labeled {
  /// How the site shows the value.
  var label: String { get }
}

extension Assignment.Role: Labeled {}
extension TaskStatus: Labeled {}
extension Agency.Kind: Labeled {}
extension Commune.Kind: Labeled {}
extension PlanSection.Shows: Labeled {
  public var label: String {
    switch self {
    case .text: "văn bản"
    case .indicators: "chỉ tiêu"
    case .tasks: "nhiệm vụ"
    }
  }
}
