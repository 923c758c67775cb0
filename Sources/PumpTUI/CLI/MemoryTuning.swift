#if canImport(Glibc)
import Glibc
#endif

/// glibc's allocator set for sizes a server chooses (issue 23). By default a freed block raises
/// the mmap threshold to its size (up to 32 MB), so the next 7 MB page body, JSON copy and tape
/// come from the heap of whichever of up to 8 × cores arenas the thread uses, and their freed
/// space stays resident: 20 new 360 KB items per refresh crept the debug build from 85 to 102 MB
/// over 16 refreshes. A fixed 1 MB threshold sends every large buffer straight back to the
/// system when freed, and two arenas bound the rest; peak and steady RSS then stay flat (82 MB
/// peak, ~70 MB between refreshes, on the same run). Called first thing in `main`.
/// (`mallopt` is declared in malloc.h, which the Glibc module leaves out: it is looked up.)
enum MemoryTuning {
    /// malloc.h's parameter numbers.
    static let mmapThreshold: Int32 = -3, arenaMax: Int32 = -8

    static func apply() {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(mmapThreshold, 1 << 20)
        _ = mallopt(arenaMax, 2)
        #endif
    }
}
