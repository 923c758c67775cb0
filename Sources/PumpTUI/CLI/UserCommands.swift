import ArgumentParser

/// The subcommands a user sees (the developer ones are hidden) and `help`: what completion
/// offers and what a mistyped first word is compared with.
enum UserCommands {
    static var all: [(name: String, abstract: String)] {
        var shown: [(name: String, abstract: String)] = []
        // A loop, not map(\.configuration): the key path over the metatypes crashed the compiler.
        for command in RootCommand.configuration.subcommands {
            let configuration: CommandConfiguration = command.configuration
            if configuration.shouldDisplay, let name = configuration.commandName { shown.append((name, configuration.abstract)) }
        }
        return shown + [("help", "Show subcommand help information.")]
    }

    static var names: [String] { all.map(\.name) }

    /// Every subcommand's name, the hidden developer ones (debug-keys, bench-*) too: a word
    /// among them is a command, never a typo.
    static var everyName: [String] {
        var every = ["help"]
        for command in RootCommand.configuration.subcommands {
            let configuration: CommandConfiguration = command.configuration
            if let name = configuration.commandName { every.append(name) }
        }
        return every
    }

    /// The main form's first word when it cannot be an account (no '@'): it was meant as a
    /// command, so say which ones are near ("did you mean: login?", as git does) instead of
    /// "invalid account". Nil when it may be an account.
    static func unknownCommandMessage(_ word: String) -> String? {
        guard !word.contains("@") else { return nil }
        let near = nearest(to: word)
        guard !near.isEmpty else {
            return "'\(word)' is neither a command (\(names.joined(separator: ", "))) nor an account (nick@host)"
        }
        return "unknown command '\(word)' (did you mean: \(near.joined(separator: ", "))?)"
    }

    /// Commands within one edit (two for longer names; a swap of neighbours is one edit) or
    /// that start with the word, in the order they are listed.
    static func nearest(to word: String) -> [String] {
        let typed = Array(word.lowercased().prefix(64))
        guard !typed.isEmpty else { return [] }
        return names.filter { name in
            let limit = name.count <= 4 ? 1 : 2
            return (typed.count >= 2 && name.hasPrefix(String(typed))) || distance(typed, Array(name)) <= limit
        }
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
    /// two neighbours. The word is capped at 64 characters, so the table stays small.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { best = min(best, table[i - 2][j - 2] + 1) }
                table[i][j] = best
            }
        }
        return table[a.count][b.count]
    }
}
