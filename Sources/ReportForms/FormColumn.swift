import PlanModel
import SiteCore

/// The columns of a report form, in order, with their headers.
///
/// The header text names a column: the importer finds each column by its
/// header (row 1), so a clerk may hide, widen or reorder columns; messages
/// name a cell by its letter in the file read and its header
/// (`M (Tình trạng)`).
public enum FormColumn: String, CaseIterable, Sendable {
  case period = "Kỳ báo cáo"
  case reporterID = "Mã đơn vị"
  case reporterName = "Đơn vị"
  case kind = "Loại"
  case id = "Mã"
  case title = "Nội dung"
  case roles = "Vai trò"
  case duty = "Việc được giao"
  case deadline = "Thời hạn"
  case lastStatus = "Tình trạng đã báo cáo"
  case lastProgress = "Tiến độ đã báo cáo"
  case lastDate = "Ngày báo cáo gần nhất"
  case status = "Tình trạng"
  case progress = "Tiến độ (%)"
  case doneOn = "Ngày hoàn thành"
  case text = "Kết quả thực hiện"
  case year = "Năm (chỉ tiêu)"
  case value = "Số liệu (chỉ tiêu)"

  /// The header as written in row 1.
  public var header: String { rawValue }

  /// Whether the clerk fills the column in (the others are filled by plansite).
  public var isInput: Bool {
    switch self {
    case .status, .progress, .doneOn, .text, .value: true
    default: false
    }
  }

  /// The columns a clerk fills in; an import needs at least one of them
  /// (one deleted as unused, say "Ngày hoàn thành", reads as empty).
  static let filledIn: [FormColumn] = [.status, .progress, .doneOn, .text, .value]

  /// A display width for spreadsheets, in characters.
  var width: Double {
    switch self {
    case .period, .reporterID: 14
    case .reporterName: 22
    case .kind: 10
    case .id: 10
    case .title: 40
    case .roles: 14
    case .duty: 50
    case .deadline, .lastDate, .doneOn: 13
    case .lastStatus, .status: 17
    case .lastProgress, .progress: 11
    case .text: 50
    case .year, .value: 12
    }
  }

  /// The words a status cell may hold: the codes and the labels.
  static let statusWords = TaskStatusWords()
}

/// `Loại`: what a row is about.
enum RowKind: String, Sendable {
  case task = "Nhiệm vụ"
  case indicator = "Chỉ tiêu"
}

/// Status as a clerk may type it: the site's words (`Hoàn thành`), the
/// words offices write in reports (`Đã hoàn thành`, `Đang triển khai`),
/// with or without diacritics, any case, or the content codes (`done`).
struct TaskStatusWords: Sendable {
  func status(_ cell: String) -> TaskStatus? {
    let folded = Self.fold(cell)
    for status in TaskStatus.allCases
    where folded == Self.fold(status.label) || folded == status.rawValue
      || Self.otherWords[status, default: []].contains(folded)
    {
      return status
    }
    return nil
  }

  /// Other words for each status, folded.
  ///
  /// "Hoàn thành chậm" is done: the site judges lateness from the deadline
  /// and the done date.
  private static let otherWords: [TaskStatus: Set<String>] = [
    .notStarted: ["chua trien khai", "chua bat dau", "chua lam"],
    .inProgress: ["dang trien khai", "dang tien hanh", "dang lam"],
    .done: [
      "da hoan thanh", "hoan thanh cham", "hoan thanh dung han", "hoan thanh truoc han",
      "hoan thanh qua han", "da xong", "xong",
    ],
  ]

  /// Lowercase, without diacritics, single spaces.
  static func fold(_ text: String) -> String {
    text.foldedForSearch.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}
