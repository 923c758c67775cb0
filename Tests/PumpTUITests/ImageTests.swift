import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// Image posts (issue 14): the `[image]` line, the `i` menu, and saving without overwriting.
@Suite struct ImageTests {
    static let feedJSON = """
        {"items":[{"id":"a7","verb":"post","published":"2026-03-10T11:58:00Z",
          "to":[{"objectType":"collection","id":"http://activityschema.org/collection/public"}],
          "actor":{"objectType":"person","id":"acct:bob@pump.example","displayName":"Bob B.","preferredUsername":"bob"},
          "object":{"objectType":"image","id":"https://pump.example/api/image/i7","displayName":"Sunset\\u001b[31m",
            "url":"https://pump.example/bob/image/i7",
            "author":{"objectType":"person","id":"acct:bob@pump.example","displayName":"Bob B.","preferredUsername":"bob"},
            "image":{"url":"https://pump.example/uploads/bob/s_thumb.png","width":320,"height":240},
            "fullImage":{"url":"https://pump.example/uploads/bob/s.png","width":640,"height":480}}}]}
        """

    func screen() -> ClientScreen {
        var s = ClientFixtures.screen(feed: Feed.decode(Data(Self.feedJSON.utf8))!)
        var settings = ClientSettings(); settings.downloadDirectory = "/home/a/Downloads"
        s.apply(settings)
        return s
    }

    @Test func theImageLineHasSizeAndTitleCleaned() {
        let text = ClientFixtures.text(screen()).joined(separator: "\n")
        #expect(text.contains("[image] 640×480 · Sunset"), "\(text)")
        #expect(text.contains("i: open, copy, save, view"))
        #expect(!text.contains("\u{1b}"))
    }

    @Test func iOffersOpenCopySaveAndLettersPick() {
        var s = screen()
        _ = s.update(.input(.key(.char("i"))))
        let text = ClientFixtures.text(s).joined(separator: "\n")
        #expect(text.contains("o  open it (opener / browser)") && text.contains("c  copy its URL")
                && text.contains("s  save it to /home/a/Downloads"))
        let copy = s.update(.input(.key(.char("c"))))
        #expect(copy.contains { if case .copyToClipboard("https://pump.example/uploads/bob/s.png") = $0 { return true }; return false })
        _ = s.update(.input(.key(.char("i"))))
        let save = s.update(.input(.key(.char("s"))))
        #expect(jobs(save) == ["saveImage https://pump.example/uploads/bob/s.png"])
        guard case .run(.image(.saveImage(let request)))? = save.first else { Issue.record("no save job"); return }
        #expect(request.isPublic && request.directory == "/home/a/Downloads")
        _ = s.update(.input(.key(.char("i"))))
        _ = s.update(.input(.key(.char("j"))))
        let open = s.update(.input(.key(.enter)))
        #expect(open.contains { if case .copyToClipboard = $0 { return true }; return false })
    }

    @Test func noImageSaysSo() {
        var s = ClientFixtures.screen()
        #expect(s.update(.input(.key(.char("i")))).isEmpty)
        #expect(s.status.message == "This item has no image.")
    }

    @Test func savingNeverOverwritesAndNamesAreSafe() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pumptui-img-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let link = MediaLink(url: URL(string: "https://pump.example/uploads/..%2F..%2Fevil%1B.png")!)
        let request = ImageSaveRequest(link: link, directory: dir.path, isPublic: false)
        let first = try ImageSaver.save(Data([1, 2, 3]), request: request, contentType: "image/png")
        let second = try ImageSaver.save(Data([4]), request: request, contentType: "image/png")
        #expect(first != second && second.hasSuffix("-1.png"))
        #expect(URL(fileURLWithPath: first).deletingLastPathComponent().path == dir.path)
        #expect(!URL(fileURLWithPath: first).lastPathComponent.hasPrefix("."))
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data([1, 2, 3]))
        let mode = try FileManager.default.attributesOfItem(atPath: first)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(ImageSaver.fileName(for: URL(string: "https://h.example/x")!, contentType: "image/jpeg") == ("x", ".jpg"))
        #expect(ImageSaver.fileName(for: URL(string: "https://h.example/")!, contentType: "image/gif").ext == ".gif")
    }
}
