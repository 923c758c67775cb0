import Foundation

/// OSC 52 ("set clipboard") sequences. The payload is base64, so nothing in the copied text
/// can escape the sequence.
public enum Clipboard {
    public static func osc52(_ text: String, environment: [String: String]) -> String {
        let payload = Data(text.utf8).base64EncodedString()
        let osc = "\u{1b}]52;c;\(payload)\u{07}"
        if let tmux = environment["TMUX"], !tmux.isEmpty {
            // tmux passes a DCS "tmux;" body through when every ESC inside is doubled
            // (and `allow-passthrough`/`set-clipboard` permit it).
            return "\u{1b}Ptmux;" + osc.replacingOccurrences(of: "\u{1b}", with: "\u{1b}\u{1b}") + "\u{1b}\\"
        }
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
}
