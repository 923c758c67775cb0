import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// Issue 14: an image upload's failure belongs to the editor. It used to stay on the client's
/// status line (an error there hid the editor's own notes), so after the image was removed the
/// screen still said the upload failed.
@Suite struct UploadErrorPlacementTests {
    func statusRow(_ s: ClientScreen) -> String {
        var b = CellBuffer(size: s.size)
        s.render(into: &b)
        return b.lines()[s.size.rows - 2]
    }

    func key(_ s: inout ClientScreen, _ k: Key) { _ = s.update(.input(.key(k))) }

    @Test func theUploadErrorGoesWhenTheImageIsRemoved() {
        var s = ClientFixtures.screen()
        key(&s, .char("n"))
        _ = s.update(.message(.compose(.ready(.note, nil))))
        key(&s, .ctrl("t"))
        _ = s.update(.message(.compose(.imageChecked(.success(ImageFile(path: "/home/u/cat.png", mimeType: "image/png", byteCount: 2048))))))
        key(&s, .ctrl("d"))
        _ = s.update(.message(.compose(.sent(.note, .failure(ClientFailure(message: "The server refused the upload (413)."))))))
        _ = s.update(.message(.compose(.draftDone(nil))))
        #expect(statusRow(s).contains("The server refused the upload (413)."))
        // ^T, empty the path, Enter: the image is removed, and so is its error.
        key(&s, .ctrl("t"))
        key(&s, .ctrl("u"))
        key(&s, .enter)
        let row = statusRow(s)
        #expect(!row.contains("refused the upload"), "\(row)")
        #expect(row.contains("Image removed"), "\(row)")
    }
}
