// swift-tools-version:6.0
import PackageDescription

// Layout is fixed by the project: PumpCore (protocol, OAuth, models, storage; never curses),
// CNcurses (ncursesw), CQRencode (libqrencode, for the QR code of the authorize URL),
// PumpTUI (runtime, widgets, screens, CLI; the `pumptui` executable).
let package = Package(
    name: "pumptui",
    products: [
        .executable(name: "pumptui", targets: ["PumpTUI"]),
        .library(name: "PumpCore", targets: ["PumpCore"]),
        .library(name: "PumpModels", targets: ["PumpModels"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Already dependencies of async-http-client; named so PumpCore may import their modules
        // (ByteBuffer, deadlines, TLS and decompression errors).
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.29.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.24.0"),
        // The --debug/--log-file log (issue 15); already a dependency of async-http-client.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // config.toml (issue 14): a real TOML parser with line numbers in its errors.
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // The offline cache (issue 13): SQLite with migrations and FTS5, on Debian's libsqlite3.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Parser, models, HTML and terminal text, the error type: Foundation only, so the fuzz
        // targets link it without swift-crypto or swift-nio.
        .target(name: "PumpModels"),
        // What a screen is drawn into: cells with roles, display widths, grapheme clusters and
        // themes. No curses and no PumpCore, so the fuzz targets link the theme parser alone.
        .target(name: "PumpRender"),
        .target(
            name: "PumpCore",
            dependencies: [
                "PumpModels",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                .product(name: "NIOSOCKS", package: "swift-nio-extras"),  // SOCKS errors, to name the proxy
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // No pkgConfig: SwiftPM drops the -D flags ncursesw.pc gives; shim.h defines what is needed.
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CQRencode", providers: [.apt(["libqrencode-dev"])]),
        // Signal handlers and the crash-time terminal reset: a real C target, so their state
        // exists once in the process (static storage in a header gave each importer a copy).
        .target(name: "CTerminalGuard"),
        // What `--version` reports about the build: commit and library versions, from a header
        // scripts/package.sh writes into its scratch directory (absent in other builds: "unknown").
        .target(name: "CBuildInfo"),
        // PNG and JPEG decoding for the inline image preview (issue 14), on Debian's libpng and
        // libjpeg-turbo: C because libjpeg reports errors by longjmp.
        .target(
            name: "CImageDecode",
            linkerSettings: [.linkedLibrary("png"), .linkedLibrary("jpeg")]
        ),
        .executableTarget(
            name: "PumpTUI",
            dependencies: [
                "PumpCore", "PumpRender", "CNcurses", "CQRencode", "CTerminalGuard", "CBuildInfo", "CImageDecode",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            // The Swift driver links executables with --export-dynamic, which put ~38 000 of our
            // and our packages' symbols into .dynsym: ld.so then binds through them and the
            // runtime's start-up dladdr() scans them all. Nothing resolves our symbols by name
            // (no dlsym, no plugins), so the release binary exports none (issue 11: start-up).
            linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(configuration: .release))]
        ),
        // libFuzzer targets over PumpModels, PumpRender and the image decoders only (no NIO;
        // scripts/fuzz.sh builds them with -sanitize=fuzzer -DFUZZING in .build-fuzz; a plain
        // build is a crash reproducer).
        .executableTarget(name: "PumpFuzz", dependencies: ["PumpModels", "PumpRender", "CImageDecode"], path: "Fuzz/Targets"),
        // The test code itself is not optimised, even in the test command's release build: the
        // tests are the last modules the build compiles (after everything they test), and -O
        // made them about a third of the fresh-clone build's CPU tail (issue 26). The code
        // under test stays -O.
        .testTarget(name: "PumpCoreTests", dependencies: ["PumpCore"], resources: [.copy("Fixtures")],
                    swiftSettings: testSettings),
        .testTarget(name: "PumpTUITests", dependencies: ["PumpTUI", "PumpCore"], swiftSettings: testSettings),
    ],
    swiftLanguageModes: [.v6]
)

/// The test targets' flags (above): unoptimised, in every configuration.
var testSettings: [SwiftSetting] { [.unsafeFlags(["-Onone"])] }
