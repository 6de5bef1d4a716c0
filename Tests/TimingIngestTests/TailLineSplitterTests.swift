import Testing
@testable import TimingIngest

@Suite("Line splitter")
struct TailLineSplitterTests {
    private func pieces(_ chunks: [[UInt8]], flush: Bool = false) -> [LineSplitter.Piece] {
        var splitter = LineSplitter()
        var out: [LineSplitter.Piece] = []
        for chunk in chunks {
            chunk.withUnsafeBytes { splitter.feed($0) { out.append($0) } }
        }
        if flush { splitter.flush(reason: "ended") { out.append($0) } }
        return out
    }

    private func split(_ chunks: [[UInt8]]) -> [String] {
        pieces(chunks).map { if case .line(let text) = $0 { text } else { "<unusable>" } }
    }

    @Test("any cut of the bytes gives the same lines")
    func anyCut() {
        let text = Array("\u{FEFF}first\r\nsecond\n\nfourth\r\r\nfünfte ✓\rheld".utf8)
        let whole = split([text])
        #expect(whole == ["first", "second", "", "fourth", "", "fünfte ✓"])
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var chunks: [[UInt8]] = []
            var at = 0
            while at < text.count {
                let length = Int.random(in: 1...7, using: &generator)
                chunks.append(Array(text[at..<min(at + length, text.count)]))
                at += length
            }
            #expect(split(chunks) == whole)
        }
    }

    @Test("a tail whose content ended is unusable, never a line; a byte order mark is dropped only at the very start")
    func flushAndByteOrderMark() {
        #expect(pieces([Array("a\nb".utf8)], flush: true) == [.line("a"), .unusable(text: "b", reason: "ended")])
        #expect(pieces([Array("a\nb\r".utf8)], flush: true) == [.line("a"), .line("b")], "a lone CR ends a line")
        #expect(split([Array("a\n\u{FEFF}b\n".utf8)]) == ["a", "\u{FEFF}b"])
        var splitter = LineSplitter()
        var out: [LineSplitter.Piece] = []
        Array("x\n".utf8).withUnsafeBytes { splitter.feed($0) { out.append($0) } }
        splitter.restart()
        Array("\u{FEFF}y\n".utf8).withUnsafeBytes { splitter.feed($0) { out.append($0) } }
        #expect(out == [.line("x"), .line("y")])
    }

    @Test("a 10 MB line is one unusable line with a short prefix, however it arrives")
    func runawayLine() {
        let size = 10 << 20
        let big = [UInt8](repeating: UInt8(ascii: "z"), count: size)
        let expected: [LineSplitter.Piece] = [
            .unusable(
                text: String(repeating: "z", count: ReadLimits.shownBytes) + "…",
                reason: ReadLimits.tooLongReason(bytes: size)),
            .line("next"),
        ]
        #expect(pieces([big + Array("\nnext\n".utf8)]) == expected)
        let chunks = stride(from: 0, to: size, by: 65_536).map { Array(big[$0..<min($0 + 65_536, size)]) }
        #expect(pieces(chunks + [Array("\nnext\n".utf8)]) == expected)
    }

    @Test("a line at the limit is a line; one byte more is not")
    func limitIsExact() {
        let atLimit = String(repeating: "a", count: ReadLimits.maxLineBytes)
        #expect(split([Array((atLimit + "\n").utf8)]) == [atLimit])
        #expect(split([Array((atLimit + "b\n").utf8)]) == ["<unusable>"])
    }
}
