import CImageDecode
import Foundation

/// PNG and JPEG through the preview's decoder (CImageDecode over libpng and libjpeg-turbo) with
/// the app's limits: a result, a reason when it fails, pixels only when it succeeds, within the
/// limits. Memory is the run's to judge (scripts/fuzz.sh gives this target -malloc_limit_mb and
/// -rss_limit_mb, and hostile seeds from bench/hostile_images.py): a decode whose allocations
/// grow with what the file claims rather than with its bytes is a failure (issue 23).
func fuzzImage(_ data: Data) {
    var image = pump_image()
    var message = [CChar](repeating: 0, count: 200)
    let code = data.withUnsafeBytes { raw in
        pump_image_decode(raw.bindMemory(to: UInt8.self).baseAddress, raw.count, Int32(PUMP_PREVIEW_MAX_SIDE),
                          PUMP_PREVIEW_MAX_PIXELS, 1024, nil, &image, &message, message.count)
    }
    defer { pump_image_free(&image) }
    let input = data.prefix(48).base64EncodedString()
    require(message.contains(0), "the message is NUL-terminated", input)
    if code == Int32(PUMP_IMAGE_OK) {
        let (w, h) = (Int(image.width), Int(image.height))
        require(image.rgba != nil && w > 0 && h > 0, "pixels on success", input)
        require(w <= Int(PUMP_PREVIEW_MAX_SIDE) && h <= Int(PUMP_PREVIEW_MAX_SIDE) && w * h <= PUMP_PREVIEW_MAX_PIXELS,
                "the decoded size within the limits", input)
        // The whole buffer is there (AddressSanitizer checks the last byte).
        _ = image.rgba?[w * h * 4 - 1]
    } else {
        require(image.rgba == nil, "no pixels on failure", input)
        require(message[0] != 0, "a failure says why", input)
        require([PUMP_IMAGE_UNKNOWN_FORMAT, PUMP_IMAGE_TOO_LARGE, PUMP_IMAGE_CORRUPT, PUMP_IMAGE_NO_MEMORY]
                    .map(Int32.init).contains(code), "a known result code", input)
    }
}
