import Testing

@testable import ScreenGrid

/// Printable ASCII is drawn and measured byte by byte; it must come out as
/// the character-by-character way draws and measures it.
@Suite struct PrintableASCIITests {
    static let pieces = ["a", "Z", " ", "~", "0:59:12", "·", "류", "é", "\t", "\u{1B}", "\r\n", "🏃", "e\u{301}"]

    func randomText(_ generator: inout SystemRandomNumberGenerator, asciiOnly: Bool) -> String {
        let pieces = asciiOnly ? Self.pieces.filter { $0.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } } : Self.pieces
        return (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            .joined()
    }

    /// Over frames holding wide characters (a write may split one), at
    /// every kind of start and clip, past both edges.
    @Test func drawingByteByByteGivesWhatDrawingByCharacterGives() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var base = Frame(width: 12, height: 2)
            base.put("류a영남", x: Int.random(in: -2...6, using: &generator), y: 0)
            let text = randomText(&generator, asciiOnly: Bool.random(using: &generator))
            let x = Int.random(in: -6...14, using: &generator)
            let end = min(12, x + Int.random(in: 0...14, using: &generator))
            var fast = base
            var slow = base
            let used = fast.putPrintableASCII(text, x: x, y: 0, end: end, style: .plain)
            let expected = slow.putClusters(text, x: x, y: 0, end: end, style: .plain)
            if let used {
                #expect(used == expected, "\(text.debugDescription) at \(x) to \(end)")
                #expect(fast == slow, "\(text.debugDescription) at \(x) to \(end)")
            } else {
                #expect(!text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }, "\(text.debugDescription)")
            }
        }
    }

    /// Width, cut and padding of ASCII text against a character-by-character count.
    @Test func measuringByteByByteGivesWhatCountingCharactersGives() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = randomText(&generator, asciiOnly: true)
            #expect(TextWidth.of(text) == text.reduce(0) { $0 + TextWidth.clusterWidth($1) })
            let width = Int.random(in: 0...20, using: &generator)
            for ellipsis in [true, false] {
                let cut = TextWidth.truncate(text, to: width, ellipsis: ellipsis)
                let fits = text.count <= width
                let expected =
                    width == 0
                    ? "" : fits ? text : String(text.prefix(ellipsis ? width - 1 : width)) + (ellipsis ? "…" : "")
                #expect(cut == expected, "\(text.debugDescription) to \(width)")
            }
            let padded = TextWidth.pad(text, to: width, alignRight: Bool.random(using: &generator))
            #expect(TextWidth.of(padded) == width)
        }
    }
}
