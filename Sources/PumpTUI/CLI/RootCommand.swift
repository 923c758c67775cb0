import ArgumentParser
import Foundation

/// `pumptui [ACCOUNT]` starts the full-screen client; subcommands are the line-mode tools.
@main
struct RootCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pumptui",
        abstract: "A full-screen terminal client for pump.io.",
        discussion: "Exit codes: 0 ok, 1 failure, 2 usage; 128+N after signal N.",
        version: "0.1.0",
        subcommands: [TUICommand.self, LoginCommand.self, AccountsCommand.self, LogoutCommand.self,
                      PostCommand.self, InboxCommand.self, DebugKeysCommand.self],
        defaultSubcommand: TUICommand.self
    )

    /// ArgumentParser's own entry point exits 64 (EX_USAGE) on bad arguments; pumptui
    /// documents 2 for usage errors, like most Unix tools, so the mapping happens here.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var async = command as? AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
        } catch {
            exit(with: error)
        }
    }

    private static func exit(with error: Error) -> Never {
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        if !message.isEmpty {
            let text = message + "\n"
            if code == .success { FileHandle.standardOutput.write(Data(text.utf8)) }
            else { FileHandle.standardError.write(Data(text.utf8)) }
        }
        let mapped: Int32 = code == .validationFailure ? 2 : code.rawValue
        Foundation.exit(mapped)
    }
}
