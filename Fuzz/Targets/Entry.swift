import Foundation
import PumpModels
import PumpRender

// One libFuzzer binary holds every target (one build instead of six); scripts/fuzz.sh picks the
// target with PUMPTUI_FUZZ_TARGET. Each target calls the real parsing code and checks the
// invariants the rest of the app relies on; a violated invariant is a crash, like a trap is.

let fuzzTargets: [String: @Sendable (Data) -> Void] = [
    "json": fuzzJSON,
    "image": fuzzImage,
    "html": fuzzHTML,
    "sanitizer": fuzzSanitizer,
    "token": fuzzTokenReply,
    "hostmeta": fuzzHostMeta,
    "theme": fuzzTheme,
    "links": fuzzLinks,
]

let selectedTarget: @Sendable (Data) -> Void = {
    let name = ProcessInfo.processInfo.environment["PUMPTUI_FUZZ_TARGET"] ?? ""
    guard let target = fuzzTargets[name] else {
        FileHandle.standardError.write(Data("PUMPTUI_FUZZ_TARGET must be one of: \(fuzzTargets.keys.sorted())\n".utf8))
        exit(2)
    }
    return target
}()

#if FUZZING
// Built by scripts/fuzz.sh with -sanitize=fuzzer. SwiftPM makes an executable's `main` its own
// module's entry point, so libFuzzer's `main` is not used: this one hands the command line to
// libFuzzer's driver (LLVMFuzzerRunDriver, the documented entry for a program with its own main).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main
enum Fuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv) { bytes, count in fuzzOneInput(bytes, count) })
    }
}

/// Also what libFuzzer's own main (linked in, unused) refers to.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    selectedTarget(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}
#else
/// A plain build (`swift build`) is a reproducer: `PUMPTUI_FUZZ_TARGET=json PumpFuzz FILE…`
/// runs a saved crash input through the same target, under the debugger if need be.
@main
enum Reproduce {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            selectedTarget(try Data(contentsOf: URL(fileURLWithPath: path)))
            print("ok: \(path)")
        }
    }
}
#endif

/// Fails the run (libFuzzer saves the input) when `condition` does not hold.
func require(_ condition: @autoclosure () -> Bool, _ what: String, _ input: String) {
    if !condition() {
        fatalError("invariant broken: \(what) for input \(input.debugDescription.prefix(300))")
    }
}

/// True when no scalar could drive a terminal: C0 (except newline if allowed), DEL, C1, bidi controls.
func isTerminalSafe(_ s: String, allowNewline: Bool) -> Bool {
    s.unicodeScalars.allSatisfy { c in
        switch c.value {
        case 0x0A: return allowNewline
        case 0x00...0x1F, 0x7F...0x9F: return false
        case 0x202A...0x202E, 0x2066...0x2069: return false
        default: return true
        }
    }
}
