import Foundation
import Testing
@testable import PumpCore

@Suite struct OAuth1Tests {
    @Test func rfc5849Section1_2() {
        let url = URL(string: "http://photos.example.net/photos?file=vacation.jpg&size=original")!
        let params: [(String, String)] = [
            ("oauth_consumer_key", "dpf43f3p2l4k3l03"), ("oauth_token", "nnch734d00sl2jdk"),
            ("oauth_signature_method", "HMAC-SHA1"), ("oauth_timestamp", "137131202"), ("oauth_nonce", "chapoH"),
        ] + OAuth1.queryParameters(url)
        let base = OAuth1.baseString(method: "GET", url: url, parameters: params)
        #expect(base == "GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DchapoH%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131202%26oauth_token%3Dnnch734d00sl2jdk%26size%3Doriginal")
        #expect(OAuth1.signature(baseString: base, consumerSecret: "kd94hf93k423kf44", tokenSecret: "pfkkdhi9sl3r4s00")
                == "MdpQcU8iPSUjWoN/UDMsK2sui9I=")
    }

    private func signed(_ method: String, _ url: String, token: String?, tokenSecret: String,
                        extra: [String: String], nonce: String, ts: String) -> [String: String] {
        let creds = OAuthCredentials(consumerKey: "ck-123_AB", consumerSecret: "cs~secret/+=", token: token, tokenSecret: tokenSecret)
        let req = OAuth1.sign(HTTPRequest(method: method, url: URL(string: url)!), credentials: creds, extra: extra,
                              nonce: nonce, timestamp: ts)
        return oauthFields(req)
    }

    @Test func vector1RequestToken() {
        let f = signed("POST", "https://pump.example/oauth/request_token", token: nil, tokenSecret: "",
                       extra: ["oauth_callback": "oob"], nonce: "n0nce", ts: "1400000000")
        #expect(f["oauth_signature"] == "vpZKha3DntBUgm3jbZqbN9Rvkxc=")
        #expect(f["oauth_token"] == nil)  // 2-legged: no empty oauth_token
        #expect(f["oauth_callback"] == "oob")
    }

    @Test func vector2AccessToken() {
        let f = signed("POST", "https://pump.example/oauth/access_token", token: "rt_TOKEN-1", tokenSecret: "rt-secret",
                       extra: ["oauth_verifier": "V3r-if_ier"], nonce: "n0nce2", ts: "1400000001")
        #expect(f["oauth_signature"] == "57v6IumJXzCTz+N+mwEX02ZZq6s=")
    }

    @Test func vector3InboxWithEncodedQuery() {
        let url = "https://Pump.Example:443/api/user/alice/inbox?count=5&before=https%3A%2F%2Fpump.example%2Fapi%2Factivity%2FAbC-_9"
        let f = signed("GET", url, token: "at_TOKEN", tokenSecret: "at secret!", extra: [:], nonce: "n3", ts: "1400000002")
        #expect(f["oauth_signature"] == "IxotMLRFfkxQJOz4OBtTwjnGyc8=")
        let params = OAuth1.protocolParameters(
            credentials: OAuthCredentials(consumerKey: "ck-123_AB", consumerSecret: "", token: "at_TOKEN"),
            extra: [:], nonce: "n3", timestamp: "1400000002") + OAuth1.queryParameters(URL(string: url)!)
        #expect(OAuth1.baseString(method: "GET", url: URL(string: url)!, parameters: params)
                == "GET&https%3A%2F%2Fpump.example%2Fapi%2Fuser%2Falice%2Finbox&before%3Dhttps%253A%252F%252Fpump.example%252Fapi%252Factivity%252FAbC-_9%26count%3D5%26oauth_consumer_key%3Dck-123_AB%26oauth_nonce%3Dn3%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1400000002%26oauth_token%3Dat_TOKEN%26oauth_version%3D1.0")
    }

    @Test func percentEncoding() {
        #expect(FormEncoding.percentEncode("a b+c&d=e/f?g:h@i!j'k(l)m*n~o-p.q_r") ==
                "a%20b%2Bc%26d%3De%2Ff%3Fg%3Ah%40i%21j%27k%28l%29m%2An~o-p.q_r")
        #expect(FormEncoding.percentEncode("é") == "%C3%A9")
        #expect(FormEncoding.percentEncode("ABCxyz019") == "ABCxyz019")
    }

    @Test func baseURLNormalisation() {
        #expect(OAuth1.baseURL(URL(string: "HTTP://Example.COM:80")!) == "http://example.com/")
        #expect(OAuth1.baseURL(URL(string: "http://127.0.0.1:8080/api/x?y=1#f")!) == "http://127.0.0.1:8080/api/x")
        #expect(OAuth1.baseURL(URL(string: "https://h:443/p")!) == "https://h/p")
    }

    @Test func formBodySignedOnlyForExactFormType() {
        let creds = OAuthCredentials(consumerKey: "k", consumerSecret: "s")
        func sig(_ ct: String?, body: String) -> String? {
            var headers: [String: String] = [:]
            if let ct { headers["Content-Type"] = ct }
            let req = HTTPRequest(method: "POST", url: URL(string: "https://h/x")!, headers: headers, body: Data(body.utf8))
            return oauthFields(OAuth1.sign(req, credentials: creds, nonce: "n", timestamp: "1"))["oauth_signature"]
        }
        let none = sig(nil, body: "")
        #expect(sig("application/x-www-form-urlencoded", body: "a=1") != none)
        #expect(sig("application/x-www-form-urlencoded; charset=UTF-8", body: "a=1") == none)
        #expect(sig("application/json", body: "{\"a\":1}") == none)
        // Form fields are signed as decoded values: the same field spelled two ways signs the same.
        #expect(sig("application/x-www-form-urlencoded", body: "a=x+y") == sig("application/x-www-form-urlencoded", body: "a=x%20y"))
    }

    @Test func nonceIsFreshAndAlphanumeric() {
        let a = OAuth1.makeNonce(), b = OAuth1.makeNonce()
        #expect(a != b)
        #expect(a.allSatisfy { $0.isLetter || $0.isNumber } && a.count >= 16)
    }

    @Test func tokenReplyParsedWhateverTheContentType() {
        let reply = TokenReply(body: Data("oauth_token=b_Tf-y1&oauth_token_secret=s%2Fx+y&oauth_callback_confirmed=true\n".utf8))
        #expect(reply == nil ? false : reply!.token == "b_Tf-y1" && reply!.secret == "s/x y")
        #expect(TokenReply(body: Data("oauth_token=x".utf8)) == nil)
        #expect(TokenReply(body: Data("<html>oops</html>".utf8)) == nil)
    }
}
