import Foundation
import PumpCore

/// The image flow's jobs (`ImageFlow.Job`): the bounded, signed download (`fetchMedia`) for
/// saving (`ImageSaver`) or previewing (`PreviewDecodes`: one decode at a time, stopped when its
/// preview closes), and the encoding for the terminal's graphics protocol.
extension ClientWorker {
    func performImage(_ job: ImageFlow.Job) async -> ImageFlow.Message {
        switch job {
        case .saveImage(let request):
            return .imageSaved(await attempt {
                let reply = try await self.api.fetchMedia(request.link)
                return try ImageSaver.save(reply.body, request: request, contentType: reply.contentType)
            })
        case .previewImage(let link, let serial):
            return .imagePreviewed(link, serial: serial, await attempt {
                let reply = try await self.api.fetchMedia(link)
                return try await self.previews.run(serial: serial) { cancel in
                    try PreviewImage.load(reply.body, contentType: reply.contentType, cancel: cancel)
                }
            })
        case .cancelPreview(let serial):
            await previews.cancel(through: serial)
            return .previewCancelled
        case .encodeGraphic(let job):
            return .graphicEncoded(job, job.encode())
        }
    }
}
