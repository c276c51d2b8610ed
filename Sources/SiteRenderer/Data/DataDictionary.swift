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
          "tình trạng hiển thị: not-started, in-progress, done, done-late (hoàn thành chậm), overdue (quá hạn, tính theo ngày lập trang), unreported (chưa có báo cáo)"
      ),
      Field(
        name: "progress",
        meaning:
          "tiến độ (0–100): theo báo cáo, trung bình tiến độ các đơn vị chủ trì, thực hiện đã báo cáo (đơn vị chưa báo cáo không được tính); nếu kế hoạch chưa có báo cáo, tiến độ ghi trong tệp nhiệm vụ; trống nếu chưa có"
      ),
      Field(name: "done_on", meaning: "ngày hoàn thành theo báo cáo, trống nếu chưa hoàn thành"),
      Field(
        name: "as_of", meaning: "ngày của báo cáo mới nhất về nhiệm vụ (số liệu tính đến ngày)"),
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
      Field(
        name: "gso_code",
        meaning:
          "mã đơn vị hành chính của cơ quan thống kê (Tổng cục Thống kê, nay là Cục Thống kê)"),
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
          "exact (đúng bằng), about (khoảng), atLeast (từ … trở lên, tối thiểu), above (trên), atMost (tối đa, không quá), below (dưới), range (trong khoảng low–high; \"khoảng 165–190\" là about với low và high)"
      ),
      Field(name: "low", meaning: "số (dấu chấm thập phân), hoặc cận dưới nếu là khoảng"),
      Field(name: "high", meaning: "cận trên nếu là khoảng"),
      Field(name: "owner", meaning: "mã cơ quan phụ trách, nếu biết"),
      Field(name: "note", meaning: "ghi chú của chỉ tiêu, như trên trang chỉ tiêu"),
      Field(name: "sources", meaning: "nguồn số liệu, cách nhau bởi \" | \""),
    ])

  static let agencyDuties = File(
    name: "co-quan/<mã cơ quan>/nhiem-vu.csv", title: "Việc của một cơ quan",
    meaning:
      "Mỗi trang cơ quan có tệp này: mọi việc giao cho cơ quan đó. Cùng nội dung ở dạng JSON: co-quan/<mã cơ quan>/nhiem-vu.json (một mảng, mỗi phần tử một việc, cùng các trường).",
    fields: [
      Field(name: "task_id", meaning: "số hiệu nhiệm vụ"),
      Field(name: "task_title", meaning: "nội dung nhiệm vụ"),
      Field(name: "role", meaning: "vai trò: lead, support, implement"),
      Field(
        name: "via", meaning: "nhóm được giao chung (all-agencies), trống nếu cơ quan được nêu tên"),
      Field(name: "text", meaning: "nội dung được giao (Markdown)"),
      Field(name: "deadline", meaning: "thời hạn"),
      Field(
        name: "display_status",
        meaning: "tình trạng hiển thị: theo báo cáo của chính cơ quan nếu kế hoạch có báo cáo"),
      Field(name: "progress", meaning: "tiến độ (%) theo báo cáo, trống nếu chưa có"),
      Field(name: "as_of", meaning: "ngày của báo cáo cho tình trạng đó, trống nếu chưa có"),
      Field(name: "url", meaning: urlNote),
    ])

  static let reporterFields = [
    Field(name: "reporter_type", meaning: "agency (cơ quan) hoặc commune (xã, phường)"),
    Field(name: "reporter_id", meaning: "mã cơ quan hoặc mã xã, phường gửi báo cáo"),
    Field(name: "reporter_name", meaning: "tên cơ quan, xã phường gửi báo cáo"),
  ]

  static let reports = File(
    name: "reports.csv", title: "Báo cáo",
    meaning: "Mỗi dòng là một báo cáo của một cơ quan hoặc xã, phường trong một kỳ báo cáo.",
    fields: [Field(name: "period", meaning: "mã kỳ báo cáo (ví dụ 2026-6t)")] + reporterFields + [
      Field(name: "date", meaning: "ngày báo cáo (YYYY-MM-DD)"),
      Field(name: "due", meaning: "hạn gửi báo cáo của kỳ"),
      Field(name: "submission", meaning: "on-time (đúng hạn) hoặc late (gửi chậm)"),
      Field(name: "draft", meaning: "true nếu là bản nháp (chỉ có khi xem trước)"),
      Field(name: "document", meaning: "số hiệu văn bản báo cáo"),
      Field(name: "source_url", meaning: "địa chỉ văn bản gốc, nếu có"),
      Field(name: "task_count", meaning: "số nhiệm vụ được báo cáo"),
      Field(name: "indicator_count", meaning: "số số liệu chỉ tiêu trong báo cáo"),
      Field(name: "url", meaning: urlNote),
    ])

  static let reportUpdates = File(
    name: "report-updates.csv", title: "Kết quả từng nhiệm vụ theo báo cáo",
    meaning:
      "Mỗi dòng là điều một báo cáo nói về một nhiệm vụ: đơn vị nào, kỳ nào, tình trạng, tiến độ. Đây là lịch sử thực hiện của mọi nhiệm vụ.",
    fields: [Field(name: "period", meaning: "mã kỳ báo cáo")] + reporterFields + [
      Field(name: "report_date", meaning: "ngày báo cáo"),
      Field(name: "task_id", meaning: "số hiệu nhiệm vụ"),
      Field(name: "status", meaning: "tình trạng báo cáo: not-started, in-progress, done"),
      Field(name: "progress", meaning: "tiến độ (0–100), trống nếu không nêu"),
      Field(name: "done_on", meaning: "ngày hoàn thành, nếu đã hoàn thành"),
      Field(name: "text", meaning: "kết quả thực hiện (Markdown)"),
      Field(name: "report_url", meaning: "trang của báo cáo"),
    ])

  static let indicatorValues = File(
    name: "indicator-values.csv", title: "Số liệu thực hiện chỉ tiêu",
    meaning:
      "Mỗi dòng là một kết quả thực hiện của một chỉ tiêu, kèm nguồn: số liệu đã công bố (actuals trong indicators.yaml) hoặc một báo cáo.",
    fields: [
      Field(name: "indicator_id", meaning: "mã chỉ tiêu"),
      Field(name: "indicator_name", meaning: "tên chỉ tiêu"),
      Field(name: "unit", meaning: "đơn vị tính"),
      Field(name: "period", meaning: "năm hoặc giai đoạn của số liệu"),
      Field(name: "value", meaning: "giá trị như văn bản ghi (số viết kiểu Việt Nam)"),
      Field(name: "low", meaning: "số (dấu chấm thập phân), hoặc cận dưới nếu là khoảng"),
      Field(name: "high", meaning: "cận trên nếu là khoảng"),
      Field(name: "source", meaning: "actuals (số liệu đã công bố) hoặc report (theo báo cáo)"),
      Field(name: "report_period", meaning: "kỳ của báo cáo nêu số liệu"),
      Field(name: "reporter_id", meaning: "mã đơn vị gửi báo cáo đó"),
      Field(name: "report_date", meaning: "ngày của báo cáo đó"),
      Field(name: "report_url", meaning: "trang của báo cáo đó"),
    ])

  static let submissions = File(
    name: "submissions.csv", title: "Tình hình gửi báo cáo",
    meaning:
      "Mỗi dòng là một đơn vị phải báo cáo trong một kỳ: đã gửi đúng hạn, gửi chậm, chưa gửi (quá hạn gửi, tính theo ngày lập trang) hay chưa đến hạn.",
    fields: [Field(name: "period", meaning: "mã kỳ báo cáo")] + reporterFields + [
      Field(name: "state", meaning: "on-time, late, missing (chưa gửi), not-due (chưa đến hạn)"),
      Field(name: "date", meaning: "ngày báo cáo, nếu đã gửi"),
    ])

  static let csvFiles = [
    tasks, assignments, agencies, communes, indicators, reports, reportUpdates, indicatorValues,
    submissions,
  ]

  /// The fields of `plan.json` that need more than their name, as paths.
  static let jsonFields = [
    Field(
      name: "schema_version",
      meaning:
        "phiên bản cấu trúc tệp (hiện là \(PlanData.schemaVersion); từ phiên bản 3, value của số liệu ghi như văn bản và qualifier của một khoảng là range)"
    ),
    Field(
      name: "license",
      meaning: "giấy phép sử dụng dữ liệu, như trang Dữ liệu mở nêu; null nếu chưa nêu"),
    Field(
      name: "document.published_part",
      meaning: "phần của kế hoạch được đăng trên trang, khi chưa đăng toàn văn; null nếu đăng đủ"),
    Field(
      name: "document.collective_labels",
      meaning: "cách kế hoạch gọi các nhóm chung (all-agencies: \"Các sở, ngành\" …)"),
    Field(
      name: "judged_on",
      meaning: "ngày lập trang, khi có tình trạng tính theo ngày đó (quá hạn); null nếu không có"),
    Field(name: "data_as_of", meaning: "ngày của báo cáo mới nhất; null nếu chưa có báo cáo"),
    Field(
      name: "tasks[].state",
      meaning:
        "tình trạng rút ra từ báo cáo: status, progress, done_on, as_of (ngày báo cáo mới nhất), source (reports: từ báo cáo; written: ghi trong tệp nhiệm vụ; none: chưa có), deciding (số đơn vị chủ trì, thực hiện), deciding_done (số đơn vị đó đã báo cáo hoàn thành), progress_from (với source là reports: số đơn vị đó có tiến độ được tính vào progress, là trung bình của các đơn vị đã báo cáo tiến độ; đơn vị chưa báo cáo không được tính)"
    ),
    Field(
      name: "tasks[].history[]",
      meaning:
        "lịch sử: mỗi lần một đơn vị báo cáo về nhiệm vụ (date, period, reporter_type, reporter_id, status, progress, done_on, text), cũ trước mới sau; báo cáo tương ứng nằm trong reports (cùng period và reporter)"
    ),
    Field(
      name: "indicators[].targets[], baseline, actuals[]",
      meaning:
        "mỗi số liệu: period, value (như văn bản ghi), qualifier (như cột qualifier của indicators.csv), low, high"
    ),
    Field(
      name: "indicators[].figures[]",
      meaning:
        "mọi kết quả thực hiện kèm nguồn: source là actuals (số liệu đã công bố) hoặc report, khi đó report nêu kỳ, đơn vị, ngày và trang của báo cáo"
    ),
    Field(
      name: "indicators[].judgements[]",
      meaning:
        "đánh giá từng mục tiêu: target, value (kết quả cùng năm hoặc giai đoạn), verdict: met (đạt), exceeded (vượt), not-met (chưa đạt), no-data (chưa có số liệu), null (chưa đến kỳ đánh giá)"
    ),
    Field(
      name: "schedule",
      meaning:
        "lịch báo cáo: periods (id, name, start, end, due, url), reporters (null: mọi đơn vị được giao việc), compiler (cơ quan tổng hợp); null nếu kế hoạch chưa có lịch báo cáo"
    ),
    Field(
      name: "reports[]",
      meaning:
        "mỗi báo cáo: period, reporter, date, due, submission, draft, document, source_url, summary, url, tasks (số hiệu các nhiệm vụ được báo cáo; nội dung từng mục nằm trong tasks[].history), indicators[] (indicator, period, value, low, high)"
    ),
    Field(
      name: "submissions[]",
      meaning: "mỗi đơn vị phải báo cáo trong mỗi kỳ: period, reporter, state, date"),
  ]
}
