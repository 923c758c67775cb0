import Foundation

/// Dynamic client registration (pump-api.md §2): unauthenticated JSON POST, `client_associate`.
public struct ClientRegistration: Sendable {
    public var transport: HTTPTransport
    public var timeout: TimeInterval

    public init(transport: HTTPTransport, timeout: TimeInterval = 30) {
        self.transport = transport; self.timeout = timeout
    }

    public func register(at url: URL, applicationName: String) async throws -> ClientCredentials {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = try encoder.encode(Association(applicationName: applicationName))
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

    /// The request body. Encoded with JSONEncoder, not JSONSerialization: that bridged the
    /// dictionary to NSDictionary and started ICU for its string escaping, ~1 ms on the way to
    /// the authorize URL (perf record, issue 11).
    struct Association: Encodable {
        var type = "client_associate"
        var applicationType = "native"
        var applicationName: String

        enum CodingKeys: String, CodingKey {
            case type, applicationType = "application_type", applicationName = "application_name"
        }
    }
}
