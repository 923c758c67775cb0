import Foundation

extension LineMode {
    /// `--json` output: one document on stdout, keys sorted so scripts and diffs see a stable
    /// shape. Control characters come out escaped (\u001b), so even raw server text could not
    /// drive a terminal; the values are the sanitized texts anyway.
    static func printJSON(_ value: Any) throws {
        // Pretty-printed, an empty array is "[\n\n]": scripts (and people) expect "[]".
        if let array = value as? [Any], array.isEmpty { FileHandle.standardOutput.write(Data("[]\n".utf8)); return }
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}
