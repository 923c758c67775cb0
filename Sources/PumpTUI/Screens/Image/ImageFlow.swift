import Foundation
import PumpCore

/// `i` on an image post and what follows (issues 14, 23): the menu (open, copy, save, view),
/// the preview drawn in the terminal, what the terminal can draw, and their jobs. Pure: the
/// client routes keys, answers and the graphics notice here, lifts the effects into its own
/// (`ClientMessage.image`, `ClientJob.image`) and applies the outcomes (`ClientScreen+Image`).
struct ImageFlow: Sendable {
    /// What is on screen: the menu, or the preview it opened.
    enum Open: Equatable, Sendable {
        case menu(ImageMenu)
        case preview(ImagePreview)
    }

    enum Job: Sendable {
        /// `i` → save: download (bounded, signed, own server only) into the download folder.
        case saveImage(ImageSaveRequest)
        /// `i` → view: download (the same bounded request) and decode for the preview; `serial`
        /// numbers the session's previews (`PreviewDecodes`: one decode at a time, the newest).
        case previewImage(MediaLink, serial: Int)
        /// The preview `serial` (and any before it) closed: its decode stops (issue 23). Quiet.
        case cancelPreview(serial: Int)
        /// The preview's picture in the terminal's graphics protocol.
        case encodeGraphic(GraphicJob)
    }

    enum Message: Sendable {
        /// Where the image was saved.
        case imageSaved(Result<String, ClientFailure>)
        /// Success with nil: the preview closed before its decode finished (nothing to show or say).
        case imagePreviewed(MediaLink, serial: Int, Result<PreviewImage?, ClientFailure>)
        /// `cancelPreview` done: a quiet job's answer.
        case previewCancelled
        case graphicEncoded(GraphicJob, String)
    }

    /// What the client does for the flow, in order.
    enum Outcome: Equatable, StatusOutcome {
        /// A job the user waits for started: its words stay on the status line until its answer.
        case progress(String)
        case say(String, StatusLine.Kind)
        /// A job failed: said as an error (a refused token sends the user to log in again).
        case failed(ClientFailure)
        /// The menu or the preview closed.
        case closed
        /// F1 in the preview: the picture has gone; the preview's keys are to be shown.
        case help
    }

    typealias Effects = [Effect<Message, Job>]

    /// One call's effects and outcomes.
    typealias Step = PartStep<Message, Job, Outcome>

    var open: Open?
    /// What the terminal can draw (nil: not asked yet; asked on the first preview).
    var graphicsSupport: GraphicsSupport?
    /// The last preview's number (`ImagePreview.serial`).
    var previewSerial = 0

    /// The menu is a picker; the preview has keys of its own.
    var keyContexts: [KeyContext] {
        if case .preview? = open { return [.preview] }
        return [.picker]
    }

    mutating func openMenu(_ link: MediaLink, isPublic: Bool, directory: String) {
        open = .menu(ImageMenu(link: link, isPublic: isPublic, directory: directory))
    }

    // MARK: - Keys

    /// `body`: where the preview is drawn (the client's body rows).
    mutating func handle(_ input: InputEvent, keymap: Keymap, body: Rect) -> Step {
        switch open {
        case .menu(var menu)?:
            let step = menu.list.pick(input, from: ImageMenu.Choice.allCases, keymap: keymap, shortcut: ImageMenu.choice(forLetter:))
            switch step {
            case .open: open = .menu(menu); return Step()
            case .closed: open = nil; return Step(outcomes: [.closed])
            case .chosen(let choice): return take(choice, menu)
            }
        case .preview(let preview)?:
            guard case .key(let key) = input else { return Step() }
            switch keymap.action(for: key, in: [.preview]) {
            case .back?: return close(preview)
            case .openItemURL?: return close(preview) + Step(effects: [.openBrowser(preview.url)])
            // Help is text: the picture (which a graphics protocol draws over any text) goes first.
            case .help?: return close(preview) + Step(outcomes: [.help])
            default: return Step()
            }
        case nil:
            return Step()
        }
    }

    private mutating func take(_ choice: ImageMenu.Choice, _ menu: ImageMenu) -> Step {
        switch choice {
        case .open: open = nil; return Step(effects: [.openBrowser(menu.url)], outcomes: [.closed])
        case .copy: open = nil; return Step(effects: [.copyToClipboard(menu.url)], outcomes: [.closed])
        case .save:
            open = nil
            return Step(effects: [.run(.saveImage(ImageSaveRequest(link: menu.link, directory: menu.directory, isPublic: menu.isPublic)))],
                        outcomes: [.closed, .progress("Saving the image…")])
        case .view: return preview(menu)
        }
    }

    private mutating func preview(_ menu: ImageMenu) -> Step {
        let name = TerminalText.clean(menu.link.url.lastPathComponent, .line, maxLength: 60)
        previewSerial += 1
        open = .preview(ImagePreview(link: menu.link, name: name.isEmpty ? "image" : name, serial: previewSerial))
        // The terminal is asked on the first preview only, never at start-up.
        let probe: Effects = graphicsSupport == nil ? [.graphics(.detect)] : []
        return Step(effects: [.run(.previewImage(menu.link, serial: previewSerial))] + probe, outcomes: [.progress("Loading the image…")])
    }

    /// Closing while the image is still loading stops its decode (a quiet job: no spinner).
    private mutating func close(_ preview: ImagePreview) -> Step {
        open = nil
        let loading = preview.image == nil && preview.problem == nil
        let effects: Effects = (preview.shown.map { [.graphics(.clear($0))] } ?? []) + (loading ? [.run(.cancelPreview(serial: preview.serial))] : [])
        return Step(effects: effects, outcomes: [.closed])
    }

    // MARK: - Answers

    mutating func receive(_ message: Message, body: Rect) -> Step {
        switch message {
        case .imageSaved(.success(let path)): return Step(outcomes: [.say("Saved the image to \(path).", .success)])
        case .imageSaved(.failure(let f)): return Step(outcomes: [.say("The image was not saved: \(f.message)", .error)])
        case .imagePreviewed(let link, let serial, let result): return previewArrived(link, serial: serial, result, body: body)
        case .previewCancelled: return Step()
        case .graphicEncoded(let job, let bytes): return graphicEncoded(job.link, job.placement, job.kind, bytes)
        }
    }

    /// The runtime's answer to `.graphics(.detect)`.
    mutating func graphicsFound(_ support: GraphicsSupport, body: Rect) -> Step {
        graphicsSupport = support
        return place(body: body)
    }

    private mutating func previewArrived(_ link: MediaLink, serial: Int, _ result: Result<PreviewImage?, ClientFailure>,
                                         body: Rect) -> Step {
        guard case .preview(var preview)? = open, preview.link == link, preview.serial == serial else { return Step() }
        let said: Outcome
        switch result {
        case .success(nil): return Step()
        case .success(let image?):
            preview.image = image
            said = .say("", .info)
        case .failure(let f):
            preview.problem = f.message
            said = .failed(f)
        }
        open = .preview(preview)
        return Step(outcomes: [said]) + place(body: body)
    }

    /// Lays the picture out for the body's size (at a resize too): half blocks now, or a job that
    /// encodes it for the terminal's protocol (`graphicEncoded` then asks the runtime to draw it).
    mutating func place(body: Rect) -> Step {
        guard case .preview(var preview)? = open, let image = preview.image, let support = graphicsSupport,
              preview.problem == nil else { return Step() }
        var step = Step(effects: preview.shown.map { [.graphics(.clear($0))] } ?? [])
        preview.shown = nil
        preview.inks = []
        let area = ImagePreview.pictureArea(body)
        let half = support.kind == .halfBlock
        // A terminal that did not say its cell size is assumed to have small cells (8×16): a
        // picture planned too small only leaves a margin; one planned too large would spill
        // over the frame, and a sixel reaching the last row scrolls the screen.
        let cell = half ? (1, 2) : (support.cellWidth ?? 8, support.cellHeight ?? 16)
        preview.placement = area.rows >= 2 && area.cols >= 8
            ? PreviewPlacement.fit(width: image.width, height: image.height, in: area, cellWidth: cell.0, cellHeight: cell.1) : nil
        if let placement = preview.placement {
            if half && support.colors >= 256 {
                preview.inks = HalfBlock.inks(image.pixels, cols: placement.cells.cols, rows: placement.cells.rows)
            } else if !half {
                step.effects.append(.run(.encodeGraphic(GraphicJob(link: preview.link, image: image, kind: support.kind, placement: placement))))
                step.outcomes.append(.progress("Drawing the image…"))
            }
        }
        open = .preview(preview)
        return step
    }

    private mutating func graphicEncoded(_ link: MediaLink, _ placement: PreviewPlacement, _ kind: GraphicsProtocol, _ bytes: String) -> Step {
        guard case .preview(var preview)? = open, preview.link == link, preview.placement == placement else { return Step() }
        preview.shown = kind
        open = .preview(preview)
        return Step(effects: [.graphics(.show(bytes, row: placement.cells.row, col: placement.cells.col))], outcomes: [.say("", .info)])
    }

    // MARK: - Drawing

    func render(into buffer: inout CellBuffer, body: Rect) {
        switch open {
        case .menu(let menu)?:
            ChoiceList(choices: menu.rows, selected: menu.list.selected, title: "Image — o, c, s, v or Enter").render(into: &buffer, area: body)
        case .preview(let preview)?:
            preview.render(into: &buffer, body: body, support: graphicsSupport)
        case nil:
            break
        }
    }
}

extension ImageFlow.Job {
    /// `cancelPreview` is no job the user waits for: no spinner (`QuietJobs`).
    var isQuiet: Bool {
        if case .cancelPreview = self { return true }
        return false
    }
}

extension ImageFlow.Message {
    /// `previewCancelled` answers a quiet job: it ends no spinner.
    var isQuietAnswer: Bool {
        if case .previewCancelled = self { return true }
        return false
    }
}
