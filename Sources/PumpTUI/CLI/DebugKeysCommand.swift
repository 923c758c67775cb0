import ArgumentParser

// Stub: replaced by its owner.
struct DebugKeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "debug-keys")
    func run() async throws {}
}
