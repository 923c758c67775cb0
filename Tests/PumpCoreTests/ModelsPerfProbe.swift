import Foundation
import Testing
@testable import PumpCore

@Test func perfProbe() throws {
    let page = try makePage(count: 200)
    let clock = ContinuousClock()
    let t1 = clock.measure { for _ in 0..<5 { _ = try? JSONSerialization.jsonObject(with: page) } }
        let t2 = clock.measure { for _ in 0..<5 { _ = Feed.decode(page) } }
    print("PROBE bytes=\(page.count) parse=\(t1/5) walk=\(t2/5)")
}
