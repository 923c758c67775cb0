import Foundation
import PumpModels
import PumpRender

/// Theme files: a theme or a ThemeError naming a line inside the file, never a trap.
func fuzzTheme(_ data: Data) {
    let text = String(decoding: data, as: UTF8.self)
    do {
        let theme = try ThemeParser.parse(text: text, name: "fuzz", file: "fuzz.theme")
        for role in Role.allCases { _ = theme.style(role) }
    } catch let error as ThemeError {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        require(error.line >= 1 && error.line <= lines, "error line inside file", text)
    } catch {
        require(false, "only ThemeError is thrown", text)
    }
}
