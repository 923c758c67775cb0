extension Int {
    /// Counts come from servers (`likes.totalItems` may be Int.max): adding to one must not trap.
    func saturatingAdd(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
}
