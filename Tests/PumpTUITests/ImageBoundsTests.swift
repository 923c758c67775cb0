import CImageDecode
import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// Issue 23: the preview's decoders bounded by bytes whatever the file says (compressed PNG
/// text, JPEG coefficient buffers), decodes cancelled when their preview closes and run one at
/// a time, and a terminal's cell size unable to make a sixel huge.
@Suite struct ImageBoundsTests {
    /// zlib data inflating to 1 000 000 × "A" (992 bytes): a compressed text chunk's payload.
    static let inflatesToOneMB = Data(base64Encoded: "eNrtwYEAAAAAwyC2+Usd5FUBAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACvBr3SDGE=")!

    /// An 8×6 red PNG with `texts` zTXt chunks of 1 MB each before its image data.
    static func textBombPNG(texts: Int) -> Data {
        func chunk(_ kind: String, _ body: Data) -> Data {
            var out = Data()
            out.append(contentsOf: withUnsafeBytes(of: UInt32(body.count).bigEndian, Array.init))
            let typed = Data(kind.utf8) + body
            out.append(typed)
            out.append(contentsOf: withUnsafeBytes(of: crc32(typed).bigEndian, Array.init))
            return out
        }
        let (w, h) = (8, 6)
        var ihdr = Data()
        ihdr.append(contentsOf: withUnsafeBytes(of: UInt32(w).bigEndian, Array.init))
        ihdr.append(contentsOf: withUnsafeBytes(of: UInt32(h).bigEndian, Array.init))
        ihdr.append(contentsOf: [8, 2, 0, 0, 0])
        // One stored deflate block of the rows (filter 0, then RGB red): no compressor needed.
        let rows = Data((0..<h).flatMap { _ in [0] + Array([[UInt8]](repeating: [255, 0, 0], count: w).joined()) })
        var idat = Data([0x78, 0x01, 0x01])
        idat.append(contentsOf: withUnsafeBytes(of: UInt16(rows.count).littleEndian, Array.init))
        idat.append(contentsOf: withUnsafeBytes(of: (~UInt16(rows.count)).littleEndian, Array.init))
        idat.append(rows)
        idat.append(contentsOf: withUnsafeBytes(of: adler32(rows).bigEndian, Array.init))
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + chunk("IHDR", ihdr)
        let text = chunk("zTXt", Data("Comment".utf8) + Data([0, 0]) + inflatesToOneMB)
        for _ in 0..<texts { png.append(text) }
        return png + chunk("IDAT", idat) + chunk("IEND", Data())
    }

    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func adler32(_ data: Data) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
        return b << 16 | a
    }

    /// A flat grey progressive JPEG (one DC scan, every difference 0: a one-symbol Huffman table
    /// whose code is a single 0 bit, so the scan data is zero bytes) of `width`×`height`,
    /// three components with luma sampled `lumaSampling`×`lumaSampling`.
    static func progressiveJPEG(width: Int, height: Int, lumaSampling: Int = 1) -> Data {
        func segment(_ marker: UInt8, _ body: [UInt8]) -> [UInt8] {
            [0xFF, marker, UInt8((body.count + 2) >> 8), UInt8((body.count + 2) & 0xFF)] + body
        }
        let s = UInt8(lumaSampling << 4 | lumaSampling)
        var out: [UInt8] = [0xFF, 0xD8] + segment(0xDB, [0] + [UInt8](repeating: 1, count: 64))
        out += segment(0xC2, [8, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF), 3,
                              1, s, 0, 2, 0x11, 0, 3, 0x11, 0])
        out += segment(0xC4, [0x00, 1] + [UInt8](repeating: 0, count: 15) + [0])
        out += segment(0xDA, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 0, 0])
        let mcu = 8 * lumaSampling
        let blocks = ((width + mcu - 1) / mcu) * ((height + mcu - 1) / mcu) * (lumaSampling * lumaSampling + 2)
        return Data(out + [UInt8](repeating: 0, count: (blocks + 7) / 8) + [0xFF, 0xD9])
    }

    static func peakRSSMB() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss / 1024
    }

    // MARK: - PNG

    /// High 1: libpng's simplified API inflated and kept every compressed text chunk (a 771 KB
    /// file cost 771 MB). They are skipped now: the picture is the same, the memory is not spent.
    @Test func compressedTextChunksAreSkippedUnread() throws {
        let png = Self.textBombPNG(texts: 300)   // 300 KB of file, 300 MB of text
        let before = Self.peakRSSMB()
        let image = try ImageDecoder.decode(png)
        #expect(image.pixels.width == 8 && image.pixels.height == 6)
        #expect(Array(image.pixels.pixels[0..<4]) == [255, 0, 0, 255])
        #expect(Self.peakRSSMB() - before < 64, "peak RSS grew by \(Self.peakRSSMB() - before) MB")
    }

    @Test func aPNGDecodeStopsWhenCancelled() {
        let cancel = DecodeCancel()
        cancel.request()
        #expect(throws: ImageDecoder.Failure.cancelled) { _ = try ImageDecoder.decode(Self.textBombPNG(texts: 1), cancel: cancel) }
    }

    // MARK: - JPEG

    /// Medium 4: a progressive JPEG's coefficients are buffered at full size whatever the output
    /// scale (8192×8192 at 4:4:4: 402 MB for a preview of 1024×1024). Refused from the header.
    @Test func aProgressiveJPEGWhoseCoefficientsExceedTheBudgetIsRefused() {
        let jpeg = Self.progressiveJPEG(width: 8192, height: 8192)
        let before = Self.peakRSSMB()
        #expect(throws: ImageDecoder.Failure(message: "The image is 8192×8192, too large to preview; o opens it.")) {
            _ = try ImageDecoder.decode(jpeg, fitting: PreviewImage.maxSide)
        }
        #expect(Self.peakRSSMB() - before < 64)
    }

    /// The budget leaves room for real photos: 4096×4096 progressive at 4:2:0 (24 MB of
    /// coefficients) still previews, decoded at 1/4.
    @Test func aProgressivePhotoWithinTheBudgetDecodes() throws {
        let image = try ImageDecoder.decode(Self.progressiveJPEG(width: 4096, height: 4096, lumaSampling: 2), fitting: 1024)
        #expect(image.width == 4096 && image.pixels.width == 1024 && image.pixels.height == 1024)
        #expect((120...136).contains(Int(image.pixels.pixels[0])), "flat grey: \(image.pixels.pixels[0])")
    }

    @Test func aJPEGDecodeStopsWhenCancelled() {
        let cancel = DecodeCancel()
        cancel.request()
        #expect(throws: ImageDecoder.Failure.cancelled) { _ = try ImageDecoder.decode(ImagePreviewTests.jpeg, cancel: cancel) }
    }

    // MARK: - One decode at a time, cancelled on close

    /// Counts decodes running at once; each waits until cancelled or released.
    final class Probe: @unchecked Sendable {
        private let lock = NSLock()
        private var running = 0
        private(set) var most = 0
        private(set) var started: [Int] = []
        var release = false

        func decode(_ serial: Int, _ cancel: DecodeCancel) throws -> Int {
            lock.withLock { running += 1; most = max(most, running); started.append(serial) }
            defer { lock.withLock { running -= 1 } }
            let end = Date().addingTimeInterval(5)
            while !cancel.isRequested && !lock.withLock({ release }) && Date() < end { usleep(1000) }
            if cancel.isRequested { throw ImageDecoder.Failure.cancelled }
            return serial
        }

        func waitStarted(_ serial: Int) async {
            let end = Date().addingTimeInterval(5)
            while !lock.withLock({ started.contains(serial) }) && Date() < end { try? await Task.sleep(nanoseconds: 1_000_000) }
        }

        func letGo() { lock.withLock { release = true } }
    }

    @Test func closingAPreviewCancelsItsRunningDecode() async throws {
        let decodes = PreviewDecodes(), probe = Probe()
        async let first = decodes.run(serial: 1) { try probe.decode(1, $0) }
        await probe.waitStarted(1)
        await decodes.cancel(through: 1)
        #expect(try await first == nil)
    }

    @Test func aClosedPreviewsDecodeNeverStarts() async throws {
        let decodes = PreviewDecodes(), probe = Probe()
        await decodes.cancel(through: 3)   // Esc reached the worker before the job did
        #expect(try await decodes.run(serial: 3) { try probe.decode(3, $0) } == nil)
        #expect(probe.started.isEmpty)
    }

    /// `i v Esc` repeated: each new preview stops the older decode, and never two run at once.
    @Test func aNewPreviewStopsTheOlderDecodeAndTheyNeverOverlap() async throws {
        let decodes = PreviewDecodes(), probe = Probe()
        async let first = decodes.run(serial: 1) { try probe.decode(1, $0) }
        await probe.waitStarted(1)
        async let second = decodes.run(serial: 2) { try probe.decode(2, $0) }
        await probe.waitStarted(2)
        probe.letGo()
        #expect(try await first == nil)
        #expect(try await second == 2)
        #expect(probe.most == 1 && probe.started == [1, 2])
    }

    // MARK: - The screen's side

    @Test func escWhileLoadingCancelsTheDecodeAndALateAnswerIsIgnored() {
        var (s, _) = ImagePreviewScreenTests().opened()
        let closed = s.update(.input(.key(.escape)))
        #expect(jobs(closed) == ["cancelPreview 1"])
        let reopened = s.update(.input(.key(.char("i")))) + s.update(.input(.key(.char("v"))))
        #expect(jobs(reopened) == ["previewImage https://pump.example/uploads/bob/s.png"])
        // The first preview's answer (same link) arrives late: not the open preview's.
        _ = s.update(.message(.image(.imagePreviewed(ImagePreviewScreenTests.link, serial: 1,
                                              .failure(ClientFailure(message: "The image could not be read (x)."))))))
        guard case .preview(let preview)? = s.imageFlow.open else { Issue.record("closed"); return }
        #expect(preview.serial == 2 && preview.problem == nil)
    }

    // MARK: - Sixel size

    /// Low: a terminal claiming 999-pixel cells made a 1×1 image a 4.7 GB sixel.
    @Test func aHugeCellSizeCannotMakeAHugeSixel() {
        let area = Rect(row: 1, col: 1, rows: 40, cols: 160)
        let p = PreviewPlacement.fit(width: 1, height: 1, in: area, cellWidth: 999, cellHeight: 999)!
        #expect(p.pixelWidth <= PreviewPlacement.maxPixelSide && p.pixelHeight <= PreviewPlacement.maxPixelSide)
        #expect(p.cells.cols >= 1 && p.cells.rows >= 1)
    }
}
