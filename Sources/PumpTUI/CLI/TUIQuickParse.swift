import ArgumentParser
import PumpCore

/// The start people type (`pumptui`, `pumptui ACCOUNT`, with a few long options), read without
/// swift-argument-parser.
///
/// Why: `parseAsRoot` builds every command's argument set by reflection, and twice more to look
/// for completion-script flags. In this binary each first protocol lookup scans ~9 400
/// conformance records, so that parse was ~4–5 ms of a ~30 ms start to the authorize URL
/// (`perf record`, bench/README-performance.md), the largest block of our own start-up
/// (issues 11 and 13).
///
/// Only a plain subset is taken: one ACCOUNT (it has an `@`, so it is never a subcommand name),
/// the long options below, each at most once, each value separate and not option-like. Anything
/// else (another command, help, `--version`, a short or `--opt=value` option, a repeat, a value
/// that fails validation) returns nil and the library parses as before, so every usage error
/// and help text still comes from it. `TUIQuickParseTests` holds this to the library's result.
enum TUIQuickParse {
    // Arrays, not sets: the first Set<String> costs a protocol-conformance scan (~0.3 ms here).
    static let flags = ["--no-color", "--allow-http", "--debug"]
    static let valueOptions = ["--config-dir", "--log-file", "--theme", "--refresh", "--escape-delay", "--cache-size"]
    private static let integerOptions = ["--refresh", "--escape-delay", "--cache-size"]

    static func command(_ arguments: [String]) -> TUICommand? {
        guard let (account, flags, values) = split(arguments) else { return nil }
        var command = TUICommand()
        command.account = account
        var common = CommonOptions()
        common.configDir = values["--config-dir"]
        common.debug = flags.contains("--debug")
        common.logFile = values["--log-file"]
        command.common = common
        var network = NetworkOptions()
        network.allowHTTP = flags.contains("--allow-http")
        command.network = network
        command.theme = values["--theme"]
        command.noColor = flags.contains("--no-color")
        command.escapeDelay = values["--escape-delay"].flatMap { Int($0) }
        command.refresh = values["--refresh"].flatMap { Int($0) }
        command.cacheSize = values["--cache-size"].flatMap { Int($0) } ?? CacheStore.defaultLimit
        command.bell = nil
        command.notify = nil
        command.noTui = false
        // A value the command refuses: the library parses again and words the error.
        guard (try? command.validate()) != nil else { return nil }
        return command
    }

    /// The arguments as (ACCOUNT, flags, option values), or nil when any is outside the subset.
    private static func split(_ arguments: [String]) -> (String?, [String], [String: String])? {
        var account: String?
        var seen: [String] = []
        var values: [String: String] = [:]
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            let isFlag = flags.contains(argument), takesValue = valueOptions.contains(argument)
            if isFlag || takesValue {
                guard !seen.contains(argument) else { return nil }   // a repeat: the library's rules
                seen.append(argument)
                guard takesValue else { continue }
                guard let value = rest.popFirst(), isPlainValue(value),
                      !integerOptions.contains(argument) || Int(value) != nil else { return nil }
                values[argument] = value
            } else if account == nil, argument.firstIndex(of: "@") != nil, isPlainValue(argument) {
                account = argument
            } else {
                return nil
            }
        }
        return (account, seen.filter(flags.contains), values)
    }

    /// Not empty, not option-like: the library would read `--theme -x` differently.
    private static func isPlainValue(_ value: String) -> Bool {
        !value.isEmpty && !value.hasPrefix("-")
    }
}
