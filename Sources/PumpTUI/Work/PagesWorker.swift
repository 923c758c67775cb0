import Foundation
import PumpCore

/// The pages' jobs (`Pages.Job`): threads with their nested replies, profiles with who follows
/// whom, people and lists, list changes, and the cache's search.
extension ClientWorker {
    func performPage(_ job: Pages.Job) async -> Pages.Message {
        switch job {
        case .thread(let root, let offset):
            return .thread(rootID: root.id, offset: offset, await attempt { try await self.thread(root, offset: offset) })
        case .profile(let person):
            return .profile(personID: person.id, await attempt { try await self.profile(person) })
        case .people(let source, let known):
            return .people(source, older: known != nil, await attempt { try await self.people(source, known) })
        case .openAccount(let who):
            return .openedAccount(who, await attempt { try await self.api.person(account: who, finder: self.finder) })
        case .listChange(let change):
            return .listChanged(change, await attempt { try await self.change(change) })
        case .search(let query):
            return .searched(query, await attempt {
                guard let cache = self.cache else { throw ClientFailure(message: self.cacheProblem ?? "There is no offline cache to search.") }
                return try cache.search(query)
            })
        }
    }

    private func people(_ source: PeopleSource, _ known: Feed?) async throws -> Feed {
        if let known { return try await api.older(known) }
        switch source {
        case .collection(let which, let person): return try await api.people(which, of: person)
        case .members(let list): return try await api.members(of: list)
        case .lists: return try await api.lists()
        }
    }

    /// Carries out a list change; returns what to say about it.
    private func change(_ c: ListChange) async throws -> String {
        switch c {
        case .create(let name):
            let list = try await api.createList(named: name)
            return "Made the list \(list.title ?? name)."
        case .rename(let list, let name):
            _ = try await api.renameList(list, to: name)
            return "Renamed to \(TerminalText.clean(name, .line, maxLength: 100))."
        case .delete(let list):
            _ = try await api.deleteList(list)
            return "Deleted the list \(list.title ?? "")."
        case .add(let who, let list):
            let person = try await api.person(account: who, finder: finder)
            _ = try await api.add(person, to: list)
            return "Added \(person.label) to \(list.title ?? "the list")."
        case .remove(let person, let list):
            _ = try await api.remove(person, from: list)
            return "Removed \(person.label) from \(list.title ?? "the list")."
        }
    }

    private func thread(_ root: PumpObject, offset: Int) async throws -> ThreadPage {
        // A fresh root brings current counts and marks; a root the server cannot serve (remote,
        // deleted) is shown as we already have it.
        var fresh = root
        if offset == 0, !root.isDeleted {
            do {
                let o = try await api.object(id: root.id, proxyURL: root.proxyURL)
                if !o.id.isEmpty { fresh = o; if fresh.author == nil { fresh.author = root.author } }
                // A remote post read through the proxy is its own server's document, without
                // our server's proxy of its replies (the fallback of `replies(of:)`): kept.
                if fresh.replies?.proxyURL == nil, let known = root.replies?.proxyURL {
                    fresh.replies = fresh.replies ?? root.replies
                    fresh.replies?.proxyURL = known
                }
            } catch PumpError.http(status: 410, _) {
                // pump.io's answer for a deleted object ("Deleted"): its replies answer 410 too.
                throw ClientFailure(message: "This post was deleted.", deleted: true)
            } catch {}
        }
        var replies: Feed
        do {
            replies = (fresh.replies == nil && fresh.isDeleted) ? Feed() : try await api.replies(of: fresh, offset: offset, count: 20)
        } catch PumpError.http(status: 410, _) {
            // Known deleted (the root is not asked again then): its replies answer 410 too.
            throw ClientFailure(message: "This post was deleted.", deleted: true)
        }
        // A server may send far more than the 20 asked for; one page holds what a thread may.
        var used = (count: 1, bytes: ThreadBudget.cost(fresh))
        let kept = Set(ThreadBudget.take(replies.objects, used: &used).map(\.id))
        replies.items = replies.items.filter { $0.object.map { kept.contains($0.id) } ?? false }
        return ThreadPage(root: fresh, replies: replies, nested: await nestedReplies(of: replies.objects, used: used))
    }

    /// The replies of each reply, and of theirs, breadth first: at most `limit` fetches and
    /// `maxDepth` levels, so a deep or hostile thread costs a bounded number of requests. A
    /// branch that cannot be loaded is left out, not an error for the whole thread. What they
    /// bring together stays within `ThreadBudget` (`used`: what the page already holds).
    private func nestedReplies(of top: [PumpObject], used: (count: Int, bytes: Int), maxDepth: Int = 4,
                               limit: Int = 30) async -> [String: [PumpObject]] {
        var nested: [String: [PumpObject]] = [:]
        var level = top, fetches = 0, used = used
        for _ in 0..<maxDepth {
            var next: [PumpObject] = []
            for post in level where (post.replies?.count ?? 0) > 0 && nested[post.id] == nil && fetches < limit
                && used.count < ThreadBudget.maxEntries {
                fetches += 1
                guard let page = try? await api.replies(of: post, count: 50) else { continue }
                let kept = ThreadBudget.take(page.objects, used: &used)
                nested[post.id] = kept
                next += kept
            }
            if next.isEmpty { break }
            level = next
        }
        return nested
    }

    private func profile(_ person: Person) async throws -> ProfilePage {
        var fresh = try await api.profile(of: person)
        // pump.io says `followed: false` of your own profile: "You do not follow them" is no news.
        if fresh.webfinger.lowercased() == api.me.webfinger.lowercased() { fresh.followed = nil; fresh.followsYou = nil }
        // Who follows whom is shown before f is pressed; a failure there costs only that line.
        let state = await followState(with: fresh)
        do {
            return ProfilePage(person: fresh, posts: try await api.outbox(of: fresh, count: 20), followState: state)
        } catch PumpError.notAccountHost {
            return ProfilePage(person: fresh, posts: nil, postsError: "Their posts are on their own server; pumptui reads only yours.",
                               followState: state)
        } catch {
            return ProfilePage(person: fresh, posts: nil, postsError: Self.failure(error).message, followState: state)
        }
    }

    private func followState(with person: Person) async -> FollowState? {
        guard person.webfinger.lowercased() != api.me.webfinger.lowercased() else { return nil }
        let mine = try? await api.person(nick: api.me.nickname ?? "")
        return try? await api.followState(with: person, myProfile: mine)
    }
}
