import Testing

@testable import ScreenGrid

/// Text whose every scalar is a character of its own (bars, dots, accented
/// Latin, Hangul and Chinese names) is measured and drawn a scalar at a
/// time; it must come out as the character-by-character way gives it.
@Suite struct SimpleScalarsTests {
    static let ranges: [ClosedRange<UInt32>] = [
        0x20...0x7E, 0xA0...0xAC, 0xAE...0x2FF, 0x2010...0x2027, 0x2500...0x25FC, 0x4E00...0x9FFF, 0xAC00...0xD7A3,
    ]
    /// One scalar of each range, and the neighbours the fast path must leave to the slow one.
    static let neighbours = ["a", "é", "…", "█", "中", "류", "\u{301}", "\u{200D}", "\u{FE0F}", "\u{11A8}", "\u{1F1F0}"]

    @Test func everyScalarOfTheRangesIsACharacterOfItsOwnWithItsUsualWidth() {
        var wrong: [String] = []
        for range in Self.ranges {
            for v in range {
                let scalar = Unicode.Scalar(v)!
                let s = String(scalar)
                guard TextWidth.simpleScalarWidth(v) == TextWidth.scalarWidth(scalar),
                    !TextWidth.needsReplacement(scalar), s.count == 1
                else {
                    wrong.append(String(v, radix: 16))
                    continue
                }
                // No rule of the standard library's character breaks joins it to another simple scalar.
                for other in Self.neighbours.prefix(6) where (s + other).count != 2 || (other + s).count != 2 {
                    wrong.append(String(v, radix: 16) + " beside " + other.debugDescription)
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(20))")
        // Just outside: the soft hyphen, combining marks, the emoji squares, kana with its sound marks.
        for v: UInt32 in [0xAD, 0x300, 0x2028, 0x25FD, 0x3099, 0xD7B0, 0x1F3C3] {
            #expect(TextWidth.simpleScalarWidth(v) == 0, "\(String(v, radix: 16))")
        }
    }

    static let pieces = ["a", " ", "0:59:12", "·", "류영남", "é", "Ñ", "█▌", "中", "…", "\u{301}", "🏃", "\t"]

    func randomText(_ generator: inout SystemRandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...8, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }
            .joined()
    }

    /// Over frames holding wide characters, at every kind of start and clip.
    @Test func drawingAScalarAtATimeGivesWhatDrawingByCharacterGives() {
        var generator = SystemRandomNumberGenerator()
        var fastOnes = 0
        for _ in 0..<3_000 {
            var base = Frame(width: 12, height: 2)
            base.put("류a영남", x: Int.random(in: -2...6, using: &generator), y: 0)
            let text = randomText(&generator)
            let x = Int.random(in: -6...14, using: &generator)
            let end = min(12, x + Int.random(in: 0...14, using: &generator))
            var fast = base
            var slow = base
            let used = fast.put(text, x: x, y: 0, maxWidth: end - x)
            let expected = slow.putClusters(text, x: x, y: 0, end: max(end, x), style: .plain)
            #expect(used == expected, "\(text.debugDescription) at \(x) to \(end)")
            #expect(fast == slow, "\(text.debugDescription) at \(x) to \(end)")
            if TextWidth.simpleWidth(text) != nil { fastOnes += 1 }
        }
        #expect(fastOnes > 500, "the fast path taken")
    }

    /// Width, cut and sanitizing against a count character by character.
    @Test func measuringAScalarAtATimeGivesWhatCountingCharactersGives() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = randomText(&generator)
            guard let simple = TextWidth.simpleWidth(text) else {
                #expect(text.unicodeScalars.contains { TextWidth.simpleScalarWidth($0.value) == 0 })
                continue
            }
            let widths = text.map(TextWidth.clusterWidth)
            #expect(simple == widths.reduce(0, +), "\(text.debugDescription)")
            #expect(TextWidth.of(text) == simple && TextWidth.sanitize(text) == text)
            let width = Int.random(in: 0...14, using: &generator)
            for ellipsis in [true, false] {
                var expected = ""
                if width > 0 {
                    if simple <= width {
                        expected = text
                    } else {
                        var used = 0
                        for (c, w) in zip(text, widths) {
                            if used + w > (ellipsis ? width - 1 : width) { break }
                            used += w
                            expected.append(c)
                        }
                        if ellipsis { expected += "…" }
                    }
                }
                #expect(TextWidth.truncate(text, to: width, ellipsis: ellipsis) == expected, "\(text) to \(width)")
            }
        }
    }
}
