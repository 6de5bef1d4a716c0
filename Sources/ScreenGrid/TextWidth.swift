/// Display width of text in terminal columns, independent of the process locale.
///
/// Widths describe text as `Frame.put` draws it: control characters count as
/// the one-column replacement they become, so measuring and drawing agree.
public enum TextWidth {
    /// What control and escape characters are shown as.
    public static let replacement: Character = "\u{FFFD}"
    public static let ellipsis: Character = "…"

    public static func of(_ s: String) -> Int {
        if let n = printableASCIIWidth(s) ?? simpleWidth(s) { return n }
        var total = 0
        for c in sanitize(s) { total += clusterWidth(c) }
        return total
    }

    public static func of(_ c: Character) -> Int {
        if isSafe(c) { return clusterWidth(c) }
        return of(String(c))
    }

    /// The one sanitizer of text bound for a terminal: the dashboard, check,
    /// results, headless live lines and error messages all pass through it.
    ///
    /// Replaces C0 controls, DEL, C1 controls (ESC included, so escape
    /// sequences from data are never interpreted) with U+FFFD; a tab becomes a
    /// space because typed data uses it as a separator. Line and paragraph
    /// separators are replaced too, since some terminals treat them as newlines,
    /// and so are bidi overrides and isolates, which reorder what follows.
    public static func sanitize(_ s: String) -> String {
        sanitize(s, keepingNewlines: false)
    }

    /// `sanitize` for many lines: each "\n" is kept, everything else is
    /// treated as in `sanitize`.
    public static func sanitizeLines(_ s: String) -> String {
        sanitize(s, keepingNewlines: true)
    }

    private static func sanitize(_ s: String, keepingNewlines: Bool) -> String {
        // Printable ASCII, nearly every name and field: nothing to replace, no scalar decoding.
        if printableASCIIWidth(s) != nil || simpleWidth(s) != nil { return s }
        let replaced = { (scalar: Unicode.Scalar) in needsReplacement(scalar) && !(keepingNewlines && scalar == "\n") }
        if !s.unicodeScalars.contains(where: replaced) { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if !replaced(scalar) {
                out.append(scalar)
            } else if scalar == "\t" {
                out.append(" ")
            } else {
                out.append(contentsOf: replacement.unicodeScalars)
            }
        }
        return String(out)
    }

    /// The longest sanitized prefix that fits in `width` columns; when text is
    /// cut and `ellipsis` is set, the last column shows "…".
    public static func truncate(_ s: String, to width: Int, ellipsis: Bool = true) -> String {
        guard width > 0 else { return "" }
        if let n = printableASCIIWidth(s) {
            if n <= width { return s }
            let kept = String(decoding: s.utf8.prefix(ellipsis ? width - 1 : width), as: UTF8.self)
            return ellipsis ? kept + String(Self.ellipsis) : kept
        }
        if let n = simpleWidth(s) {
            if n <= width { return s }
            let characters = s.unicodeScalars.lazy.map { (Character($0), simpleScalarWidth($0.value)) }
            return cut(characters, to: width, ellipsis: ellipsis)
        }
        let clean = sanitize(s)
        if of(clean) <= width { return clean }
        return cut(clean.lazy.map { ($0, clusterWidth($0)) }, to: width, ellipsis: ellipsis)
    }

    /// Text too wide for `width` columns, cut: its characters (each with its
    /// columns) up to the first that would not fit, then the ellipsis if set.
    private static func cut(_ characters: some Sequence<(Character, Int)>, to width: Int, ellipsis: Bool) -> String {
        let budget = ellipsis ? width - 1 : width
        var used = 0
        var out = ""
        for (c, w) in characters {
            if used + w > budget { break }
            used += w
            out.append(c)
        }
        if ellipsis { out.append(Self.ellipsis) }
        return out
    }

    /// Exactly `width` columns: truncated if longer, padded with spaces otherwise.
    public static func pad(_ s: String, to width: Int, alignRight: Bool = false) -> String {
        guard width > 0 else { return "" }
        let cut = truncate(s, to: width)
        let gap = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? gap + cut : cut + gap
    }

    /// The columns of `s` when it is printable ASCII alone (a column a
    /// byte, nothing to sanitize: nearly every label, number and time on the
    /// screen), looked at in place; nil for any other text, which is measured
    /// a character at a time.
    @inline(__always) static func printableASCIIWidth(_ s: String) -> Int? {
        let width = s.utf8.withContiguousStorageIfAvailable { isPrintableASCII($0) ? $0.count : nil }
        return width ?? nil
    }

    /// The columns of `s` when each of its scalars is printable ASCII or
    /// in `simpleScalarWidth`'s ranges, where a scalar is a character of
    /// its own and nothing needs sanitizing: the dashboard's bars and dots,
    /// accented Latin names, Hangul and Chinese names. Such text was
    /// measured and drawn a grapheme cluster at a time, with Unicode
    /// property lookups for each (most of a checkpoint table's frame). Nil
    /// for any other text.
    static func simpleWidth(_ s: String) -> Int? {
        let width = s.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var total = 0
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    guard b &- 0x20 < 0x5F else { return nil }
                    total += 1
                    i += 1
                    continue
                }
                // A String's bytes are valid UTF-8: the lead byte says the length.
                let v: UInt32
                if b & 0xE0 == 0xC0 {
                    v = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else if b & 0xF0 == 0xE0 {
                    v = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    i += 3
                } else {
                    return nil
                }
                let w = simpleScalarWidth(v)
                guard w > 0 else { return nil }
                total += w
            }
            return total
        }
        return width ?? nil
    }

    /// The columns of a scalar that forms a character of its own beside any
    /// other such scalar (no mark, joiner, jamo, control or emoji among
    /// them), as `scalarWidth` gives them; 0 for any other scalar. The tests
    /// hold every scalar of these ranges to `scalarWidth` and to the
    /// standard library's character breaks.
    @inline(__always) static func simpleScalarWidth(_ v: UInt32) -> Int {
        switch v {
        case 0x20...0x7E: return 1
        // Latin-1 letters and signs (not the soft hyphen, a format character), Latin extended, IPA.
        case 0xA0...0xAC, 0xAE...0x2FF: return 1
        // Dashes, quotes, bullets, the ellipsis.
        case 0x2010...0x2027: return 1
        // Box drawing, block elements, geometric shapes (not the two drawn as emoji).
        case 0x2500...0x25FC: return 1
        // CJK unified ideographs and Hangul syllables.
        case 0x4E00...0x9FFF, 0xAC00...0xD7A3: return 2
        default: return 0
        }
    }

    /// " " through "~" alone: one column a byte, nothing to sanitize.
    @inline(__always) static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b &- 0x20 >= 0x5F { return false }
        return true
    }

    // MARK: - Per-cluster width (input already sanitized)

    /// A grapheme cluster is as wide as its first scalar: combining marks,
    /// joiners and variation selectors that follow it add nothing. That matches
    /// what the backend sends, which is the base and its combining marks only.
    static func clusterWidth(_ c: Character) -> Int {
        guard let first = c.unicodeScalars.first else { return 0 }
        return scalarWidth(first)
    }

    static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return 1 }  // controls never get here: they are replaced first
        if isZeroWidth(scalar) { return 0 }
        if rangesContain(wideRanges, v) { return 2 }
        if v >= 0x2300, scalar.properties.isEmojiPresentation, !regionalIndicators.contains(v) { return 2 }
        return 1
    }

    /// Combining marks, format characters (ZWJ, ZWSP, bidi controls) and
    /// conjoining Jamo take no column of their own.
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v == 0xAD { return false }  // soft hyphen: terminals draw it as a hyphen
        if rangesContain(conjoiningJamoRanges, v) { return true }
        if rangesContain(prependedMarkRanges, v) { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return true
        default:
            return false
        }
    }

    public static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || isBidiControl(v)
    }

    /// Embeddings and overrides (U+202A-202E) and isolates (U+2066-2069).
    static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    static func isSafe(_ c: Character) -> Bool {
        !c.unicodeScalars.contains(where: needsReplacement)
    }
}

extension TextWidth {
    /// The scalars to send a terminal so that a cell shows in exactly the
    /// columns `of` computed: the base and its combining marks. Joiners,
    /// variation selectors and whatever follows a joiner are left out, since
    /// terminals disagree on whether they widen the base. Never empty; control
    /// characters come out as U+FFFD.
    public static func terminalScalars(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if out.isEmpty {
                out.append(needsReplacement(scalar) ? "\u{FFFD}" : scalar)
                continue
            }
            if scalar.value == 0x200D { break }
            if isVariationSelector(scalar) || needsReplacement(scalar) { continue }
            if isZeroWidth(scalar) { out.append(scalar) } else { break }
        }
        return out.isEmpty ? [" "] : out
    }

    static func isVariationSelector(_ scalar: Unicode.Scalar) -> Bool {
        (0xFE00...0xFE0F).contains(scalar.value) || (0xE0100...0xE01EF).contains(scalar.value)
    }
}
