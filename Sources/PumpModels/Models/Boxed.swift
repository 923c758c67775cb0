import Foundation

/// An optional model value kept on the heap: the property costs one pointer, and copying the
/// owner shares the value instead of copying it. Why: `Activity` held its actor, object,
/// target and generator (each a PumpObject or Person of several hundred bytes, with their
/// collections and images) inline, so one timeline entry was kilobytes of mostly empty fields
/// (bench/README-performance.md, "Peak memory"). A new value replaces the box (copy-on-write by
/// construction: a box is never mutated), so value semantics are unchanged.
@propertyWrapper
public struct Boxed<Value> {
    private final class Box {
        package let value: Value
        package init(_ value: Value) { self.value = value }
    }

    private var box: Box?

    public init(wrappedValue: Value?) { box = wrappedValue.map(Box.init) }

    public var wrappedValue: Value? {
        get { box?.value }
        set { box = newValue.map(Box.init) }
    }
}

extension Boxed: Equatable where Value: Equatable {
    public static func == (lhs: Boxed, rhs: Boxed) -> Bool {
        lhs.box === rhs.box || lhs.wrappedValue == rhs.wrappedValue
    }
}

// The box is immutable and holds only a `Value`, so it is as sendable as the value.
extension Boxed: @unchecked Sendable where Value: Sendable {}

/// A URL property kept as its text. Why: a parsed Foundation `URL` costs ~320 bytes on Linux on
/// top of its string, and each activity carries half a dozen (its url, its object's url, links
/// and likes/replies/shares collections) that are almost never opened
/// (bench/README-performance.md, "Peak memory"). The `URL` is made again when read.
@propertyWrapper
public struct URLText: Sendable, Equatable {
    private var text: String?

    public init(wrappedValue: URL?) { text = wrappedValue?.absoluteString }

    public var wrappedValue: URL? {
        get { text.flatMap { URL(string: $0) } }
        set { text = newValue?.absoluteString }
    }
}

/// A rel → URL map kept as text, for the same reason as `URLText`.
@propertyWrapper
public struct URLTextMap: Sendable, Equatable {
    private var texts: [String: String]

    public init(wrappedValue: [String: URL]) { texts = wrappedValue.mapValues(\.absoluteString) }

    public var wrappedValue: [String: URL] {
        get { texts.compactMapValues { URL(string: $0) } }
        set { texts = newValue.mapValues(\.absoluteString) }
    }
}
