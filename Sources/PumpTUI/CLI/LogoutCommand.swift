import ArgumentParser
import Foundation
import PumpCore

/// `pumptui logout ACCOUNT`: forgets the account's token (the server has no revoke endpoint).
struct LogoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logout", abstract: "Forget a stored account's credentials on this machine.")

    @Argument(help: "The account, NICK@HOST[:PORT].", completion: AccountCompletion.kind)
    var account: String

    @OptionGroup var common: CommonOptions

    func validate() throws { try AccountArgument.validate(account) }

    func run() async throws {
        try await LineMode.run {
            let id = try AccountID(parsing: account)
            let store = try common.openStore()
            guard try store.account(id) != nil else { throw PumpError.notLoggedIn(id.description) }
            try store.remove(id)
            LineMode.say("Logged out \(id)")
        }
    }
}
