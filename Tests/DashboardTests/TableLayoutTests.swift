import Testing
import ScreenGrid
@testable import Dashboard

/// A table row's cells: each column's text where it aligns, cut with an
/// ellipsis, and every cell of the column in the column's style.
@Suite struct TableLayoutTests {
    let table = TableLayout(
        [
            Column(key: "place", title: "#", width: 3, alignRight: true),
            Column(key: "name", title: "Name", width: 6),
            Column(key: "time", title: "Time", width: 7, alignRight: true),
        ], width: 40)

    @Test func cellsAlignAndLongTextIsCut() {
        var frame = Frame(width: 20, height: 1)
        table.draw(["place": "7", "name": "Kim Il Nam", "time": "2:05:42"], into: &frame, x: 1, y: 0)
        #expect(frame.line(0) == "   7 Kim I… 2:05:42")
        var wide = Frame(width: 20, height: 1)
        table.draw(["place": "12", "name": "류영남"], into: &wide, x: 0, y: 0)
        #expect(wide.line(0) == " 12 류영남")
    }

    @Test func aStyledCellTakesItsWholeColumnAndTheGapsKeepTheRowStyle() {
        var frame = Frame(width: 20, height: 1)
        table.draw(
            ["place": "7", "name": "Ri", "time": "2:05:42"], into: &frame, x: 0, y: 0, rowStyle: Theme.dim,
            style: { $0 == "name" ? Theme.strong : nil })
        #expect(frame.line(0) == "  7 Ri     2:05:42")
        // The name column: its text and its blanks in the cell's style.
        for x in 4..<10 { #expect(frame[x, 0].style == Theme.strong) }
        // The place's padding, the gaps between columns and the time: the row's; past the table, untouched.
        for x in [0, 1, 2, 3, 10, 11, 17] { #expect(frame[x, 0].style == Theme.dim) }
        #expect(frame[18, 0].style == .plain)
    }

    @Test func aSelectedRowSelectsEveryCellAndAnEmptyOneIsBlank() {
        var frame = Frame(width: 20, height: 1)
        for x in 0..<20 { frame[x, 0] = Cell(text: "x", style: .plain) }
        table.draw(["time": "2:05:42"], into: &frame, x: 0, y: 0, selected: true)
        #expect(frame.line(0) == "           2:05:42xx")
        for x in 0..<18 { #expect(frame[x, 0].style == Theme.selecting(Theme.plain)) }
    }

    @Test func aRowNarrowerThanTheTableStillBlanksEachColumn() {
        var frame = Frame(width: 20, height: 1)
        for x in 0..<20 { frame[x, 0] = Cell(text: "x", style: .plain) }
        table.draw(["place": "7"], into: &frame, x: 0, y: 0, rowWidth: 2)
        #expect(frame.line(0) == "  7x      x       xx")
    }
}
