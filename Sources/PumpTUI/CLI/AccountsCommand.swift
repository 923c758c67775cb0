import ArgumentParser

// Stub: replaced by its owner.
struct AccountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accounts")
    func run() async throws {}
}
