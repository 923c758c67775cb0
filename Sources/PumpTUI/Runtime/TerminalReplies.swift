/// What a terminal answers to the graphics probe (`GraphicsProbe.query`).
public enum TerminalReply: Equatable, Sendable {
    /// `ESC _G i=31;OK ESC \`: the kitty graphics protocol answered (`ok` false: an error reply).
    case kittyGraphics(ok: Bool)
    /// `ESC P >| name version ESC \` (XTVERSION).
    case version(String)
    /// `ESC [ 6 ; height ; width t`: one cell's size in pixels.
    case cellSize(width: Int, height: Int)
    /// `ESC [ ? params c` (DA1): every terminal answers it, so it ends the probe.
    case primaryAttributes([Int])
}

/// Takes the terminal's replies out of the input, so they never act as keys or land in a text
/// box (`ESC [ ? 6 2 ; 2 2 c` would otherwise be Escape, `[`, `?`, "62;22c"). It sits between the
/// backend and the paste assembler, and only looks for replies while a probe is out (`armedUntil`):
/// at other times an Escape followed by `[` or `P` is what the user typed. Inside a bracketed
/// paste nothing is taken: a pasted "reply" is text.
struct TerminalReplyFilter: Sendable {
    private enum State: Sendable {
        case ground
        case escape
        case csi(String)
        /// APC (`ESC _`) or DCS (`ESC P`) up to ST; `escaped`: an ESC came, `\` must follow.
        case string(introducer: Character, body: String, escaped: Bool)
    }

    /// How long a held partial reply waits for the rest before it is let through as keys.
    static let holdSeconds = 0.5
    /// A reply longer than this is not one (the probe's replies are short).
    static let maxLength = 512

    /// Replies are looked for until then (monotonic seconds); nil: not at all.
    var armedUntil: Double?
    private var state = State.ground
    private var held: [TerminalInput] = []
    private var heldSince = 0.0
    private var inPaste = false

    init() {}

    /// When held input must be let go (nil: nothing held).
    var deadline: Double? { held.isEmpty ? nil : heldSince + Self.holdSeconds }

    /// The inputs to pass on (in order) and any replies `input` completed.
    mutating func feed(_ input: TerminalInput, now: Double) -> (pass: [TerminalInput], replies: [TerminalReply]) {
        guard case .scalar(let s) = input else {
            var pass = release()
            if input == .pasteBegin { inPaste = true }
            if input == .pasteEnd { inPaste = false }
            pass.append(input)
            return (pass, [])
        }
        switch state {
        case .ground:
            guard s == "\u{1b}", !inPaste, let until = armedUntil, now < until else { return ([input], []) }
            state = .escape; held = [input]; heldSince = now
            return ([], [])
        case .escape:
            switch s {
            case "[": state = .csi("")
            case "_", "P": state = .string(introducer: Character(s), body: "", escaped: false)
            default:
                // Not a reply: Escape and this key are the user's; this one may start a new reply.
                let pass = release()
                let (more, replies) = feed(input, now: now)
                return (pass + more, replies)
            }
            held.append(input)
            return ([], [])
        case .csi(var body):
            held.append(input)
            switch s.value {
            case 0x20...0x3F where body.count < Self.maxLength:
                body.unicodeScalars.append(s); state = .csi(body)
                return ([], [])
            case 0x40...0x7E:
                guard let reply = Self.csiReply(body, final: s) else { return (release(), []) }
                held = []; state = .ground
                return ([], [reply])
            default:
                return (release(), [])
            }
        case .string(let introducer, var body, let escaped):
            held.append(input)
            if escaped {
                guard s == "\\" else { return (release(), []) }
                held = []; state = .ground
                return ([], Self.stringReply(introducer, body).map { [$0] } ?? [])
            }
            if s == "\u{1b}" { state = .string(introducer: introducer, body: body, escaped: true); return ([], []) }
            if s == "\u{07}" {
                held = []; state = .ground
                return ([], Self.stringReply(introducer, body).map { [$0] } ?? [])
            }
            guard body.count < Self.maxLength, s.value >= 0x20 else { return (release(), []) }
            body.unicodeScalars.append(s)
            state = .string(introducer: introducer, body: body, escaped: false)
            return ([], [])
        }
    }

    /// Lets held input through once it has waited `holdSeconds` (an Escape pressed alone).
    mutating func expire(now: Double) -> [TerminalInput] {
        guard let due = deadline, now >= due else { return [] }
        return release()
    }

    /// What was held, as the user's input after all.
    private mutating func release() -> [TerminalInput] {
        defer { held = []; state = .ground }
        return held
    }

    static func csiReply(_ body: String, final: Unicode.Scalar) -> TerminalReply? {
        if final == "c", body.hasPrefix("?") {
            let params = body.dropFirst().split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
            guard !params.isEmpty, params.allSatisfy({ $0 != nil }) else { return nil }
            return .primaryAttributes(params.compactMap { $0 })
        }
        if final == "t" {
            let p = body.split(separator: ";").map { Int($0) }
            if p.count == 3, p[0] == 6, let h = p[1], let w = p[2] { return .cellSize(width: w, height: h) }
        }
        return nil
    }

    static func stringReply(_ introducer: Character, _ body: String) -> TerminalReply? {
        if introducer == "_", body.hasPrefix("G") {
            let parts = body.dropFirst().split(separator: ";", maxSplits: 1)
            let message = parts.count > 1 ? String(parts[1]) : ""
            return .kittyGraphics(ok: message == "OK")
        }
        if introducer == "P", body.hasPrefix(">|") {
            return .version(String(body.dropFirst(2)))
        }
        return nil
    }
}
