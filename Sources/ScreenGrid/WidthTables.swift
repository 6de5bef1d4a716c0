// Display width has to be decided here rather than by wcwidth(3): wcwidth
// follows the process locale and answers -1 for every non-ASCII character in
// the C locale, which is what tests and cron jobs run under.

/// East Asian Wide and Fullwidth ranges (Unicode 15), sorted and disjoint.
/// Emoji are decided by the Emoji_Presentation property instead, which the
/// standard library carries.
let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F,  // Hangul Jamo leading consonants
    0x2329...0x232A,  // angle brackets
    0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
    0x3041...0x33FF,  // kana, Bopomofo, Hangul compatibility Jamo, Kanbun, enclosed CJK, CJK compatibility
    0x3400...0x9FFF,  // CJK extension A, Yijing hexagrams, CJK unified ideographs
    0xA000...0xA4CF,  // Yi
    0xA960...0xA97F,  // Hangul Jamo extended A
    0xAC00...0xD7A3,  // Hangul syllables
    0xF900...0xFAFF,  // CJK compatibility ideographs
    0xFE10...0xFE19,  // vertical forms
    0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
    0xFF00...0xFF60,  // fullwidth ASCII forms
    0xFFE0...0xFFE6,  // fullwidth signs
    0x16FE0...0x16FE4,  // ideographic symbols
    0x16FF0...0x16FF1,
    0x17000...0x18CFF,  // Tangut, Khitan
    0x18D00...0x18D08,
    0x1AFF0...0x1B2FF,  // kana supplement and extensions, Nushu
    0x1F200...0x1F2FF,  // enclosed ideographic supplement
    0x20000...0x2FFFD,  // CJK extensions B-F, compatibility supplement
    0x30000...0x3FFFD,  // CJK extensions G-H
]

/// Scalars with General_Category Lo that terminals nevertheless draw in zero
/// columns because they combine with the preceding Hangul leading consonant.
let conjoiningJamoRanges: [ClosedRange<UInt32>] = [
    0x1160...0x11FF,  // Hangul Jamo vowels and trailing consonants
    0xD7B0...0xD7FF,  // Hangul Jamo extended B
]

/// Format characters that are drawn, with a column of their own, before the
/// digits they span (Prepended_Concatenation_Mark).
let prependedMarkRanges: [ClosedRange<UInt32>] = [
    0x0600...0x0605, 0x06DD...0x06DD, 0x070F...0x070F, 0x0890...0x0891,
    0x08E2...0x08E2, 0x110BD...0x110BD, 0x110CD...0x110CD,
]

/// Regional indicators carry Emoji_Presentation but are drawn one column each
/// by wcwidth-based terminals; a flag pair is then two columns.
let regionalIndicators: ClosedRange<UInt32> = 0x1F1E6...0x1F1FF

func rangesContain(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
    var low = 0
    var high = ranges.count - 1
    while low <= high {
        let mid = (low + high) / 2
        let range = ranges[mid]
        if value < range.lowerBound {
            high = mid - 1
        } else if value > range.upperBound {
            low = mid + 1
        } else {
            return true
        }
    }
    return false
}
