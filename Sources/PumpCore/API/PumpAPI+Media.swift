import Foundation

extension PumpAPI {
    /// An image's bytes. On the account's own server (its proxy URL included) signed; on another
    /// server unsigned, through `unsigned`: no credentials go there (issue 24), and without an
    /// unsigned requester it is refused (its URL can still be copied). The transport bounds the
    /// body (8 MiB, decompressed size included).
    public func fetchMedia(_ link: MediaLink) async throws -> HTTPResponse {
        let url = link.fetchURL
        if !isLocal(url), let unsigned { return try await unsigned.send(method: "GET", url: url, body: nil, contentType: nil) }
        try requireLocal(url)
        return try await requester.send(method: "GET", url: url, body: nil, contentType: nil)
    }

    /// The same API with `requester` for other servers' media (tests; `init(stored:)` sets its own).
    public func fetchingOtherServersMedia(with requester: APIRequester?) -> PumpAPI {
        var api = self
        api.unsigned = requester
        return api
    }
}
