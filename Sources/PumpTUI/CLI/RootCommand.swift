import ArgumentParser

/// `pumptui [ACCOUNT]` starts the full-screen client; subcommands are the line-mode tools.
@main
struct RootCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pumptui",
        abstract: "A full-screen terminal client for pump.io.",
        version: "0.1.0",
        subcommands: [TUICommand.self, LoginCommand.self, AccountsCommand.self, LogoutCommand.self,
                      PostCommand.self, InboxCommand.self, DebugKeysCommand.self, BenchFeedCommand.self],
        defaultSubcommand: TUICommand.self
    )
}
