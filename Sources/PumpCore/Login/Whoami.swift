import Foundation

/// Confirms who authorized a token: signed GET of whoami (its 302 re-signed by SignedFetcher);
/// servers that refuse OAuth there are asked for `/api/user/NICK/profile` instead.
struct Whoami: Sendable {
    let transport: HTTPTransport
    let timeout: TimeInterval

    func confirm(endpoints: Endpoints, credentials: OAuthCredentials, typed: AccountID) async throws -> PersonIdentity {
        let fetcher = SignedFetcher(transport: transport, credentials: credentials, timeout: timeout)
        let headers = ["Accept": SignedAPI.acceptHeader]
        let response = try await fetcher.send(HTTPRequest(method: "GET", url: endpoints.whoami, headers: headers))
        if response.status == 200, let person = PersonIdentity(json: response.body) { return person }
        let whoamiError = response.status == 200
            ? PumpError.badResponse("whoami did not return a person") : ServerReply.error(for: response)
        if whoamiError == .expiredToken || whoamiError == .invalidConsumerKey { throw whoamiError }

        let profile = URL(string: "/api/user/\(FormEncoding.percentEncode(typed.nickname))/profile", relativeTo: endpoints.whoami)!
            .absoluteURL
        guard let fallback = try? await fetcher.send(HTTPRequest(method: "GET", url: profile, headers: headers)),
              fallback.status == 200, let person = PersonIdentity(json: fallback.body) else { throw whoamiError }
        return person
    }
}
