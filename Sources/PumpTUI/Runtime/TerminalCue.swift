import Foundation
import PumpCore

/// A cue that reaches the user's own terminal, also over SSH (issue 13): the window title (OSC 2,
/// the unread count), a bell, and a desktop notification (OSC 9, understood by iTerm2, kitty,
/// WezTerm, foot, Windows Terminal…). Written through the backend's `writeRaw`, like OSC 52.
public struct TerminalCue: Sendable, Equatable {
    public var title: String?
    public var bell = false
    public var notification: String?

    public init(title: String? = nil, bell: Bool = false, notification: String? = nil) {
        self.title = title; self.bell = bell; self.notification = notification
    }

    /// The bytes for this terminal. Inside tmux, OSC 2 sets the pane title (tmux shows it, and
    /// passes it on with `set-titles on`) and the bell is forwarded as tmux's bell; OSC 9 goes
    /// in tmux's passthrough wrapper, which reaches the outer terminal only with
    /// `allow-passthrough on` (tmux drops it otherwise, harmlessly).
    ///
    /// Each payload starts with our own fixed text (`lead`), never with server text: terminals
    /// read sub-commands from the first bytes (ConEmu, Windows Terminal and Konsole take
    /// `OSC 9;4;…` as progress, `9;2;…` as a message box), and a notification used to start
    /// with the sender's display name, which anyone can set to `4;2;100` (issue 23).
    public func sequence(environment: [String: String]) -> String {
        var out = ""
        if let title { out += "\u{1b}]2;" + Self.led(Self.safe(title), by: Self.lead + " · ") + "\u{07}" }
        if let notification {
            let osc = "\u{1b}]9;" + Self.led(Self.safe(notification), by: Self.lead + ": ") + "\u{07}"
            out += Clipboard.isInsideTmux(environment)
                ? "\u{1b}Ptmux;" + osc.replacingOccurrences(of: "\u{1b}", with: "\u{1b}\u{1b}") + "\u{1b}\\"
                : osc
        }
        if bell { out += "\u{07}" }
        return out
    }

    /// The fixed start of every title and notification payload.
    static let lead = "pumptui"

    /// `text` starting with our lead: as it is when it already does ("pumptui · 2 new"), else
    /// with `prefix` in front.
    static func led(_ text: String, by prefix: String) -> String {
        text.hasPrefix(lead) ? text : prefix + text
    }

    /// Server text in a title or notification: one clean line with no control character left
    /// that could end the sequence early.
    static func safe(_ text: String) -> String {
        String(TerminalText.clean(text, .line, maxLength: 200).unicodeScalars.filter { s in
            !(s.value < 0x20 || (0x7f...0x9f).contains(s.value))
        })
    }
}

/// The user's choices for the cue (flags now; the config file can set the same fields).
public struct CueSettings: Sendable, Equatable {
    public var bell = false
    public var notify = true
    public init(bell: Bool = false, notify: Bool = true) { self.bell = bell; self.notify = notify }
}
