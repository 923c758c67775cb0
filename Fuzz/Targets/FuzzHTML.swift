import Foundation
import PumpModels
import PumpRender

/// HTML to text: never traps, output is terminal-safe, one-line output has no newline, and the
/// requested maximum length holds; likewise the editor's form of it and its way back.
func fuzzHTML(_ data: Data) {
    let html = String(decoding: data, as: UTF8.self)
    let rendered = HTMLText.render(html)
    require(isTerminalSafe(rendered.text, allowNewline: true), "render safe", html)
    for link in rendered.links { require(isTerminalSafe(link, allowNewline: false), "link safe", html) }
    let maxLength = Int(data.first ?? 0)
    let line = HTMLText.line(html, maxLength: maxLength)
    require(isTerminalSafe(line, allowNewline: false), "line safe", html)
    require(line.count <= max(maxLength, 0), "line maxLength", html)
    _ = HTMLText.render(html, linkMarkers: false)
    _ = HTMLText.escapeForPost(html)
    // The editor's form of a post and back (issue 24): safe to show, never traps.
    let editable = HTMLText.editable(html)
    require(isTerminalSafe(editable.text, allowNewline: true), "editable safe", html)
    _ = HTMLText.html(fromEditable: editable.text)
    _ = HTMLText.html(fromEditable: String(html.unicodeScalars.prefix(TextBudget.maxTextBytes)))
}
