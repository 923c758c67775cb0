extension StringProtocol {
    /// Whitespace and newlines off both ends, with the standard library (`Character.isWhitespace`).
    /// Foundation's `trimmingCharacters(in:)` goes through NSString and CFCharacterSet, ~0.5 ms
    /// on its first use in a process, and the start-up path trims (issues 11, 13).
    public var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
