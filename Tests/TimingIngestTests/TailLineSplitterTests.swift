import Testing
@testable import TimingIngest

@Suite("Line splitter")
struct TailLineSplitterTests {
    private func split(_ pieces: [[UInt8]], flush: Bool = false) -> [String] {
        var splitter = LineSplitter()
        var lines: [String] = []
        for piece in pieces {
            piece.withUnsafeBytes { splitter.feed($0) { lines.append($0) } }
        }
        if flush { splitter.flush { lines.append($0) } }
        return lines
    }

    @Test("any cut of the bytes gives the same lines")
    func anyCut() {
        let text = Array("\u{FEFF}first\r\nsecond\n\nfourth\r\r\nfünfte ✓\rheld".utf8)
        let whole = split([text])
        #expect(whole == ["first", "second", "", "fourth", "", "fünfte ✓"])
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var pieces: [[UInt8]] = []
            var at = 0
            while at < text.count {
                let length = Int.random(in: 1...7, using: &generator)
                pieces.append(Array(text[at..<min(at + length, text.count)]))
                at += length
            }
            #expect(split(pieces) == whole)
        }
    }

    @Test("flush delivers the held tail; a byte order mark is dropped only at the very start")
    func flushAndByteOrderMark() {
        #expect(split([Array("a\nb\r".utf8)], flush: true) == ["a", "b"])
        #expect(split([Array("a\n\u{FEFF}b\n".utf8)]) == ["a", "\u{FEFF}b"])
        var splitter = LineSplitter()
        var lines: [String] = []
        Array("x\n".utf8).withUnsafeBytes { splitter.feed($0) { lines.append($0) } }
        splitter.restart()
        Array("\u{FEFF}y\n".utf8).withUnsafeBytes { splitter.feed($0) { lines.append($0) } }
        #expect(lines == ["x", "y"])
    }

    @Test("a runaway line without newline is cut instead of held without end")
    func runawayLine() {
        let big = [UInt8](repeating: UInt8(ascii: "z"), count: LineSplitter.maxHeldBytes + 10)
        let lines = split([big, Array("\n".utf8)])
        #expect(lines.map(\.utf8.count) == [LineSplitter.maxHeldBytes + 10, 0])
    }
}
