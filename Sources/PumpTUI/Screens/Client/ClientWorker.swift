import Foundation
import PumpCore

/// Carries out the client's jobs against the account's server (off the runtime's loop thread).
/// Holds no screen state: every job's result comes back as one `ClientMessage`.
final class ClientWorker: @unchecked Sendable {
    let api: PumpAPI

    init(store: CredentialStore, account: AccountID, allowHTTP: Bool) throws {
        guard let stored = try store.account(account) else { throw PumpError.notLoggedIn(account.description) }
        let base = URL(string: stored.endpoints.origin) ?? stored.endpoints.whoami
        if base.scheme?.lowercased() == "http", !allowHTTP, !account.isLoopback {
            throw PumpError.insecureHTTPRefused(host: account.hostWithPort)
        }
        let signed = try SignedAPI(account: account, store: store)
        api = PumpAPI(requester: signed, nickname: account.nickname, profileURL: URL(string: stored.personID), base: base)
    }

    /// For tests: any requester.
    init(api: PumpAPI) { self.api = api }

    func perform(_ job: ClientJob) async -> ClientMessage {
        switch job {
        case .feed(let kind, let direction, let known):
            return .feed(kind, direction, await attempt { try await self.page(kind, direction, known) })
        case .thread(let root, let offset):
            return .thread(rootID: root.id, offset: offset, await attempt { try await self.thread(root, offset: offset) })
        case .profile(let person):
            return .profile(personID: person.id, await attempt { try await self.profile(person) })
        case .verb(let request):
            return .verb(request, await attempt { try await self.verb(request) })
        case .followAccount(let account):
            return .followedAccount(account, await attempt { try await self.api.follow(account: account) })
        case .compose(let request, let mode):
            return .composed(mode, await attempt { try await self.compose(request) })
        }
    }

    // MARK: - Jobs

    private func page(_ kind: FeedKind, _ direction: PageDirection, _ known: Feed?) async throws -> Feed {
        switch (direction, known) {
        case (.older, let feed?): return try await api.older(feed)
        case (.newer, let feed?): return try await api.newer(feed)
        default: return try await api.feed(kind, count: 20)
        }
    }

    private func thread(_ root: PumpObject, offset: Int) async throws -> ThreadPage {
        // A fresh root brings current counts and marks; a root the server cannot serve (remote,
        // deleted) is shown as we already have it.
        var fresh = root
        if offset == 0, !root.isDeleted, let o = try? await api.object(id: root.id, proxyURL: root.proxyURL), !o.id.isEmpty {
            fresh = o
            if fresh.author == nil { fresh.author = root.author }
        }
        let replies = (fresh.replies == nil && fresh.isDeleted) ? Feed() : try await api.replies(of: fresh, offset: offset, count: 20)
        return ThreadPage(root: fresh, replies: replies)
    }

    private func profile(_ person: Person) async throws -> ProfilePage {
        let fresh = try await api.profile(of: person)
        do {
            return ProfilePage(person: fresh, posts: try await api.outbox(of: fresh, count: 20))
        } catch {
            return ProfilePage(person: fresh, posts: nil, postsError: Self.failure(error).message)
        }
    }

    private func verb(_ r: VerbRequest) async throws -> Activity {
        switch (r.kind, r.object, r.person) {
        case (.like, let o?, _): return try await api.like(o)
        case (.unlike, let o?, _): return try await api.unlike(o)
        case (.share, let o?, _): return try await api.share(o)
        case (.unshare, let o?, _): return try await api.unshare(o)
        case (.delete, let o?, _): return try await api.delete(o)
        case (.follow, _, let p?): return try await api.follow(p)
        case (.unfollow, _, let p?): return try await api.unfollow(p)
        default: throw ClientFailure(message: "Nothing to act on.")
        }
    }

    private func compose(_ r: ComposeRequest) async throws -> Activity {
        if let path = r.imagePath, !path.isEmpty {
            let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
            let data: Data
            do { data = try Data(contentsOf: url) } catch { throw ClientFailure(message: "Cannot read \(url.lastPathComponent).") }
            return try await api.uploadImage(data: data, mimeType: Self.mimeType(url.pathExtension),
                                             title: r.title, description: r.text, audience: r.audience)
        }
        switch r.mode {
        case .note: return try await api.post(note: r.text, title: r.title, audience: r.audience)
        case .reply(let o): return try await api.reply(to: o, text: r.text)
        case .edit(let o): return try await api.update(o, text: r.text, title: r.title)
        }
    }

    // MARK: - Errors

    private func attempt<T: Sendable>(_ body: () async throws -> T) async -> Result<T, ClientFailure> {
        do { return .success(try await body()) } catch { return .failure(Self.failure(error)) }
    }

    /// The server's message as one safe line; a refused token is flagged for the relogin handoff.
    static func failure(_ error: Error) -> ClientFailure {
        switch error {
        case let f as ClientFailure: return f
        case PumpError.expiredToken: return ClientFailure(message: PumpError.expiredToken.message, tokenRejected: true)
        case let e as PumpError: return ClientFailure(message: Sanitizer.clean(e.message, singleLine: true, maxLength: 300))
        case let e as PumpAPIError: return ClientFailure(message: Sanitizer.clean(e.description, singleLine: true, maxLength: 300))
        default: return ClientFailure(message: Sanitizer.clean(String(describing: error), singleLine: true, maxLength: 300))
        }
    }

    static func mimeType(_ ext: String) -> String {
        switch ext.lowercased() {
        case "png": return "image/png"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        default: return "image/jpeg"
        }
    }
}
