import Foundation
import SiteCore

/// Refuses output folders whose replacement would destroy something else.
///
/// Publishing swaps the whole output folder, so `--output` must not be the
/// content or templates folder, one of their parents, the current folder
/// or `/`, and must not be a folder of someone else's files.
enum OutputFolderCheck {
  static func check(_ folder: String, protecting: [String]) throws(OutputError) {
    let output = absolute(folder)
    let current = absolute(FileManager.default.currentDirectoryPath)
    if output == "/" || output == current || current.hasPrefix(output + "/") {
      throw OutputError.unsafeOutputFolder(
        folder: folder,
        reason: Message(
          vi: "đó là thư mục hiện tại hoặc một thư mục chứa nó",
          en: "it is the current folder or one of its parents"))
    }
    for protected in protecting.map(absolute) {
      if output == protected || protected.hasPrefix(output + "/") {
        throw OutputError.unsafeOutputFolder(
          folder: folder,
          reason: Message(
            vi: "làm vậy sẽ thay mất '\(protected)', nơi lệnh dựng đọc dữ liệu",
            en: "it would replace '\(protected)', which the build reads"))
      }
      if output.hasPrefix(protected + "/") {
        throw OutputError.unsafeOutputFolder(
          folder: folder,
          reason: Message(
            vi: "thư mục này nằm trong '\(protected)', nơi lệnh dựng đọc dữ liệu",
            en: "it is inside '\(protected)', which the build reads"))
      }
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) else { return }
    guard isDirectory.boolValue else {
      throw OutputError.unsafeOutputFolder(
        folder: folder,
        reason: Message(vi: "đó là một tệp, không phải thư mục", en: "it is a file, not a folder"))
    }
  }

  /// Refuses a folder with files that plansite did not write: one the build
  /// database does not describe (`record`) and whose home page does not
  /// carry plansite's generator tag.
  static func checkOwnership(_ folder: String, recorded: FolderIdentity?) throws(OutputError) {
    guard let identity = FolderIdentity.of(folder) else { return }
    if recorded == identity { return }
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    if entries.isEmpty { return }
    let home = FileManager.default.contents(atPath: folder + "/index.html") ?? Data()
    if String(decoding: home.prefix(4096), as: UTF8.self).contains(generatorTag) { return }
    throw OutputError.foreignOutputFolder(folder: folder)
  }

  /// What marks a home page as written by plansite (see `layout.mustache`).
  static let generatorTag = "<meta name=\"generator\" content=\"plansite"

  /// The absolute path with `.`, `..` and symbolic links resolved as far as they exist.
  static func absolute(_ path: String) -> String {
    let url = URL(fileURLWithPath: path).standardizedFileURL
    return url.resolvingSymlinksInPath().path
  }
}
