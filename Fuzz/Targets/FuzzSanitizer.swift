import Foundation
import PumpModels
import PumpRender

/// TerminalText is the one gate before the terminal: its output must be safe for any input in
/// every mode, one-row modes must have no newline, the length caps must hold, and cleaning must
/// be idempotent.
func fuzzSanitizer(_ data: Data) {
    let text = String(decoding: data, as: UTF8.self)
    let maxLength = data.count > 1 ? Int(data[data.startIndex]) : nil
    let multi = TerminalText.clean(text, .text)
    require(isTerminalSafe(multi, allowNewline: true), "multi-line safe", text)
    require(TerminalText.clean(multi, .text) == multi, "multi-line idempotent", text)
    let single = TerminalText.clean(text, .line, maxLength: maxLength)
    require(isTerminalSafe(single, allowNewline: false), "single-line safe", text)
    if let maxLength { require(single.count <= maxLength, "maxLength", text) }
    let message = TerminalText.clean(text, .message)
    require(isTerminalSafe(message, allowNewline: false), "message safe", text)
    require(message.count <= TerminalText.messageLength, "message length", text)
    for keep in [true, false] {
        let typed = TerminalText.clean(text, .typed(keepNewlines: keep))
        require(isTerminalSafe(typed, allowNewline: keep), "typed safe", text)
        require(TerminalText.clean(typed, .typed(keepNewlines: keep)) == typed, "typed idempotent", text)
    }
    let cut = TerminalText.truncate(text, to: maxLength ?? 10)
    require(cut.count <= max(maxLength ?? 10, 0), "truncate length", text)
}
