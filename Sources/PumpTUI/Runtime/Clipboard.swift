import Foundation

/// OSC 52 ("set clipboard") sequences. The payload is base64, so nothing in the copied text
/// can escape the sequence.
public enum Clipboard {
    public static func osc52(_ text: String, environment: [String: String]) -> String {
        let payload = Data(text.utf8).base64EncodedString()
        let osc = "\u{1b}]52;c;\(payload)\u{07}"
        // Inside tmux the plain sequence is the one that works as tmux ships: with
        // `set-clipboard on` (or the default `external` plus a terminal that allows it) tmux makes
        // it a paste buffer and forwards it to the outer terminal. A DCS passthrough wrapper is
        // dropped unless `allow-passthrough on`, which is off by default.
        if isInsideTmux(environment) { return osc }
        if environment["TERM"]?.hasPrefix("screen") == true {
            // GNU screen passes DCS bodies through but truncates long ones, so the sequence is
            // sent as consecutive DCS chunks that the outer terminal sees as one stream.
            var out = ""
            var rest = Substring(osc)
            while !rest.isEmpty {
                out += "\u{1b}P" + rest.prefix(76) + "\u{1b}\\"
                rest = rest.dropFirst(76)
            }
            return out
        }
        return osc
    }

    static func isInsideTmux(_ environment: [String: String]) -> Bool {
        !(environment["TMUX"] ?? "").isEmpty
    }

    /// Why a copy cannot reach the clipboard here, with the fix; nil when it may (outside tmux we
    /// cannot know: the terminal never answers OSC 52).
    public static func obstacle(environment: [String: String],
                                tmuxSetting: (_ environment: [String: String]) -> String? = tmuxSetClipboard) -> String? {
        guard isInsideTmux(environment), tmuxSetting(environment) == "off" else { return nil }
        return "tmux has set-clipboard off: add 'set -g set-clipboard on' to ~/.tmux.conf"
    }

    /// tmux's `set-clipboard` option ("on", "external", "off"), asked of the tmux we run in;
    /// nil when tmux cannot be asked within a second.
    public static func tmuxSetClipboard(_ environment: [String: String]) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["tmux", "show-options", "-gv", "set-clipboard"]
        p.environment = environment
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        p.terminationHandler = { _ in done.signal() }
        guard (try? p.run()) != nil else { return nil }
        if done.wait(timeout: .now() + 1) == .timedOut { p.terminate(); return nil }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
