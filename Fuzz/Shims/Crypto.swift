import Foundation

// Stand-in for swift-crypto, only in fuzz builds: OAuth1.swift imports Crypto, but no fuzz target
// signs anything, and compiling BoringSSL with the fuzzer sanitizer would cost minutes per build.
// Never linked into pumptui.
public struct SymmetricKey {
    public init(data: Data) {}
}

public enum Insecure {
    public struct SHA1 {}
}

public enum HMAC<H> {
    public static func authenticationCode(for data: Data, using key: SymmetricKey) -> [UInt8] {
        Array(repeating: 0, count: 20)
    }
}
