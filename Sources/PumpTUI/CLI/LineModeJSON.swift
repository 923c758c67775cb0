import Foundation

extension LineMode {
    /// `--json` output (`JSONOutput`): one document on stdout, keys sorted so scripts and diffs
    /// see a stable shape. Control characters come out escaped (\u001b), so even raw server text
    /// could not drive a terminal; the values are the sanitized texts anyway.
    static func printJSON(_ value: some Encodable) throws {
        FileHandle.standardOutput.write(try jsonDocument(value))
    }

    /// The bytes `printJSON` writes, newline included.
    static func jsonDocument(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Pretty-printed, an empty array is "[\n\n  ]": written "[]", as scripts and people expect
        // (a string holds no raw newline, so the pattern only ever matches the layout).
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
            .replacingOccurrences(of: #"\[\n\n *\]"#, with: "[]", options: .regularExpression)
        return Data((text + "\n").utf8)
    }
}
