import ArgumentParser

// Stub: replaced by its owner.
struct PostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "post")
    func run() async throws {}
}
