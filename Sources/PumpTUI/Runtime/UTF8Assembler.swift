/// Builds characters from the terminal's bytes one at a time, keeping a partial character across
/// reads. ncurses' own `get_wch` in nodelay mode drops the first bytes of a character whose rest
/// has not arrived yet, so large pastes lost characters at every read boundary; reading bytes
/// with `wgetch` and decoding here loses none.
struct UTF8Assembler: Sendable {
    private var pending: [UInt8] = []
    private var needed = 0

    /// The scalar `byte` completes, if any. A malformed sequence gives U+FFFD, never a crash or
    /// a control character.
    mutating func feed(_ byte: UInt8) -> [Unicode.Scalar] {
        if needed == 0 {
            switch byte {
            case 0x00..<0x80: return [Unicode.Scalar(byte)]
            case 0xC2..<0xE0: needed = 1
            case 0xE0..<0xF0: needed = 2
            case 0xF0..<0xF5: needed = 3
            default: return ["\u{FFFD}"]
            }
            pending = [byte]
            return []
        }
        guard byte & 0xC0 == 0x80 else {
            // The sequence broke off: say so, then read this byte afresh.
            pending = []; needed = 0
            return ["\u{FFFD}"] + feed(byte)
        }
        pending.append(byte)
        needed -= 1
        guard needed == 0 else { return [] }
        defer { pending = [] }
        var scalars: [Unicode.Scalar] = []
        var decoder = UTF8()
        var bytes = pending.makeIterator()
        switch decoder.decode(&bytes) {
        case .scalarValue(let s): scalars.append(s)
        default: scalars.append("\u{FFFD}")
        }
        return scalars
    }
}
