import Foundation
import Testing
import PumpCore
@testable import PumpTUI

/// The editor's part of the client (`ComposeFlow`, issue 25) driven on its own: its keys, its
/// jobs and their answers, and what it asks of the client (`Outcome`), without a ClientScreen.
@Suite struct ComposeFlowTests {
    typealias F = ClientFixtures
    typealias Step = ComposeFlow.Step

    let context = ComposeFlow.Context(body: Size(rows: 21, cols: 80), keymap: .standard, now: F.now, editorCommand: "nano")

    func jobs(_ step: Step) -> [String] { step.effects.compactMap { if case .run(let j) = $0 { return j.label }; return nil } }

    func said(_ step: Step) -> [String] {
        step.outcomes.compactMap { o -> String? in
            switch o {
            case .say(let text, _), .progress(let text): return text
            default: return nil
            }
        }
    }

    /// An open editor with its draft read (none) and `text` typed.
    func ready(_ text: String = "") -> ComposeFlow {
        var flow = ComposeFlow()
        _ = flow.open(.note, context)
        _ = flow.update(.ready(.note, nil), context)
        if !text.isEmpty { _ = flow.handle(.paste(text), context) }
        return flow
    }

    @Test func opensAtOnceAndKeepsTheKeysTypedBeforeItsDraftIsRead() {
        var flow = ComposeFlow()
        #expect(jobs(flow.open(.note, context)) == ["openComposer note", "audienceData"])
        #expect(flow.isOpen && flow.editor?.typeahead == [])
        #expect(jobs(flow.open(.note, context)).isEmpty)          // already open
        _ = flow.handle(.key(.char("h")), context)
        _ = flow.handle(.key(.char("i")), context)
        #expect(flow.composer?.draft.text == "")                  // queued, not typed yet
        // Nothing to save before the draft is read: the file on disk is what there is.
        #expect(flow.shutdown(now: F.now).effects.isEmpty)
        let step = flow.update(.ready(.note, Draft(kind: .note, text: "before ")), context)
        guard case .replay(let keys)? = step.outcomes.first else { Issue.record("no replay"); return }
        #expect(keys == [.key(.char("h")), .key(.char("i"))])
        #expect(flow.editor?.typeahead == nil && flow.composer?.draft.text == "before ")
        #expect(jobs(flow.shutdown(now: F.now)) == ["draft save note"])
    }

    @Test func theAudienceDataReachesTheEditorAndLoadsOnce() {
        var flow = ComposeFlow()
        _ = flow.open(.note, context)
        let family = AudienceTarget(id: "https://pump.example/api/collection/l2", name: "Family")
        _ = flow.update(.audienceData(lists: [family], following: []), context)
        _ = flow.update(.ready(.note, nil), context)
        #expect(flow.composer?.lists == [family])
        _ = flow.handle(.key(.escape), context)                   // empty: closes without asking
        #expect(!flow.isOpen)
        #expect(jobs(flow.open(.note, context)) == ["openComposer note"])
    }

    @Test func sendingThenAFailureKeepsTheTextAndASuccessCloses() {
        var flow = ready("hello")
        let send = flow.handle(.key(.ctrl("d")), context)
        #expect(jobs(send) == ["compose hello"] && said(send) == ["Sending…"])
        #expect(flow.editor?.sending == true)
        #expect(flow.handle(.key(.char("x")), context).effects.isEmpty)   // nothing while sending
        let failed = flow.update(.sent(.note, .failure(ClientFailure(message: "Looks like spam"))), context)
        #expect(jobs(failed) == ["draft save note"])
        guard case .sendFailed(let f, inEditor: true)? = failed.outcomes.first else { Issue.record("\(failed.outcomes)"); return }
        #expect(f.message == "Looks like spam")
        #expect(flow.editor?.sending == false && flow.composer?.draft.text == "hello")
        _ = flow.handle(.key(.ctrl("d")), context)
        let posted = flow.update(.sent(.note, .success(Activity(id: "p", verb: .post))), context)
        #expect(!flow.isOpen && jobs(posted) == ["draft remove note"])
        guard case .posted(.note, let a, found: false)? = posted.outcomes.first else { Issue.record("\(posted.outcomes)"); return }
        #expect(a.id == "p")
    }

    @Test func escWhileSendingStopsWaitingAndTheLateAnswerIsTold() {
        var flow = ready("hello")
        _ = flow.handle(.key(.ctrl("d")), context)
        let esc = flow.handle(.key(.escape), context)
        #expect(said(esc).first?.hasPrefix("Stopped waiting") == true)
        #expect(flow.isOpen && flow.editor?.sending == false)
        let late = flow.update(.sent(.note, .success(Activity(id: "p", verb: .post))), context)
        #expect(flow.isOpen && late.effects.isEmpty)                   // nothing closes
        #expect(said(late).first?.hasPrefix("The post you stopped waiting for has arrived") == true)
    }

    @Test func f1AsksForHelpOverTheEditor() {
        var flow = ready()
        let step = flow.handle(.key(.f(1)), context)
        guard case .help(let contexts)? = step.outcomes.first else { Issue.record("\(step.outcomes)"); return }
        #expect(contexts.first == .editor && flow.isOpen)
    }

    @Test func theExternalEditorsFileGoesAndComesBack() {
        var flow = ready("draft")
        let write = flow.handle(.key(.ctrl("e")), context)
        #expect(jobs(write) == ["writeEditorFile draft"] && said(write) == ["Opening your editor…"])
        let run = flow.update(.editorFileWritten(.success("/tmp/x.txt")), context)
        guard case .runInTerminal(let argv)? = run.effects.first else { Issue.record("no editor run"); return }
        #expect(argv.last == "/tmp/x.txt" && argv.joined(separator: " ").contains("nano"))
        #expect(flow.externalEdit == "/tmp/x.txt")
        #expect(jobs(flow.editorFinished(.exited(0))) == ["readEditorFile /tmp/x.txt"])
        #expect(flow.externalEdit == nil && flow.editorFinished(.exited(0)).effects.isEmpty)
        _ = flow.update(.editorFileRead(.success("from vi")), context)
        #expect(flow.composer?.draft.text == "from vi")
        // A failing editor: the worker looks at what it left; the note goes to the editor's line.
        _ = flow.update(.editorFileWritten(.success("/tmp/y.txt")), context)
        #expect(jobs(flow.editorFinished(.exited(1))) == ["editorFailed /tmp/y.txt"])
        let note = flow.update(.editorNote("Text unchanged"), context)
        #expect(note.outcomes.isEmpty && flow.composer?.status.message == "Text unchanged")
    }

    @Test func aFileWrittenAfterTheEditorClosedIsRemovedQuietly() {
        var flow = ComposeFlow()
        let step = flow.update(.editorFileWritten(.success("/tmp/z.txt")), context)
        #expect(jobs(step) == ["removeEditorFile /tmp/z.txt"])
        #expect(ComposeFlow.Job.removeEditorFile("/tmp/z.txt").isQuiet && ComposeFlow.Message.editorFileRemoved.isQuietAnswer)
        #expect(ClientJob.compose(.audienceData).isQuiet && !ClientJob.compose(.open(.note)).isQuiet)
        #expect(ClientMessage.compose(.audienceData(lists: [], following: [])).isQuietAnswer)
        // With no editor open, a note is the client's to say.
        #expect(said(flow.update(.editorNote("Text unchanged"), context)) == ["Text unchanged"])
    }

    /// Through the client (F1 and Esc: `EditorHelpTests`): an answer the editor waits for
    /// closes the help over it, so the editor's note is seen.
    @Test func anAnswerTheEditorWaitsForClosesTheHelpOverIt() {
        var s = F.screen()
        let events: [AppEvent<ClientMessage>] = [.input(.key(.char("n"))), .message(.compose(.ready(.note, nil))),
                                                 .input(.paste("kept")), .input(.key(.ctrl("d"))), .input(.key(.f(1)))]
        for event in events { _ = s.update(event) }
        guard case .help(_, under: nil)? = s.modal else { Issue.record("no help"); return }
        _ = s.update(.message(.compose(.sent(.note, .failure(ClientFailure(message: "Server error 500"))))))
        #expect(s.modal == nil && s.contexts.first == .editor)
        #expect(s.compose.composer?.status.message == "Server error 500" && s.compose.composer?.draft.text == "kept")
    }
}

extension Composer {
    /// The text as a draft, for the tests that read it (the flow stamps drafts with its `now`).
    var draft: Draft { draft(at: Date()) }
}

/// The editor's jobs as the client tests spell them (`ClientJob.label`).
extension ComposeFlow.Job {
    var label: String {
        switch self {
        case .send(let r): return "compose \(r.text)"
        case .open(let m): return "openComposer \(m.draftKey)"
        case .claimLegacyDraft(let m): return "claimLegacyDraft \(m.draftKey)"
        case .checkImage(let p): return "checkImage \(p)"
        case .draft(.save(_, let key)): return "draft save \(key)"
        case .draft(.remove(let key)): return "draft remove \(key)"
        case .writeEditorFile(let t): return "writeEditorFile \(t)"
        case .readEditorFile(let p): return "readEditorFile \(p)"
        case .removeEditorFile(let p): return "removeEditorFile \(p)"
        case .editorFailed(let p, _): return "editorFailed \(p)"
        case .audienceData: return "audienceData"
        }
    }
}
