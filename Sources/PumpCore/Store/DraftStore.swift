import Crypto
import Foundation
import Synchronization

/// Unsent text of the editor, kept on disk so a failed send, a quit, SIGTERM or a hang-up
/// never loses what the user wrote (issue 6).
public struct Draft: Codable, Equatable, Sendable {
    /// What the text is for. Replies and edits name their object by id (the object itself is
    /// reloaded by the client; only the id is stable).
    public enum Kind: Equatable, Sendable {
        case note
        case reply(to: String)
        case edit(String)

        /// The file name under `drafts/` (without ".json"): "note", "reply-<hash>", "edit-<hash>".
        /// Ids are URLs chosen by servers: hashing keeps them out of file names.
        public var key: String {
            switch self {
            case .note: return "note"
            case .reply(let id): return "reply-" + Self.hash(id)
            case .edit(let id): return "edit-" + Self.hash(id)
            }
        }

        static func hash(_ id: String) -> String {
            SHA256.hash(data: Data(id.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
        }
    }

    public var kind: Kind
    public var text: String
    public var title: String?
    public var audience: Audience
    public var imagePath: String?
    public var saved: Date
    /// Who wrote it (`nick@host[:port]`); nil in drafts from before drafts had owners.
    public var account: String?
    /// Which running pumptui wrote the file (`DraftStore.instance`); only on disk; `load` and
    /// `open` return drafts without it.
    var writer: String?

    public init(kind: Kind, text: String, title: String? = nil, audience: Audience = .public,
                imagePath: String? = nil, saved: Date = Date(), account: String? = nil) {
        self.kind = kind; self.text = text; self.title = title; self.audience = audience
        self.imagePath = imagePath; self.saved = saved; self.account = account
    }

    public var key: String { kind.key }

    /// True when there is nothing worth keeping (whitespace only, no image).
    public var isBlank: Bool {
        text.allSatisfy(\.isWhitespace) && (title ?? "").allSatisfy(\.isWhitespace) && imagePath == nil
    }
}

extension Draft.Kind: Codable {
    // A flat, explicit shape ({"type": "reply", "id": "…"}) rather than the synthesized nesting,
    // so the files stay readable and stable across refactors.
    private enum CodingKeys: String, CodingKey { case type, id }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .type) {
        case "note": self = .note
        case "reply": self = .reply(to: try c.decode(String.self, forKey: .id))
        case "edit": self = .edit(try c.decode(String.self, forKey: .id))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown draft type \(other)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .note: try c.encode("note", forKey: .type)
        case .reply(let id): try c.encode("reply", forKey: .type); try c.encode(id, forKey: .id)
        case .edit(let id): try c.encode("edit", forKey: .type); try c.encode(id, forKey: .id)
        }
    }
}

/// Drafts as `drafts/<account>/<key>.json` in the state directory (`files`; the credential
/// store's directory when none is given): the same 0700 directories, 0600 files, atomic writes
/// and trust checks as credentials, through the store's own helpers.
/// A draft belongs to the account it was written as: another account never sees it, so ^D can
/// never post one person's words as another (issue 10).
public final class DraftStore: Sendable {
    /// The credential store: which accounts exist (to adopt an ownerless draft).
    public let store: CredentialStore
    /// Where the draft files are: the state directory, as a store of the same trusted kind.
    public let files: CredentialStore
    public let account: AccountID
    static let folder = "drafts"
    /// This process's mark on the files it writes (`DraftInstances`).
    public let instance: String
    /// Per key, what `open` read: the shared file as it was, and the other instances' files it
    /// merged into the editor.
    let taken = Mutex<[String: DraftInstances.Taken]>([:])

    public init(store: CredentialStore, account: AccountID, files: CredentialStore? = nil,
                instance: String = DraftInstances.thisProcess) {
        self.store = store; self.account = account; self.files = files ?? store; self.instance = instance
    }

    /// Saves the editor's text: in the shared `<key>.json` when that file is this instance's to
    /// write (absent, written by it, or as `open` read it), else in this instance's own
    /// `<key>-w<instance>.json`, so a second pumptui on the account never overwrites the
    /// first one's draft (issue 23).
    public func save(_ draft: Draft, key: String) throws {
        if try ownsShared(key) {
            try write(draft, key: key)
            removeMerged(key, alsoOwn: true)
        } else {
            try write(draft, key: try DraftInstances.ownKey(key, instance: instance))
        }
    }

    private func write(_ draft: Draft, key: String) throws {
        var owned = draft
        owned.account = account.description
        owned.writer = instance
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data: Data
        do { data = try encoder.encode(owned) } catch { throw PumpError.storage("cannot encode the draft") }
        try files.writeAtomically(data, to: try path(key))
    }

    /// This account's draft saved under `key`; nil when there is none, the file is unreadable, or
    /// it names another account. A draft from before drafts had owners is adopted when its owner
    /// can be known (`adoptLegacy`).
    public func load(key: String) -> Draft? {
        if let mine = read(try? path(key)) { return mine.account == account.description ? mine : nil }
        return adoptLegacy(key: key)
    }

    /// Removes the draft (sent or dropped): the shared file when it is this instance's (another
    /// instance's newer draft there stays), this instance's own file, and the files `open` merged
    /// into the editor. A missing one is fine. Failures are ignored: a stale draft is only
    /// offered again, never sent.
    public func remove(key: String) {
        if (try? ownsShared(key)) == true { removeFile(key) }
        removeMerged(key, alsoOwn: true)
    }

    func removeFile(_ key: String) {
        guard let path = try? path(key) else { return }
        try? AtomicFile.remove(files.directory.appendingPathComponent(path))
    }

    /// Every readable draft of this account with its key, newest first.
    public func all() -> [(String, Draft)] {
        let dir = files.directory.appendingPathComponent("\(Self.folder)/\(account.description)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .map { String($0.dropLast(5)) }
            .compactMap { key in load(key: key).map { (key, $0) } }
            .sorted { $0.1.saved > $1.1.saved }
    }

    // MARK: - Drafts from before accounts owned them

    /// A draft written by an older pumptui as `drafts/<key>.json`, with no owner, if one is there.
    public func legacyDraft(key: String) -> Draft? { read(try? legacyPath(key)) }

    /// Moves an ownerless draft to this account: when it names this account, or when this is the
    /// only stored account (nobody else can have written it). With several accounts it stays
    /// where it is for the user to claim (`claimLegacy`), never guessed.
    func adoptLegacy(key: String) -> Draft? {
        guard let old = legacyDraft(key: key) else { return nil }
        let owner = old.account ?? (store.accounts() == [account] ? account.description : nil)
        guard owner == account.description else { return nil }
        return claimLegacy(key: key)
    }

    /// Takes the ownerless draft for this account (the user said it is theirs).
    public func claimLegacy(key: String) -> Draft? {
        guard let old = legacyDraft(key: key), (try? save(old, key: key)) != nil else { return nil }
        if let legacy = try? legacyPath(key) { try? AtomicFile.remove(files.directory.appendingPathComponent(legacy)) }
        return read(try? path(key))
    }

    // MARK: - Paths

    private func read(_ path: String?) -> Draft? {
        var draft = stored(path)
        draft?.writer = nil
        return draft
    }

    /// The file as it is, with its writer.
    func stored(_ path: String?) -> Draft? {
        guard let path, let data = try? files.read(path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(Draft.self, from: data)
    }

    func path(_ key: String) throws -> String {
        "\(Self.folder)/\(account.description)/\(try Self.checked(key)).json"
    }

    private func legacyPath(_ key: String) throws -> String { "\(Self.folder)/\(try Self.checked(key)).json" }

    /// Keys are our own ("note", "reply-<hex>"): anything else could name a path outside the folder.
    static func checked(_ key: String) throws -> String {
        let ok = !key.isEmpty && key.count <= 64
            && key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard ok else { throw PumpError.storage("invalid draft key '\(TerminalText.clean(key, .message))'") }
        return key
    }
}
