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
///
/// A paste may itself contain the end marker `ESC[201~` (tmux 3.3 passes pasted buffers through
/// unfiltered), and bytes cannot tell that marker from the real one. Time can: the terminal
/// writes a paste in one go, so a marker followed at once by more input (with another marker
/// or paste start in it) was inside the paste. An end marker therefore only *closes* the paste
/// once input has been quiet for `settleSeconds`; whatever arrives before that is held, and
/// becomes paste text if another marker follows, or plain keys (in order) if none does.
public struct InputAssembler: Sendable {
    private enum State: Sendable {
        case idle
        case pasting(String, lastInput: Double)
        /// An end marker came; `tail` is what followed it so far.
        case closing(String, tail: [TerminalInput], lastInput: Double)
    }

    /// Quiet time after an end marker before the paste counts as over.
    public static let settleSeconds = 0.1
    /// A paste with no end marker is ended after this much quiet (and the app told so).
    public static let unterminatedSeconds = 2.0

    private var state = State.idle
    private var lastWasCR = false

    public init() {}

    public var inPaste: Bool { if case .idle = state { return false } else { return true } }

    /// When `expire` has something to do (nil: nothing pending).
    public var deadline: Double? {
        switch state {
        case .idle: return nil
        case .pasting(_, let t): return t + Self.unterminatedSeconds
        case .closing(_, _, let t): return t + Self.settleSeconds
        }
    }

    /// The events `input` completes (none while a paste is being gathered).
    public mutating func feed(_ input: TerminalInput, now: Double) -> [InputEvent] {
        if case .resize(let size) = input { return [.resize(size)] }   // never part of a paste
        switch state {
        case .idle:
            if input == .pasteBegin { lastWasCR = false; state = .pasting("", lastInput: now); return [] }
            return Self.event(for: input).map { [$0] } ?? []
        case .pasting(var text, _):
            state = .idle   // the enum lets go of the text, so appending does not copy it (a 1 MB paste)
            if input == .pasteEnd { state = .closing(text, tail: [], lastInput: now); return [] }
            append(input, to: &text)
            state = .pasting(text, lastInput: now)
            return []
        case .closing(var text, var tail, _):
            state = .idle
            switch input {
            case .pasteBegin, .pasteEnd:
                // Another marker right behind the last: that one was pasted text, so is the tail.
                for held in tail { append(held, to: &text) }
                state = input == .pasteEnd ? .closing(text, tail: [], lastInput: now) : .pasting(text, lastInput: now)
            default:
                tail.append(input)
                state = .closing(text, tail: tail, lastInput: now)
            }
            return []
        }
    }

    /// Bytes are on their way (the tty has them, ncurses has not made a key of them yet): an
    /// open paste is not over.
    public mutating func stillArriving(now: Double) {
        switch state {
        case .idle: break
        case .pasting(let text, _): state = .pasting(text, lastInput: now)
        case .closing(let text, let tail, _): state = .closing(text, tail: tail, lastInput: now)
        }
    }

    /// Ends what has waited long enough: a settled paste (then the keys held behind it), or a
    /// paste whose end marker never came (`ended` is then `.unterminated`).
    public mutating func expire(now: Double) -> (events: [InputEvent], ended: PasteEnd?) {
        guard let due = deadline, now >= due else { return ([], nil) }
        switch state {
        case .idle: return ([], nil)
        case .pasting(let text, _):
            state = .idle
            return ([.paste(text)], .unterminated)
        case .closing(let text, let tail, _):
            state = .idle
            var events: [InputEvent] = [.paste(text)]
            for held in tail { events += feed(held, now: now) }
            return (events, nil)
        }
    }

    public enum PasteEnd: Equatable, Sendable { case unterminated }

    private static func event(for input: TerminalInput) -> InputEvent? {
        switch input {
        case .resize(let size): return .resize(size)
        case .key(let key): return .key(key)
        case .scalar(let scalar): return key(for: scalar).map { .key($0) }
        case .pasteBegin, .pasteEnd: return nil   // a stray end marker means nothing
        }
    }

    /// Pasted input as text: Enter and Tab keys are their characters; other keys are dropped.
    private mutating func append(_ input: TerminalInput, to text: inout String) {
        switch input {
        case .scalar(let s): appendScalar(s, to: &text)
        case .key(.enter): appendScalar("\n", to: &text)
        case .key(.tab): appendScalar("\t", to: &text)
        default: break
        }
    }

    /// Pasted text keeps newlines (CR LF and lone CR become LF) and tabs; every other control
    /// character, ESC included, is dropped, so the string is inert wherever it is shown.
    private mutating func appendScalar(_ scalar: Unicode.Scalar, to text: inout String) {
        let wasCR = lastWasCR
        lastWasCR = scalar == "\r"
        switch scalar.value {
        case 0x0D: text.unicodeScalars.append("\n")
        case 0x0A: if !wasCR { text.unicodeScalars.append("\n") }
        case 0x09: text.unicodeScalars.append(scalar)
        case 0x00..<0x20, 0x7F..<0xA0: break
        default: text.unicodeScalars.append(scalar)
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
