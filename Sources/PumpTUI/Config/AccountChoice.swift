import Foundation
import PumpCore

/// Which account to open when the command line names none: `PUMPTUI_ACCOUNT`, then the config's
/// `default-account`, then the last one used (remembered in the state directory), then the only
/// stored one. The flag beats them all (flag > env > config > default).
enum AccountChoice {
    static let environmentVariable = "PUMPTUI_ACCOUNT"

    static func resolve(flag: String?, environment: [String: String], config: AppConfig,
                        lastUsed: AccountID?, stored: [AccountID]) throws -> AccountID? {
        if let flag { return try AccountID(parsing: flag) }
        if let env = environment[environmentVariable], !env.isEmpty {
            do { return try AccountID(parsing: env) } catch {
                throw LineModeError("\(environmentVariable): \((error as? PumpError)?.message ?? "\(error)")")
            }
        }
        if let configured = config.defaultAccount { return configured }
        if let lastUsed, stored.contains(lastUsed) { return lastUsed }
        return stored.count == 1 ? stored[0] : nil
    }
}

/// The last account the client opened, so the next start opens it again.
enum LastAccount {
    static let fileName = "last-account"

    static func load(from store: CredentialStore) -> AccountID? {
        guard let data = try? store.read(fileName) else { return nil }
        return try? AccountID(parsing: String(decoding: data, as: UTF8.self))   // it trims
    }

    static func save(_ id: AccountID, in store: CredentialStore) {
        do { try store.writeAtomically(Data((id.description + "\n").utf8), to: fileName) } catch {
            PumpLog.app.error("cannot remember the last account: \(String(describing: error))")
        }
    }
}
