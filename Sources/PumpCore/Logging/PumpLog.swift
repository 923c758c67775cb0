import Logging

/// The loggers PumpCore writes to. They go nowhere unless the executable bootstraps swift-log
/// (pumptui does so once, at start, with a redacting handler or a no-op one: swift-log's
/// default would print to stderr, under the full-screen UI). Made per use rather than stored,
/// so a logger is never created before that bootstrap.
public enum PumpLog {
    public static var http: Logger { Logger(label: "pumptui.http") }
    public static var login: Logger { Logger(label: "pumptui.login") }
    public static var app: Logger { Logger(label: "pumptui.app") }
}
