import Foundation

/// The kitty graphics protocol: the image sent in base64 chunks of 4096 bytes (`m=1` … `m=0`),
/// displayed at once (`a=T`) over `c`×`r` cells without moving the cursor (`C=1`), no replies
/// (`q=2`). A PNG file goes as it is (`f=100`); anything else as RGBA pixels (`f=32`).
enum KittyGraphics {
    /// The preview's image id: one image at a time, deleted when the preview closes.
    static let imageID = 7341
    static let chunkSize = 4096
    static let delete = "\u{1b}_Ga=d,d=I,i=\(imageID),q=2\u{1b}\\"

    static func place(png: Data?, pixels: RGBAImage, cols: Int, rows: Int) -> String {
        let head: String, payload: Data
        if let png {
            head = "a=T,f=100,i=\(imageID),c=\(cols),r=\(rows),C=1,q=2"
            payload = png
        } else {
            head = "a=T,f=32,s=\(pixels.width),v=\(pixels.height),i=\(imageID),c=\(cols),r=\(rows),C=1,q=2"
            payload = Data(pixels.pixels)
        }
        let encoded = Array(payload.base64EncodedString().utf8)
        var out = "", start = 0
        repeat {
            let end = min(encoded.count, start + chunkSize)
            let more = end < encoded.count ? 1 : 0
            let keys = start == 0 ? head + ",m=\(more)" : "m=\(more)"
            out += "\u{1b}_G" + keys + ";" + String(decoding: encoded[start..<end], as: UTF8.self) + "\u{1b}\\"
            start = end
        } while start < encoded.count
        return out
    }
}

/// iTerm2's inline images (also WezTerm's): the file itself in one OSC 1337, sized in cells.
enum ITermGraphics {
    static func place(file: Data, cols: Int, rows: Int) -> String {
        "\u{1b}]1337;File=inline=1;size=\(file.count);width=\(cols);height=\(rows);preserveAspectRatio=1:"
            + file.base64EncodedString() + "\u{07}"
    }
}
