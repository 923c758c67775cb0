import Foundation
import PumpCore

/// `pumptui post --editor`: the note is written in $VISUAL / $EDITOR (config.toml's editor,
/// else vi) on the terminal, in a 0600 file; a failing editor posts nothing and its file stays.
enum EditorLineMode {
    static func compose(store: CredentialStore,
                        environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let config = (try? ConfigLoader.load(store: store))?.config ?? AppConfig()
        let command = Launch.editorCommand(environment, config: config)
        let path: String
        do { path = try EditorFile.create("", environment: environment) } catch let f as ClientFailure { throw LineModeError(f.message) }
        let outcome = ForegroundCommand.run(ForegroundCommand.editorArgv(command: command, file: path))
        guard outcome.succeeded else {
            throw LineModeError("the editor (\(command)) \(outcome.phrase); nothing was posted; its file is \(path)")
        }
        do { return try EditorFile.readBack(path) } catch let f as ClientFailure { throw LineModeError(f.message) }
    }
}
