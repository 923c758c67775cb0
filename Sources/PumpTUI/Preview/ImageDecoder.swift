import CImageDecode
import Foundation
import PumpCore

/// PNG and JPEG bytes into pixels (the C target CImageDecode over libpng and libjpeg-turbo).
/// The header's size is checked before anything is decompressed, so a small file claiming a
/// huge image (a decompression bomb) costs nothing.
enum ImageDecoder {
    static let maxSide = 8192
    static let maxPixels = 40_000_000

    struct Failure: Error, Equatable {
        var message: String
    }

    static func decode(_ data: Data, contentType: String = "") throws -> RGBAImage {
        var image = pump_image()
        var message = [CChar](repeating: 0, count: 200)
        let code = data.withUnsafeBytes { raw in
            pump_image_decode(raw.bindMemory(to: UInt8.self).baseAddress, raw.count, Int32(maxSide), maxPixels,
                              &image, &message, message.count)
        }
        defer { pump_image_free(&image) }
        let reason = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        switch Int(code) {
        case PUMP_IMAGE_OK:
            guard let rgba = image.rgba, image.width > 0, image.height > 0 else { throw Failure(message: "The image is empty.") }
            let count = Int(image.width) * Int(image.height) * 4
            return RGBAImage(width: Int(image.width), height: Int(image.height),
                             pixels: [UInt8](UnsafeBufferPointer(start: rgba, count: count)))
        case PUMP_IMAGE_TOO_LARGE:
            throw Failure(message: "The image is \(image.width)×\(image.height), too large to preview; o opens it.")
        case PUMP_IMAGE_UNKNOWN_FORMAT:
            throw Failure(message: "Can't preview \(describe(contentType, reason)) here; o opens it.")
        default:
            throw Failure(message: "The image could not be read (\(TerminalText.clean(reason, .line, maxLength: 100)).")
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
