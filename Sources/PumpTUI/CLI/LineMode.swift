import ArgumentParser
import Foundation
import Logging
import PumpCore
#if canImport(Glibc)
import Glibc
#endif

/// Shared plumbing of the line-mode commands: output, errors, exit codes, stdin.
enum LineMode {
    /// Line mode is forced whenever either end is not a terminal (pipes, tests, scripts).
    static var hasTerminal: Bool { isatty(0) == 1 && isatty(1) == 1 }

    /// Every line the CLI prints goes through here (or `warn`), so through the one sanitizer:
    /// error texts carry host names and server words that may hold escape sequences.
    static func say(_ text: String) {
        print(TerminalText.clean(text, .text))
        fflush(nil)  // all output streams: Swift 6 will not name the global `stdout`
    }

    /// Writes without a newline (prompts), flushed so it shows before the read.
    static func prompt(_ text: String) {
        FileHandle.standardOutput.write(Data(TerminalText.clean(text, .text).utf8))
        fflush(nil)  // all output streams: Swift 6 will not name the global `stdout`
    }

    static func warn(_ text: String) {
        FileHandle.standardError.write(Data("pumptui: \(TerminalText.clean(text, .line))\n".utf8))
    }

    /// Runs a command body; any error becomes `pumptui: <message>` on stderr and exit 1.
    static func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ExitCode {
            throw error
        } catch let error as PumpError {
            PumpLog.app.error("\(error.message)")
            warn(error.message)
            throw ExitCode.failure
        } catch {
            PumpLog.app.error("\(String(describing: error))")
            warn(String(describing: error))
            throw ExitCode.failure
        }
    }

    /// The account to act on (`CommonOptions.chooseAccount`); config.toml's warnings go to stderr.
    static func resolveAccount(_ given: String?, store: CredentialStore, common: CommonOptions) throws -> AccountID {
        let loaded = try ConfigLoader.load(store: store)
        loaded.warnings.forEach(warn)
        if let id = try common.chooseAccount(given, store: store, config: loaded.config) { return id }
        let all = store.accounts()
        switch all.count {
        case 1: return all[0]
        case 0: throw LineModeError("no account is logged in; run: pumptui login NICK@HOST")
        default: throw LineModeError("several accounts are stored (\(all.map(\.description).joined(separator: ", "))); choose one with --account")
        }
    }

    /// The typed API for a stored account, signed with its token.
    static func pumpAPI(for id: AccountID, store: CredentialStore, allowHTTP: Bool = false) throws -> PumpAPI {
        try PumpAPI(stored: id, store: store, allowHTTP: allowHTTP)
    }

}

/// A plain message error for line-mode commands.
struct LineModeError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
