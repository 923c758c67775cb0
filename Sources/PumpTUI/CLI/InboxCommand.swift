import ArgumentParser

// Stub: replaced by its owner.
struct InboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inbox")
    func run() async throws {}
}
