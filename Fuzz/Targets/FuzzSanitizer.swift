import Foundation

/// The sanitizer is the one gate before the terminal: its output must be safe for any input,
/// one-line output must have no newline, the length cap must hold, and cleaning must be idempotent.
func fuzzSanitizer(_ data: Data) {
    let text = String(decoding: data, as: UTF8.self)
    let maxLength = data.count > 1 ? Int(data[data.startIndex]) : nil
    let multi = Sanitizer.clean(text, singleLine: false)
    require(isTerminalSafe(multi, allowNewline: true), "multi-line safe", text)
    require(Sanitizer.clean(multi, singleLine: false) == multi, "multi-line idempotent", text)
    let single = Sanitizer.clean(text, singleLine: true, maxLength: maxLength)
    require(isTerminalSafe(single, allowNewline: false), "single-line safe", text)
    if let maxLength { require(single.count <= maxLength, "maxLength", text) }
    let cut = Sanitizer.truncate(text, to: maxLength ?? 10)
    require(cut.count <= max(maxLength ?? 10, 0), "truncate length", text)
}
