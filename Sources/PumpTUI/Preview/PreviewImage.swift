import Foundation
import PumpCore

/// A downloaded image ready to show: its pixels (shrunk to at most `maxSide`, enough for any
/// screen's worth of cells or sixels) and the file itself, which kitty (PNG) and iTerm2 take as is.
struct PreviewImage: Equatable, Sendable {
    static let maxSide = 1024
    var pixels: RGBAImage
    var file: Data
    var isPNG: Bool
    /// The size the file says (before shrinking).
    var width: Int
    var height: Int

    /// Decodes a download; a format or size it cannot show is a ClientFailure whose message
    /// says what to do instead.
    static func load(_ data: Data, contentType: String, cancel: DecodeCancel? = nil) throws -> PreviewImage {
        do {
            let image = try ImageDecoder.decode(data, contentType: contentType, fitting: maxSide, cancel: cancel)
            return PreviewImage(pixels: image.pixels, file: data,
                                isPNG: data.starts(with: [0x89, 0x50, 0x4E, 0x47]), width: image.width, height: image.height)
        } catch let failure as ImageDecoder.Failure {
            throw ClientFailure(message: failure.message)
        }
    }
}

/// Where a preview's picture goes and how many pixels it gets.
struct PreviewPlacement: Equatable, Sendable {
    /// The cells the picture covers.
    var cells: Rect
    /// Its size in pixels (for sixel; kitty and iTerm2 scale by themselves).
    var pixelWidth: Int
    var pixelHeight: Int

    /// The most pixels a side of the picture gets: twice what the decoded image has (enlarging
    /// further adds bytes, no detail). The cell size is the terminal's word: a reply claiming
    /// 999-pixel cells once made a 1×1 image a 4.7 GB sixel (issue 23).
    static let maxPixelSide = 2 * PreviewImage.maxSide

    /// The picture fitted into `area` with its aspect ratio kept, centred. A cell is
    /// `cellWidth`×`cellHeight` pixels: the terminal's own (when it said) for graphics, 1×2 for
    /// half blocks (a cell holds two pixels, one above the other, and is about twice as tall as wide).
    static func fit(width: Int, height: Int, in area: Rect, cellWidth: Int, cellHeight: Int) -> PreviewPlacement? {
        guard area.cols > 0, area.rows > 0, cellWidth > 0, cellHeight > 0 else { return nil }
        let px = RGBAImage.fit(width: width, height: height, into: min(area.cols * cellWidth, maxPixelSide),
                               min(area.rows * cellHeight, maxPixelSide))
        let cols = min(area.cols, max(1, (px.width + cellWidth - 1) / cellWidth))
        let rows = min(area.rows, max(1, (px.height + cellHeight - 1) / cellHeight))
        let rect = Rect(row: area.row + (area.rows - rows) / 2, col: area.col + (area.cols - cols) / 2, rows: rows, cols: cols)
        return PreviewPlacement(cells: rect, pixelWidth: px.width, pixelHeight: px.height)
    }
}

/// Turns an image into the bytes of the terminal's graphics protocol (a job: sixel encoding of a
/// large picture takes a moment).
struct GraphicJob: Sendable {
    var link: MediaLink
    var image: PreviewImage
    var kind: GraphicsProtocol
    var placement: PreviewPlacement

    func encode() -> String {
        let cells = placement.cells
        switch kind {
        case .kitty:
            return KittyGraphics.place(png: image.isPNG ? image.file : nil, pixels: image.pixels, cols: cells.cols, rows: cells.rows)
        case .iterm2:
            return ITermGraphics.place(file: image.file, cols: cells.cols, rows: cells.rows)
        case .sixel:
            return SixelEncoder.encode(image.pixels.resized(width: placement.pixelWidth, height: placement.pixelHeight))
        case .halfBlock:
            return ""
        }
    }
}
