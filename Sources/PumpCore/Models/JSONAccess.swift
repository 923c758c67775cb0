import Foundation

/// A decoded JSON object as JSONSerialization hands it over. The accessors below never trap:
/// servers send numbers as strings, strings as numbers, `null`, or nothing, and we take what we can.
public typealias JSONObject = [String: Any]

extension Dictionary where Key == String, Value == Any {
    func string(_ key: String) -> String? {
        switch self[key] {
        case let s as String: return s
        case let n as NSNumber: return n.stringValue
        default: return nil
        }
    }

    func int(_ key: String) -> Int? {
        switch self[key] {
        case let n as Int: return n
        case let n as NSNumber: return n.intValue
        case let s as String: return Int(s)
        default: return nil
        }
    }

    func bool(_ key: String) -> Bool? {
        switch self[key] {
        case let b as Bool: return b
        case let n as NSNumber: return n.boolValue
        case let s as String: return s == "true" ? true : (s == "false" ? false : nil)
        default: return nil
        }
    }

    func object(_ key: String) -> JSONObject? { self[key] as? JSONObject }

    func objects(_ key: String) -> [JSONObject] {
        switch self[key] {
        case let a as [Any]: return a.compactMap { $0 as? JSONObject }
        case let o as JSONObject: return [o]  // a lone object where an array belongs
        default: return []
        }
    }

    func url(_ key: String) -> URL? { string(key).flatMap(JSONValue.url) }

    func date(_ key: String) -> Date? { string(key).flatMap(ISODate.parse) }

    /// `links` is a map rel → {href}; API.md's sample (and JRD) use an array of {rel, href}.
    func links(_ key: String = "links") -> [String: URL] {
        var out: [String: URL] = [:]
        if let map = object(key) {
            for (rel, v) in map {
                if let o = v as? JSONObject, let u = o.url("href") { out[rel] = u }
                else if let s = v as? String, let u = JSONValue.url(s) { out[rel] = u }
            }
        } else {
            for o in objects(key) {
                if let rel = o.string("rel"), let u = o.url("href") { out[rel] = u }
            }
        }
        return out
    }
}

enum JSONValue {
    /// Parses a URL without re-encoding it: pagination links arrive percent-encoded and must
    /// reach the signer unchanged.
    static func url(_ s: String) -> URL? {
        guard !s.isEmpty, s.utf8.count < 8192 else { return nil }
        return URL(string: s)
    }

    /// JSON top level → object, or nil when the body is not a JSON object.
    static func parseObject(_ data: Data) -> JSONObject? {
        guard !data.isEmpty else { return nil }
        return (try? JSONSerialization.jsonObject(with: data, options: [])) as? JSONObject
    }
}
