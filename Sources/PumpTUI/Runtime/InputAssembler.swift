/// What the curses backend reads, before paste assembly: characters stay raw scalars here,
/// because inside a bracketed paste a carriage return is text, not the Enter key.
public enum TerminalInput: Equatable, Sendable {
    case scalar(Unicode.Scalar)
    case key(Key)
    case pasteBegin, pasteEnd
    case resize(Size)
}

/// Turns raw terminal input into the events apps see. Everything between paste-begin and
/// paste-end becomes ONE `.paste(String)`, so pasted text can never fire key bindings.
public struct InputAssembler: Sendable {
    private var paste: String?
    private var lastWasCR = false

    public init() {}

    public var inPaste: Bool { paste != nil }

    public mutating func feed(_ input: TerminalInput) -> InputEvent? {
        switch input {
        case .pasteBegin:
            if paste == nil { paste = ""; lastWasCR = false }
            return nil
        case .pasteEnd:
            guard let text = paste else { return nil }
            paste = nil
            return .paste(text)
        case .resize(let size):
            return .resize(size)
        case .key(let key):
            if paste != nil {
                if key == .enter { appendToPaste("\n") } else if key == .tab { appendToPaste("\t") }
                return nil
            }
            return .key(key)
        case .scalar(let scalar):
            if paste != nil { appendToPaste(scalar); return nil }
            return Self.key(for: scalar).map { .key($0) }
        }
    }

    /// Pasted text keeps newlines (CR LF and lone CR become LF) and tabs; every other control
    /// character, ESC included, is dropped, so the string is inert wherever it is shown.
    private mutating func appendToPaste(_ scalar: Unicode.Scalar) {
        let wasCR = lastWasCR
        lastWasCR = scalar == "\r"
        switch scalar.value {
        case 0x0D: paste?.unicodeScalars.append("\n")
        case 0x0A: if !wasCR { paste?.unicodeScalars.append("\n") }
        case 0x09: paste?.unicodeScalars.append(scalar)
        case 0x00..<0x20, 0x7F..<0xA0: break
        default: paste?.unicodeScalars.append(scalar)
        }
    }

    /// A typed character (get_wch returned OK) as a key. Backspace arrives as 8 or 127, Enter as
    /// 10 or 13 (nonl), Ctrl-letters as 1…26.
    public static func key(for scalar: Unicode.Scalar) -> Key? {
        switch scalar.value {
        case 8, 0x7F: return .backspace
        case 10, 13: return .enter
        case 9: return .tab
        case 27: return .escape
        case 1...26: return .ctrl(Character(Unicode.Scalar(scalar.value + 0x60)!))
        case 0x00..<0x20, 0x80..<0xA0: return nil
        default: return .char(Character(scalar))
        }
    }
}
