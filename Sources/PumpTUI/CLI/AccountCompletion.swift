import ArgumentParser
import Foundation
import PumpCore

/// Shell completion of ACCOUNT arguments: the stored account names (the file names under
/// accounts/, never their contents, so no secret can reach the shell). The shell runs
/// `pumptui ---completion …` with the words typed so far; a `--config-dir DIR` among them is
/// honoured so completion lists the accounts the command would use.
enum AccountCompletion {
    static let kind = CompletionKind.custom { words, _, prefix in names(words: words, prefix: prefix) }

    static func names(words: [String], prefix: String,
                      environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        let store = CredentialStore(directory: configDirectory(in: words, environment: environment))
        let names = store.accounts().map(\.description).filter { $0.hasPrefix(prefix) }
        // zsh's script hands the candidates to `_describe`, which splits each at its first
        // unescaped ':' (value:description): "bob@host:8000" showed as "bob@host -- 8000" and
        // completed without its port. (ArgumentParser sets SAP_SHELL for the shell asking.)
        guard environment["SAP_SHELL"] == "zsh" else { return names }
        return names.map { $0.replacingOccurrences(of: ":", with: "\\:") }
    }

    static func configDirectory(in words: [String], environment: [String: String]) -> URL {
        for (i, word) in words.enumerated() {
            if word == "--config-dir", i + 1 < words.count { return CommonOptions.absolute(words[i + 1]) }
            if word.hasPrefix("--config-dir=") { return CommonOptions.absolute(String(word.dropFirst("--config-dir=".count))) }
        }
        return CredentialStore.defaultDirectory(environment: environment)
    }
}
