import Foundation
import Testing
@testable import PumpCore

@Suite struct ErrorMappingTests {
    @Test func oauthTextErrors() {
        #expect(ServerReply.error(for: text(400, "Invalid / expired Token")) == .expiredToken)
        #expect(ServerReply.error(for: text(400, "Invalid Consumer Key")) == .invalidConsumerKey)
        #expect(ServerReply.error(for: text(401, "Invalid signature")) == .invalidSignature)
        #expect(ServerReply.error(for: text(401, "Invalid / used nonce")) == .clientForgotten)
        #expect(PumpError.clientForgotten.message.contains("log in again"))
        #expect(!PumpError.invalidSignature.message.contains("clock"))   // pump.io checks no time window
    }

    @Test func jsonErrorField() {
        #expect(ServerReply.error(for: json(403, #"{"error":"Only the actor and recipients can view this activity."}"#))
                == .http(status: 403, serverMessage: "Only the actor and recipients can view this activity."))
    }

    @Test func htmlPagesAreSummarised() {
        let page = "<html><head><title>Error 500</title></head><body><pre>TypeError at line 1\n" +
            String(repeating: "stack ", count: 500) + "</pre></body></html>"
        let e = ServerReply.error(for: HTTPResponse(status: 500, headers: ["content-type": "text/html"], body: Data(page.utf8)))
        #expect(e == .http(status: 500, serverMessage: "TypeError at line 1"))
        let titled = "<html><head><title>Error 500</title></head><body><p>Boom</p></body></html>"
        #expect(ServerReply.error(for: HTTPResponse(status: 500, headers: ["content-type": "text/html"], body: Data(titled.utf8)))
                == .http(status: 500, serverMessage: "HTML page: Error 500"))
    }

    /// Express's error page as pump.io 5.1.4 sends it for a body over 100 kB (issue 24).
    @Test func expressErrorPagesGiveTheirErrorLine() {
        let page = #"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Error</title></head><body>"#
            + #"<pre>PayloadTooLargeError: request entity too large<br> &nbsp; &nbsp;at readStream (/usr/share/nodejs/raw-body/index.js:156:17)"#
            + "<br> &nbsp; &nbsp;at getRawBody</pre></body></html>"
        let r = HTTPResponse(status: 413, headers: ["content-type": "text/html; charset=utf-8"], body: Data(page.utf8))
        #expect(ServerReply.error(for: r) == .http(status: 413, serverMessage: "PayloadTooLargeError: request entity too large"))
        #expect(PumpError.snippet(r) == "PayloadTooLargeError: request entity too large")
    }

    @Test func controlCharactersNeverPassThrough() {
        let e = ServerReply.error(for: text(400, "bad\u{1b}[31m thing\u{07}"))
        guard case .http(_, let msg) = e else { Issue.record("wrong case"); return }
        #expect(!msg.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7f })
    }

    @Test func accessTokenStep() {
        #expect(ServerReply.accessTokenError(for: text(401, "Invalid / expired Token")) == .requestTokenExpired)
        #expect(ServerReply.accessTokenError(for: text(401, "Invalid verifier")) == .wrongVerifier)
        #expect(ServerReply.accessTokenError(for: text(401, "error=invalid_request&error_description=Invalid+verifier.")) == .wrongVerifier)
    }

    @Test func messagesAreHuman() {
        #expect(PumpError.connectionRefused(host: "127.0.0.1:9").message.contains("connection refused"))
        #expect(PumpError.expiredToken.message.contains("Invalid / expired Token"))
    }
}
