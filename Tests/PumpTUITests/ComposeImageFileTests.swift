import Foundation
import Testing
@testable import PumpTUI

@Suite struct ComposeImageFileTests {
    func withDir(_ body: (URL) throws -> Void) rethrows {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("compose-img-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try body(dir)
    }

    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3]

    @Test func sniffsTheFourTypes() {
        #expect(ImageFile.sniff(Data(png)) == "image/png")
        #expect(ImageFile.sniff(Data([0xFF, 0xD8, 0xFF, 0xE0])) == "image/jpeg")
        #expect(ImageFile.sniff(Data("GIF89a....".utf8)) == "image/gif")
        #expect(ImageFile.sniff(Data("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)) == "image/webp")
        #expect(ImageFile.sniff(Data("RIFF\u{0}\u{0}\u{0}\u{0}WAVEfmt ".utf8)) == nil)
        #expect(ImageFile.sniff(Data("<svg>".utf8)) == nil)
        #expect(ImageFile.sniff(Data()) == nil)
    }

    @Test func checkAndLoad() throws {
        try withDir { dir in
            let good = dir.appendingPathComponent("cat.png")
            try Data(png).write(to: good)
            #expect(ImageFile.check(good.path) == .success(ImageFile(path: good.path, mimeType: "image/png", byteCount: png.count)))
            // "~/" expands against HOME; quotes around a pasted path are dropped.
            #expect(ImageFile.check("'~/cat.png'", home: dir.path) == .success(ImageFile(path: good.path, mimeType: "image/png", byteCount: png.count)))
            let link = dir.appendingPathComponent("link.png")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: good)
            #expect(ImageFile.check(link.path) == .success(ImageFile(path: link.path, mimeType: "image/png", byteCount: png.count)))
            let (file, data) = try ImageFile.load(good.path)
            #expect(file.mimeType == "image/png" && data == Data(png))

            let lying = dir.appendingPathComponent("notes.png")
            try Data("just text".utf8).write(to: lying)
            #expect(ImageFile.check(lying.path) == .failure(.notAnImage))
            // Issue 24: pump.io stores WebP as .bin and then cannot serve it: refused before upload.
            let webp = dir.appendingPathComponent("photo.webp")
            try Data("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 data".utf8).write(to: webp)
            #expect(ImageFile.check(webp.path) == .failure(.notServable("image/webp")))
            #expect(ImageFileError.notServable("image/webp").message.hasPrefix("WEBP cannot be attached: pump.io"))
            #expect(throws: ImageFileError.notServable("image/webp")) { try ImageFile.load(webp.path) }
            let empty = dir.appendingPathComponent("empty.gif")
            try Data().write(to: empty)
            #expect(ImageFile.check(empty.path) == .failure(.empty))
            #expect(ImageFile.check(dir.path) == .failure(.notAFile(dir.path)))
            let fifo = dir.appendingPathComponent("pipe.png")
            #expect(mkfifo(fifo.path, 0o600) == 0)
            #expect(ImageFile.check(fifo.path) == .failure(.notAFile(fifo.path)))   // and does not block
            #expect(ImageFile.check("/dev/zero") == .failure(.notAFile("/dev/zero")))
            #expect(ImageFile.check(dir.appendingPathComponent("nope.jpg").path) == .failure(.notFound(dir.appendingPathComponent("nope.jpg").path)))
            #expect(ImageFile.check("  ") == .failure(.noPath))

            let big = dir.appendingPathComponent("big.png")
            _ = FileManager.default.createFile(atPath: big.path, contents: nil)
            let h = try FileHandle(forWritingTo: big)
            try h.write(contentsOf: Data(png)); try h.truncate(atOffset: UInt64(ImageFile.maxBytes + 1)); try h.close()
            #expect(ImageFile.check(big.path) == .failure(.tooLarge(ImageFile.maxBytes + 1)))
            #expect(ImageFileError.tooLarge(ImageFile.maxBytes + 1).message == "Too large: 10.0 MB; the limit is 10.0 MB")

            if getuid() != 0 {          // root reads anything
                let locked = dir.appendingPathComponent("locked.png")
                try Data(png).write(to: locked)
                chmod(locked.path, 0)
                #expect(ImageFile.check(locked.path) == .failure(.unreadable))
            }
        }
    }

    @Test func errorMessagesAreOneCleanLine() {
        let m = ImageFileError.notFound("/tmp/a\u{1b}[2J\nb.png").message
        #expect(m == "No such file: /tmp/a b.png")
    }
}
