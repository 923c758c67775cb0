import Foundation
import Testing
@testable import PumpCore

/// `FeedItem.decodeAll`: the cache's item blobs decoded as one document give exactly what
/// decoding each alone gives, and a damaged blob can neither break the others nor smuggle in
/// an item of its own.
@Suite struct CachedItemsDecodingTests {
    static let fixture: [Data] = {
        let node = JSONValue.parseObject(try! Fixture.data("inbox_major"))!
        return node.objects("items").map(\.rawData)
    }()

    @Test func oneDocumentDecodesLikeEachAlone() throws {
        let blobs = Self.fixture
        try #require(blobs.count >= 3)
        #expect(FeedItem.decodeAll(blobs) == blobs.compactMap(FeedItem.decode))
        #expect(FeedItem.decodeAll([]).isEmpty)
    }

    @Test func aBrokenBlobIsDroppedAndTheRestKept() {
        let blobs = Self.fixture
        let damaged = [blobs[0], Data(#"{"id":"cut-off","verb":"po"#.utf8), blobs[1]]
        #expect(FeedItem.decodeAll(damaged).map(\.id) == [blobs[0], blobs[1]].compactMap(FeedItem.decode).map(\.id))
    }

    /// A blob that is not one JSON value but becomes valid when joined must not add items.
    @Test func aBlobCannotSmuggleInAnItem() {
        let blobs = Self.fixture
        let smuggler = Data(#"{"id":"a","verb":"post"},{"id":"smuggled","verb":"post"}"#.utf8)
        let items = FeedItem.decodeAll([blobs[0], smuggler, Data("1".utf8), blobs[1]])
        #expect(!items.map(\.id).contains("smuggled"))
        #expect(items.map(\.id) == [blobs[0], blobs[1]].compactMap(FeedItem.decode).map(\.id))
    }
}
