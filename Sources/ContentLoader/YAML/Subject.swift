import SiteCore

/// What a YAML mapping describes, as messages name it ("thiếu trường bắt
/// buộc 'title' trong nhiệm vụ").
extension Message {
  static let plan = Message(vi: "kế hoạch", en: "plan")
  static let section = Message(vi: "mục", en: "section")
  static let taskGroup = Message(vi: "nhóm nhiệm vụ", en: "task group")
  static let task = Message(vi: "nhiệm vụ", en: "task")
  static let assignment = Message(vi: "dòng phân công", en: "assignment")
  static let agency = Message(vi: "cơ quan", en: "agency")
  static let commune = Message(vi: "xã, phường", en: "commune")
  static let indicator = Message(vi: "chỉ tiêu", en: "indicator")
  static let baseline = Message(vi: "số liệu năm gốc", en: "baseline")
  static let siteSettings = Message(vi: "thiết lập của trang", en: "site settings")
  static let schedule = Message(vi: "lịch báo cáo", en: "reporting schedule")
  static let period = Message(vi: "kỳ báo cáo", en: "reporting period")
  static let report = Message(vi: "báo cáo", en: "report")
  static let taskUpdate = Message(vi: "mục báo cáo về nhiệm vụ", en: "task entry")
  static let indicatorFigure = Message(vi: "mục số liệu chỉ tiêu", en: "indicator entry")
}
