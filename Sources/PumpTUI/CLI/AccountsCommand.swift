import ArgumentParser
import Foundation
import PumpCore

/// `pumptui accounts`: one line per stored account.
struct AccountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accounts", abstract: "List the stored accounts.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await LineMode.run {
            let store = try common.openStore()
            let ids = store.accounts()
            if ids.isEmpty {
                // On stderr: scripts that read stdout get one line per account and nothing else.
                LineMode.warn("No accounts stored in \(store.directory.path). Log in with: pumptui login NICK@HOST")
            }
            for id in ids {
                let name = (try? store.account(id))??.displayName
                LineMode.say(name.map { "\(id)  (\(TerminalText.clean($0, .line)))" } ?? "\(id)")
            }
        }
    }
}
