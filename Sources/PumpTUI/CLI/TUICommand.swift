import ArgumentParser

// Stub: replaced by its owner.
struct TUICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tui")
    func run() async throws {}
}
