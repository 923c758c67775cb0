/// PumpCore: pump.io protocol, OAuth 1.0a, models and storage. Never imports curses.
public enum PumpCoreInfo {
    public static let version = "0.1.0"
}
