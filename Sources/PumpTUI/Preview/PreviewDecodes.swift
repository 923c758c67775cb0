import CImageDecode
import Dispatch

/// The C decoder's cancel flag (an atomic int in CImageDecode): set from any thread, read by
/// the decode between rows and scans.
final class DecodeCancel: @unchecked Sendable {
    // @unchecked: the pointer never changes, and the flag behind it is a C atomic.
    let flag: OpaquePointer

    init() {
        guard let flag = pump_cancel_new() else { fatalError("out of memory for a cancel flag") }
        self.flag = flag
    }

    deinit { pump_cancel_free(flag) }

    func request() { pump_cancel_request(flag) }
    var isRequested: Bool { pump_cancel_requested(flag) != 0 }
}

/// The preview's decodes (issue 23): one at a time, and stopped when their preview closes.
/// Previews are numbered by the screen (`ImagePreview.serial`): a decode asked for by preview n
/// cancels every older one, and closing preview n cancels it and all before it, whether its
/// decode is running, waiting for the previous one to stop, or not begun (the close can reach
/// the worker before the download finished, or even before the job started).
actor PreviewDecodes {
    /// Previews numbered up to this one are closed or superseded.
    private var closedThrough = 0
    private var running: (serial: Int, cancel: DecodeCancel)?
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Closing preview `serial`: its decode (if any) and every older one stop.
    func cancel(through serial: Int) {
        closedThrough = max(closedThrough, serial)
        if let running, running.serial <= closedThrough { running.cancel.request() }
    }

    /// Runs `decode` for preview `serial` once no other decode runs; nil when that preview was
    /// closed (or a newer one asked) before or during it.
    func run<T: Sendable>(serial: Int, _ decode: @escaping @Sendable (DecodeCancel) throws -> T) async throws -> T? {
        cancel(through: serial - 1)
        while running != nil, serial > closedThrough {
            await withCheckedContinuation { waiting.append($0) }
        }
        guard serial > closedThrough else { return nil }
        let cancel = DecodeCancel()
        running = (serial, cancel)
        defer {
            running = nil
            let woken = waiting
            waiting = []
            for w in woken { w.resume() }
        }
        return try await Self.offThePool(cancel, decode)
    }

    /// The decode on a Dispatch thread: the actor stays free to take a cancel meanwhile, and a
    /// long decode (blocking C code) holds no thread of Swift's cooperative pool, which has one
    /// per core. A decode that failed because it was cancelled is no failure to report: nil.
    private static func offThePool<T: Sendable>(_ cancel: DecodeCancel, _ decode: @escaping @Sendable (DecodeCancel) throws -> T) async throws -> T? {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<T?, Error>) in
            DispatchQueue.global(qos: .userInitiated).async {
                do { done.resume(returning: try decode(cancel)) } catch {
                    if cancel.isRequested { done.resume(returning: nil) } else { done.resume(throwing: error) }
                }
            }
        }
    }
}
