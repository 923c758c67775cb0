import ArgumentParser
import Foundation
import PumpCore

/// `pumptui accounts`: one line per stored account.
struct AccountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accounts", abstract: "List the stored accounts.")

    @Flag(name: .long, help: "Print JSON: {version, accounts: [{account, name}]} (pumptui(1), JSON OUTPUT).")
    var json = false

    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await LineMode.run {
            let store = try common.openStore()
            let ids = store.accounts()
            if ids.isEmpty {
                // On stderr: scripts that read stdout get one line per account and nothing else.
                LineMode.warn("No accounts stored in \(store.directory.path). Log in with: pumptui login NICK@HOST")
            }
            // Only the account name and display name: the stored tokens never leave the store.
            let named = ids.map { id in (id, ((try? store.account(id))??.displayName).map { TerminalText.clean($0, .line) }) }
            if json {
                return try LineMode.printJSON(JSONOutput.Accounts(accounts: named.map { JSONOutput.Account(account: $0.description, name: $1) }))
            }
            for (id, name) in named { LineMode.say(name.map { "\(id)  (\($0))" } ?? "\(id)") }
        }
    }
}
