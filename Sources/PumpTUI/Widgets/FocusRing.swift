/// The ordered focusable ids of a screen; Tab / Shift-Tab (`.nextFocus` / `.prevFocus`) cycle.
public struct FocusRing<ID: Hashable & Sendable>: Equatable, Sendable {
    public private(set) var ids: [ID]
    public private(set) var index = 0

    public init(_ ids: [ID], focused: ID? = nil) {
        precondition(!ids.isEmpty, "a focus ring needs at least one id")
        self.ids = ids
        if let focused, let i = ids.firstIndex(of: focused) { index = i }
    }

    public var current: ID { ids[index] }
    public func isFocused(_ id: ID) -> Bool { current == id }

    public mutating func next() { index = (index + 1) % ids.count }
    public mutating func previous() { index = (index + ids.count - 1) % ids.count }
    public mutating func focus(_ id: ID) { if let i = ids.firstIndex(of: id) { index = i } }

    /// Applies `.nextFocus` / `.prevFocus`; returns false for other actions.
    public mutating func apply(_ action: Action) -> Bool {
        switch action {
        case .nextFocus: next()
        case .prevFocus: previous()
        default: return false
        }
        return true
    }
}
