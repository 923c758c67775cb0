// Placeholder entry point; the CLI (swift-argument-parser) replaces it.
print("pumptui")
