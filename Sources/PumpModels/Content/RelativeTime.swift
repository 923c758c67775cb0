import Foundation

/// Compact ages for timeline rows: "now", "42s", "5m", "3h", "2d", then "Mar 4" within the same
/// year, then "2023-03-04". English month names on purpose: the layout reserves a fixed width.
public enum RelativeTime {
    package static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public static func describe(_ date: Date, now: Date, timeZone: TimeZone = .current) -> String {
        let age = now.timeIntervalSince(date)
        // Small clock skew makes fresh posts look slightly in the future: still "now".
        if age < 5 && age > -120 { return "now" }
        if age >= 5 {
            let s = Int(age)
            if s < 60 { return "\(s)s" }
            if s < 3600 { return "\(s / 60)m" }
            if s < 86400 { return "\(s / 3600)h" }
            if s < 7 * 86400 { return "\(s / 86400)d" }
        }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        let d = cal.dateComponents([.year, .month, .day], from: date)
        let n = cal.dateComponents([.year], from: now)
        guard let y = d.year, let m = d.month, let day = d.day else { return "?" }
        if y == n.year && age > 0 { return "\(months[m - 1]) \(day)" }
        let mm = m < 10 ? "0\(m)" : "\(m)"
        let dd = day < 10 ? "0\(day)" : "\(day)"
        return "\(y)-\(mm)-\(dd)"
    }
}
