import ArgumentParser

// Stub: replaced by its owner.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "login")
    func run() async throws {}
}
