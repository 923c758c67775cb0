import Foundation

/// A JSON object being *built* (request bodies); decoding goes through `JSONDocument`/`JSONNode`.
package typealias JSONObject = [String: Any]

package enum JSONValue {
    /// Parses a URL without re-encoding it: pagination links arrive percent-encoded and must
    /// reach the signer unchanged.
    package static func url(_ s: String) -> URL? {
        guard !s.isEmpty, s.utf8.count < 8192 else { return nil }
        return URL(string: s)
    }

    /// JSON top level → object node, or nil when the body is not a JSON object.
    package static func parseObject(_ data: Data) -> JSONNode? {
        guard let doc = JSONDocument(data), doc.root.isObject else { return nil }
        return doc.root
    }

    /// For the rare case a reply must be sent back as it came (an uploaded object): the only
    /// reading outside `JSONDocument`, because the value is re-encoded, not read.
    package static func parseAny(_ data: Data) -> JSONObject? {
        (try? JSONSerialization.jsonObject(with: data, options: [])) as? JSONObject
    }
}
