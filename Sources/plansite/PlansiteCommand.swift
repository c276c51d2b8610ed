import ArgumentParser
import Foundation
import SiteCore

@main
struct PlansiteCommand: AsyncParsableCommand {
  static let version = "0.5.0"

  static let configuration = CommandConfiguration(
    commandName: "plansite",
    abstract: HelpText.text(
      "Dựng một trang web tĩnh từ thư mục Markdown và YAML mô tả một kế hoạch công khai.",
      en: "Turns a folder of Markdown and YAML describing a public plan into a static website."),
    discussion: HelpText.text(
      "Thông báo được ghi bằng ngôn ngữ của trang (tiếng Việt, trừ khi site.yaml ghi khác); "
        + "--lang en in thông báo bằng tiếng Anh.",
      en: "Messages are in the site's language (Vietnamese unless site.yaml says otherwise); "
        + "--lang en prints them in English."),
    version: version,
    subcommands: [Build.self, Check.self, Watch.self, Serve.self, Init.self, Report.self],
    defaultSubcommand: Build.self)

  /// Parses and runs the command, printing argument problems in the
  /// language asked for (Vietnamese unless `--lang en`).
  static func main() async {
    let arguments = Array(CommandLine.arguments.dropFirst())
    let language = ArgumentLanguage.requested(in: arguments)
    if let problem = ArgumentLanguage.unknownSubcommand(
      in: arguments, known: configuration.subcommands.map { $0._commandName })
    {
      ArgumentLanguage.printUsageError(problem.text(language), language: language)
      Foundation.exit(ExitCode.validationFailure.rawValue)
    }
    do {
      var command = try parseAsRoot(arguments)
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      let code = exitCode(for: error)
      if code == .success, !(error is ExitCode) {
        // --help, help <command>, --version: swift-argument-parser's text,
        // its own words in the language asked for.
        print(HelpText.translated(fullMessage(for: error)))
        Foundation.exit(code.rawValue)
      }
      if error is ExitCode {
        exit(withError: error)
      }
      let text = message(for: error)
      ArgumentLanguage.printUsageError(
        language == .vi ? ArgumentLanguage.vietnamese(text) : text, language: language,
        usage: ArgumentLanguage.usage(in: fullMessage(for: error)))
      Foundation.exit(code.rawValue)
    }
  }
}

/// The language of argument errors, read before the arguments are parsed.
enum ArgumentLanguage {
  /// `--lang en` or `--lang=en` anywhere; Vietnamese otherwise.
  static func requested(in arguments: [String]) -> Language {
    for (index, argument) in arguments.enumerated() {
      if argument == "--lang", index + 1 < arguments.count,
        let language = Language(rawValue: arguments[index + 1])
      {
        return language
      }
      if argument.hasPrefix("--lang="),
        let language = Language(rawValue: String(argument.dropFirst(7)))
      {
        return language
      }
    }
    return .vi
  }

  /// A first word that is not a subcommand nor an option: a mistyped
  /// subcommand (`plansite buid`), which would otherwise reach the default
  /// subcommand as a stray argument.
  static func unknownSubcommand(in arguments: [String], known: [String]) -> Message? {
    guard let first = arguments.first, !first.hasPrefix("-"), !known.contains(first),
      first != "help"
    else { return nil }
    if let close = Suggestion.closest(to: first, among: known) {
      return Message(
        vi: "không có lệnh '\(first)'; có phải là '\(close)'?",
        en: "there is no command '\(first)'; did you mean '\(close)'?")
    }
    let list = known.joined(separator: ", ")
    return Message(
      vi: "không có lệnh '\(first)'; các lệnh là: \(list)",
      en: "there is no command '\(first)'; the commands are: \(list)")
  }

  /// swift-argument-parser's own messages (English), in Vietnamese where
  /// they are ones people meet.
  static func vietnamese(_ message: String) -> String {
    // `2 unexpected arguments: 'An', 'Lạc'`: most often a name with spaces
    // written without quotes (`--from Xã An Lạc`).
    let count = message.prefix { $0.isASCII && $0.isNumber }
    if !count.isEmpty, message.dropFirst(count.count).hasPrefix(" unexpected arguments: ") {
      let rest = message.dropFirst(count.count + " unexpected arguments: ".count)
      return "thừa \(count) giá trị: \(rest.replacingOccurrences(of: "' and '", with: "', '")) "
        + "(tên có dấu cách phải đặt trong ngoặc kép, ví dụ --from \"Xã An Lạc\")"
    }
    let patterns: [(prefix: String, vietnamese: String)] = [
      ("Unknown option ", "không có tùy chọn "),
      ("Unexpected argument ", "thừa "),
      ("Unexpected arguments ", "thừa "),
      ("Missing value for ", "thiếu giá trị cho "),
      ("Missing expected argument ", "thiếu "),
      ("The value ", "giá trị "),
    ]
    for (prefix, vietnamese) in patterns where message.hasPrefix(prefix) {
      var rest = String(message.dropFirst(prefix.count))
      rest = rest.replacingOccurrences(of: " is invalid for ", with: " không hợp lệ cho ")
        .replacingOccurrences(of: ". Please provide one of ", with: ". Hãy dùng một trong: ")
        .replacingOccurrences(of: "' and '", with: "', '")
        .replacingOccurrences(of: ". Did you mean ", with: "; có phải là ")
      return vietnamese + rest
    }
    return message
  }

  /// The usage line and the command of swift-argument-parser's full
  /// error message (`plansite report publish [--content <thư mục>] …`,
  /// `plansite report publish`).
  static func usage(in fullMessage: String) -> (line: String, command: String)? {
    let lines = fullMessage.split(separator: "\n").map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard let usage = lines.first(where: { $0.hasPrefix("Usage: ") }) else { return nil }
    let line = String(usage.dropFirst("Usage: ".count))
    let command = line.split(separator: " ").prefix { !$0.hasPrefix("[") && !$0.hasPrefix("<") }
      .joined(separator: " ")
    return (line, command)
  }

  static func printUsageError(
    _ message: String, language: Language, usage: (line: String, command: String)? = nil
  ) {
    let label = Diagnostic.Severity.error.label(language)
    let note = Diagnostic.Note.label(language)
    var text = "\(label): \(message)\n"
    if let usage {
      let help = Message(
        vi: "cách dùng: \(usage.line)\n\(note): xem thêm: \(usage.command) --help",
        en: "usage: \(usage.line)\n\(note): see more: \(usage.command) --help")
      text += "\(note): \(help.text(language))\n"
    } else {
      let help = Message(
        vi: "xem cách dùng: plansite --help", en: "see how to use it: plansite --help")
      text += "\(note): \(help.text(language))\n"
    }
    FileHandle.standardError.write(Data(text.utf8))
  }
}
