import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// Issue 25: posting is idempotent from the user's view. A send that got no answer may have
/// been posted: the next send looks in the outbox first; Esc while sending stops waiting and
/// keeps the text (before: Esc did nothing, and a send after a timeout posted twice).
@Suite struct PostOnceTests {
    typealias F = ClientFixtures

    func editorWithText(_ text: String) -> ClientScreen {
        var s = F.screen()
        _ = s.update(.input(.key(.char("n"))))
        _ = s.update(.message(.compose(.ready(.note, nil))))
        for c in text { _ = s.update(.input(.key(.char(c)))) }
        return s
    }

    func composer(_ s: ClientScreen) -> (Composer, Bool)? {
        if let e = s.compose.editor { return (e.composer, e.sending) }
        return nil
    }

    func sendJob(_ effects: [Effect<ClientMessage, ClientJob>]) -> ComposeRequest? {
        for e in effects { if case .run(.compose(.send(let r)))? = Optional(e) { return r } }
        return nil
    }

    @Test func afterATimeoutTheNextSendLooksInTheOutboxFirst() {
        var s = editorWithText("Hello once")
        let first = sendJob(s.update(.input(.key(.ctrl("d")))))
        #expect(first?.checkOutboxSince == nil)
        _ = s.update(.message(.compose(.sent(.note, .failure(ClientFailure(message: "No answer in time (timed out)", offline: true, uncertain: true))))))
        #expect(composer(s)?.0.status.message.contains("It may have been posted") == true)
        let again = s.update(.input(.key(.ctrl("d"))))
        #expect(sendJob(again)?.checkOutboxSince == F.now)
        #expect(s.status.message == "Looking in your outbox, then sending…")
        // The worker found it there: the editor closes, nothing was sent twice.
        _ = s.update(.message(.compose(.sent(.note, .success(Activity(id: "a", verb: .post)), found: true))))
        #expect(s.modal == nil && !s.compose.isOpen)
        #expect(s.status.message.hasPrefix("It had been posted"))
    }

    @Test func escWhileSendingStopsWaitingAndKeepsTheText() {
        var s = editorWithText("Slow server")
        _ = s.update(.input(.key(.ctrl("d"))))
        #expect(composer(s)?.1 == true)
        _ = s.update(.input(.key(.escape)))
        guard let (c, sending) = composer(s) else { Issue.record("the editor closed"); return }
        #expect(!sending && c.body.text == "Slow server")
        #expect(c.status.message.hasPrefix("Stopped waiting"))
        // The answer arrives after all: the editor says so and stays; ^D would find it.
        _ = s.update(.message(.compose(.sent(.note, .success(Activity(id: "a", verb: .post))))))
        #expect(composer(s)?.0.status.message.hasPrefix("The post you stopped waiting for has arrived") == true)
        #expect(sendJob(s.update(.input(.key(.ctrl("d")))))?.checkOutboxSince == F.now)
    }

    @Test func theWorkerFindsAPostThatArrivedAndSendsNothing() async {
        let r = ClientWorkerTests.Requester()
        r.routes["https://pump.example/api/user/alice/feed/major?count=20"] = """
            {"items":[{"id":"p1","verb":"post","published":"2026-03-10T12:00:05Z",
              "object":{"objectType":"note","id":"n1","content":"Hello   once"}}]}
            """
        let worker = ClientWorker(api: PumpAPI(requester: r, nickname: "alice", profileURL: nil, base: URL(string: "https://pump.example")!))
        var request = ComposeRequest(mode: .note, text: "Hello once", title: nil, audience: .public, imagePath: nil)
        request.checkOutboxSince = F.now
        let msg = await worker.perform(.compose(.send(request)))
        guard case .compose(.sent(.note, .success(let a), found: true)) = msg else { Issue.record("\(msg)"); return }
        #expect(a.id == "p1" && r.posted.isEmpty)
        // Another text is not taken for it: that one is sent.
        request.text = "Hello twice"
        guard case .compose(.sent(.note, .success, found: false)) = await worker.perform(.compose(.send(request))) else { Issue.record("not sent"); return }
        #expect(r.posted.count == 1)
    }
}

/// A resize reaches an open editor (seen by the profile-form helper: up and down in the text
/// moved by the old width until the next edit).
@Suite struct EditorResizeTests {
    @Test func anOpenEditorTakesTheNewSize() {
        var s = ClientFixtures.screen()
        _ = s.update(.input(.key(.char("n"))))
        _ = s.update(.message(.compose(.ready(.note, nil))))
        _ = s.update(.input(.resize(Size(rows: 30, cols: 100))))
        guard let c = s.compose.composer else { Issue.record("no editor"); return }
        #expect(c.size == Size(rows: s.bodyRect.rows, cols: 100))
    }
}
