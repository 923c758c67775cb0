import ArgumentParser
import Foundation
import PumpCore

/// `pumptui post TEXT`: posts a note (public: to Public, cc followers) and prints its URL.
struct PostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "post", abstract: "Post a note.")

    @Option(name: .long, help: "The account to post as (default: $PUMPTUI_ACCOUNT, config.toml's default-account, the last one used, or the only one).", completion: AccountCompletion.kind)
    var account: String?

    @Option(name: .long, help: ArgumentHelp("Who sees it (default: public).", valueName: "public|followers"),
            completion: .list(["public", "followers"]))
    var to: Audience = .public

    @Argument(help: "The text of the note ('-' reads standard input).")
    var text: String?

    @Flag(name: .long, help: "Write the note in $VISUAL / $EDITOR (config.toml: editor) instead of giving TEXT.")
    var editor = false

    @Flag(name: .long, help: "Print JSON: {version, item}, the posted note's activity (pumptui(1), JSON OUTPUT).")
    var json = false

    @OptionGroup var common: CommonOptions
    @OptionGroup var network: NetworkOptions

    func validate() throws {
        try AccountArgument.validate(account, option: "--account")
        if editor == (text != nil) { throw ValidationError(editor ? "give TEXT or --editor, not both" : "give the TEXT of the note, '-' or --editor") }
    }

    func run() async throws {
        try await LineMode.run {
            let store = try common.openStore()
            let id = try LineMode.resolveAccount(account, store: store, common: common)
            let body = try text.map(NoteInput.text) ?? EditorLineMode.compose(store: store)
            guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw LineModeError("empty note") }
            let api = try LineMode.pumpAPI(for: id, store: store, allowHTTP: network.allowHTTP)
            let activity = try await api.post(note: body.trimmingCharacters(in: .newlines), audience: to)
            if json { return try LineMode.printJSON(JSONOutput.Posted(item: JSONOutput.Builder().item(activity))) }
            LineMode.say(activity.object?.displayURL ?? activity.url.map { TerminalText.clean($0.absoluteString, .line) } ?? "posted")
        }
    }
}

/// `--to public|followers` (lists and people are the full-screen editor's).
extension Audience: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "public": self = .public
        case "followers": self = .followers
        default: return nil
        }
    }
    public static var allValueStrings: [String] { ["public", "followers"] }
    public var defaultValueDescription: String { self == .public ? "public" : "followers" }
}
