import ArgumentParser
import Foundation
import PumpCore

/// `pumptui login ACCOUNT`: the oob OAuth login. Line mode prints the authorize URL on its own
/// line and reads the verifier from stdin; the full-screen login plugs in at `runLoginTUI`.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Log in to a pump.io account (OAuth; paste the verifier from your browser).")

    @Argument(help: "The account, NICK@HOST[:PORT].")
    var account: String

    @Flag(name: .long, help: "Use line mode even on a terminal.")
    var noTui = false

    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await LineMode.run {
            let id = try AccountID(parsing: account)
            let store = common.store
            if !noTui && LineMode.hasTerminal, let session = try await runLoginTUI(account: id, store: store) {
                LoginLineMode.reportSuccess(session)
                return
            }
            let session = try await LoginLineMode.run(account: id, store: store, allowHTTP: common.allowHTTP)
            LoginLineMode.reportSuccess(session)
        }
    }

    // ---- FULL-SCREEN LOGIN CALL SITE ------------------------------------------------------
    // Replaced by the full-screen login screen later. Returning nil falls back to line mode.
    func runLoginTUI(account: AccountID, store: CredentialStore) async throws -> PumpSession? {
        nil
    }
    // ----------------------------------------------------------------------------------------
}
