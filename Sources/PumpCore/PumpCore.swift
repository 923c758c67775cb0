/// PumpCore: pump.io protocol, OAuth 1.0a, HTTP and storage. Never imports curses.
/// The models, parsers, text cleaning and the error type live in PumpModels (no swift-crypto,
/// no networking), which the fuzz targets link alone; PumpCore re-exports them.
@_exported import PumpModels

public enum PumpCoreInfo {
    public static let version = "0.1.0"
}
