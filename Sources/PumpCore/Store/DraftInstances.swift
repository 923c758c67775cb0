import Foundation

/// Two pumptui processes on one account (issue 23): both wrote `drafts/<account>/note.json` at
/// exit and the last one won, silently. The choice made: no lock (a second instance is a normal
/// thing to run, in another terminal or over SSH), but one draft file per instance when they
/// would collide, and both offered:
/// - each `DraftStore` has an `instance` mark, written into the files it saves;
/// - `save` writes the shared `<key>.json` only when it is this instance's to write (absent,
///   written by this instance, or unchanged since `open` read it); otherwise the instance's own
///   `<key>-w<instance>.json`;
/// - `open` (the editor opening) reads the shared file and every instance file of the key, and
///   puts them all in the editor, each further one under a line naming it; once that text is
///   saved, sent or dropped, the files it came from are removed.
/// Between the check and the write another process may still write (a window of microseconds
/// at exit); the loss that was certain is gone.
public enum DraftInstances {
    struct Taken: Sendable {
        /// The shared file as `open` read it (nil: there was none).
        var shared: Draft?
        /// The instance files (`<key>-w…`) merged into the editor.
        var merged: [String]
    }

    /// This process's mark: 8 hex digits, fresh per start, the same for every account's store
    /// (leaving an account and coming back is still this instance).
    public static let thisProcess = String(format: "%08x", UInt32.random(in: 0...UInt32.max))

    /// This instance's own file for `key`.
    static func ownKey(_ key: String, instance: String) throws -> String {
        try DraftStore.checked(key + "-w" + instance)
    }

    /// True for `<key>-w<8 hex>`.
    static func isInstanceKey(_ name: String, of key: String) -> Bool {
        let prefix = key + "-w"
        guard name.hasPrefix(prefix), name.utf8.count == prefix.utf8.count + 8 else { return false }
        return name.dropFirst(prefix.count).allSatisfy(\.isHexDigit)
    }

    /// One draft holding all of them: the first as it is, each further text below a line that
    /// says where it came from (the user keeps, joins or deletes them in the editor).
    static func merge(_ drafts: [Draft]) -> Draft? {
        guard var out = drafts.first else { return nil }
        for d in drafts.dropFirst() where !d.isBlank {
            let saved = ISODate.format(d.saved).replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC")
            out.text += (out.text.isEmpty ? "" : "\n\n") + "--- also unsent, from another pumptui (saved \(saved)) ---\n" + d.text
            if (out.title ?? "").isEmpty { out.title = d.title }
            if out.imagePath == nil { out.imagePath = d.imagePath }
            out.saved = max(out.saved, d.saved)
        }
        return out
    }
}

extension DraftStore {
    /// The draft the editor starts from: this account's shared draft for `key` and those other
    /// running (or ended) instances kept beside it, merged (`DraftInstances`). Remembers what it
    /// read, so `save` and `remove` know which files are now this instance's.
    public func open(key: String) -> Draft? {
        let shared = load(key: key)
        let names = instanceKeys(key)
        let others = names.compactMap { load(key: $0) }.sorted { $0.saved < $1.saved }
        taken.withLock { $0[key] = DraftInstances.Taken(shared: shared.flatMap { _ in stored(try? path(key)) }, merged: names) }
        return DraftInstances.merge((shared.map { [$0] } ?? []) + others)
    }

    /// Whether the shared `<key>.json` may be written (or removed) by this instance.
    func ownsShared(_ key: String) throws -> Bool {
        guard let now = stored(try path(key)) else { return true }
        if now.writer == instance { return true }
        guard let seen = taken.withLock({ $0[key]?.shared }) else { return false }
        return seen.saved == now.saved && seen.text == now.text && seen.writer == now.writer
    }

    /// Removes the instance files `open` merged in (and this instance's own file).
    func removeMerged(_ key: String, alsoOwn: Bool) {
        let merged = taken.withLock { t -> [String] in
            let names = t[key]?.merged ?? []
            t[key]?.merged = []
            return names
        }
        var names = merged
        if alsoOwn, let own = try? DraftInstances.ownKey(key, instance: instance) { names.append(own) }
        for name in Set(names) { removeFile(name) }
    }

    /// The instance files of `key` in this account's folder.
    func instanceKeys(_ key: String) -> [String] {
        let dir = files.directory.appendingPathComponent("\(Self.folder)/\(account.description)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
            .filter { DraftInstances.isInstanceKey($0, of: key) }.sorted()
    }
}
