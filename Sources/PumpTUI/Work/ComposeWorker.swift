import Foundation
import PumpCore

/// The editor's jobs (`ComposeFlow.Job`): sending, drafts, the attach check, the external
/// editor's file and what the editor offers (lists, people we follow).
extension ClientWorker {
    func performCompose(_ job: ComposeFlow.Job) async -> ComposeFlow.Message {
        switch job {
        case .send(let request):
            if let since = request.checkOutboxSince, let there = await request.arrived(in: api, since: since) {
                return .sent(request.mode, .success(there), found: true)
            }
            return .sent(request.mode, await attempt { try await request.perform(with: self.api) })
        case .open(let mode):
            let own = drafts?.open(key: mode.draftKey)
            return .ready(mode, own, legacy: own == nil && drafts?.legacyDraft(key: mode.draftKey) != nil)
        case .claimLegacyDraft(let mode):
            return .legacyDraftClaimed(mode, drafts?.claimLegacy(key: mode.draftKey))
        case .checkImage(let path):
            return .imageChecked(ImageFile.check(path))
        case .draft(let decision):
            guard let drafts else { return .draftDone(nil) }
            do { try DraftPolicy.apply(decision, to: drafts); return .draftDone(nil) }
            catch { return .draftDone("The draft could not be saved: \(Self.failure(error).message)") }
        case .writeEditorFile(let text):
            return .editorFileWritten(await attempt { try EditorFile.create(text) })
        case .readEditorFile(let path):
            return .editorFileRead(await attempt { try EditorFile.readBack(path) })
        case .removeEditorFile(let path):
            try? FileManager.default.removeItem(atPath: path)
            return .editorFileRemoved
        case .editorFailed(let path, let outcome):
            // The path first: at 80 columns the status line must not cut it off (issue 22).
            return .editorNote(FileManager.default.fileExists(atPath: path)
                ? "Text unchanged; the editor's copy: \(path) (it \(outcome.phrase))"
                : "Text unchanged: the editor \(outcome.phrase)")
        case .audienceData:
            // Either part may fail alone: the editor then offers less, never an error.
            let lists = (try? await api.lists())?.objects.filter(\.isPersonList).map(\.audienceTarget) ?? []
            let following = (try? await api.people(.following, of: api.me, count: 200))?.items.compactMap { item -> Person? in
                if case .person(let p) = item { return p } else { return nil }
            } ?? []
            return .audienceData(lists: lists, following: following)
        }
    }
}
