import CImageDecode
import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// The inline preview (issue 14): decoding with its limits, half blocks, the sixel and kitty
/// encoders, and the overlay as text.
@Suite struct ImagePreviewTests {
    /// 2×2 RGBA: red, green / blue, transparent.
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAE0lEQVR4nGP4z8DwHwyBNIhgAAA/0gX7yxemzgAAAABJRU5ErkJggg==")!
    /// A valid header saying 10000×10000, then a few bytes of data.
    static let hugePNG = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAJxAAACcQCAYAAAC6TmInAAAAEUlEQVR4nGNgGAWjYBQMdwAAA+gAAbOm00YAAAAASUVORK5CYII=")!
    /// 4×2 JPEG from libjpeg (4:4:4, so the rows keep their colours): a red row over a blue one.
    static let jpeg = Data(base64Encoded: "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAIBAQEBAQIBAQECAgICAgQDAgICAgUEBAMEBgUGBgYFBgYGBwkIBgcJBwYGCAsICQoKCgoKBggLDAsKDAkKCgr/2wBDAQICAgICAgUDAwUKBwYHCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgr/wAARCAACAAQDAREAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwD8iv8AhYPj3/od9Y/8GUv/AMVX+0//ABAnwQ/6JfLv/CLDf/Kjl/4jP4w/9FHj/wDwsxH/AMsP/9k=")!

    // MARK: - Decoding

    @Test func pngDecodesToRGBA() throws {
        let image = try ImageDecoder.decode(Self.png).pixels
        #expect(image.width == 2 && image.height == 2)
        #expect(Array(image.pixels[0..<4]) == [255, 0, 0, 255] && Array(image.pixels[8..<12]) == [0, 0, 255, 255])
        #expect(image.pixels[15] == 0, "the fourth pixel is transparent")
    }

    @Test func jpegDecodesToRGBA() throws {
        let image = try ImageDecoder.decode(Self.jpeg).pixels
        #expect(image.width == 4 && image.height == 2)
        #expect(image.pixels[0] > 150 && image.pixels[2] < 100, "top row is red")
        #expect(image.pixels[4 * 4 + 2] > 150 && image.pixels[4 * 4] < 100, "bottom row is blue")
    }

    /// A JPEG larger than the preview needs is decoded at a reduced scale by libjpeg itself (a
    /// 48-megapixel photo then never exists at full size in memory); the header's size is kept.
    @Test func largeJPEGsAreDecodedScaledDown() throws {
        var image = pump_image()
        var message = [CChar](repeating: 0, count: 100)
        let code = Self.jpeg.withUnsafeBytes { raw in
            pump_image_decode(raw.bindMemory(to: UInt8.self).baseAddress, raw.count, 8192, 40_000_000, 2, nil, &image, &message, 100)
        }
        defer { pump_image_free(&image) }
        #expect(code == Int32(PUMP_IMAGE_OK))
        #expect(image.width == 2 && image.height == 1 && image.source_width == 4 && image.source_height == 2)
        let decoded = try ImageDecoder.decode(Self.jpeg, fitting: 2)
        #expect(decoded.pixels.width == 2 && decoded.pixels.height == 1 && decoded.width == 4 && decoded.height == 2)
        // PNG has no such scaling: shrunk from the decoder's buffer.
        let png = try ImageDecoder.decode(Self.png, fitting: 1)
        #expect(png.pixels.width == 1 && png.pixels.height == 1 && png.width == 2)
    }

    /// Every prefix of a good file is a damaged file: an error each time, never a crash. (A PNG
    /// cut inside its final IEND chunk still has all its pixels, and libpng shows it: fine.)
    @Test(arguments: [(png, 12), (jpeg, 2)])
    func everyTruncationIsAnError(_ file: Data, _ complete: Int) {
        for n in 0..<file.count - complete {
            #expect(throws: ImageDecoder.Failure.self) { _ = try ImageDecoder.decode(file.prefix(n)) }
        }
    }

    /// The magic bytes then noise (a seeded generator, so a failure repeats).
    @Test func garbageAfterTheMagicIsAnError() {
        var seed: UInt64 = 0x9E3779B97F4A7C15
        func next() -> UInt8 { seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17; return UInt8(truncatingIfNeeded: seed) }
        for magic in [Array(Self.png.prefix(33)), [0xFF, 0xD8, 0xFF], Array(Self.jpeg.prefix(200))] {
            for _ in 0..<50 {
                let bytes = magic + (0..<Int(next()) * 4).map { _ in next() }
                do { _ = try ImageDecoder.decode(Data(bytes)) } catch { #expect((error as? ImageDecoder.Failure)?.message.isEmpty == false) }
            }
        }
    }

    /// A damaged file's message is one whole sentence, the decoder's words inside it made safe
    /// (the bytes below once lost the closing parenthesis on screen).
    @Test func aDamagedFileSaysWhyInOneSentence() {
        let bytes = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data("this is not really a png \u{1B}[2J".utf8)
        do { _ = try ImageDecoder.decode(bytes); Issue.record("decoded") } catch {
            let message = (error as? ImageDecoder.Failure)?.message ?? ""
            #expect(message.hasPrefix("The image could not be read (") && message.hasSuffix(").") && !message.contains("\u{1B}"), "\(message)")
        }
    }

    /// A small file whose header claims a huge image is refused before decompressing.
    @Test func decompressionBombsAreRefusedByTheirHeader() {
        #expect(throws: ImageDecoder.Failure(message: "The image is 10000×10000, too large to preview; o opens it.")) {
            _ = try ImageDecoder.decode(Self.hugePNG)
        }
        var jpeg = [UInt8](Self.jpeg)
        // SOF0's height and width (4×2 → 20000×20000).
        let sof = jpeg.indices.first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC0 }!
        jpeg[sof + 5] = 0x4E; jpeg[sof + 6] = 0x20; jpeg[sof + 7] = 0x4E; jpeg[sof + 8] = 0x20
        #expect(throws: ImageDecoder.Failure(message: "The image is 20000×20000, too large to preview; o opens it.")) {
            _ = try ImageDecoder.decode(Data(jpeg))
        }
        // Within the sides but 16 M pixels: 64 MB decoded at once, over the memory bound.
        let widePNG = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAD6AAAA+gCAYAAADuf+MCAAAAC0lEQVR4nGNggAAAAAgAAbdYc5UAAAAASUVORK5CYII=")!
        #expect(throws: ImageDecoder.Failure(message: "The image is 4000×4000, too large to preview; o opens it.")) {
            _ = try ImageDecoder.decode(widePNG)
        }
    }

    @Test func otherFormatsSayWhatToDoInstead() {
        let gif = Data("GIF89a\u{1}\u{0}\u{1}\u{0}".utf8)
        #expect(throws: ImageDecoder.Failure(message: "Can't preview image/gif here; o opens it.")) {
            _ = try ImageDecoder.decode(gif, contentType: "image/gif")
        }
        #expect(throws: ImageDecoder.Failure(message: "Can't preview this kind of image here; o opens it.")) {
            _ = try ImageDecoder.decode(Data("RIFF....WEBPVP8 ".utf8))
        }
    }

    // MARK: - Pixels into cells and protocols

    @Test func paletteMapsToTheCubeAndGreys() {
        #expect(Palette256.index(RGB(r: 255, g: 0, b: 0)) == 196)
        #expect(Palette256.index(RGB(r: 0, g: 0, b: 255)) == 21)
        #expect(Palette256.index(RGB(r: 0, g: 0, b: 0)) == 16)
        #expect(Palette256.index(RGB(r: 128, g: 128, b: 128)) == 244)
        for i in UInt8(16)...UInt8(255) { #expect(Palette256.index(Palette256.rgb(i)) == i || i == 16 || i == 231) }
    }

    @Test func halfBlocksCarryTheUpperAndLowerPixel() {
        let image = RGBAImage(width: 1, height: 2, pixels: [255, 0, 0, 255, 0, 0, 255, 255])
        #expect(HalfBlock.inks(image, cols: 1, rows: 1) == [Ink(fg: 196, bg: 21)])
        var buffer = CellBuffer(size: Size(rows: 2, cols: 3))
        HalfBlock.draw([Ink(fg: 196, bg: 21)], cols: 1, into: &buffer, at: 1, col: 2)
        #expect(buffer[1, 2].char == "▀" && buffer[1, 2].ink == Ink(fg: 196, bg: 21))
        #expect(buffer[0, 0].ink == nil, "text cells have no ink")
    }

    @Test func placementKeepsTheAspectRatio() {
        let area = Rect(row: 2, col: 1, rows: 20, cols: 78)
        // 640×480 in half-block pixels (1×2 a cell): 40 rows of 2 px → 53 columns.
        let p = PreviewPlacement.fit(width: 640, height: 480, in: area, cellWidth: 1, cellHeight: 2)!
        #expect(p.cells == Rect(row: 2, col: 13, rows: 20, cols: 53))
        let wide = PreviewPlacement.fit(width: 1000, height: 100, in: area, cellWidth: 10, cellHeight: 20)!
        #expect(wide.cells.cols == 78 && wide.cells.rows == 4 && wide.pixelWidth == 780)
    }

    @Test func sixelOfOneColour() {
        let red = RGBAImage(width: 5, height: 6, pixels: Array([[UInt8]](repeating: [255, 0, 0, 255], count: 30).joined()))
        #expect(SixelEncoder.encode(red) == "\u{1b}P0;1;0q\"1;1;5;6#180;2;100;0;0#180!5~-\u{1b}\\")
        #expect(SixelEncoder.runs([0, 0, 1, 1, 1, 1, 63]) == "??!4@~")
    }

    @Test func sixelBandsAndColours() {
        // 1×7: six red rows, then a blue one in the second band.
        let pixels = Array(([[UInt8]](repeating: [255, 0, 0, 255], count: 6) + [[0, 0, 255, 255]]).joined())
        let out = SixelEncoder.encode(RGBAImage(width: 1, height: 7, pixels: pixels))
        #expect(out.hasSuffix("#5;2;0;0;100#180;2;100;0;0#180~-#5@-\u{1b}\\"), "\(out.debugDescription)")
    }

    @Test func kittySendsChunksOf4096() {
        let file = Data(repeating: 7, count: 7000)   // 9336 base64 bytes: three chunks
        let out = KittyGraphics.place(png: file, pixels: RGBAImage(width: 1, height: 1, pixels: [0, 0, 0, 0]), cols: 10, rows: 5)
        let chunks = out.components(separatedBy: "\u{1b}\\").filter { !$0.isEmpty }
        #expect(chunks.count == 3)
        #expect(chunks[0].hasPrefix("\u{1b}_Ga=T,f=100,i=\(KittyGraphics.imageID),c=10,r=5,C=1,q=2,m=1;"))
        #expect(chunks[1].hasPrefix("\u{1b}_Gm=1;") && chunks[2].hasPrefix("\u{1b}_Gm=0;"))
        #expect(chunks[0].count - chunks[0].firstIndex(of: ";")!.utf16Offset(in: chunks[0]) - 1 == 4096)
        let rgba = KittyGraphics.place(png: nil, pixels: RGBAImage(width: 1, height: 1, pixels: [1, 2, 3, 4]), cols: 1, rows: 1)
        #expect(rgba == "\u{1b}_Ga=T,f=32,s=1,v=1,i=\(KittyGraphics.imageID),c=1,r=1,C=1,q=2,m=0;AQIDBA==\u{1b}\\")
    }

    @Test func iTermSendsTheFileSizedInCells() {
        #expect(ITermGraphics.place(file: Data([1, 2, 3]), cols: 4, rows: 2)
                == "\u{1b}]1337;File=inline=1;size=3;width=4;height=2;preserveAspectRatio=1:AQID\u{07}")
    }
}
