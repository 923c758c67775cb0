import Foundation

/// A read-only JSON document parsed into a flat "tape" of tokens (the simdjson idea).
///
/// Why not JSONSerialization or JSONDecoder: measured on a 200-activity page (478 KB / 627 KB /
/// 1.3 MB), JSONSerialization took 11 / 16 / 41–48 ms, JSONDecoder into Codable models 13 / 14 /
/// 21 ms, this tape 1.6 / 1.8 / 2.7 ms (swift-notes, 2026-11-30); timelines decode pages of 200
/// on every scroll and refresh. The tape allocates two buffers per document; strings are only materialized for the
/// fields the models actually read. Malformed input gives nil, never a trap; nesting is capped.
/// Not Sendable: the caches below are filled while models are decoded, so a document belongs to
/// the one task that parsed it; only the decoded (Sendable) models leave it.
package final class JSONDocument {
    package enum Kind: UInt8 { case object, array, string, escapedString, number, `true`, `false`, null }

    package struct Token {
        package var kind: Kind
        /// string/number: byte range of the raw text (strings without their quotes).
        package var start: Int32
        package var end: Int32
        /// Tape index just past this value (and its children): the next sibling.
        package var next: Int32
    }

    /// Owned copies; raw buffers so lookups need no retain/release or exclusivity checks.
    package let bytes: UnsafeMutableBufferPointer<UInt8>
    package let tape: UnsafeMutableBufferPointer<Token>
    package static let maxDepth = 256

    package init?(_ data: Data) {
        guard !data.isEmpty, data.count < Int(Int32.max) else { return nil }
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: data.count)
        _ = copy.initialize(from: data)
        var p = TapeParser(b: UnsafeBufferPointer(copy), tape: TokenBuffer(bytes: data.count))
        let ok = p.value(depth: 0) && { p.skipSpace(); return p.i == copy.count }() && !p.tape.overflowed
        guard ok else { copy.deallocate(); p.tape.base.deallocate(); return nil }
        bytes = copy
        tape = UnsafeMutableBufferPointer(start: p.tape.base, count: p.tape.count)
    }

    /// Parsed URLs by text: the same people (and their half-dozen collection URLs) recur on every
    /// page, and URL parsing dominates decoding otherwise. Only touched while models are built
    /// from this document, which happens synchronously on one thread.
    private var urlCache: [String: URL] = [:]

    package func url(_ s: String) -> URL? {
        if let u = urlCache[s] { return u }
        guard let u = JSONValue.url(s) else { return nil }
        if urlCache.count < 4096 { urlCache[s] = u }
        return u
    }

    /// Values decoded once per distinct JSON text and shared: the same actors and authors are
    /// embedded again and again in a page (each activity carries its actor twice), as are the
    /// generator and the to/cc lists. Same bytes, same value, by construction; sharing one box
    /// keeps a timeline from holding thousands of copies (bench/README-performance.md).
    private var people: [String: Boxed<Person>] = [:]
    private var generators: [String: Boxed<PumpObject>] = [:]
    private var addressLists: [String: [Address]] = [:]

    package func personBox(_ node: JSONNode) -> Boxed<Person> {
        interned(node, in: \.people) { Boxed(wrappedValue: Person(json: $0)) }
    }

    package func generatorBox(_ node: JSONNode) -> Boxed<PumpObject> {
        interned(node, in: \.generators) { Boxed(wrappedValue: PumpObject(json: $0, depth: 0)) }
    }

    package func addresses(_ node: JSONNode, decode: (JSONNode) -> [Address]) -> [Address] {
        interned(node, in: \.addressLists, decode)
    }

    private func interned<T>(_ node: JSONNode, in cache: ReferenceWritableKeyPath<JSONDocument, [String: T]>,
                             _ make: (JSONNode) -> T) -> T {
        let t = node.token
        let a = Int(t.start), b = Int(t.end)
        guard b - a < 16_384 else { return make(node) }
        let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)
        if let v = self[keyPath: cache][key] { return v }
        let v = make(node)
        if self[keyPath: cache].count < 1024 { self[keyPath: cache][key] = v }
        return v
    }

    deinit {
        bytes.deallocate()
        tape.deallocate()
    }

    package var root: JSONNode { JSONNode(doc: self, index: 0) }

    // MARK: Strings

    package func string(at t: Token) -> String {
        let a = Int(t.start), b = Int(t.end)
        if t.kind == .escapedString { return unescape(a, b) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)
    }

    /// Compares a key token with `key` without building a String (keys rarely have escapes).
    package func key(at t: Token, equals key: StaticString) -> Bool {
        if t.kind == .escapedString { return string(at: t) == key.description }
        let a = Int(t.start), n = Int(t.end) - a
        // Length and first byte reject almost every candidate without a memcmp call.
        guard n == key.utf8CodeUnitCount, n > 0, bytes[a] == key.utf8Start[0] else { return n == 0 && key.utf8CodeUnitCount == 0 }
        return memcmp(bytes.baseAddress! + a, key.utf8Start, n) == 0
    }

    private func unescape(_ a: Int, _ b: Int) -> String {
        var out = [UInt8]()
        out.reserveCapacity(b - a)
        var i = a
        func hex4(_ k: Int) -> UInt32? {
            guard k + 4 <= b else { return nil }
            var v: UInt32 = 0
            for j in k..<(k + 4) {
                let c = bytes[j]
                switch c {
                case 0x30...0x39: v = v * 16 + UInt32(c - 0x30)
                case 0x61...0x66: v = v * 16 + UInt32(c - 0x61 + 10)
                case 0x41...0x46: v = v * 16 + UInt32(c - 0x41 + 10)
                default: return nil
                }
            }
            return v
        }
        func append(_ scalar: Unicode.Scalar) { out.append(contentsOf: Array(String(scalar).utf8)) }
        while i < b {
            let c = bytes[i]
            guard c == 0x5C, i + 1 < b else { out.append(c); i += 1; continue }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case 0x6E: out.append(0x0A)
            case 0x74: out.append(0x09)
            case 0x72: out.append(0x0D)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x75:
                guard var v = hex4(i) else { append("\u{FFFD}"); continue }
                i += 4
                if (0xD800...0xDBFF).contains(v), i + 6 <= b, bytes[i] == 0x5C, bytes[i + 1] == 0x75,
                   let lo = hex4(i + 2), (0xDC00...0xDFFF).contains(lo) {
                    v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                    i += 6
                }
                append(Unicode.Scalar(v) ?? "\u{FFFD}")
            default: out.append(e)  // \" \\ \/ and unknown escapes: the character itself
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The tape while it is written: allocated once for the most tokens `bytes` of JSON can hold
/// (every token takes a byte of its own and all but a lone number a second: a bracket, quote or
/// separator), so it never grows by copying. A grown array peaked at twice the tape and then
/// was copied out (a 6.6 MB page of 30 000 items: ~22 MB of tape at once); pages of this
/// allocation that no token reaches are never touched, so they cost address space, not memory.
private struct TokenBuffer {
    let base: UnsafeMutablePointer<JSONDocument.Token>
    let capacity: Int
    private(set) var count = 0
    /// A token past the bound (the count above holds for whole documents; a fuzzer found inputs
    /// it does not: refused rather than written).
    private(set) var overflowed = false

    init(bytes: Int) {
        capacity = bytes / 2 + 2
        base = .allocate(capacity: capacity)
    }

    mutating func append(_ t: JSONDocument.Token) {
        guard count < capacity else { overflowed = true; return }
        (base + count).initialize(to: t)
        count += 1
    }

    subscript(i: Int) -> JSONDocument.Token {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }
}

private struct TapeParser {
    package let b: UnsafeBufferPointer<UInt8>
    fileprivate var tape: TokenBuffer
    package var i = 0

    package mutating func skipSpace() {
        while i < b.count {
            let c = b[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i += 1
        }
    }

    package mutating func value(depth: Int) -> Bool {
        skipSpace()
        guard i < b.count, depth < JSONDocument.maxDepth else { return false }
        switch b[i] {
        case 0x7B: return container(close: 0x7D, kind: .object, depth: depth)
        case 0x5B: return container(close: 0x5D, kind: .array, depth: depth)
        case 0x22: return string()
        case 0x74: return literal("true", .true)
        case 0x66: return literal("false", .false)
        case 0x6E: return literal("null", .null)
        // Python's json module writes an out-of-range number (1e400) as Infinity, and NaN as
        // NaN: read them as numbers no accessor accepts, so one such field costs that field,
        // never the whole page (issue 23).
        case 0x49: return literal("Infinity", .number)
        case 0x4E: return literal("NaN", .number)
        case 0x2D where i + 1 < b.count && b[i + 1] == 0x49: return literal("-Infinity", .number)
        default: return number()
        }
    }

    package mutating func container(close: UInt8, kind: JSONDocument.Kind, depth: Int) -> Bool {
        let me = tape.count
        tape.append(.init(kind: kind, start: Int32(i), end: 0, next: 0))
        // Past the bound the token was not written, and `tape[me]` below would be outside the
        // buffer (the hostmeta fuzzer's heap-buffer-overflow): the document is refused here.
        guard !tape.overflowed else { return false }
        i += 1
        skipSpace()
        if i < b.count, b[i] == close {
            i += 1
        } else {
            while true {
                if kind == .object {
                    skipSpace()
                    guard i < b.count, b[i] == 0x22, string() else { return false }
                    skipSpace()
                    guard i < b.count, b[i] == 0x3A else { return false }
                    i += 1
                }
                guard value(depth: depth + 1) else { return false }
                skipSpace()
                guard i < b.count else { return false }
                if b[i] == 0x2C { i += 1; continue }
                if b[i] == close { i += 1; break }
                return false
            }
        }
        tape[me].end = Int32(i)
        tape[me].next = Int32(tape.count)
        return true
    }

    package mutating func string() -> Bool {
        i += 1  // opening quote
        let start = i
        let base = b.baseAddress!
        // Fast path: the next quote with no backslash before it (the usual case, via memchr).
        guard let q = memchr(base + i, 0x22, b.count - i) else { return false }
        let qi = base.distance(to: q.assumingMemoryBound(to: UInt8.self))
        guard let bs = memchr(base + i, 0x5C, qi - i) else {
            tape.append(.init(kind: .string, start: Int32(start), end: Int32(qi), next: Int32(tape.count + 1)))
            i = qi + 1
            return true
        }
        // Escapes: walk byte by byte from the first backslash (linear, so no quadratic rescans).
        i = base.distance(to: bs.assumingMemoryBound(to: UInt8.self))
        while i < b.count {
            let c = b[i]
            if c == 0x22 {
                tape.append(.init(kind: .escapedString, start: Int32(start), end: Int32(i), next: Int32(tape.count + 1)))
                i += 1
                return true
            }
            i += c == 0x5C ? 2 : 1
        }
        return false
    }

    package mutating func literal(_ word: StaticString, _ kind: JSONDocument.Kind) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count, memcmp(b.baseAddress! + i, word.utf8Start, n) == 0 else { return false }
        tape.append(.init(kind: kind, start: Int32(i), end: Int32(i + n), next: Int32(tape.count + 1)))
        i += n
        return true
    }

    package mutating func number() -> Bool {
        let start = i
        while i < b.count {
            let c = b[i]
            guard (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2B || c == 0x2E || c == 0x65 || c == 0x45 else { break }
            i += 1
        }
        guard i > start else { return false }
        tape.append(.init(kind: .number, start: Int32(start), end: Int32(i), next: Int32(tape.count + 1)))
        return true
    }
}

/// A value inside a `JSONDocument`. The accessors never trap: servers send numbers as strings,
/// strings as numbers, `null`, or nothing, and we take what we can.
package struct JSONNode {
    package let doc: JSONDocument
    package let index: Int

    package var token: JSONDocument.Token { doc.tape[index] }
    package var isObject: Bool { token.kind == .object }

    /// Tape index of the value for `key` in this object.
    package func find(_ key: StaticString) -> Int? {
        let t = doc.tape
        guard t[index].kind == .object else { return nil }  // (t is a raw buffer: no copy)
        var k = index + 1
        let end = Int(t[index].next)
        while k < end {
            let v = k + 1
            if doc.key(at: t[k], equals: key) { return v }
            k = Int(t[v].next)
        }
        return nil
    }

    /// Present and not null.
    package func has(_ key: StaticString) -> Bool {
        guard let v = find(key) else { return false }
        return doc.tape[v].kind != .null
    }

    package func string(_ key: StaticString) -> String? {
        guard let v = find(key) else { return nil }
        let t = doc.tape[v]
        switch t.kind {
        case .string, .escapedString, .number: return doc.string(at: t)
        default: return nil
        }
    }

    package func int(_ key: StaticString) -> Int? {
        guard let v = find(key) else { return nil }
        let t = doc.tape[v]
        guard t.kind == .number || t.kind == .string else { return nil }
        let s = doc.string(at: t)
        // Out of range (1e400, 1e20, Infinity, NaN): unknown, as if absent.
        return Int(s) ?? Double(s).flatMap { $0.isFinite && abs($0) < 1e15 ? Int($0) : nil }
    }

    package func bool(_ key: StaticString) -> Bool? {
        guard let v = find(key) else { return nil }
        let t = doc.tape[v]
        switch t.kind {
        case .true: return true
        case .false: return false
        case .number: return doc.string(at: t) != "0"
        case .string: let s = doc.string(at: t); return s == "true" ? true : (s == "false" ? false : nil)
        default: return nil
        }
    }

    package func object(_ key: StaticString) -> JSONNode? {
        guard let v = find(key), doc.tape[v].kind == .object else { return nil }
        return JSONNode(doc: doc, index: v)
    }

    /// The objects of an array (other elements skipped); a lone object counts as a one-element array.
    package func objects(_ key: StaticString) -> [JSONNode] {
        guard let v = find(key) else { return [] }
        return JSONNode(doc: doc, index: v).elements
    }

    package var elements: [JSONNode] {
        let t = doc.tape
        switch t[index].kind {
        case .object: return [self]
        case .array:
            var out: [JSONNode] = []
            var k = index + 1
            let end = Int(t[index].next)
            while k < end {
                if t[k].kind == .object { out.append(JSONNode(doc: doc, index: k)) }
                k = Int(t[k].next)
            }
            return out
        default: return []
        }
    }

    /// Key/value pairs of an object.
    package var members: [(String, JSONNode)] {
        let t = doc.tape
        guard t[index].kind == .object else { return [] }
        var out: [(String, JSONNode)] = []
        var k = index + 1
        let end = Int(t[index].next)
        while k < end {
            out.append((doc.string(at: t[k]), JSONNode(doc: doc, index: k + 1)))
            k = Int(t[k + 1].next)
        }
        return out
    }

    package var stringValue: String? {
        let t = token
        return t.kind == .string || t.kind == .escapedString ? doc.string(at: t) : nil
    }

    package func url(_ key: StaticString) -> URL? { string(key).flatMap(doc.url) }

    /// A Person decoded from this object (shared with identical embeddings in the document).
    package var person: Person? { doc.personBox(self).wrappedValue }

    package func date(_ key: StaticString) -> Date? {
        guard let v = find(key) else { return nil }
        let t = doc.tape[v]
        guard t.kind == .string else { return string(key).flatMap(ISODate.parse) }
        return ISODate.parse(bytes: UnsafeBufferPointer(rebasing: doc.bytes[Int(t.start)..<Int(t.end)]))
    }

    /// `links` is a map rel → {href}; API.md's sample (and JRD) use an array of {rel, href}.
    package func links(_ key: StaticString = "links") -> [String: URL] {
        guard let v = find(key) else { return [:] }
        let node = JSONNode(doc: doc, index: v)
        var out: [String: URL] = [:]
        if node.isObject {
            for (rel, value) in node.members {
                if value.isObject, let u = value.url("href") { out[rel] = u }
                else if let s = value.stringValue, let u = doc.url(s) { out[rel] = u }
            }
        } else {
            for o in node.elements {
                if let rel = o.string("rel"), let u = o.url("href") { out[rel] = u }
            }
        }
        return out
    }
}
