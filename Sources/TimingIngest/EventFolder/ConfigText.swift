#if canImport(Glibc)
import Glibc
#endif
/// Text of event.toml and participants.csv before it is parsed.
enum ConfigText {
    /// Config files are small; anything bigger is not one.
    static let maxBytes = 256 << 20

    /// A NUL byte ends the text for the TOML parser, which then reports a
    /// confusing later error ("missing 'points'"); name it instead.
    static func checkForNUL(_ text: String, file: String) throws(ConfigError) {
        // A NUL and a newline are one byte each in UTF-8: the text's bytes are scanned.
        var text = text
        let result = text.withUTF8 { bytes in Result { () throws(ConfigError) in try checkForNUL(bytes, file: file) } }
        try result.get()
    }

    /// The same over a file's bytes: its line is the newlines before it, plus one.
    static func checkForNUL(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(ConfigError) {
        guard let base = bytes.baseAddress, let hit = memchr(base, 0, bytes.count) else { return }
        let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        let line = bytes[..<at].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        throw ConfigError(file: file, line: line, "holds a NUL byte; the file is damaged or not text")
    }

    /// event.toml: a NUL, and the Unicode line breaks U+0085, U+2028 and
    /// U+2029, which the TOML parser cannot place in an array (it stops on an
    /// internal check) and no event name needs.
    static func checkTOML(_ text: String, file: String) throws(ConfigError) {
        try checkForNUL(text, file: file)
        try TOMLPrecheck.check(text, file: file)
        let breaks: Set<Unicode.Scalar> = ["\u{85}", "\u{2028}", "\u{2029}"]
        guard let (line, scalar) = firstScalar(in: text, where: breaks.contains) else { return }
        let code = String(scalar.value, radix: 16, uppercase: true)
        throw ConfigError(
            file: file, line: line,
            "holds U+\(String(repeating: "0", count: 4 - code.count))\(code), a Unicode line break; use a plain newline"
        )
    }

    private static func firstScalar(in text: String, where match: (Unicode.Scalar) -> Bool) -> (
        line: Int, scalar: Unicode.Scalar
    )? {
        var line = 1
        for scalar in text.unicodeScalars {
            if match(scalar) { return (line, scalar) }
            if scalar == "\n" { line += 1 }
        }
        return nil
    }
}
