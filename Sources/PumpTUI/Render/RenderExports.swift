/// The cell buffer, text widths, grapheme clusters and themes live in PumpRender (no curses, no
/// PumpCore), so the fuzz targets link the theme parser without the app; every PumpTUI file
/// sees them through this re-export.
@_exported import PumpRender
