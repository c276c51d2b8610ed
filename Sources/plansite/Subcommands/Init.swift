import ArgumentParser
import Foundation
import SiteBuilder
import SiteCore

extension PlansiteCommand {
  /// `plansite init FOLDER`: a new plan's folder that builds at once.
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: HelpText.text(
        "Bắt đầu một kế hoạch mới: thư mục Content/ có một ví dụ cho mỗi loại tệp, và Templates/.",
        en: "Start a new plan: a Content/ folder with one example of every file, and Templates/."),
      discussion: HelpText.text(
        "Ví dụ dựng được ngay; thay nó bằng nội dung của kế hoạch.",
        en: "The example builds at once; replace it with the plan's own text."))

    @Argument(
      help: HelpText.help(
        "Thư mục mới (chưa có, hoặc đang trống).",
        en: "The new folder (it must not exist, or be empty).", value: "thư mục"))
    var folder: String

    @Option(
      help: HelpText.help(
        "Mẫu trang để chép vào (mặc định: Templates/ đi cùng plansite).",
        en: "The templates to copy (default: the Templates/ plansite was built with).",
        value: "thư mục"))
    var templates: String?

    @Option(
      name: .customLong("lang"),
      help: HelpText.help(
        "Ngôn ngữ của thông báo: vi hoặc en.", en: "The language of messages: vi or en.",
        value: "ngôn ngữ"))
    var language: Language = .vi

    func run() throws {
      let fm = FileManager.default
      let root = URL(fileURLWithPath: folder)
      if let existing = try? fm.contentsOfDirectory(atPath: root.path), !existing.isEmpty {
        throw fail(
          Message(
            vi: "thư mục '\(folder)' đã có tệp: chọn một thư mục mới hoặc thư mục trống",
            en: "the folder '\(folder)' is not empty: choose a new or empty folder"))
      }
      guard let source = templates ?? Self.defaultTemplates() else {
        throw fail(
          Message(
            vi: "không tìm thấy bộ mẫu trang mặc định (thư mục Templates cạnh tệp plansite "
              + "hay ở thư mục trên nó): chép thư mục Templates đi kèm plansite vào cạnh tệp "
              + "chạy, hoặc ghi đường dẫn đến nó bằng --templates",
            en: "the default templates were not found (a Templates folder beside the plansite "
              + "file or a folder above it): copy the Templates folder that comes with plansite "
              + "beside it, or give its path with --templates"))
      }
      do {
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        try fm.copyItem(atPath: source, toPath: root.appendingPathComponent("Templates").path)
        for (path, text) in Skeleton.files {
          let url = root.appendingPathComponent("Content/" + path)
          try fm.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
          try text.write(to: url, atomically: true, encoding: .utf8)
        }
      } catch {
        throw fail(
          Message(
            vi: "không tạo được '\(folder)': \(error.localizedDescription)",
            en: "cannot create '\(folder)': \(error.localizedDescription)"))
      }
      // The example must build at once: check it as a build would.
      let check = SiteBuilder(
        configuration: BuildConfiguration(
          contentDirectory: root.appendingPathComponent("Content").path,
          templatesDirectory: root.appendingPathComponent("Templates").path,
          outputDirectory: root.appendingPathComponent("Site").path,
          today: ProjectOptions.buildDay(today: nil))
      ).check()
      DiagnosticPrinter(language: language).print(check.diagnostics)
      if check.failed { throw ExitCode.failure }
      print(
        Message(
          vi: """
            Đã tạo \(folder)/: Content/ (một ví dụ của mỗi tệp, xem Content/README.md) và Templates/.
            Tiếp theo: cd \(folder) && plansite serve, rồi thay ví dụ bằng nội dung của kế hoạch.
            """,
          en: """
            Created \(folder)/: Content/ (one example of every file, see Content/README.md) and Templates/.
            Next: cd \(folder) && plansite serve, then replace the example with the plan's content.
            """
        ).text(language))
    }

    private func fail(_ message: Message) -> ExitCode {
      DiagnosticPrinter(language: language).print([
        .error(message, at: SourceLocation(file: folder))
      ])
      return ExitCode.failure
    }

    /// The Templates/ folder of the plansite checkout the running binary was
    /// built in (`.build/<configuration>/plansite` lies inside it), if any.
    static func defaultTemplates() -> String? {
      var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      for _ in 0..<6 {
        url = url.deletingLastPathComponent()
        let candidate = url.appendingPathComponent("Templates")
        if FileManager.default.fileExists(
          atPath: candidate.appendingPathComponent("layout.mustache").path)
        {
          return candidate.path
        }
      }
      return nil
    }
  }
}

/// The content of a new plan: one commented example of every file.
enum Skeleton {
  static let files: [(String, String)] = [
    (
      "README.md",
      """
      # Nội dung của trang (ví dụ)

      Mỗi tệp ở đây là một ví dụ: sửa thành nội dung của kế hoạch. Cách viết từng tệp có trong
      docs/content.md của plansite.

      - `site.yaml`: tên trang, ngôn ngữ, địa chỉ. Xóa dòng `sample: true` khi nội dung là thật.
      - `plan.md`: số hiệu, ngày ban hành, cơ quan ban hành, người ký; phần "Căn cứ …".
      - `sections/`: các mục của kế hoạch (I, II, III …).
      - `tasks/<nhóm>/`: mỗi nhóm nhiệm vụ một thư mục, `_group.md` và mỗi nhiệm vụ một tệp.
      - `agencies.yaml`, `communes.yaml`: cơ quan và xã, phường được giao việc.
      - `indicators.yaml`: các chỉ tiêu (không bắt buộc).
      - `reporting.yaml`: lịch báo cáo (các kỳ, hạn gửi); không bắt buộc.
      - `reports/<kỳ>/<đơn vị>.md`: báo cáo của một cơ quan hay xã, phường trong một kỳ. Báo cáo
        ví dụ có `draft: true`: chỉ hiện khi xem trước (`plansite serve`), không lên trang công
        khai. Xóa nó, hoặc nhập báo cáo thật bằng `plansite report import`.

      Chạy `plansite check` để kiểm tra, `plansite serve` để xem trang khi sửa.

      """
    ),
    (
      "site.yaml",
      """
      # Trang web của kế hoạch (xem docs/content.md, mục site.yaml).
      title: "Kế hoạch số 01/KH-UBND (ví dụ)"
      language: vi
      description: "Các nhiệm vụ của kế hoạch, theo từng cơ quan và từng xã, phường."
      # base_url: "https://kehoach.example.gov.vn/"   # địa chỉ trang khi đăng lên mạng
      # publisher: "Văn phòng UBND tỉnh"
      # footer_note: "Văn bản có giá trị pháp lý là văn bản đã được ký ban hành."
      # license: "CC BY 4.0"
      # Xóa dòng dưới khi nội dung là của kế hoạch thật.
      sample: true

      """
    ),
    (
      "plan.md",
      """
      ---
      number: "01/KH-UBND"
      title: "Tên đầy đủ của kế hoạch"
      document_type: "Kế hoạch"
      issued: 2026-01-05
      issuer: "Ủy ban nhân dân tỉnh"
      signer: "Họ và tên người ký"
      # signer_title: "Chủ tịch Ủy ban nhân dân tỉnh"
      # place: "Tên tỉnh"
      # source_url: "https://…"   # nơi đọc được văn bản đã ký
      ---

      Căn cứ … (đoạn mở đầu của kế hoạch, chép nguyên văn).

      """
    ),
    (
      "sections/1-muc-dich-yeu-cau.md",
      """
      ---
      id: "I"
      title: "MỤC ĐÍCH, YÊU CẦU"
      ---

      1. Nội dung mục I, chép nguyên văn.

      """
    ),
    (
      "sections/2-nhiem-vu-giai-phap.md",
      """
      ---
      id: "II"
      title: "NHIỆM VỤ, GIẢI PHÁP"
      shows: tasks
      ---

      Các nhiệm vụ của mục này nằm trong thư mục tasks/.

      """
    ),
    (
      "tasks/1-nhiem-vu-trong-tam/_group.md",
      """
      ---
      id: "1"
      title: "Nhiệm vụ trọng tâm"
      ---

      """
    ),
    (
      "tasks/1-nhiem-vu-trong-tam/1-1.md",
      """
      ---
      id: "1.1"
      title: "Nội dung nhiệm vụ 1.1, chép nguyên văn."
      assignments:
        - to: [so-tai-chinh]
          role: lead          # lead: chủ trì; support: phối hợp; implement: thực hiện
          text: "Chủ trì … (phần việc giao cho Sở Tài chính, chép nguyên văn)."
        - to: [all-communes]  # all-agencies, all-communes, all-xa, all-phuong: giao chung
          role: implement
          text: "UBND các xã, phường tổ chức thực hiện trên địa bàn."
      deadline: 2026-12-31    # không bắt buộc
      ---

      Nội dung chi tiết của nhiệm vụ (không bắt buộc).

      """
    ),
    (
      "agencies.yaml",
      """
      # Các cơ quan được giao việc. id: chữ thường, không dấu, nối bằng dấu -.
      - id: so-tai-chinh
        name: "Sở Tài chính"
        short_name: "STC"
        kind: so
      - id: so-noi-vu
        name: "Sở Nội vụ"
        kind: so

      """
    ),
    (
      "communes.yaml",
      """
      # Các xã, phường. kind: xa, phuong hoặc dac-khu.
      - id: phuong-mot
        name: "Một"
        kind: phuong
      - id: xa-hai
        name: "Hai"
        kind: xa

      """
    ),
    (
      "indicators.yaml",
      """
      # Các chỉ tiêu (không bắt buộc). Số viết kiểu Việt Nam: 10,5; 1.150; từ 12 trở lên.
      - id: ty-le-ho-so-truc-tuyen
        group: "Cải cách hành chính"
        name: "Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến"
        unit: "%"
        targets:
          "2026": "từ 80 trở lên"
        sources:
          - "Văn bản đặt ra chỉ tiêu"

      """
    ),
    (
      "reporting.yaml",
      """
      # Lịch báo cáo (không bắt buộc; xem docs/content.md, mục reporting.yaml).
      # Các kỳ theo thứ tự, kỳ cũ trước; báo cáo của một kỳ nằm trong reports/<mã kỳ>/.
      periods:
        - id: 2026-6t               # chữ thường, số, dấu -: tên thư mục trong reports/
          name: "6 tháng đầu năm 2026"
          start: 2026-01-01
          end: 2026-06-30
          due: 2026-07-10           # hạn gửi báo cáo: gửi sau ngày này là "chậm"
        - id: 2026-nam
          name: "Năm 2026"
          start: 2026-01-01
          end: 2026-12-31
          due: 2027-01-15
      # reporters: [all-agencies, all-communes]   # ai phải báo cáo; mặc định: mọi đơn vị được giao việc
      compiler: so-tai-chinh        # cơ quan tổng hợp báo cáo

      """
    ),
    (
      "reports/2026-6t/so-tai-chinh.md",
      """
      ---
      # Báo cáo của Sở Tài chính (tên tệp là mã đơn vị) kỳ 2026-6t (tên thư mục), ví dụ.
      # draft: true: bản nháp, chỉ hiện khi xem trước; "plansite report publish" để công bố.
      date: 2026-07-08              # ngày ban hành báo cáo
      # document: "Báo cáo số 45/BC-STC"
      # source_url: "https://…"     # nơi đọc được báo cáo đã ký
      draft: true
      tasks:                        # mỗi nhiệm vụ đơn vị được giao một mục
        - task: "1.1"
          status: in-progress       # not-started: chưa thực hiện; in-progress: đang thực hiện; done: hoàn thành
          progress: 40              # không bắt buộc, từ 0 đến 100
          text: "Kết quả thực hiện nhiệm vụ 1.1 trong kỳ (ví dụ)."
      # indicators:                 # không bắt buộc: số liệu chỉ tiêu đơn vị báo cáo
      #   - indicator: ty-le-ho-so-truc-tuyen
      #     year: "2026"
      #     value: "65,5"
      ---

      Tóm tắt báo cáo (ví dụ).

      """
    ),
  ]
}
