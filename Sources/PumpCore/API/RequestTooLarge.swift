/// A JSON body the server would refuse for its size, refused here before sending (issue 24:
/// pump.io answers 413 past 100 kB, and what counts is the body as sent: the text's HTML
/// escaping and then JSON's, so 30 000 typed `&` weigh 150 kB).
public struct RequestTooLarge: Error, Equatable, Sendable {
    public var bytes: Int
    public var limit: Int
}

extension PumpAPI {
    /// pump.io's limit on a JSON body: Express's `bodyParser.json()` default, "100kb".
    public static let pumpIOJSONLimit = 100 * 1024

    /// The same API, refusing JSON bodies over `limit` bytes (as encoded) with `RequestTooLarge`.
    public func limitingJSONBodies(to limit: Int = pumpIOJSONLimit) -> PumpAPI {
        var api = self
        api.jsonBodyLimit = limit
        return api
    }
}
