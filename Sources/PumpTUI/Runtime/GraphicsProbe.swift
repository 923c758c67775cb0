import Foundation

/// How this terminal can show an image: a graphics protocol it answered for, or half blocks.
public enum GraphicsProtocol: String, Equatable, Sendable {
    case kitty, sixel, iterm2, halfBlock
}

/// What the probe found, remembered for the session.
public struct GraphicsSupport: Equatable, Sendable {
    public var kind: GraphicsProtocol
    /// One cell's size in pixels, when the terminal said (`CSI 16 t`).
    public var cellWidth: Int?
    public var cellHeight: Int?
    /// Colours the terminal offers (0: colour is off): half blocks need 256.
    public var colors: Int

    public init(kind: GraphicsProtocol, cellWidth: Int? = nil, cellHeight: Int? = nil, colors: Int) {
        self.kind = kind; self.cellWidth = cellWidth; self.cellHeight = cellHeight; self.colors = colors
    }
}

/// Asks the terminal what it can draw, on the first preview only (never at start-up): a kitty
/// graphics query, XTVERSION, the cell size, then DA1. DA1 is the sentinel: every terminal
/// answers it and answers in order, so once its reply is in, anything not heard is not there.
/// Decided from replies only (detected, never guessed from TERM); no reply in time: half blocks.
struct GraphicsProbe: Sendable {
    static let query = "\u{1b}_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u{1b}\\" + "\u{1b}[>0q" + "\u{1b}[16t" + "\u{1b}[c"
    /// How long to wait for DA1 before settling for half blocks.
    static let timeoutSeconds = 1.0
    /// Replies still taken out of the input this long after the query (a slow terminal's late ones).
    static let armedSeconds = 5.0

    let started: Double
    private var kittyOK = false
    private var version: String?
    private var cell: (width: Int, height: Int)?
    private var attributes: [Int]?

    init(started: Double) { self.started = started }

    var deadline: Double { started + Self.timeoutSeconds }
    /// True once DA1 has answered: nothing more to wait for.
    var answered: Bool { attributes != nil }

    mutating func note(_ reply: TerminalReply) {
        switch reply {
        case .kittyGraphics(let ok): kittyOK = kittyOK || ok
        case .version(let v): version = v
        case .cellSize(let w, let h): if w > 0 && h > 0 && w < 1000 && h < 1000 { cell = (w, h) }
        case .primaryAttributes(let p): attributes = p
        }
    }

    /// kitty if it said OK; sixel if DA1 lists 4; iTerm2's inline images if XTVERSION names
    /// iTerm2 or WezTerm; else half blocks. Without DA1 (timed out) only half blocks.
    func decide(colors: Int) -> GraphicsSupport {
        var kind = GraphicsProtocol.halfBlock
        if let attributes {
            let name = version?.lowercased() ?? ""
            if kittyOK { kind = .kitty }
            else if attributes.dropFirst().contains(4) { kind = .sixel }
            else if name.hasPrefix("iterm2") || name.hasPrefix("wezterm") { kind = .iterm2 }
        }
        return GraphicsSupport(kind: kind, cellWidth: cell?.width, cellHeight: cell?.height, colors: colors)
    }
}

/// What an app asks of the terminal's graphics (`Effect.graphics`).
public enum GraphicsRequest: Equatable, Sendable {
    /// Find out (once a session) what the terminal can draw; answered by `.notice(.graphics)`.
    case detect
    /// Bytes of a graphics protocol written at a cell once the next frame is painted; the app
    /// leaves those cells blank.
    case show(String, row: Int, col: Int)
    /// Takes a shown image off the screen (kitty: delete it; sixel, iTerm2: repaint everything).
    case clear(GraphicsProtocol)
}
