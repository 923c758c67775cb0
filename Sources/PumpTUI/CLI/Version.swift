import CBuildInfo
import Foundation

/// `pumptui --version`: the version (kept here, by hand; scripts/package.sh reads it for the
/// archive name), the commit and the libraries, so a bug report says exactly what ran.
enum PumpTUIVersion {
    static let version = "0.2.0"

    /// The commit from the build header scripts/package.sh writes; other builds say "unknown".
    static var commit: String { String(cString: pumptui_build_commit()) }

    /// Swift packages as resolved at build time (package builds only), then what the running
    /// process actually loaded: ncurses, libqrencode, glibc (these can differ from the build host).
    static var libraries: [String] {
        var lines = String(cString: pumptui_build_packages()).split(separator: "\n").map(String.init)
        let swift = String(cString: pumptui_build_swift())
        if !swift.isEmpty { lines.insert(swift, at: 0) }
        if lines.isEmpty { lines.append("Swift packages: unknown (versions are recorded by scripts/package.sh)") }
        lines.append(CursesBackend.libraryVersion)   // only CursesBackend talks to ncurses
        if let lib = QREncodeLibrary.shared {
            lines.append("libqrencode \(lib.version().map { String(cString: $0) } ?? "?")")
        } else {
            lines.append("libqrencode not found (QR codes off)")
        }
        lines.append("glibc \(String(cString: pumptui_glibc_version()))")
        return lines
    }

    static var report: String {
        (["pumptui \(version) (commit \(commit))"] + libraries.map { "  " + $0 }).joined(separator: "\n")
    }
}
