import Testing
import ScreenGrid

@Suite struct FrameTests {
    @Test func newFrameIsBlank() {
        let frame = Frame(width: 4, height: 2)
        #expect(frame.lines == ["", ""])
        #expect(frame[0, 0] == .blank)
    }

    @Test func putWritesAsciiAndReturnsColumns() {
        var frame = Frame(width: 10, height: 1)
        let used = frame.put("Bib 7", x: 2, y: 0)
        #expect(used == 5)
        #expect(frame.line(0) == "  Bib 7")
        #expect(frame[2, 0].text == "B")
    }

    @Test func putKeepsAccentsInOneCell() {
        var frame = Frame(width: 8, height: 1)
        #expect(frame.put("Zoe\u{0308}!", x: 0, y: 0) == 4)
        #expect(frame[2, 0].text == "e\u{0308}")
        #expect(frame[3, 0].text == "!")
    }

    @Test func wideCharactersTakeTwoCells() {
        var frame = Frame(width: 14, height: 1)
        let used = frame.put("Zoë 走 김일성", x: 0, y: 0)
        #expect(used == 13)
        #expect(frame[4, 0].text == "走")
        #expect(frame[5, 0].text == "")
        #expect(frame[6, 0].text == " ")
        #expect(frame[7, 0].text == "김")
        #expect(frame[8, 0].isContinuation)
        #expect(frame.line(0) == "Zoë 走 김일성")
    }

    @Test func emojiTakesTwoCells() {
        var frame = Frame(width: 6, height: 1)
        #expect(frame.put("🏁ok", x: 0, y: 0) == 4)
        #expect(frame[0, 0].text == "🏁")
        #expect(frame[1, 0].isContinuation)
        #expect(frame[2, 0].text == "o")
    }

    @Test func wideCharacterAtClipEdgeBecomesSpace() {
        var frame = Frame(width: 10, height: 2)
        frame.put("xxxxxxxxxx", x: 0, y: 0)
        // maxWidth 3: "走" fits in 0-1, the second "走" at 2-3 would straddle the edge.
        let used = frame.put("走走", x: 0, y: 0, maxWidth: 3)
        #expect(used == 3)
        #expect(frame[2, 0].text == " ")
        #expect(frame[3, 0].text == "x")
        #expect(frame.line(0) == "走 xxxxxxx")
        // The right edge of the frame clips the same way.
        #expect(frame.put("ab走", x: 7, y: 1) == 3)
        #expect(frame.line(1) == "       ab")
        #expect(!frame[9, 1].isContinuation)
    }

    @Test func controlAndEscapeCharactersNeverReachCells() {
        var frame = Frame(width: 20, height: 1)
        frame.put("A\u{1B}[31mB\u{07}\r\n\u{9B}2J", x: 0, y: 0)
        for x in 0..<frame.width {
            for scalar in frame[x, 0].text.unicodeScalars {
                #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value), "cell \(x)")
            }
        }
        #expect(frame.line(0) == "A\u{FFFD}[31mB\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}2J")
        frame[0, 0] = Cell(text: "\u{1B}", style: .plain)
        #expect(frame[0, 0].text == "\u{FFFD}")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var frame = Frame(width: 6, height: 1)
        frame.put("走走", x: 0, y: 0)
        frame.put("a", x: 1, y: 0)  // right half of the first 走
        #expect(frame.line(0) == " a走")
        frame.put("b", x: 2, y: 0)  // left half of the second 走
        #expect(frame.line(0) == " ab")
        #expect(!frame[3, 0].isContinuation)
    }

    @Test func putOutsideTheGridIsIgnored() {
        var frame = Frame(width: 4, height: 1)
        #expect(frame.put("x", x: 0, y: 3) == 0)
        #expect(frame.put("x", x: 9, y: 0) == 0)
        #expect(frame.put("abcdef", x: -2, y: 0) == 4)
        #expect(frame.line(0) == "cdef")
        frame.put("走ab", x: -1, y: 0)  // 走 straddles the left edge
        #expect(frame.line(0) == " abf")
        frame[7, 7] = Cell(text: "z", style: .plain)
        #expect(frame[7, 7] == .blank)
    }

    @Test func fillBlanksWithStyle() {
        var frame = Frame(width: 5, height: 1)
        frame.put("hello", x: 0, y: 0)
        let selected = CellStyle(fg: .black, bg: .cyan, attributes: [.bold])
        frame.fill(row: 0, from: 1, width: 2, style: selected)
        #expect(frame.line(0) == "h  lo")
        #expect(frame[1, 0].style == selected)
        #expect(frame[3, 0].style == .plain)
        frame.fill(row: 0, from: 3, style: selected)
        #expect(frame.line(0) == "h")
        #expect(frame[4, 0].style == selected)
    }

    @Test func blitCopiesAndClips() {
        var panel = Frame(width: 4, height: 2)
        panel.put("走ab", x: 0, y: 0)
        panel.put("cd走", x: 0, y: 1)
        var frame = Frame(width: 6, height: 3)
        frame.blit(panel, x: 1, y: 1)
        #expect(frame.lines == ["", " 走ab", " cd走"])
        #expect(frame[1, 1].text == "走" && frame[2, 1].isContinuation)

        var clipped = Frame(width: 3, height: 2)
        clipped.blit(panel, x: 0, y: 0)
        #expect(clipped.lines == ["走a", "cd"])  // 走 cut by the right edge became a space
        #expect(!clipped[2, 1].isContinuation)

        var shifted = Frame(width: 4, height: 1)
        shifted.blit(panel, x: -1, y: 0)
        #expect(shifted.line(0) == " ab")  // right half of 走 cut by the left edge
        #expect(!shifted[0, 0].isContinuation)
    }

    @Test func subscriptSetsWideCharacterWithItsContinuation() {
        var frame = Frame(width: 3, height: 1)
        frame[0, 0] = Cell(text: "走", style: .plain)
        #expect(frame[1, 0].isContinuation)
        frame[2, 0] = Cell(text: "走", style: .plain)  // no room for the right half
        #expect(frame[2, 0].text == " ")
        frame[2, 0] = Cell(text: "", style: .plain)  // a stray continuation is refused
        #expect(frame[2, 0].text == " ")
    }

    @Test func framesCompareByContent() {
        var a = Frame(width: 3, height: 1)
        var b = Frame(width: 3, height: 1)
        #expect(a == b)
        a.put("x", x: 0, y: 0)
        #expect(a != b)
        b.put("x", x: 0, y: 0, style: CellStyle(fg: .red))
        #expect(a != b)
    }
}
