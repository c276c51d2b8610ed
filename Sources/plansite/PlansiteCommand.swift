import ArgumentParser

@main
struct PlansiteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plansite",
    abstract: "Turns a folder of Markdown and YAML describing a public plan into a static website.",
    subcommands: [Build.self, Check.self],
    defaultSubcommand: Build.self)
}
