import Foundation

/// Decoded pixels, 8-bit RGBA, row by row. What the preview scales and encodes.
struct RGBAImage: Equatable, Sendable {
    var width: Int
    var height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 4, "RGBA needs 4 bytes a pixel")
        self.width = width; self.height = height; self.pixels = pixels
    }

    /// One pixel as RGB, laid over black by its alpha (the preview has no background to show).
    func rgb(_ x: Int, _ y: Int) -> RGB {
        let i = (y * width + x) * 4
        let a = Int(pixels[i + 3])
        return RGB(r: UInt8(Int(pixels[i]) * a / 255), g: UInt8(Int(pixels[i + 1]) * a / 255), b: UInt8(Int(pixels[i + 2]) * a / 255))
    }

    /// The image at `w`×`h`: each new pixel the average of the source pixels it covers (nearest
    /// pixel when enlarging), so thin lines and noise do not alias into stripes.
    func resized(width w: Int, height h: Int) -> RGBAImage {
        pixels.withUnsafeBufferPointer { Self.resize($0, width: width, height: height, to: w, h) }
    }

    /// `resized` on pixels that are not (yet) an array: the decoder's own buffer, which is then
    /// never copied whole.
    static func resize(_ src: UnsafeBufferPointer<UInt8>, width: Int, height: Int, to w: Int, _ h: Int) -> RGBAImage {
        let w = max(1, w), h = max(1, h)
        var out = [UInt8](repeating: 0, count: w * h * 4)
        for ty in 0..<h {
            let y0 = ty * height / h, y1 = max(y0 + 1, (ty + 1) * height / h)
            for tx in 0..<w {
                let x0 = tx * width / w, x1 = max(x0 + 1, (tx + 1) * width / w)
                var sum = (0, 0, 0, 0)
                for y in y0..<y1 {
                    var i = (y * width + x0) * 4
                    for _ in x0..<x1 {
                        sum.0 += Int(src[i]); sum.1 += Int(src[i + 1]); sum.2 += Int(src[i + 2]); sum.3 += Int(src[i + 3])
                        i += 4
                    }
                }
                let n = (y1 - y0) * (x1 - x0), o = (ty * w + tx) * 4
                out[o] = UInt8(sum.0 / n); out[o + 1] = UInt8(sum.1 / n); out[o + 2] = UInt8(sum.2 / n); out[o + 3] = UInt8(sum.3 / n)
            }
        }
        return RGBAImage(width: w, height: h, pixels: out)
    }


    /// The largest `w`×`h` with the ratio of `width`:`height` inside `maxW`×`maxH` (at least 1×1).
    static func fit(width: Int, height: Int, into maxW: Int, _ maxH: Int) -> (width: Int, height: Int) {
        guard width > 0, height > 0, maxW > 0, maxH > 0 else { return (1, 1) }
        if width * maxH <= height * maxW {
            return (max(1, min(maxW, width * maxH / height)), maxH)
        }
        return (maxW, max(1, min(maxH, height * maxW / width)))
    }
}

struct RGB: Equatable, Sendable {
    var r: UInt8, g: UInt8, b: UInt8
}

/// The xterm 256-colour palette as the preview uses it: the 6×6×6 cube (16–231) and the grey
/// ramp (232–255); the 16 system colours are left out because terminals change them.
enum Palette256 {
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The nearest cube colour or grey.
    static func index(_ c: RGB) -> UInt8 {
        let (r, g, b) = (Int(c.r), Int(c.g), Int(c.b))
        let (ri, gi, bi) = (level(r), level(g), level(b))
        let cube = (cubeLevels[ri], cubeLevels[gi], cubeLevels[bi])
        let grey = min(23, max(0, ((r + g + b) / 3 - 3) / 10)), gv = 8 + 10 * grey
        let dCube = sq(r - cube.0) + sq(g - cube.1) + sq(b - cube.2)
        let dGrey = sq(r - gv) + sq(g - gv) + sq(b - gv)
        return dGrey < dCube ? UInt8(232 + grey) : UInt8(16 + 36 * ri + 6 * gi + bi)
    }

    /// The RGB a palette index (16–255) stands for.
    static func rgb(_ index: UInt8) -> RGB {
        let i = Int(index)
        if i >= 232 { let v = UInt8(8 + 10 * (i - 232)); return RGB(r: v, g: v, b: v) }
        let c = max(0, i - 16)
        return RGB(r: UInt8(cubeLevels[c / 36]), g: UInt8(cubeLevels[(c / 6) % 6]), b: UInt8(cubeLevels[c % 6]))
    }

    /// The cube step nearest to a channel value.
    private static func level(_ v: Int) -> Int {
        v < 48 ? 0 : v < 115 ? 1 : (v - 35) / 40
    }

    private static func sq(_ v: Int) -> Int { v * v }
}
