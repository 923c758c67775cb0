import ArgumentParser
import Foundation

/// `pumptui --help`: ArgumentParser shows a root command's own options and its subcommands,
/// but the main form `pumptui [ACCOUNT]` is the default subcommand `tui`, whose arguments and
/// options it would only show under `pumptui tui --help`. This puts them on the top-level page.
enum RootHelp {
    // ArgumentParser prints "USAGE: " before this and indents each further line by 7 columns.
    static let usage = "pumptui [ACCOUNT] [--theme NAME] [--no-color] [--escape-delay MS] [--refresh SECONDS]\n"
        + "        [--no-tui] [--allow-http] [--config-dir PATH] [--debug] [--log-file PATH]\n"
        + "pumptui <subcommand> [OPTIONS]"

    /// True for exactly `pumptui -h`, `pumptui --help` and `pumptui help`.
    static func isRootHelp(_ arguments: [String]) -> Bool {
        arguments.count == 1 && ["-h", "--help", "help"].contains(arguments[0])
    }

    static func message(columns: Int? = nil) -> String {
        let root = RootCommand.helpMessage(columns: columns)
        let tui = TUICommand.helpMessage(columns: columns)
        guard let start = tui.range(of: "ARGUMENTS:"), let subcommands = root.range(of: "SUBCOMMANDS:") else { return root }
        let fullScreen = tui[start.lowerBound...]
            .replacingOccurrences(of: "OPTIONS:", with: "FULL-SCREEN OPTIONS (pumptui [ACCOUNT]):")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("-h, --help") }
            .joined(separator: "\n")
            .trimmingCharacters(in: .newlines)
        return String(root[..<subcommands.lowerBound]) + fullScreen + "\n\n" + String(root[subcommands.lowerBound...])
    }
}
