import Foundation

extension PumpAPI {
    /// An image's bytes, signed, through the account's own server only: a remote image without a
    /// proxy URL would need our token sent elsewhere, so it is refused (its URL can still be copied).
    /// The transport bounds the body (8 MiB, decompressed size included).
    public func fetchMedia(_ link: MediaLink) async throws -> HTTPResponse {
        let url = link.fetchURL
        try requireLocal(url)
        return try await requester.send(method: "GET", url: url, body: nil, contentType: nil)
    }
}
