import Foundation
import PumpModels
import PumpRender

/// Activity/collection decoding: any bytes give a value or nil, and every text the screens read
/// from a decoded feed (names, content, summaries, URLs) comes out terminal-safe.
func fuzzJSON(_ data: Data) {
    if let feed = Feed.decode(data) {
        for item in feed.items { touch(item) }
    }
    if let activity = Activity.decode(data) { touchActivity(activity) }
}

private func touch(_ item: FeedItem) {
    if let activity = item.activity { touchActivity(activity) }
}

private func touchActivity(_ a: Activity) {
    if let actor = a.actor { touchPerson(actor) }
    if let object = a.object {
        let rendered = object.renderedContent
        require(isTerminalSafe(rendered.text, allowNewline: true), "renderedContent safe", rendered.text)
        if let url = object.displayURL {
            require(isTerminalSafe(url, allowNewline: false), "displayURL safe", url)
        }
        if let author = object.author { touchPerson(author) }
    }
}

private func touchPerson(_ p: Person) {
    let summary = p.renderedSummary.text
    require(isTerminalSafe(summary, allowNewline: true), "renderedSummary safe", summary)
}
