import PumpCore

/// One post of a conversation in reading order, with its depth (root 0).
struct ThreadEntry: Equatable {
    var object: PumpObject
    var depth: Int
}

/// What one thread may hold (issue 23): a hostile server can answer every reply fetch with
/// thousands of replies that each claim more; 30 fetches once put 744 000 entries in the pane
/// (1.5 GB, 15 s per key). The worker stops fetching and the pane stops listing at these caps.
enum ThreadBudget {
    /// Posts listed in one thread, the root included.
    static let maxEntries = 1000
    /// Their text, by `cost`.
    static let maxBytes = 4 * 1024 * 1024

    /// A post's share of `maxBytes`: its text fields, plus a fixed part for ids, author, dates.
    static func cost(_ o: PumpObject) -> Int {
        (o.content?.utf8.count ?? 0) + (o.summary?.utf8.count ?? 0) + (o.displayName?.utf8.count ?? 0) + 512
    }

    /// The longest prefix of `posts` that fits in what is left of both caps; `used` is updated.
    static func take(_ posts: [PumpObject], used: inout (count: Int, bytes: Int)) -> [PumpObject] {
        var n = 0
        for post in posts {
            let c = cost(post)
            guard used.count < maxEntries, used.bytes + c <= maxBytes else { break }
            used.count += 1; used.bytes += c; n += 1
        }
        return Array(posts.prefix(n))
    }

    /// The conversation in reading order: oldest first, each reply's replies under it, each post
    /// once, at most `maxEntries` posts and `maxBytes`. `cut`: some were left out. Iterative (a
    /// reply chain thousands deep must not exhaust the stack).
    static func flatten(root: PumpObject, replies: [PumpObject], nested: [String: [PumpObject]]) -> (entries: [ThreadEntry], cut: Bool) {
        var out = [ThreadEntry(object: root, depth: 0)]
        var seen: Set<String> = [root.id]
        var used = (count: 1, bytes: cost(root))
        var stack: [(posts: [PumpObject], next: Int, depth: Int)] = [(oldestFirst(replies), 0, 1)]
        while let top = stack.indices.last {
            guard stack[top].next < stack[top].posts.count else { stack.removeLast(); continue }
            let post = stack[top].posts[stack[top].next], depth = stack[top].depth
            stack[top].next += 1
            guard seen.insert(post.id).inserted else { continue }
            guard take([post], used: &used).count == 1 else { return (out, true) }
            out.append(ThreadEntry(object: post, depth: depth))
            if let children = nested[post.id], !children.isEmpty { stack.append((oldestFirst(children), 0, depth + 1)) }
        }
        return (out, false)
    }

    /// pump.io pages replies newest first; a conversation reads oldest first.
    static func oldestFirst(_ posts: [PumpObject]) -> [PumpObject] {
        posts.enumerated().sorted { a, b in
            switch (a.element.published, b.element.published) {
            case let (x?, y?) where x != y: return x < y
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }
}
