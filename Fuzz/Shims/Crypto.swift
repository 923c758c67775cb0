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

/// Not SHA-256: a deterministic 32-byte FNV-1a spread, enough for file names in fuzz builds.
public enum SHA256 {
    public static func hash(data: Data) -> [UInt8] {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var out: [UInt8] = []
        for round in 0..<4 {
            for b in data { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            h = (h ^ UInt64(round)) &* 0x100_0000_01b3
            for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: h >> (8 * k))) }
        }
        return out
    }
}
