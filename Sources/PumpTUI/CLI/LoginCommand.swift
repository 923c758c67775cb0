import ArgumentParser
import Foundation
import PumpCore

/// `pumptui login ACCOUNT`: the oob OAuth login. Line mode prints the authorize URL on its own
/// line and reads the verifier from stdin; the full-screen login plugs in at `runLoginTUI`.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Log in to a pump.io account (OAuth; paste the verifier from your browser).")

    @Argument(help: "The account, NICK@HOST[:PORT].", completion: AccountCompletion.kind)
    var account: String

    @Flag(name: .long, help: "Use line mode even on a terminal.")
    var noTui = false

    @OptionGroup var common: CommonOptions
    @OptionGroup var network: NetworkOptions

    func validate() throws { try AccountArgument.validate(account) }

    func run() async throws {
        SharedHTTPClient.process.warmUp()   // both ways, full screen or line mode, it is needed
        try await LineMode.run {
            let id = try AccountID(parsing: account)
            let store = try common.openStore()
            if !noTui && LineMode.hasTerminal, let session = try await runLoginTUI(account: id, store: store) {
                LoginLineMode.reportSuccess(session)
                return
            }
            let session = try await LoginLineMode.run(account: id, store: store, allowHTTP: network.allowHTTP)
            LoginLineMode.reportSuccess(session)
        }
    }

    /// The full-screen login (PumpApp in login-only mode). nil: no usable terminal, so the
    /// caller falls back to line mode. Cancelling exits with the screen's code (the URL printed).
    func runLoginTUI(account: AccountID, store: CredentialStore) async throws -> PumpSession? {
        let (verdict, notice) = TerminalSupport.prepare()
        guard verdict.runsFullScreen else { return nil }
        let performer = AppPerformer(store: store, allowHTTP: network.allowHTTP)
        var options = Launch.Options(configDirectory: common.configDirectory, allowHTTP: network.allowHTTP,
                                         theme: nil, noColor: false, escapeDelayMs: 50)
        options.terminalNotice = notice
        guard let code = try await Launch.run(account: account, store: store, mode: .loginOnly, options: options,
                                                  performer: performer) else { return nil }
        if let session = await performer.session, code == 0 { return session }
        throw ExitCode(code == 0 ? 1 : code)
    }
}
