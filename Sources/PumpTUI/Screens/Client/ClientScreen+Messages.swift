import Foundation
import PumpCore

/// Results of jobs and runtime notices.
extension ClientScreen {
    mutating func handle(_ message: ClientMessage) -> Effects {
        if case .refreshTimer = message {
            // The current timeline and the counted ones refresh in the background; positions
            // stay where they are (`feedArrived`).
            return refreshCounted(quiet: true) + refreshTimer
        }
        // Storing a read position is no job the user waits for: no spinner, no count.
        if case .stored(let problem) = message {
            if let problem { say(problem, .warning) }
            return []
        }
        switch message {
        case .feed(let kind, let direction, let result): return feedArrived(kind, direction, result)
        case .page(let m): return pageArrived(m)
        case .verb(let request, let result): return verbFinished(request, result)
        case .followedAccount(let who, let result):
            if case .failure(let f) = result { fail(f) } else { say("Following \(who).", .success) }
        case .compose(let m): return composeMessage(m)
        case .profile(.avatarChecked(let result)): avatarChecked(result)
        case .profile(.saved(let edit, let result)): return profileSaved(edit, result)
        case .image(let m): return imageArrived(m)
        case .refreshTimer: break
        case .cached(let snapshot): return cacheArrived(snapshot)
        case .stored: break
        }
        applyOwnMarks()
        keepSelectionVisible()
        return []
    }

    /// Pages from a server that leaves out `liked`/`shared` would show our like as not there,
    /// and `l` would like a second time: what this session did fills those gaps.
    mutating func applyOwnMarks() {
        for (id, marks) in ownMarks {
            updateObject(id) { o in
                if o.liked == nil { o.liked = marks.liked }
                if o.shared == nil { o.shared = marks.shared }
            }
        }
    }

    mutating func fail(_ f: ClientFailure) {
        say(f.message, .error)
        if f.tokenRejected { handoff = .relogin(account, reason: f.message) }
    }

    private mutating func feedArrived(_ kind: FeedKind, _ direction: PageDirection, _ result: Result<Feed, ClientFailure>) -> Effects {
        var effects: Effects = []
        var pane = timelines[kind] ?? TimelinePane()
        let had = store.feed(kind)
        switch direction {
        case .older: pane.loadingOlder = false
        case .first, .newer: pane.loadingNewer = false
        }
        switch result {
        case .failure(let f):
            if f.offline, had != nil {
                // Offline with the cache's items: they stay readable; the title says offline.
                offline = true
                if kind == current && pages.isEmpty { say("Offline: \(f.message) · showing cached items", .warning) }
            } else {
                pane.error = f.message; fail(f)
                if f.offline { offline = true }
            }
        case .success(let page):
            offline = false
            if direction != .older { pane.loadedAt = now }
            // The first news after a cached start, or after an own action, shows at the top when
            // the user is there; later refreshes keep the reading position.
            let showTop = pane.fromCache || pane.actionNote != nil
            pane.fromCache = false
            let before = store.items(kind).count
            store.receive(page, into: kind, had == nil ? .first : direction)
            let added = store.items(kind).count - before
            // The reading position stays: new items arrive above it, counted as "N new".
            if direction == .newer, before > 0, added > 0, !showTop || pane.list.selected > 0 || pane.list.top > 0 {
                pane.list.selected += added; pane.list.top += added
                // R at the top asked to see them: above the item being read, when both fit.
                if pane.revealNews, kind == current, pages.isEmpty, selectionFitsFromTop(pane.list) { pane.list.top = 0 }
            }
            timelines[kind] = pane
            keepWithinBudget(kind, pagedOlder: direction == .older)
            pane = timelines[kind] ?? pane
            let items = store.items(kind)
            // A timeline seen for the first time starts read: only what arrives later is new.
            if markers[kind] == nil, let first = items.first {
                markers[kind] = ReadMarker(itemID: first.id, published: first.published)
                effects.append(.run(.saveReadMarker(kind, markers[kind]!)))
            }
            if let read = ownItemsRead(items, marker: markers[kind],
                                       selected: pane.actionNote != nil ? pane.list.selected : nil) {
                markers[kind] = read
                effects.append(.run(.saveReadMarker(kind, read)))
            }
            let fresh = unread(kind)
            var text = direction == .older && added == 0 ? "No older items."
                : (direction == .newer && added > 0 && fresh > 0 ? "\(kind.title): \(Unread.label(fresh)) · \(timelineKey(.firstUnread)) jumps to them"
                : (added > 0 || direction == .first ? "\(kind.title): \(Plural.count(items.count, "item"))" : "No new items."))
            var kindOfText = StatusLine.Kind.info
            // Greeted with the first news that is shown: Notifications answering first must
            // not use the greeting up off screen.
            let shown = pane.actionNote != nil || (kind == current && pages.isEmpty)
            if !greeted && shown {
                greeted = true; text = (settings.notice ?? greeting) + " · " + text
                if settings.notice != nil { kindOfText = .warning }
            }
            if let note = pane.actionNote { say(note + " · " + text, .success) }
            else if shown { say(text, kindOfText) }
        }
        pane.actionNote = nil
        pane.revealNews = false
        timelines[kind] = pane
        applyOwnMarks()
        keepSelectionVisible()
        return effects + (kind == .notifications ? cue() : [])
    }

    /// The cache's timelines show at once (positions at the top, read markers restored); then
    /// the network is asked for what is newer, for the current timeline and Notifications.
    private mutating func cacheArrived(_ snapshot: CacheSnapshot) -> Effects {
        cacheArrivedOnce = true
        markers.merge(snapshot.markers) { mine, _ in mine }
        let currentIsNew = snapshot.timelines[current] != nil && store.feed(current) == nil
        // The older items of the tab whose first screenful came first (it may have newer
        // items from the server by now; these go at the end, deduplicated).
        if let kind = snapshot.restOf, let rest = snapshot.timelines[kind], var pane = timelines[kind], store.feed(kind) != nil {
            // At the bottom of the screenful (G typed ahead): the bottom of all of it.
            let count = store.items(kind).count
            let atBottom = count > 1 && pane.list.selected == count - 1
            store.receive(rest, into: kind, .older, fromCache: true)
            if atBottom { pane.list.selected = store.items(kind).count - 1 }
            timelines[kind] = pane
        }
        for (kind, feed) in snapshot.timelines where store.feed(kind) == nil && kind != snapshot.restOf {
            store.receive(feed, into: kind, .first, fromCache: true)
            timelines[kind, default: TimelinePane()].fromCache = true
        }
        let shown = store.items(current).count
        if let problem = snapshot.problem { say(problem, .warning) }
        else if currentIsNew, shown > 0 {
            // The first read stops at a screenful; the rest comes next ("40+").
            let capped = !snapshot.complete && shown >= ClientJob.firstCachedCount
            let count = capped ? "\(shown)+ cached items" : Plural.count(shown, "cached item")
            say("\(current.title): \(count) · updating…")
        }
        keepSelectionVisible()
        // The first tab's rows are on screen; the other timelines are read next, and only
        // then is Notifications asked of the server (its cached items are the base to merge).
        var effects: Effects = snapshot.complete ? []
            : start(.cachedRest(have: current), "")
        let asked: [FeedKind] = !snapshot.complete ? [current] : cacheRestPending ? [.notifications] : [current, .notifications]
        cacheRestPending = !snapshot.complete
        for kind in asked where timelines[kind]?.isLoading != true {
            effects += load(kind, store.feed(kind) == nil ? .first : .newer, quiet: true)
        }
        return effects
    }

    /// "Liked Bob's note." — what happened, and to what (like and share are public); `undo`
    /// names the key that takes it back.
    static func verbDone(_ r: VerbRequest, undo: String) -> String {
        let what = verbObject(r)
        switch r.kind {
        case .like: return "Liked \(what) · \(undo) again undoes"
        case .unlike: return "Unliked \(what)."
        case .share: return "Shared \(what) · \(undo) again undoes"
        case .unshare: return "Unshared \(what)."
        default: return "Done."
        }
    }

    /// The key that undoes a like or a share, as configured.
    func undoKey(_ r: VerbRequest) -> String { timelineKey(r.kind == .share || r.kind == .unshare ? .share : .like) }

    /// "Bob's note": what a like or share was about.
    static func verbObject(_ r: VerbRequest) -> String {
        r.object.map { o in "\(o.author.map { $0.label + "'s " } ?? "")\(o.objectType ?? "post")" } ?? "it"
    }

    /// "You already like Bob's note · l again undoes": the server had it, nothing was sent.
    static func alreadyDone(_ r: VerbRequest, undo: String) -> String {
        let what = verbObject(r)
        return r.kind == .share ? "You already shared \(what) · \(undo) again undoes" : "You already like \(what) · \(undo) again undoes"
    }

    private mutating func verbFinished(_ r: VerbRequest, _ result: Result<Activity, ClientFailure>) -> Effects {
        switch result {
        case .failure(let f):
            if let undo = r.undo, let o = r.object {
                updateObject(o.id) { undo.apply(to: &$0) }
                ownMarks[o.id] = OwnMarks(liked: undo.liked, shared: undo.shared)
            }
            fail(f)
        case .success where r.alreadySo != nil:
            if let o = r.object, let current = r.alreadySo {
                updateObject(o.id) { ObjectMarks(current).apply(to: &$0) }
                say(Self.alreadyDone(r, undo: undoKey(r)), .success)
            }
        case .success:
            switch r.kind {
            case .like, .unlike, .share, .unshare:
                say(Self.verbDone(r, undo: undoKey(r)), .success)
                return refreshAfterOwnAction(affecting: [r.kind == .like || r.kind == .unlike ? .favorites : .outbox])
            case .delete:
                if let o = r.object {
                    store.record(.deletion(of: o.id))
                    updateObject(o.id) { $0.isDeleted = true; $0.content = nil }
                }
                say("Deleted.", .success)
            case .follow, .unfollow:
                let on = r.kind == .follow
                pages.setFollowed(r.person?.id, on)
                say(on ? "Following \(r.person?.label ?? "them")." : "Unfollowed \(r.person?.label ?? "them").", .success)
            }
        }
        return []
    }

    /// The editor's post is on the server (`ComposeFlow.Outcome.posted`): said, and shown where
    /// it belongs (a reply under what it answers, an edit everywhere), the timelines refreshed.
    mutating func posted(_ mode: Composer.Mode, _ activity: Activity, found: Bool) -> Effects {
        switch mode {
        case .note: say(found ? "It had been posted: it was in your outbox, so it was not sent again." : "Posted.", .success)
        case .reply(let o):
            say(activity.addressedOnRetry ? "Reply sent to the post's audience and author (the server had only a share of it)."
                : "Reply sent.", .success)
            updateObject(o.id) { $0.replies = Self.bump($0.replies, 1) }
            if let reply = activity.object { pages.appendReply(reply, to: o.id) }
        case .edit(let o):
            say("Updated.", .success)
            if let new = activity.object {
                var edit = ObjectRevision(id: o.id)
                edit.content = new.content; edit.displayName = new.displayName; edit.updated = new.updated ?? now
                store.record(edit)
                updateObject(o.id) { $0.content = new.content ?? $0.content; $0.displayName = new.displayName ?? $0.displayName }
            }
        }
        keepSelectionVisible()
        return refreshAfterOwnAction(affecting: [.outbox, .inboxMajor, .inboxMinor])
    }

    /// The timelines an own action shows up in are refreshed if they were opened already, so
    /// Mine and Favorites do not wait for R; the status keeps what the action said.
    mutating func refreshAfterOwnAction(affecting kinds: [FeedKind]) -> Effects {
        let note = status.kind == .success ? status.message : nil
        var effects: Effects = []
        for kind in kinds where store.feed(kind) != nil && timelines[kind]?.isLoading != true {
            effects += load(kind, .newer, quiet: true)
            if kind == current && pages.isEmpty { timelines[kind]?.actionNote = note }
        }
        if let note { say(note, .success) }                // `load` said "Refreshing…"
        return effects
    }

    mutating func handle(_ notice: RuntimeNotice) -> Effects {
        switch notice {
        case .copied: say("Sent the URL to the terminal's clipboard (OSC 52).", .success)
        case .copyBlocked(let reason): say("Not copied: \(reason).", .warning)
        case .plainShown: break
        case .browserOpened: say("Opened in the browser.", .success)
        case .browserUnavailable(let reason): say("Cannot open a browser (\(reason)); \(timelineKey(.copyItemURL)) copies the URL.", .warning)
        case .browserFailed(let reason): say("The browser failed: \(reason)", .error)
        case .pasteUnterminated: say(RuntimeNotice.pasteUnterminatedText, .warning)
        case .graphics(let support): return graphicsFound(support)
        case .commandFinished(let outcome): return editorFinished(outcome)
        }
        return []
    }
}
