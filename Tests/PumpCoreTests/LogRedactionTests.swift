import Foundation
import Testing
@testable import PumpCore

/// The log's last step: whatever a line quotes, secrets come out as <hidden>.
@Suite struct LogRedactionTests {
    @Test(arguments: [
        "GET https://h/oauth/authorize?oauth_token=SECRET1&x=1",
        "Authorization: OAuth oauth_consumer_key=\"SECRET1\", oauth_signature=\"SECRET2\"",
        "reply oauth_token=SECRET1&oauth_token_secret=SECRET2&oauth_callback_confirmed=true",
        #"stored {"token":"SECRET1","tokenSecret":"SECRET2","clientSecret":"SECRET3"}"#,
        "verifier=SECRET1 client_secret=SECRET2",
    ])
    func secretsAreHidden(_ line: String) {
        let out = LogRedaction.redact(line)
        #expect(!out.contains("SECRET"), "\(out)")
        #expect(out.contains("<hidden>"))
    }

    @Test func ordinaryTextIsKept() {
        let line = "POST http://127.0.0.1:8000/api/user/alice/feed 200 512 bytes 12 ms"
        #expect(LogRedaction.redact(line) == line)
        #expect(LogRedaction.redact("tokens=3 mytoken=x") == "tokens=3 mytoken=x")
    }

    @Test func urlsLoseTheirQuery() {
        let url = URL(string: "https://pump.example:8443/oauth/authorize?oauth_token=SECRET#frag")!
        #expect(LogRedaction.describe(url) == "https://pump.example:8443/oauth/authorize?…")
        #expect(LogRedaction.describe(URL(string: "http://h/api/x")!) == "http://h/api/x")
    }

    @Test func xdgStateAndCacheFollowTheSpec() {
        #expect(XDGDirectories.state(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]).path == "/s/pumptui")
        #expect(XDGDirectories.state(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"]).path == "/h/.local/state/pumptui")
        #expect(XDGDirectories.cache(environment: ["HOME": "/h"]).path == "/h/.cache/pumptui")
        #expect(XDGDirectories.state(environment: ["HOME": ""], passwdHome: { "/pw" }).path == "/pw/.local/state/pumptui")
    }
}
