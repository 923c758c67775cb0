import ArgumentParser
import Foundation
import Logging
import PumpCore

/// `pumptui [ACCOUNT]` starts the full-screen client; subcommands are the line-mode tools.
@main
struct RootCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pumptui",
        abstract: "A full-screen terminal client for pump.io.",
        usage: RootHelp.usage,
        discussion: "Without a subcommand it runs tui: the full-screen client for ACCOUNT. Exit codes: 0 ok, 1 failure, 2 usage; 128+N after signal N.",
        version: PumpTUIVersion.report,
        subcommands: [TUICommand.self, LoginCommand.self, AccountsCommand.self, LogoutCommand.self,
                      PostCommand.self, InboxCommand.self, DebugKeysCommand.self, BenchFeedCommand.self,
                      BenchCacheCommand.self],
        defaultSubcommand: TUICommand.self
    )

    /// ArgumentParser's own entry point exits 64 (EX_USAGE) on bad arguments; pumptui
    /// documents 2 for usage errors, like most Unix tools, so the mapping happens here.
    static func main() async {
        MemoryTuning.apply()
        var failure: Error?
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let script = CompletionScripts.requested(arguments) {
            print(script)
            return
        }
        if RootHelp.isRootHelp(arguments) {
            print(RootHelp.message())
            return
        }
        do {
            var command = try parse(arguments)
            try startLog(for: command)
            if var async = command as? AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
        } catch {
            failure = error
            if DebugLog.isStarted && !(error is ExitCode) { PumpLog.app.error("exit with error: \(String(describing: error))") }
        }
        // Every path ends here, signals and hang-up included (the TUI runtime turns them into a
        // return): close the shared HTTP connections, bounded so a hung server cannot hold the
        // exit (a hang-up must end the process within 2 s; the runtime's own grace is 0.8 s).
        await SharedHTTPClient.process.shutdown(within: 0.5)
        if let failure { exit(with: failure) }
    }

    /// The plain full-screen start skips the library's reflection (TUIQuickParse); everything
    /// else, and every usage error, is the library's.
    private static func parse(_ arguments: [String]) throws -> ParsableCommand {
        if let quick = TUIQuickParse.command(arguments) { return quick }
        // A mistyped subcommand is the root's usage error (the root's usage follows it), not
        // tui's "invalid account".
        if let first = arguments.first, !first.hasPrefix("-"), !UserCommands.everyName.contains(first),
           let mistyped = UserCommands.unknownCommandMessage(first) {
            throw ValidationError(mistyped)
        }
        return try parseAsRoot(arguments)
    }

    /// Always, and before any logger exists: swift-log's default handler writes to stderr.
    /// (A function of its own: reading the command here, inline in `main`, made the compiler see
    /// the command shared with the logger when `run()` is awaited.)
    private static func startLog(for command: ParsableCommand) throws {
        guard let loggable = command as? LoggingCommand else { return try DebugLog.bootstrap(.none) }
        let common = loggable.common
        let destination = DebugLog.destination(debug: common.debug, logFile: common.logFile,
                                               mayUseScreen: loggable.mayUseScreen,
                                               stateDirectory: common.stateDirectory)
        // The default log file is in the state directory: checked like it before it is written.
        if case .file(let url) = destination, common.logFile == nil {
            try CredentialStore(directory: url.deletingLastPathComponent()).checkTrust()
        }
        try DebugLog.bootstrap(destination, createsDirectory: common.logFile == nil)
    }

    private static func exit(with error: Error) -> Never {
        let code = exitCode(for: error)
        // Through the shared sanitizer too: a usage error can quote what was typed.
        let message = TerminalText.clean(fullMessage(for: error), .text)
        if !message.isEmpty {
            let text = message + "\n"
            if code == .success { FileHandle.standardOutput.write(Data(text.utf8)) }
            else { FileHandle.standardError.write(Data(text.utf8)) }
        }
        let mapped: Int32 = code == .validationFailure ? 2 : code.rawValue
        Foundation.exit(mapped)
    }
}
