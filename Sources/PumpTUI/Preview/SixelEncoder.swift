/// Pixels as DEC sixel data: a fixed palette (the 6×6×6 cube and the grey ramp of
/// `Palette256`, registers 0–239), bands of six rows, each colour of a band one run-length
/// encoded line. Small on purpose: the preview needs pictures, not photo quality.
enum SixelEncoder {
    static func encode(_ image: RGBAImage) -> String {
        let w = image.width, h = image.height
        var index = [UInt8](repeating: 0, count: w * h)
        for y in 0..<h { for x in 0..<w { index[y * w + x] = Palette256.index(image.rgb(x, y)) &- 16 } }
        // P2 = 1: pixels not drawn keep the background; "1;1;w;h: square pixels, the size.
        var out = "\u{1b}P0;1;0q\"1;1;\(w);\(h)"
        var used = [Bool](repeating: false, count: 240)
        for i in index { used[Int(i)] = true }
        for (reg, isUsed) in used.enumerated() where isUsed {
            let c = Palette256.rgb(UInt8(reg + 16))
            out += "#\(reg);2;\(Int(c.r) * 100 / 255);\(Int(c.g) * 100 / 255);\(Int(c.b) * 100 / 255)"
        }
        var bits = [UInt8](repeating: 0, count: w)
        for top in stride(from: 0, to: h, by: 6) {
            var inBand = [Bool](repeating: false, count: 240)
            for y in top..<min(h, top + 6) { for x in 0..<w { inBand[Int(index[y * w + x])] = true } }
            var first = true
            for (reg, present) in inBand.enumerated() where present {
                for x in 0..<w {
                    var b: UInt8 = 0
                    for dy in 0..<min(6, h - top) where Int(index[(top + dy) * w + x]) == reg { b |= 1 << dy }
                    bits[x] = b
                }
                out += (first ? "" : "$") + "#\(reg)" + runs(bits)
                first = false
            }
            out += "-"
        }
        return out + "\u{1b}\\"
    }

    /// One colour's line: each sixel is `?` + its six bits; repeats as `!count char`.
    static func runs(_ bits: [UInt8]) -> String {
        var out = "", i = 0
        while i < bits.count {
            var j = i + 1
            while j < bits.count, bits[j] == bits[i] { j += 1 }
            let ch = Character(Unicode.Scalar(63 + bits[i]))
            let n = j - i
            out += n > 3 ? "!\(n)\(ch)" : String(repeating: ch, count: n)
            i = j
        }
        return out
    }
}
