import Foundation

/// Dynamic client registration (pump-api.md §2): unauthenticated JSON POST, `client_associate`.
public struct ClientRegistration: Sendable {
    public var transport: HTTPTransport
    public var timeout: TimeInterval

    public init(transport: HTTPTransport, timeout: TimeInterval = 30) {
        self.transport = transport; self.timeout = timeout
    }

    public func register(at url: URL, applicationName: String) async throws -> ClientCredentials {
        let payload = ["type": "client_associate", "application_type": "native", "application_name": applicationName]
        let body = try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])
        let request = HTTPRequest(method: "POST", url: url,
                                  headers: ["Content-Type": "application/json", "Accept": "application/json"], body: body)
        let response = try await transport.send(request, timeout: timeout)
        guard response.status == 200 else {
            throw PumpError.registration("HTTP \(response.status): \(ServerText.extractMessage(response))")
        }
        guard let reply = JSONValue.parseObject(response.body),
              let id = reply.string("client_id"), !id.isEmpty,
              let secret = reply.string("client_secret"), !secret.isEmpty else {
            throw PumpError.registration("the server's reply lacks client_id/client_secret")
        }
        return ClientCredentials(clientID: id, clientSecret: secret)
    }
}
