import Testing
@testable import ScreenGrid

@Suite struct TextWidthTests {
    @Test func asciiIsOneColumnPerCharacter() {
        #expect(TextWidth.of("") == 0)
        #expect(TextWidth.of("Bib 1042") == 8)
    }

    @Test func precomposedAndCombiningAccentsAreOneColumn() {
        let precomposed = "Zo\u{EB}"  // ë as one scalar
        let combining = "Zoe\u{0308}"  // e + combining diaeresis
        #expect(TextWidth.of(precomposed) == 3)
        #expect(TextWidth.of(combining) == 3)
        #expect(TextWidth.of(Character("e\u{0308}")) == 1)
    }

    @Test func hangulAndCJKAreTwoColumns() {
        #expect(TextWidth.of("김일성") == 6)
        #expect(TextWidth.of("走") == 2)
        #expect(TextWidth.of(Character("走")) == 2)
        #expect(TextWidth.of("ｒａｃｅ") == 8)  // fullwidth forms
    }

    @Test func decomposedHangulJamoIsOneSyllableWide() {
        // ᄀ + ᅵ + ᆷ is how some systems store 김; the vowel and final take no column.
        #expect(TextWidth.of("\u{1100}\u{1175}\u{11B7}") == 2)
    }

    @Test func emojiPresentationIsTwoColumns() {
        #expect(TextWidth.of("🏁") == 2)
        #expect(TextWidth.of("⌚") == 2)
        // ✓ is text presentation: one column.
        #expect(TextWidth.of("✓") == 1)
        // A joined family counts as its first emoji: the joiner and the rest add nothing.
        #expect(TextWidth.of("👩\u{200D}👧") == 2)
    }

    @Test func zeroWidthCharactersTakeNoColumn() {
        #expect(TextWidth.of("a\u{200B}b") == 2)  // zero-width space
        #expect(TextWidth.of("a\u{FE0F}") == 1)  // variation selector
    }

    @Test func bidiOverridesAndIsolatesAreReplacedSinceTheyReorderWhatFollows() {
        #expect(TextWidth.sanitize("a\u{202E}b\u{2066}c") == "a\u{FFFD}b\u{FFFD}c")
        #expect(TextWidth.of("a\u{202E}b") == 3)
        #expect(TextWidth.sanitize("a\u{200F}b") == "a\u{200F}b")  // a mark reorders nothing
    }

    @Test func sanitizeLinesKeepsOnlyNewlines() {
        #expect(TextWidth.sanitizeLines("a\u{1B}[2J\nb\tc\r\n") == "a\u{FFFD}[2J\nb c\u{FFFD}\n")
    }

    @Test func controlsAreReplacedAndCountAsTheirReplacement() {
        let dirty = "A\u{1B}[31mB\u{07}\u{7F}\u{9B}C\nD"
        let clean = TextWidth.sanitize(dirty)
        #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(clean == "A\u{FFFD}[31mB\u{FFFD}\u{FFFD}\u{FFFD}C\u{FFFD}D")
        #expect(TextWidth.of(dirty) == TextWidth.of(clean))
        #expect(TextWidth.of(dirty) == 13)
        #expect(TextWidth.sanitize("a\tb") == "a b")
        #expect(TextWidth.sanitize("plain") == "plain")
    }

    @Test func truncateCutsWithEllipsis() {
        #expect(TextWidth.truncate("Marathon", to: 10) == "Marathon")
        #expect(TextWidth.truncate("Marathon", to: 5) == "Mara…")
        #expect(TextWidth.truncate("Marathon", to: 5, ellipsis: false) == "Marat")
        #expect(TextWidth.truncate("Marathon", to: 0) == "")
        #expect(TextWidth.truncate("Marathon", to: 1) == "…")
    }

    @Test func truncateNeverSplitsAWideCharacter() {
        // 4 columns: "김" (2) + "…" (1); "일" would need 2 more.
        let cut = TextWidth.truncate("김일성", to: 4)
        #expect(cut == "김…")
        #expect(TextWidth.of(cut) == 3)
        #expect(TextWidth.truncate("김일성", to: 5) == "김일…")
        #expect(TextWidth.truncate("김일성", to: 3, ellipsis: false) == "김")
    }

    @Test func truncateKeepsCombiningMarksWithTheirBase() {
        #expect(TextWidth.truncate("Zoe\u{0308}lle", to: 4) == "Zoe\u{0308}…")
    }

    @Test func padGivesExactWidth() {
        for text in ["", "Zoë", "김일성 走 🏁", "a very long runner name", "\u{1B}[2Jx"] {
            for width in 0...12 {
                #expect(TextWidth.of(TextWidth.pad(text, to: width)) == width, "\(text) at \(width)")
                #expect(TextWidth.of(TextWidth.pad(text, to: width, alignRight: true)) == width)
            }
        }
        #expect(TextWidth.pad("7", to: 3, alignRight: true) == "  7")
        #expect(TextWidth.pad("走", to: 4) == "走  ")
        #expect(TextWidth.pad("김일성", to: 4) == "김… ")
    }

    @Test func widthTablesAreSortedAndDisjoint() {
        for table in [wideRanges, conjoiningJamoRanges, prependedMarkRanges] {
            for (a, b) in zip(table, table.dropFirst()) {
                #expect(a.upperBound < b.lowerBound, "\(a) overlaps or precedes \(b)")
            }
        }
    }
}

@Suite struct TerminalScalarsTests {
    @Test func keepsBaseAndCombiningMarks() {
        #expect(TextWidth.terminalScalars("e\u{0308}") == ["e", "\u{0308}"])
        #expect(TextWidth.terminalScalars("走") == ["走"])
        #expect(TextWidth.terminalScalars("\u{1100}\u{1175}\u{11B7}") == ["\u{1100}", "\u{1175}", "\u{11B7}"])
    }

    @Test func dropsJoinedSequencesAndVariationSelectors() {
        #expect(TextWidth.terminalScalars("👩\u{200D}👧") == ["👩"])
        #expect(TextWidth.terminalScalars("\u{2764}\u{FE0F}") == ["\u{2764}"])
    }

    @Test func neverEmptyAndNeverControl() {
        #expect(TextWidth.terminalScalars("") == [" "])
        #expect(TextWidth.terminalScalars("\u{1B}") == ["\u{FFFD}"])
    }
}
