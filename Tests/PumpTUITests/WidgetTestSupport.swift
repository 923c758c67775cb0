@testable import PumpTUI

/// The two sizes every screen must work at (issue 3).
let standardSizes = [Size(rows: 24, cols: 80), Size(rows: 20, cols: 60)]

func full(_ size: Size) -> Rect { Rect(row: 0, col: 0, rows: size.rows, cols: size.cols) }

/// The role of the first cell in `row` whose text starts `text`, for role assertions.
func roleAt(_ b: CellBuffer, row: Int, col: Int) -> Role { b[row, col].role }
