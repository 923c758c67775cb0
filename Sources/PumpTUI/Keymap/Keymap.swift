/// A footer entry: "F2" + "copy".
public struct FooterHint: Equatable, Sendable {
    public var keys: String
    public var label: String
    public var text: String { "\(keys) \(label)" }
}

public struct HelpEntry: Equatable, Sendable {
    public var keys: String
    public var help: String
    /// The action's name in config.toml's `[keys]` (nil for entries that are no action).
    public var action: String? = nil
}

public struct HelpSection: Equatable, Sendable {
    public var title: String
    public var entries: [HelpEntry]
}

/// The single table behind key handling, the help overlay and footer hints (tig/newsboat).
public struct Keymap: Equatable, Sendable {
    public var bindings: [Binding]
    public init(bindings: [Binding]) { self.bindings = bindings }

    /// The action for `key`, searching `contexts` in order and then `.global`. In a text-entry
    /// context printable keys are text, so they never map to an action (pasting "q" must not quit).
    public func action(for key: Key, in contexts: [KeyContext]) -> Action? {
        if case .char = key, contexts.contains(where: { $0.isTextEntry }) { return nil }
        for context in searchOrder(contexts) {
            if let b = bindings.first(where: { $0.contexts.contains(context) && $0.keys.contains(key) }) {
                return b.action
            }
        }
        return nil
    }

    /// Help sections, most specific first; a key shadowed by an earlier section is left out
    /// of later ones so help never describes a key that does something else here.
    public func helpSections(for contexts: [KeyContext]) -> [HelpSection] {
        var seen: Set<Key> = []
        var sections: [HelpSection] = []
        for context in searchOrder(contexts) {
            var entries: [HelpEntry] = []
            for (action, keys, help) in grouped(in: context, contexts, excluding: seen) {
                entries.append(HelpEntry(keys: keys.map(KeyNames.name).joined(separator: ", "), help: help, action: action.name))
            }
            for b in bindings where b.contexts.contains(context) { seen.formUnion(effectiveKeys(b, contexts)) }
            if !entries.isEmpty { sections.append(HelpSection(title: context.title, entries: entries)) }
        }
        return sections
    }

    /// Footer hints that fit `width` columns (two spaces apart). Lower-priority hints are dropped
    /// whole rather than cut; the survivors keep table order. `unavailable`: actions that cannot
    /// act in the screen's present state (the login's URL keys before there is a URL); the footer
    /// does not offer them, the keys still answer and help still lists them.
    public func footerHints(for contexts: [KeyContext], width: Int, unavailable: Set<Action> = []) -> [FooterHint] {
        var candidates: [(order: Int, priority: Int, hint: FooterHint)] = []
        var seenActions: [Action] = []
        var shadowed: Set<Key> = []
        for context in searchOrder(contexts) {
            for b in bindings where b.contexts.contains(context) {
                let keys = effectiveKeys(b, contexts).filter { !shadowed.contains($0) }
                guard let priority = b.footer, !keys.isEmpty, !seenActions.contains(b.action),
                      !unavailable.contains(b.action) else { continue }
                seenActions.append(b.action)
                let names = allKeys(for: b.action, contexts).prefix(2).map(KeyNames.name).joined(separator: "/")
                candidates.append((candidates.count, priority, FooterHint(keys: names, label: b.label)))
            }
            for b in bindings where b.contexts.contains(context) { shadowed.formUnion(effectiveKeys(b, contexts)) }
        }
        var used = 0
        var chosen: [(order: Int, hint: FooterHint)] = []
        for c in candidates.sorted(by: { ($0.priority, $0.order) < ($1.priority, $1.order) }) {
            let w = TextWidth.width(c.hint.text) + (chosen.isEmpty ? 0 : 2)
            if used + w <= width { chosen.append((c.order, c.hint)); used += w }
        }
        return chosen.sorted { $0.order < $1.order }.map(\.hint)
    }

    /// The key to name in a message or hint for `action` here ("l again undoes"), as configured:
    /// a rebound action is named by its new key; an unbound one by its config name.
    public func keyName(for action: Action, in contexts: [KeyContext]) -> String {
        allKeys(for: action, contexts).first.map(KeyNames.name) ?? "(\(action.name) is unbound)"
    }

    // MARK: - Helpers

    private func searchOrder(_ contexts: [KeyContext]) -> [KeyContext] {
        contexts.contains(.global) ? contexts : contexts + [.global]
    }

    /// Keys of a binding that can actually fire given the contexts (no letters while typing).
    private func effectiveKeys(_ b: Binding, _ contexts: [KeyContext]) -> [Key] {
        guard contexts.contains(where: { $0.isTextEntry }) else { return b.keys }
        return b.keys.filter { if case .char = $0 { return false } else { return true } }
    }

    /// All keys that reach `action` in these contexts, in table order, as `action(for:)` resolves them.
    private func allKeys(for action: Action, _ contexts: [KeyContext]) -> [Key] {
        var keys: [Key] = []
        for context in searchOrder(contexts) {
            for b in bindings where b.contexts.contains(context) && b.action == action {
                for k in effectiveKeys(b, contexts) where !keys.contains(k) && self.action(for: k, in: contexts) == action {
                    keys.append(k)
                }
            }
        }
        return keys
    }

    /// One entry per action in a context, its keys merged, in table order.
    private func grouped(in context: KeyContext, _ contexts: [KeyContext],
                         excluding seen: Set<Key>) -> [(Action, [Key], String)] {
        var out: [(Action, [Key], String)] = []
        for b in bindings where b.contexts.contains(context) {
            let keys = effectiveKeys(b, contexts).filter { !seen.contains($0) }
            guard !keys.isEmpty else { continue }
            if let i = out.firstIndex(where: { $0.0 == b.action }) {
                out[i].1 += keys.filter { !out[i].1.contains($0) }
            } else {
                out.append((b.action, keys, b.help))
            }
        }
        return out
    }
}
