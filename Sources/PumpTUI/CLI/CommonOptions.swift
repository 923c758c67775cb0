import ArgumentParser
import Foundation
import PumpCore

/// Options every subcommand shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Directory for credentials and state (default: $XDG_CONFIG_HOME/pumptui or ~/.config/pumptui).", valueName: "PATH"))
    var configDir: String?

    @Flag(name: .long, help: "Allow plain http to non-loopback hosts (exposes your credentials on the network).")
    var allowHTTP = false

    var configDirectory: URL {
        if let configDir {
            let expanded = (configDir as NSString).expandingTildeInPath
            return URL(fileURLWithPath: expanded, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
                .standardizedFileURL
        }
        return CredentialStore.defaultDirectory()
    }

    /// The store, once its directory passed the trust check (owner, mode, parents): a refusal
    /// names the path and the fix, and nothing is read from or written into it.
    func openStore() throws -> CredentialStore {
        let store = CredentialStore(directory: configDirectory)
        try store.checkTrust()
        return store
    }
}
