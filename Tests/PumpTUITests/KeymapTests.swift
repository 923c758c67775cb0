import Testing
@testable import PumpTUI

@Suite struct KeymapTests {
    let km = Keymap.standard

    @Test func noTwoBindingsCollideWithinAContext() {
        for context in KeyContext.allCases {
            var owner: [Key: Action] = [:]
            let scope: Set<KeyContext> = [context, .global]
            for b in km.bindings where !scope.isDisjoint(with: b.contexts) {
                for k in b.keys {
                    #expect(owner[k] == nil, "\(KeyNames.name(k)) bound twice in \(context)")
                    owner[k] = b.action
                }
            }
        }
    }

    @Test func everyActionIsBoundWithHelp() {
        for action in Action.all {
            let bs = km.bindings.filter { $0.action == action }
            #expect(!bs.isEmpty, "\(action) has no binding")
            #expect(bs.allSatisfy { !$0.help.isEmpty && !$0.label.isEmpty }, "\(action) lacks help")
        }
    }

    @Test func textContextsBindNoPrintableKeys() {
        for b in km.bindings where b.contexts.contains(where: { $0.isTextEntry }) || b.contexts.contains(.global) {
            for k in b.keys { if case .char = k { Issue.record("\(k) bound in a text context for \(b.action)") } }
        }
        // Even a letter bound elsewhere is text while typing.
        #expect(km.action(for: .char("q"), in: [.loginTextFocused]) == nil)
        #expect(km.action(for: .char("c"), in: [.loginTextFocused, .loginOther]) == nil)
        #expect(km.action(for: .char("?"), in: [.editor]) == nil)
    }

    @Test func loginKeys() {
        for ctx: KeyContext in [.loginTextFocused, .loginOther] {
            #expect(km.action(for: .f(2), in: [ctx]) == .copyURL)
            #expect(km.action(for: .f(3), in: [ctx]) == .showURL)
            #expect(km.action(for: .f(4), in: [ctx]) == .openBrowser)
            #expect(km.action(for: .f(5), in: [ctx]) == .showQR)
            #expect(km.action(for: .tab, in: [ctx]) == .nextFocus)
            #expect(km.action(for: .backTab, in: [ctx]) == .prevFocus)
            #expect(km.action(for: .enter, in: [ctx]) == .submit)
            #expect(km.action(for: .escape, in: [ctx]) == .cancel)
            #expect(km.action(for: .f(1), in: [ctx]) == .help)
        }
        #expect(km.action(for: .char("c"), in: [.loginOther]) == .copyURL)
        #expect(km.action(for: .char("u"), in: [.loginOther]) == .showURL)
        #expect(km.action(for: .char("o"), in: [.loginOther]) == .openBrowser)
        #expect(km.action(for: .char("Q"), in: [.loginOther]) == .showQR)
        #expect(km.action(for: .char("?"), in: [.loginOther]) == .help)
    }

    @Test func clientKeys() {
        let expected: [(Key, Action)] = [
            (.char("j"), .moveDown), (.down, .moveDown), (.char("k"), .moveUp), (.up, .moveUp),
            (.pageUp, .pageUp), (.pageDown, .pageDown), (.char("g"), .top), (.char("G"), .bottom),
            (.enter, .openThread), (.char("q"), .quit), (.char("?"), .help), (.char("n"), .compose),
            (.char("r"), .reply), (.char("l"), .like), (.char("s"), .share), (.char("d"), .delete),
            (.char("e"), .edit), (.char("p"), .profile), (.char("F"), .followByID), (.char("c"), .copyItemURL),
            (.char("o"), .openItemURL), (.char("A"), .switchAccount), (.char("R"), .refresh),
            (.char("1"), .timeline(1)), (.char("5"), .timeline(5)), (.tab, .nextTimeline), (.backTab, .prevTimeline),
        ]
        for (k, a) in expected { #expect(km.action(for: k, in: [.timeline]) == a, "\(k)") }
        #expect(km.action(for: .char("f"), in: [.profile]) == .follow)
        #expect(km.action(for: .char("q"), in: [.thread]) == .back)
        #expect(km.action(for: .ctrl("d"), in: [.editor]) == .send)
        #expect(km.action(for: .ctrl("t"), in: [.editor]) == .attachImage)
        #expect(km.action(for: .escape, in: [.editor]) == .discard)
        #expect(km.action(for: .enter, in: [.editor]) == nil)   // a newline, for the widget
    }

    @Test func mostSpecificContextWins() {
        #expect(km.action(for: .char("q"), in: [.help, .timeline]) == .back)
        #expect(km.action(for: .char("q"), in: [.timeline]) == .quit)
    }

    @Test func footerShowsFKeysWhileTypingAndLettersOtherwise() {
        let typing = km.footerHints(for: [.loginTextFocused], width: 200).map(\.text)
        #expect(typing == ["F2 copy", "F3 show URL", "F4 browser", "F5 QR", "Tab next", "Enter submit", "Esc cancel", "F1 help"])
        let other = km.footerHints(for: [.loginOther], width: 200).map(\.text)
        #expect(other.first == "F2/c copy")
        #expect(other.contains("?/F1 help"))
    }

    @Test func footerDropsLowPriorityHintsWhole() {
        for width in [20, 40, 60, 80] {
            let hints = km.footerHints(for: [.loginTextFocused], width: width)
            let line = hints.map(\.text).joined(separator: "  ")
            #expect(TextWidth.width(line) <= width)
            #expect(hints.first?.text == "F2 copy")
        }
        // Help is never the hint that goes: it leads to all the others (issue 10).
        #expect(km.footerHints(for: [.loginTextFocused], width: 20).map(\.text) == ["F2 copy", "F1 help"])
        for width in [20, 40, 60, 80] {
            for contexts: [KeyContext] in [[.timeline], [.thread], [.profile], [.loginOther], [.editor]] {
                #expect(km.footerHints(for: contexts, width: width).contains { $0.label == "help" }, "\(contexts) at \(width)")
            }
        }
    }

    @Test func helpSectionsComeFromTheTable() {
        let sections = km.helpSections(for: [.loginTextFocused])
        #expect(sections.map(\.title) == ["Login (verifier field)", "Everywhere"])
        let entries = sections[0].entries
        #expect(entries.contains(HelpEntry(keys: "F2", help: "Copy the URL to the clipboard (OSC 52)", action: "copy-url")))
        #expect(!entries.contains { $0.keys.contains("c") && $0.keys.count == 1 })
        let other = km.helpSections(for: [.loginOther])[0].entries
        #expect(other.contains(HelpEntry(keys: "F2, c", help: "Copy the URL to the clipboard (OSC 52)", action: "copy-url")))
        let editor = km.helpSections(for: [.editor])[0].entries.map(\.keys)
        #expect(editor.contains("^D") && editor.contains("^T") && editor.contains("Esc") && editor.contains("S-Tab"))
    }
}
