import PumpCore

/// The router's glue for the image flow (`Screens/Image/ImageFlow`): `i` opens it on the
/// selected item; keys, answers, the terminal's graphics answer and resizes go to it; what it
/// asks for is done here.
extension ClientScreen {
    mutating func openImageMenu() -> Effects {
        guard let o = selectedObject, let link = o.fullImage ?? o.image else { say("This item has no image.", .warning); return [] }
        let isPublic = o.to.contains(where: \.isPublic) || selectedItem?.activity?.to.contains(where: \.isPublic) == true
        imageFlow.openMenu(link, isPublic: isPublic, directory: settings.downloadDirectory)
        modal = .image
        return []
    }

    mutating func handleImage(_ input: InputEvent) -> Effects {
        apply(imageFlow.handle(input, keymap: keymap, body: bodyRect))
    }

    mutating func imageArrived(_ message: ImageFlow.Message) -> Effects {
        apply(imageFlow.receive(message, body: bodyRect))
    }

    /// The preview is laid out again for a new size, or once the terminal said what it draws.
    mutating func placePreview() -> Effects { apply(imageFlow.place(body: bodyRect)) }

    mutating func graphicsFound(_ support: GraphicsSupport) -> Effects {
        apply(imageFlow.graphicsFound(support, body: bodyRect))
    }

    /// The flow's words on the status line, its closing, and its effects as the client's.
    private mutating func apply(_ step: ImageFlow.Step) -> Effects {
        for outcome in step.outcomes {
            switch outcome {
            case .progress(let text): progress(text)
            case .say(let text, let kind): say(text, kind)
            case .failed(let f): fail(f)
            case .closed: if case .image? = modal { modal = nil }
            case .help: modal = .help(helpOverlay([.preview]), under: nil)
            }
        }
        return step.effects.map { $0.mapped(ClientMessage.image, ClientJob.image) }
    }
}
