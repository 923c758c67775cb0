import ArgumentParser

// Stub: replaced by its owner.
struct LogoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logout")
    func run() async throws {}
}
