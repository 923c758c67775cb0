import CQRencode
#if canImport(Glibc)
import Glibc
#endif

/// libqrencode, opened on first use: linked at build time, a host without it could not start
/// pumptui at all (`--version` exited 127); opened at run time, only the QR code is missing.
struct QREncodeLibrary {
    typealias Encode = @convention(c) (UnsafePointer<CChar>?, Int32, QRecLevel) -> UnsafeMutablePointer<QRcode>?
    typealias Free = @convention(c) (UnsafeMutablePointer<QRcode>?) -> Void
    typealias Version = @convention(c) () -> UnsafePointer<CChar>?
    let encode: Encode
    let free: Free
    let version: Version

    static let shared: QREncodeLibrary? = open()
    static let missing = "QR codes need libqrencode (Debian/Ubuntu: apt-get install libqrencode4)"

    private static func open() -> QREncodeLibrary? {
        for name in ["libqrencode.so.4", "libqrencode.so"] {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { continue }
            guard let e = dlsym(handle, "QRcode_encodeString8bit"), let f = dlsym(handle, "QRcode_free"),
                  let v = dlsym(handle, "QRcode_APIVersionString") else { dlclose(handle); continue }
            return QREncodeLibrary(encode: unsafeBitCast(e, to: Encode.self), free: unsafeBitCast(f, to: Free.self),
                                   version: unsafeBitCast(v, to: Version.self))
        }
        return nil
    }
}

/// QR codes drawn with half blocks: two module rows per text row, so a code for an authorize
/// URL fits a normal terminal. Blocks are the LIGHT modules (like `qrencode -t UTF8`): on the
/// usual light-on-dark terminal the foreground is the light colour, so the code reads the
/// right way round for phone cameras.
public enum QRCode {
    /// False on a host without libqrencode: say `QREncodeLibrary.missing` instead of a code.
    static var isAvailable: Bool { QREncodeLibrary.shared != nil }

    /// The lines of the code with a quiet zone of 4 modules when the result fits `maxCols`
    /// (2 otherwise), or nil when encoding fails or even 2 does not fit.
    public static func halfBlockLines(for text: String, maxCols: Int = Int.max) -> [String]? {
        guard let modules = modules(for: text) else { return nil }
        let size = modules.count
        let quiet = size + 8 <= maxCols ? 4 : 2
        guard size + 2 * quiet <= maxCols else { return nil }
        let total = size + 2 * quiet
        func dark(_ r: Int, _ c: Int) -> Bool {
            let y = r - quiet, x = c - quiet
            guard y >= 0, y < size, x >= 0, x < size else { return false }
            return modules[y][x]
        }
        var lines: [String] = []
        for r in stride(from: 0, to: total, by: 2) {
            var line = ""
            for c in 0..<total {
                // A row past the bottom (odd total) is one more row of quiet zone: light.
                let top = !dark(r, c), bottom = r + 1 >= total || !dark(r + 1, c)
                line.append(top ? (bottom ? "█" : "▀") : (bottom ? "▄" : " "))
            }
            lines.append(line)
        }
        return lines
    }

    /// The module matrix (true = dark), 8-bit mode, error correction M.
    static func modules(for text: String) -> [[Bool]]? {
        guard !text.isEmpty, let lib = QREncodeLibrary.shared, let code = lib.encode(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { lib.free(code) }
        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { return nil }
        return (0..<width).map { y in (0..<width).map { x in data[y * width + x] & 1 == 1 } }
    }
}
