import Foundation
import PumpCore
import TOMLKit

/// Reads `config.toml`. Never fails: a line TOML cannot parse is reported as `file:line` and
/// left out (the rest of the file still counts), a bad value keeps its default, an unknown key
/// is named. The warnings are shown on the first screen and printed in line mode.
enum ConfigParser {
    /// Lines given up on before the whole file is ignored (each costs one re-parse).
    static let maxBrokenLines = 20

    static func parse(_ text: String, file: String) -> (AppConfig, warnings: [String]) {
        var lines = text.components(separatedBy: "\n")
        var warnings: [String] = []
        guard let table = parseSkippingBrokenLines(&lines, file: file, warnings: &warnings) else {
            return (AppConfig(), warnings)
        }
        var config = AppConfig()
        var reader = ValueReader(lines: lines, file: file)
        // TOMLKit's tables are unordered: file order keeps warnings and overrides predictable.
        for key in table.keys.sorted(by: { reader.line(of: $0) < reader.line(of: $1) }) {
            guard let value = table[key] else { continue }
            reader.read(key, value, into: &config)
        }
        return (config, warnings + reader.warnings + reader.unknownSummary)
    }

    /// TOML stops at the first error; blanking that line and parsing again keeps the good lines.
    private static func parseSkippingBrokenLines(_ lines: inout [String], file: String,
                                                 warnings: inout [String]) -> TOMLTable? {
        for _ in 0...maxBrokenLines {
            do {
                return try TOMLTable(string: lines.joined(separator: "\n"))
            } catch let error as TOMLParseError {
                let line = error.source.begin.line
                let why = TerminalText.clean(error.description, .line, maxLength: 120)
                guard lines.indices.contains(line - 1),
                      !lines[line - 1].trimmingCharacters(in: .whitespaces).isEmpty else {
                    warnings.append("\(file):\(line): \(why); the file is ignored, defaults are used")
                    return nil
                }
                warnings.append("\(file):\(line): \(why); that line is ignored")
                lines[line - 1] = ""
            } catch {
                warnings.append("\(file): \(TerminalText.clean("\(error)", .line, maxLength: 120)); the file is ignored")
                return nil
            }
        }
        warnings.append("\(file): more than \(maxBrokenLines) broken lines; the file is ignored, defaults are used")
        return nil
    }
}

/// Checks each value's type and range; a bad one is a warning with its line, and the default stays.
struct ValueReader {
    let file: String
    var warnings: [String] = []
    /// Each key's first line, found in one pass: sorting 3 000 keys by a line search in the
    /// comparator took 86-100 s (issue 23).
    let keyLines: [String: Int]
    /// Unknown keys named one by one before the rest are only counted (the first screen shows them).
    static let maxUnknownNamed = 20
    private(set) var unknown = 0

    init(lines: [String], file: String) {
        self.file = file
        keyLines = Self.keyLines(lines)
    }

    mutating func read(_ key: String, _ value: TOMLValueConvertible, into c: inout AppConfig) {
        switch key {
        case "default-account":
            guard let s = string(key, value) else { return }
            if let id = try? AccountID(parsing: s) { c.defaultAccount = id } else { bad(key, "is not nick@host") }
        case "theme": c.theme = name(key, value)
        case "refresh":
            guard let n = int(key, value) else { return }
            if n == 0 || (5...86_400).contains(n) { c.refreshSeconds = n } else { bad(key, "must be 0 (off) or 5 to 86400 seconds") }
        case "escape-delay":
            guard let n = int(key, value) else { return }
            if (0...5000).contains(n) { c.escapeDelayMs = n } else { bad(key, "must be 0 to 5000 ms") }
        case "opener": c.opener = command(key, value)
        case "editor": c.editor = command(key, value)
        case "bell": c.bell = bool(key, value)
        case "notify": c.notify = bool(key, value)
        case "download-dir":
            guard let s = string(key, value) else { return }
            let path = (s as NSString).expandingTildeInPath
            if path.hasPrefix("/") { c.downloadDirectory = path } else { bad(key, "must be an absolute path or start with ~/") }
        case "keys":
            guard let table = value.table else { return bad(key, "must be a table: [keys]") }
            for action in table.keys.sorted(by: { line(of: $0) < line(of: $1) }) {
                guard let v = table[action] else { continue }
                if let s = v.string { c.keys.append((action, [s], line(of: action))) }
                else if let a = v.array, a.allSatisfy({ $0.string != nil }) {
                    c.keys.append((action, a.compactMap(\.string), line(of: action)))
                } else { bad(action, "must be a key name or a list of them") }
            }
        default:
            unknown += 1
            if unknown <= Self.maxUnknownNamed {
                warnings.append("\(file):\(line(of: key)): unknown key '\(shown(key))' (ignored)")
            }
        }
    }

    /// The one line that stands for the unknown keys past the first `maxUnknownNamed`.
    var unknownSummary: [String] {
        unknown > Self.maxUnknownNamed ? ["\(file): \(unknown - Self.maxUnknownNamed) more unknown keys (ignored)"] : []
    }

    // MARK: Typed values

    mutating func string(_ key: String, _ v: TOMLValueConvertible) -> String? {
        guard let s = v.string else { bad(key, "must be a string in quotes"); return nil }
        guard s.count <= 1000, s.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
            bad(key, "holds control characters or is too long"); return nil
        }
        return s
    }

    mutating func name(_ key: String, _ v: TOMLValueConvertible) -> String? {
        guard let s = string(key, v) else { return nil }
        guard !s.isEmpty, !s.contains("/"), !s.hasPrefix(".") else { bad(key, "must be a name, not a path"); return nil }
        return s
    }

    mutating func command(_ key: String, _ v: TOMLValueConvertible) -> String? {
        guard let s = string(key, v) else { return nil }
        guard !s.trimmingCharacters(in: .whitespaces).isEmpty else { bad(key, "is empty"); return nil }
        return s
    }

    mutating func int(_ key: String, _ v: TOMLValueConvertible) -> Int? {
        guard let n = v.int else { bad(key, "must be a whole number"); return nil }
        return n
    }

    mutating func bool(_ key: String, _ v: TOMLValueConvertible) -> Bool? {
        guard let b = v.bool else { bad(key, "must be true or false"); return nil }
        return b
    }

    mutating func bad(_ key: String, _ why: String) {
        warnings.append("\(file):\(line(of: key)): \(shown(key)) \(why); the default is used")
    }

    func shown(_ key: String) -> String { TerminalText.clean(key, .line, maxLength: 40) }

    /// TOMLKit keeps no positions for values: the first line that assigns the key is its line.
    func line(of key: String) -> Int { keyLines[key] ?? 1 }

    /// Key → first line assigning it (`key =`, `"key" =`, `'key' =`; `[keys]` for the table).
    static func keyLines(_ lines: [String]) -> [String: Int] {
        var out: [String: Int] = [:]
        for (i, l) in lines.enumerated() {
            let t = l.trimmingCharacters(in: .whitespaces)
            let key = tableName(t) ?? assignedKey(t)
            if let key, out[key] == nil { out[key] = i + 1 }
        }
        return out
    }

    /// `[name]` → "name": a table's warning points at its header (an unknown section on line 9
    /// was reported as line 1).
    static func tableName(_ t: String) -> String? {
        guard t.hasPrefix("["), !t.hasPrefix("[["), let close = t.firstIndex(of: "]") else { return nil }
        let name = t[t.index(after: t.startIndex)..<close].trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }

    /// The key a trimmed line assigns, bare or quoted; nil for anything else.
    static func assignedKey(_ t: String) -> String? {
        if let q = t.first, q == "\"" || q == "'" {
            guard let close = t.dropFirst().firstIndex(of: q) else { return nil }
            let rest = t[t.index(after: close)...].drop(while: { $0 == " " || $0 == "\t" })
            return rest.hasPrefix("=") ? String(t[t.index(after: t.startIndex)..<close]) : nil
        }
        guard let eq = t.firstIndex(of: "=") else { return nil }
        let bare = t[..<eq].trimmingCharacters(in: .whitespaces)
        return bare.isEmpty || bare.contains(where: \.isWhitespace) ? nil : bare
    }
}
