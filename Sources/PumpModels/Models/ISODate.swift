import Foundation

/// Lenient ISO 8601 parsing without formatters (they are slow and locale-sensitive).
/// Accepts `2014-09-24T02:38:32Z`, no `Z` (taken as UTC), fractional seconds, `+hh:mm`/`+hhmm`
/// offsets, a space instead of `T`, and a bare date.
public enum ISODate {
    public static func parse(_ s: String) -> Date? {
        var s = s
        return s.withUTF8 { parse(bytes: $0) }
    }

    package static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var p = DigitParser(bytes: bytes)
        guard let year = p.number(4), p.skip(0x2D), let month = p.number(2), p.skip(0x2D),
              let day = p.number(2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var seconds = 0.0
        if p.skip(0x54) || p.skip(0x74) || p.skip(0x20) {
            guard let h = p.number(2), p.skip(0x3A), let m = p.number(2), h < 25, m < 60 else { return nil }
            var sec = 0
            if p.skip(0x3A) { guard let v = p.number(2), v < 61 else { return nil }; sec = v }
            seconds = Double(h * 3600 + m * 60 + sec)
            if p.skip(0x2E) || p.skip(0x2C) { seconds += p.fraction() }
            guard let offset = p.zone() else { return nil }
            seconds -= Double(offset)
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(days) * 86400 + seconds)
    }

    /// Formats as `2014-09-24T02:38:32Z` (UTC, second precision), the server's own format.
    public static func format(_ d: Date) -> String {
        let t = Int(d.timeIntervalSince1970.rounded(.down))
        let days = t >= 0 ? t / 86400 : (t - 86399) / 86400
        let secs = t - days * 86400
        let (y, m, dd) = civilFromDays(days)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let year = String(y)
        let paddedYear = String(repeating: "0", count: max(0, 4 - year.count)) + year
        return "\(paddedYear)-\(two(m))-\(two(dd))T\(two(secs / 3600)):\(two(secs % 3600 / 60)):\(two(secs % 60))Z"
    }

    /// Howard Hinnant's days_from_civil: proleptic Gregorian date → days since 1970-01-01.
    package static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    package static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

private struct DigitParser {
    package let bytes: UnsafeBufferPointer<UInt8>
    package var pos = 0

    package mutating func number(_ digits: Int) -> Int? {
        guard pos + digits <= bytes.count else { return nil }
        var v = 0
        for i in pos..<(pos + digits) {
            let b = bytes[i]
            guard b >= 0x30 && b <= 0x39 else { return nil }
            v = v * 10 + Int(b - 0x30)
        }
        pos += digits
        return v
    }

    package mutating func skip(_ b: UInt8) -> Bool {
        guard pos < bytes.count, bytes[pos] == b else { return false }
        pos += 1
        return true
    }

    package mutating func fraction() -> Double {
        var v = 0.0, scale = 0.1
        while pos < bytes.count, bytes[pos] >= 0x30 && bytes[pos] <= 0x39 {
            v += Double(bytes[pos] - 0x30) * scale
            scale /= 10
            pos += 1
        }
        return v
    }

    /// Offset in seconds east of UTC; missing zone = UTC; nil if trailing garbage.
    package mutating func zone() -> Int? {
        if pos == bytes.count { return 0 }
        if skip(0x5A) || skip(0x7A) { return pos == bytes.count ? 0 : nil }
        let sign: Int
        if skip(0x2B) { sign = 1 } else if skip(0x2D) { sign = -1 } else { return nil }
        guard let h = number(2) else { return nil }
        _ = skip(0x3A)
        let m = number(2) ?? 0
        return pos == bytes.count ? sign * (h * 3600 + m * 60) : nil
    }
}
