import Foundation

/// What a failed system call means, in words an office clerk understands.
public enum SystemErrorText {
  /// The reason for `errno` value `code`, in both languages.
  public static func reason(_ code: Int32) -> Message {
    let english = String(cString: strerror(code))
    switch code {
    case EACCES, EPERM: return Message(vi: "không có quyền truy cập", en: english)
    case ENOENT: return Message(vi: "không tìm thấy tệp hoặc thư mục", en: english)
    case ENOSPC, EDQUOT: return Message(vi: "ổ đĩa đã đầy", en: english)
    case EROFS: return Message(vi: "ổ đĩa chỉ cho phép đọc", en: english)
    case EISDIR: return Message(vi: "đây là thư mục, không phải tệp", en: english)
    case ENOTDIR: return Message(vi: "một phần của đường dẫn không phải thư mục", en: english)
    case EEXIST: return Message(vi: "đã có tệp hoặc thư mục cùng tên", en: english)
    case ENOTEMPTY: return Message(vi: "thư mục không trống", en: english)
    case EBUSY: return Message(vi: "tệp hoặc thư mục đang được dùng", en: english)
    case EIO: return Message(vi: "lỗi đọc ghi ổ đĩa", en: english)
    default: return Message(vi: "lỗi hệ thống (\(english))", en: english)
    }
  }
}
