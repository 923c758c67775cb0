import Foundation

/// Drafts moved from the config directory (`<config>/drafts/…`, where pumptui ≤ 0.1 kept them)
/// to the state directory (`$XDG_STATE_HOME/pumptui/drafts/…`): drafts are state, not config.
/// Every file is read and written through the two stores, so both trust checks apply (owner,
/// modes, no symlinks), and a file is removed from the old place only after its copy was
/// written atomically. A draft already present at the new place is never overwritten: the old
/// one arrives beside it as `<key>-moved` and is offered like any other draft.
public enum DraftMigration {
    /// Returns how many drafts were moved. Safe to run on every start: with nothing left in the
    /// old place it reads one directory listing and returns.
    @discardableResult
    public static func move(from config: CredentialStore, to state: CredentialStore) throws -> Int {
        guard config.directory.standardizedFileURL != state.directory.standardizedFileURL else { return 0 }
        let root = config.directory.appendingPathComponent(DraftStore.folder)
        guard FileManager.default.fileExists(atPath: root.path) else { return 0 }
        var moved = 0
        for relative in draftFiles(under: root) {
            let from = "\(DraftStore.folder)/\(relative)"
            guard let data = try config.read(from) else { continue }
            var to = from
            if try state.read(to) != nil { to = String(from.dropLast(5)) + "-moved.json" }
            guard try state.read(to) == nil else { continue }   // moved before; leave the old copy alone
            try state.writeAtomically(data, to: to)
            try AtomicFile.remove(config.directory.appendingPathComponent(from))
            moved += 1
        }
        // Empty folders left behind go too (not the config directory itself).
        // rmdir(2) removes only empty ones: a draft that could not be moved stays where it was.
        for dir in ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []) {
            _ = rmdir(root.appendingPathComponent(dir).path)
        }
        _ = rmdir(root.path)
        return moved
    }

    /// `<key>.json` and `<account>/<key>.json`, relative to the drafts folder; nothing deeper,
    /// no dot files, no symlinks (the stores' reads refuse those anyway).
    static func draftFiles(under root: URL) -> [String] {
        let fm = FileManager.default
        var out: [String] = []
        for name in ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).sorted() where !name.hasPrefix(".") {
            let path = root.appendingPathComponent(name).path
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else { continue }
            if isDir.boolValue {
                for inner in ((try? fm.contentsOfDirectory(atPath: path)) ?? []).sorted()
                where inner.hasSuffix(".json") && !inner.hasPrefix(".") {
                    out.append("\(name)/\(inner)")
                }
            } else if name.hasSuffix(".json") {
                out.append(name)
            }
        }
        return out
    }
}
