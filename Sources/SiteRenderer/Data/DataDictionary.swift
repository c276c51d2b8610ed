/// The published data files and the meaning of every field.
///
/// The CSV writers take their columns from here, and the data page
/// (`du-lieu/index.html`) is rendered from here, so the documentation can
/// never drift from the files.
enum DataDictionary {
  struct Field {
    var name: String
    var meaning: String
  }

  struct File {
    var name: String
    var title: String
    var meaning: String
    var fields: [Field]
  }

  static let urlNote =
    "đường dẫn của trang, tính từ thư mục gốc của trang web (hoặc địa chỉ đầy đủ nếu trang có base_url)"

  static let tasks = File(
    name: "tasks.csv", title: "Nhiệm vụ", meaning: "Mỗi dòng là một nhiệm vụ của kế hoạch.",
    fields: [
      Field(name: "id", meaning: "số hiệu nhiệm vụ như trong kế hoạch (ví dụ 1.1)"),
      Field(name: "group", meaning: "số hiệu nhóm nhiệm vụ"),
      Field(name: "title", meaning: "nội dung nhiệm vụ"),
      Field(name: "deadline", meaning: "thời hạn (YYYY-MM-DD), trống nếu không quy định"),
      Field(
        name: "status",
        meaning: "tình trạng đã báo cáo: not-started, in-progress, done; trống nếu chưa báo cáo"),
      Field(
        name: "display_status",
        meaning:
          "tình trạng hiển thị, tính theo ngày lập trang: not-started, in-progress, done, overdue (quá hạn), unreported (chưa cập nhật)"
      ),
      Field(name: "progress", meaning: "tiến độ đã báo cáo (0–100), trống nếu chưa báo cáo"),
      Field(name: "assignment_count", meaning: "số dòng phân công của nhiệm vụ"),
      Field(name: "url", meaning: urlNote),
    ])

  static let assignments = File(
    name: "assignments.csv", title: "Phân công",
    meaning:
      "Mỗi dòng là một cơ quan, địa phương hoặc nhóm (ví dụ \"UBND các xã, phường\") được giao trong một dòng phân công.",
    fields: [
      Field(name: "task_id", meaning: "số hiệu nhiệm vụ"),
      Field(name: "assignment", meaning: "thứ tự dòng phân công trong nhiệm vụ (bắt đầu từ 1)"),
      Field(
        name: "role", meaning: "vai trò: lead (chủ trì), support (phối hợp), implement (thực hiện)"),
      Field(
        name: "assignee_type",
        meaning: "agency (cơ quan), commune (xã, phường) hoặc collective (nhóm)"),
      Field(
        name: "assignee_id",
        meaning:
          "mã cơ quan, mã xã phường, hoặc all-agencies, all-communes, all-xa, all-phuong, all-dac-khu"
      ),
      Field(name: "assignee_name", meaning: "tên cơ quan, xã phường hoặc nhóm"),
      Field(name: "text", meaning: "nội dung được giao (Markdown)"),
      Field(name: "deadline", meaning: "thời hạn riêng của dòng phân công, hoặc của nhiệm vụ"),
    ])

  static let agencies = File(
    name: "agencies.csv", title: "Cơ quan", meaning: "Mỗi dòng là một cơ quan, đơn vị.",
    fields: [
      Field(name: "id", meaning: "mã cơ quan"),
      Field(name: "name", meaning: "tên cơ quan"),
      Field(name: "short_name", meaning: "tên viết tắt"),
      Field(
        name: "kind",
        meaning:
          "loại: van-phong, so, thanh-tra, ban, luc-luong, trung-uong, don-vi-su-nghiep, doan-the, khac"
      ),
      Field(
        name: "duty_count",
        meaning: "số việc được giao (kể cả việc giao chung cho các sở, ban, ngành)"),
      Field(name: "lead_count", meaning: "số việc chủ trì"),
      Field(name: "url", meaning: urlNote),
      Field(name: "csv_url", meaning: "tệp CSV các việc của cơ quan"),
      Field(name: "calendar_url", meaning: "lịch thời hạn (iCalendar) của cơ quan"),
    ])

  static let communes = File(
    name: "communes.csv", title: "Xã, phường", meaning: "Mỗi dòng là một đơn vị hành chính cấp xã.",
    fields: [
      Field(name: "id", meaning: "mã xã, phường"),
      Field(name: "name", meaning: "tên"),
      Field(name: "full_name", meaning: "tên đầy đủ (Xã …, Phường …)"),
      Field(name: "kind", meaning: "loại: xa, phuong, dac-khu"),
      Field(name: "gso_code", meaning: "mã đơn vị hành chính (Tổng cục Thống kê)"),
      Field(name: "duty_count", meaning: "số việc được giao (kể cả việc giao chung)"),
      Field(name: "url", meaning: urlNote),
    ])

  static let indicators = File(
    name: "indicators.csv", title: "Chỉ tiêu",
    meaning:
      "Mỗi dòng là một số liệu của một chỉ tiêu: kết quả năm gốc, kết quả thực hiện hoặc mục tiêu.",
    fields: [
      Field(name: "id", meaning: "mã chỉ tiêu"),
      Field(name: "group", meaning: "lĩnh vực"),
      Field(name: "name", meaning: "tên chỉ tiêu"),
      Field(name: "unit", meaning: "đơn vị tính"),
      Field(name: "document", meaning: "văn bản đặt ra chỉ tiêu"),
      Field(
        name: "figure",
        meaning: "loại số liệu: baseline (năm gốc), actual (thực hiện), target (mục tiêu)"),
      Field(name: "period", meaning: "năm hoặc giai đoạn"),
      Field(
        name: "value", meaning: "giá trị như văn bản ghi (số viết kiểu Việt Nam: 10,5; 29.211)"),
      Field(
        name: "qualifier",
        meaning:
          "exact, about (khoảng), atLeast (từ … trở lên), above (trên), atMost (tối đa), below (dưới)"
      ),
      Field(name: "low", meaning: "số (dấu chấm thập phân), hoặc cận dưới nếu là khoảng"),
      Field(name: "high", meaning: "cận trên nếu là khoảng"),
      Field(name: "owner", meaning: "mã cơ quan phụ trách, nếu biết"),
    ])

  static let agencyDuties = File(
    name: "co-quan/<mã cơ quan>/nhiem-vu.csv", title: "Việc của một cơ quan",
    meaning: "Mỗi trang cơ quan có tệp này: mọi việc giao cho cơ quan đó.",
    fields: [
      Field(name: "task_id", meaning: "số hiệu nhiệm vụ"),
      Field(name: "task_title", meaning: "nội dung nhiệm vụ"),
      Field(name: "role", meaning: "vai trò: lead, support, implement"),
      Field(
        name: "via", meaning: "nhóm được giao chung (all-agencies), trống nếu cơ quan được nêu tên"),
      Field(name: "text", meaning: "nội dung được giao (Markdown)"),
      Field(name: "deadline", meaning: "thời hạn"),
      Field(name: "display_status", meaning: "tình trạng hiển thị"),
      Field(name: "url", meaning: urlNote),
    ])

  static let csvFiles = [tasks, assignments, agencies, communes, indicators]
}
