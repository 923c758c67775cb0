import CImageDecode
import Foundation
import PumpCore

/// PNG and JPEG bytes into pixels (the C target CImageDecode over libpng and libjpeg-turbo).
/// The header's size is checked before anything is decompressed, so a small file claiming a
/// huge image (a decompression bomb) costs nothing.
enum ImageDecoder {
    static let maxSide = Int(PUMP_PREVIEW_MAX_SIDE)
    /// Pixels decoded at once, 4 bytes each: 36 MB at most, so a hostile image keeps the
    /// process under issue 11's 100 MB like a hostile body does (an 11.9 M-pixel PNG peaked at
    /// 105 MB). A 4K screenshot (8.3 M) still fits; a JPEG counts after libjpeg's scaling, so
    /// photos far larger than this still preview.
    static let maxPixels = PUMP_PREVIEW_MAX_PIXELS

    struct Failure: Error, Equatable {
        var message: String
        static let cancelled = Failure(message: "The preview was closed.")
    }

    /// Pixels no larger than `fitting` a side (shrunk straight from the decoder's buffer, a JPEG
    /// already decoded at a reduced scale), and the size the file says.
    struct Decoded: Equatable {
        var pixels: RGBAImage
        var width: Int
        var height: Int
    }

    /// `cancel`: set from another thread, the decode stops (between rows and scans) with
    /// `Failure.cancelled`.
    static func decode(_ data: Data, contentType: String = "", fitting side: Int = maxSide, cancel: DecodeCancel? = nil) throws -> Decoded {
        var image = pump_image()
        var message = [CChar](repeating: 0, count: 200)
        let code = data.withUnsafeBytes { raw in
            pump_image_decode(raw.bindMemory(to: UInt8.self).baseAddress, raw.count, Int32(maxSide), maxPixels, Int32(side),
                              cancel?.flag, &image, &message, message.count)
        }
        defer { pump_image_free(&image) }
        let reason = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        switch Int(code) {
        case PUMP_IMAGE_OK:
            guard let rgba = image.rgba, image.width > 0, image.height > 0 else { throw Failure(message: "The image is empty.") }
            let (w, h) = (Int(image.width), Int(image.height))
            let pixels = UnsafeBufferPointer(start: rgba, count: w * h * 4)
            let fit = RGBAImage.fit(width: w, height: h, into: min(w, side), min(h, side))
            let shrink = fit.width != w || fit.height != h
            return Decoded(pixels: shrink ? RGBAImage.resize(pixels, width: w, height: h, to: fit.width, fit.height)
                                          : RGBAImage(width: w, height: h, pixels: [UInt8](pixels)),
                           width: Int(image.source_width), height: Int(image.source_height))
        case PUMP_IMAGE_TOO_LARGE:
            throw Failure(message: "The image is \(image.source_width)×\(image.source_height), too large to preview; o opens it.")
        case PUMP_IMAGE_CANCELLED:
            throw Failure.cancelled
        case PUMP_IMAGE_UNKNOWN_FORMAT:
            throw Failure(message: "Can't preview \(describe(contentType, reason)) here; o opens it.")
        default:
            throw Failure(message: "The image could not be read (\(TerminalText.clean(reason, .line, maxLength: 100))).")
        }
    }

    /// "image/gif" from the server's content type, else the decoder's own words.
    private static func describe(_ contentType: String, _ reason: String) -> String {
        let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        if !type.isEmpty && type != "image/png" && type != "image/jpeg" {
            return TerminalText.clean(type, .line, maxLength: 100)
        }
        return reason.hasPrefix("neither") ? "this kind of image" : TerminalText.clean(reason, .line, maxLength: 100)
    }
}
