/// An optional model value kept on the heap: the property costs one pointer, and copying the
/// owner shares the value instead of copying it. Why: `Activity` held its actor, object,
/// target and generator (each a PumpObject or Person of several hundred bytes, with their
/// collections and images) inline, so one timeline entry was kilobytes of mostly empty fields
/// (bench/README-performance.md, "Peak memory"). A new value replaces the box (copy-on-write by
/// construction: a box is never mutated), so value semantics are unchanged.
@propertyWrapper
public struct Boxed<Value> {
    private final class Box {
        let value: Value
        init(_ value: Value) { self.value = value }
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
