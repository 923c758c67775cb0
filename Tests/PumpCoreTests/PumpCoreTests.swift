import Testing
@testable import PumpCore

@Test func versionIsSet() { #expect(!PumpCoreInfo.version.isEmpty) }
