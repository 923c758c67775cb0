import Foundation

/// The server's own JSON of each item, kept beside the decoded models so the offline cache
/// stores exactly what the server sent (no re-encoding that could drop fields, no secrets:
/// feeds never carry tokens) and decodes it with the same parser later.
extension JSONNode {
    /// The bytes of this value as they were in the document (an object with its braces).
    package var rawData: Data {
        let t = token
        return Data(UnsafeBufferPointer(rebasing: doc.bytes[Int(t.start)..<Int(t.end)]))
    }
}

extension Feed {
    /// Each item's JSON by item id, for the items of a page fetched by `PumpAPI`.
    package static func itemJSON(of json: JSONNode) -> [String: Data] {
        var out: [String: Data] = [:]
        for node in json.objects("items").prefix(Feed.maxPageItems) {
            let id = node.string("id") ?? node.string("@id") ?? ""
            if !id.isEmpty { out[id] = node.rawData }
        }
        return out
    }
}

extension FeedItem {
    /// An item from the JSON the cache kept; nil for anything that is not a JSON object.
    public static func decode(_ data: Data) -> FeedItem? {
        JSONValue.parseObject(data).map(FeedItem.init(json:))
    }
}

extension Feed {
    /// A saved page decoded with each item's JSON kept, as `PumpAPI` fetches it (benchmarks).
    public static func decodeForCache(_ data: Data) -> Feed? {
        guard let json = JSONValue.parseObject(data) else { return nil }
        var feed = Feed(json: json)
        feed.itemJSON = itemJSON(of: json)
        return feed
    }
}

extension FeedItem {
    /// Items from the JSON the cache kept, parsed as ONE document: the actors, authors and URLs
    /// that items share are then decoded once (`JSONDocument` interns them), which was most of
    /// a cached start's time (issue 13). Each blob must come back as exactly one object spanning
    /// exactly its own bytes; otherwise (a damaged cache: a blob that is not one JSON value) the
    /// blobs are decoded one by one and those that fail are dropped, as `decode` does.
    public static func decodeAll(_ blobs: [Data]) -> [FeedItem] {
        let prefix = Data(#"{"items":["#.utf8)
        var joined = prefix
        joined.reserveCapacity(blobs.reduce(prefix.count + 2) { $0 + $1.count + 1 })
        var spans: [Range<Int>] = []
        for (i, blob) in blobs.enumerated() {
            if i > 0 { joined.append(UInt8(ascii: ",")) }
            spans.append(joined.count ..< joined.count + blob.count)
            joined.append(blob)
        }
        joined.append(contentsOf: "]}".utf8)
        guard let root = JSONValue.parseObject(joined) else { return blobs.compactMap(decode) }
        let nodes = root.objects("items")
        let exact = nodes.count == spans.count && zip(nodes, spans).allSatisfy { node, span in
            Int(node.token.start) == span.lowerBound && Int(node.token.end) == span.upperBound
        }
        return exact ? nodes.map(FeedItem.init(json:)) : blobs.compactMap(decode)
    }
}
