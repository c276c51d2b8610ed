import ArgumentParser
import SiteCore

/// The help the command line prints (`--help`), in the language asked for:
/// Vietnamese unless `--lang en` is given anywhere, as for every message.
///
/// swift-argument-parser reads a command's help texts when it prints them,
/// after `main` starts, so each text is chosen from the arguments then;
/// the headings it writes itself are put in Vietnamese by `translated`.
enum HelpText {
  static let language = ArgumentLanguage.requested(in: Array(CommandLine.arguments.dropFirst()))

  /// A command's summary or discussion.
  static func text(_ vi: String, en: String) -> String { language == .en ? en : vi }

  /// An option's or argument's help, with an optional longer discussion.
  ///
  /// `value` names the value in Vietnamese (`--date <ngày>`), in the help
  /// and in the messages about a missing one; in English it is the
  /// option's own name (`--date <date>`).
  static func help(
    _ vi: String, en: String, value: String? = nil, discussion: (vi: String, en: String)? = nil
  ) -> ArgumentHelp {
    ArgumentHelp(
      text(vi, en: en), discussion: discussion.map { text($0.vi, en: $0.en) } ?? "",
      valueName: language == .vi ? value : nil)
  }

  /// The help swift-argument-parser printed, with its own words in
  /// Vietnamese (headings, the help and version flags, defaults).
  static func translated(_ help: String) -> String {
    guard language == .vi else { return help }
    let words: [(String, String)] = [
      ("OVERVIEW: ", "TỔNG QUAN: "),
      ("USAGE: ", "CÁCH DÙNG: "),
      ("ARGUMENTS:", "THAM SỐ:"),
      ("OPTIONS:", "TÙY CHỌN:"),
      ("SUBCOMMANDS:", "CÁC LỆNH:"),
      ("Show help information.", "Xem hướng dẫn này."),
      ("Show the version.", "Xem số phiên bản."),
      // The same width, so the columns stay aligned.
      (" (default) ", " (mặc định)"),
      ("(default: ", "(mặc định: "),
      ("(values: ", "(giá trị: "),
      ("<subcommand>", "<lệnh>"),
      ("<options>", "<tùy chọn>"),
      ("for detailed help.", "để xem hướng dẫn của từng lệnh."),
      ("  See '", "  Xem '"),
    ]
    var text = help
    for (english, vietnamese) in words {
      text = text.replacingOccurrences(of: english, with: vietnamese)
    }
    return text
  }
}
