import ArgumentParser

@main
struct PlansiteCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plansite",
    abstract: "Turns a folder of Markdown and YAML describing a public plan into a static website.",
    subcommands: [Build.self, Check.self, Watch.self, Serve.self],
    defaultSubcommand: Build.self)
}
