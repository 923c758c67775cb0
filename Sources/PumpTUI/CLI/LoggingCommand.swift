import Foundation

/// Commands that share CommonOptions tell the log set-up where their output goes.
protocol LoggingCommand {
    var common: CommonOptions { get }
    /// True when the command may take over the terminal (the full-screen UI).
    var mayUseScreen: Bool { get }
}

extension LoggingCommand {
    var mayUseScreen: Bool { false }
}

extension TUICommand: LoggingCommand {
    var mayUseScreen: Bool { !noTui && LineMode.hasTerminal }
}

extension LoginCommand: LoggingCommand {
    var mayUseScreen: Bool { !noTui && LineMode.hasTerminal }
}

extension AccountsCommand: LoggingCommand {}
extension LogoutCommand: LoggingCommand {}
extension PostCommand: LoggingCommand {}
extension InboxCommand: LoggingCommand {}
