import Foundation

/// The XDG base directories beside the config one (CredentialStore.defaultDirectory): state
/// (drafts, read state, the debug log) and cache. Same rules as the config directory: a
/// relative or empty variable is ignored (the spec says so), an unusable HOME gives way to the
/// passwd entry.
public enum XDGDirectories {
    public static func state(environment: [String: String] = ProcessInfo.processInfo.environment,
                             passwdHome: () -> String? = CredentialStore.passwdHome) -> URL {
        base("XDG_STATE_HOME", fallback: ".local/state", environment: environment, passwdHome: passwdHome)
    }

    public static func cache(environment: [String: String] = ProcessInfo.processInfo.environment,
                             passwdHome: () -> String? = CredentialStore.passwdHome) -> URL {
        base("XDG_CACHE_HOME", fallback: ".cache", environment: environment, passwdHome: passwdHome)
    }

    static func base(_ variable: String, fallback: String, environment: [String: String],
                     passwdHome: () -> String?) -> URL {
        if let xdg = environment[variable], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("pumptui")
        }
        let env = environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        let home = URL(fileURLWithPath: env ?? passwdHome() ?? "/nonexistent-home")
        return home.appendingPathComponent(fallback).appendingPathComponent("pumptui")
    }
}
