import Foundation

/// Person lists (pump-api §4.6): a `collection` with `objectTypes: ["person"]`, made with
/// `create`, renamed with `update`, removed with `delete`; people go in and out with `add` and
/// `remove` whose `target` is the list. These activities are addressed to ourselves only: a
/// list's name and who is on it are nobody else's business (pump.io's default would tell our
/// followers, and the added person).
extension PumpAPI {
    /// Our person lists, newest first (one page; pump.io has no paging links here).
    public func lists(count: Int = 100) async throws -> Feed {
        let url = try endpoint(me.conventionalURL("lists/person", base: base), "your lists")
        return try await page(url, offset: 0, count: count)
    }

    /// Creates a list; returns it as the server made it (with its id and members URL).
    public func createList(named name: String, summary: String? = nil) async throws -> PumpObject {
        var object: JSONObject = ["objectType": "collection", "objectTypes": ["person"], "displayName": name]
        if let summary, !summary.isEmpty { object["content"] = HTMLText.escapeForPost(summary) }
        return try await naming(name) { try listOf(try await postActivity(toMe(["verb": Verb.create.rawValue, "object": object]))) }
    }

    public func renameList(_ list: PumpObject, to name: String) async throws -> PumpObject {
        var o = list.reference
        o["displayName"] = name
        return try await naming(name) { try listOf(try await postActivity(toMe(["verb": Verb.update.rawValue, "object": o]))) }
    }

    /// pump.io refuses a second list of a name with "A folder for 'person' named 'X' already
    /// exists." (its word for lists, and for every new user Friends, Family, Acquaintances and
    /// Coworkers exist already): said in pumptui's words.
    private func naming(_ name: String, _ body: () async throws -> PumpObject) async throws -> PumpObject {
        do {
            return try await body()
        } catch PumpError.http(status: 400, let message) where message.contains("already exists") {
            throw PumpError.listExists(TerminalText.clean(name, .line, maxLength: 100))
        }
    }

    public func deleteList(_ list: PumpObject) async throws -> Activity {
        try await postActivity(toMe(["verb": Verb.delete.rawValue, "object": list.reference]))
    }

    public func add(_ person: Person, to list: PumpObject) async throws -> Activity {
        try await postActivity(toMe(["verb": Verb.add.rawValue, "object": person.reference, "target": list.reference]))
    }

    public func remove(_ person: Person, from list: PumpObject) async throws -> Activity {
        try await postActivity(toMe(["verb": Verb.remove.rawValue, "object": person.reference, "target": list.reference]))
    }

    /// A page of a list's members; member feeds have no links and are paged by offset.
    public func members(of list: PumpObject, offset: Int = 0, count: Int = 50) async throws -> Feed {
        let url = try endpoint(list.members?.fetchURL ?? URL(string: list.id)?.appendingPath("members"), "the list's members")
        return try await page(url.withoutQuery, offset: offset, count: count)
    }

    // MARK: Helpers

    private func toMe(_ body: JSONObject) -> JSONObject {
        var b = body
        b["to"] = [Address(id: me.id, objectType: "person").json]
        return b
    }

    private func listOf(_ activity: Activity) throws -> PumpObject {
        guard let o = activity.object, !o.id.isEmpty else { throw PumpError.badResponse("the server did not return the list") }
        return o
    }
}

extension PumpObject {
    /// A list of people (what `lists()` returns and posts can be addressed to).
    public var isPersonList: Bool { objectType == "collection" }

    /// The list as an address for the editor's audience picker.
    public var audienceTarget: AudienceTarget { AudienceTarget(id: id, name: title ?? "list") }
}

extension Person {
    /// The person as an address (a direct message).
    public var audienceTarget: AudienceTarget { AudienceTarget(id: id, name: webfinger) }
}
