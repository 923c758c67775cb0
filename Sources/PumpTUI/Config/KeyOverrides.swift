import PumpCore

/// `[keys]` in config.toml: `like = "L"` gives an action new keys in the one keymap table, so
/// the keys, the help screen and the footer all follow.
extension Keymap {
    /// Applies each override: the action's bindings get the new keys, and any other binding in
    /// the same contexts loses them (one key, one action). Bad names are warnings, never errors.
    func overridden(by overrides: [(action: String, keys: [String], line: Int)], file: String) -> (Keymap, warnings: [String]) {
        var map = self
        var warnings: [String] = []
        for o in overrides {
            let at = "\(file):\(o.line)"
            guard let action = Action(name: o.action) else {
                warnings.append("\(at): no action named '\(TerminalText.clean(o.action, .line, maxLength: 40))' (see the help screen)")
                continue
            }
            var keys: [Key] = []
            for name in o.keys {
                if let k = KeyNames.parse(name) { keys.append(k) }
                else { warnings.append("\(at): '\(TerminalText.clean(name, .line, maxLength: 20))' is not a key name") }
            }
            guard !keys.isEmpty else { continue }
            warnings += map.rebind(action, to: keys, at: at)
        }
        return (map, warnings)
    }

    private mutating func rebind(_ action: Action, to keys: [Key], at: String) -> [String] {
        let contexts = Set(bindings.filter { $0.action == action }.flatMap(\.contexts))
        var warnings: [String] = []
        for i in bindings.indices where bindings[i].action != action
            && !contexts.isDisjoint(with: bindings[i].contexts) {
            let lost = bindings[i].keys.filter(keys.contains)
            guard !lost.isEmpty else { continue }
            bindings[i].keys.removeAll(where: keys.contains)
            let names = lost.map(KeyNames.name).joined(separator: ", ")
            warnings.append("\(at): \(names) no longer does \(bindings[i].action.name)")
        }
        // Letters replace letters: the special keys (F1, arrows, Ctrl) stay unless the override
        // names special keys itself, so `help = "h"` keeps F1 where letters are text.
        let lettersOnly = keys.allSatisfy { if case .char = $0 { return true } else { return false } }
        for i in bindings.indices where bindings[i].action == action {
            let kept = lettersOnly ? bindings[i].keys.filter { if case .char = $0 { return false } else { return true } } : []
            bindings[i].keys = keys + kept.filter { !keys.contains($0) }
        }
        return warnings
    }
}

extension KeyNames {
    /// A key from its name as help shows it ("L", "^E", "F5", "PgDn", "S-Tab") or a common
    /// spelling ("C-e", "Ctrl-E", "Up", "Space", "Escape"); nil for anything else.
    static func parse(_ text: String) -> Key? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let key = named[t.lowercased()] { return key }
        if t.count == 1, let c = t.first, !c.isWhitespace, c.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value != 0x7F }) {
            return .char(c)
        }
        let lower = t.lowercased()
        for prefix in ["^", "c-", "ctrl-", "ctrl+"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            if rest.count == 1, let c = rest.first, c.isASCII, c.isLetter { return .ctrl(c) }
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) { return .f(n) }
        return nil
    }

    private static let named: [String: Key] = [
        "space": .char(" "), "enter": .enter, "return": .enter, "tab": .tab, "s-tab": .backTab,
        "backtab": .backTab, "bs": .backspace, "backspace": .backspace, "del": .delete, "delete": .delete,
        "esc": .escape, "escape": .escape, "up": .up, "↑": .up, "down": .down, "↓": .down, "left": .left,
        "←": .left, "right": .right, "→": .right, "home": .home, "end": .end, "pgup": .pageUp,
        "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
    ]
}
