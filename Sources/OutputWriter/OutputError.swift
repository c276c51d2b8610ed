import Foundation
import SiteCore

/// Why the output folder could not be written.
public enum OutputError: Error, Sendable, DiagnosticConvertible {
  /// Another build holds the lock on the output folder.
  case locked(folder: String)
  /// A file-system call failed.
  case system(operation: Message, path: String, code: Int32)
  /// An output path would leave the output folder.
  case unsafePath(String)
  /// The output folder would replace or contain a folder that must not be touched.
  case unsafeOutputFolder(folder: String, reason: Message)
  /// The output folder exists, has files, and was not made by plansite.
  case foreignOutputFolder(folder: String)
  /// A file the output folder is recorded to hold is gone (deleted by
  /// hand): the builder then makes every file again (`SiteBuilder`).
  case liveFileMissing(String)

  public var diagnostic: Diagnostic {
    switch self {
    case .locked(let folder):
      return .error(
        vi: "một lệnh plansite khác đang ghi vào '\(folder)'",
        en: "another plansite build is writing '\(folder)' right now",
        at: SourceLocation(file: folder),
        notes: [
          Diagnostic.Note(
            vi: "chờ lệnh đó chạy xong (hoặc dừng nó), rồi chạy lại; '\(folder)' chưa bị thay đổi",
            en: "wait for it to finish (or stop it), then run the command again; '\(folder)' is "
              + "unchanged")
        ])
    case .system(let operation, let path, let code):
      let reason = SystemErrorText.reason(code)
      return .error(
        vi: "không \(operation.vi) được '\(path)': \(reason.vi)",
        en: "could not \(operation.en) '\(path)': \(reason.en)",
        at: SourceLocation(file: path),
        notes: [
          Diagnostic.Note(
            vi: "kiểm tra ổ đĩa còn chỗ trống và thư mục cho phép ghi",
            en: "check that the disk is not full and the folder is writable")
        ])
    case .unsafeOutputFolder(let folder, let reason):
      return .error(
        vi: "không dùng được '\(folder)' làm thư mục kết quả: \(reason.vi)",
        en: "cannot use '\(folder)' as the output folder: \(reason.en)",
        at: SourceLocation(file: folder),
        notes: [
          Diagnostic.Note(
            vi: "chọn một thư mục riêng bằng --output, ví dụ 'Site'",
            en: "pass a separate folder with --output, such as 'Site'")
        ])
    case .foreignOutputFolder(let folder):
      return .error(
        vi: "thư mục kết quả '\(folder)' đã có những tệp không do plansite tạo ra",
        en: "the output folder '\(folder)' already has files that plansite did not write",
        at: SourceLocation(file: folder),
        notes: [
          Diagnostic.Note(
            vi: "plansite thay toàn bộ thư mục kết quả mỗi lần dựng; để giữ các tệp đó, lệnh dừng "
              + "ở đây. Hãy chọn --output khác, hoặc làm trống hay xóa '\(folder)' trước",
            en: "plansite replaces its output folder completely; to protect those files it stops "
              + "here. Choose another --output, or empty or delete '\(folder)' first")
        ])
    case .liveFileMissing(let path):
      return .error(
        vi: "tệp '\(path)' không còn trong thư mục kết quả (có thể đã bị xóa bằng tay)",
        en: "the file '\(path)' is gone from the output folder (it may have been deleted by hand)",
        at: SourceLocation(file: path),
        notes: [
          Diagnostic.Note(
            vi: "chạy 'plansite build --clean' để dựng lại và kiểm tra mọi tệp",
            en: "run 'plansite build --clean' to make and check every file again")
        ])
    case .unsafePath(let path):
      return .error(
        vi: "không ghi '\(path)' vì tệp này nằm ngoài thư mục kết quả",
        en: "refusing to write '\(path)' outside the output folder", at: SourceLocation(file: path))
    }
  }
}
