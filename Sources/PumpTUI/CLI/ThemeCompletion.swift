import ArgumentParser
import Foundation

/// Shell completion of `--theme`: the built-in names and the user's `themes/NAME.theme` files,
/// where ThemeLoader looks (names only: nothing is read from the files).
enum ThemeCompletion {
    static let kind = CompletionKind.custom { _, _, prefix in names(prefix: prefix) }

    static func names(prefix: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        let directory = ThemeLoader.userDirectory(environment: environment)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let user = files.filter { $0.hasSuffix(".theme") && !$0.hasPrefix(".") }.map { String($0.dropLast(".theme".count)) }
        return Array(Set(BuiltinThemes.names + user)).filter { !$0.isEmpty && $0.hasPrefix(prefix) }.sorted()
    }
}
