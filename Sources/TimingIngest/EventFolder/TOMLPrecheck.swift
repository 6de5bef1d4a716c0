/// Malformed TOML that stops the TOML parser (TOMLKit's toml++) on an
/// internal assertion instead of giving a parse error, found by fuzzing
/// event.toml. Each pattern is refused here first, with its line, so a typo
/// in the config is a message and never a crash.
enum TOMLPrecheck {
    static func check(_ text: String, file: String) throws(ConfigError) {
        try checkTableHeaders(text, file: file)
        try checkNULEscapes(text, file: file)
        switch scan(text) {
        case nil: return
        case .closingBraceInArray(let line)?:
            throw ConfigError(file: file, line: line, "'}' where an array value or ']' should be")
        case .dateWithOneDigitTime(let line)?:
            throw ConfigError(
                file: file, line: line, "a date followed by a one-digit time; write a date alone, or a time as HH:MM:SS"
            )
        }
    }

    /// A line starting with '[' and then anything but a key (`[;`, `[é`, a
    /// bare `[`) stops the TOML parser on an internal check; the config has
    /// no nested arrays, so such a line is always a broken table header.
    static func checkTableHeaders(_ text: String, file: String) throws(ConfigError) {
        for (index, line) in text.utf8.split(separator: 10, omittingEmptySubsequences: false).enumerated() {
            var rest = line.drop { $0 == 32 || $0 == 9 }
            guard rest.first == UInt8(ascii: "[") else { continue }
            rest = rest.dropFirst()
            if rest.first == UInt8(ascii: "[") { rest = rest.dropFirst() }
            rest = rest.drop { $0 == 32 || $0 == 9 }
            if let c = rest.first, c < 0x80, ASCII.isLetter(c) || ASCII.isDigit(c) || "_-\"']".utf8.contains(c) {
                continue
            }
            throw ConfigError(
                file: file, line: index + 1, "'[' must be followed by a table name, like [rules] or [[points]]")
        }
    }

    /// A `\u0000` escape is a NUL in a string, which TOMLKit cuts the string
    /// at: `files = ["reads/a\u0000b"]` would silently read `reads/a`.
    static func checkNULEscapes(_ text: String, file: String) throws(ConfigError) {
        for (index, line) in text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }
        ).enumerated()
        where line.contains("\\u0000") || line.contains("\\U00000000") {
            throw ConfigError(file: file, line: index + 1, "a \\u0000 escape puts a NUL in a string; remove it")
        }
    }

    enum Finding: Equatable {
        /// `s = [1, }`, `s = [ }`: inside an array, after '[' or ',', the next
        /// thing that is not blank, a newline or a comment is '}'.
        case closingBraceInArray(line: Int)
        /// `[2025-04-06 0]`: a date, a space and a single digit.
        case dateWithOneDigitTime(line: Int)
    }

    /// The first pattern found outside strings and comments.
    static func scan(_ text: String) -> Finding? {
        let b = Array(text.utf8)
        var line = 1
        var stack: [UInt8] = []  // open '[' and '{'
        var expectingArrayValue = false
        var i = 0
        while i < b.count {
            let c = b[i]
            switch c {
            case UInt8(ascii: "\n"):
                line += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                break
            case UInt8(ascii: "#"):
                while i + 1 < b.count && b[i + 1] != UInt8(ascii: "\n") { i += 1 }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                expectingArrayValue = false
                i = skipString(b, from: i, line: &line)
                continue
            case UInt8(ascii: "["):
                stack.append(c)
                expectingArrayValue = true
            case UInt8(ascii: "{"):
                stack.append(c)
                expectingArrayValue = false
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if c == UInt8(ascii: "}") && expectingArrayValue && stack.last == UInt8(ascii: "[") {
                    return .closingBraceInArray(line: line)
                }
                if !stack.isEmpty { stack.removeLast() }
                expectingArrayValue = false
            case UInt8(ascii: ","):
                expectingArrayValue = stack.last == UInt8(ascii: "[")
            default:
                expectingArrayValue = false
                if isDateWithOneDigitTime(b, at: i) { return .dateWithOneDigitTime(line: line) }
            }
            i += 1
        }
        return nil
    }

    /// `dddd-dd-dd d` and then no further digit, at `i`.
    private static func isDateWithOneDigitTime(_ b: [UInt8], at i: Int) -> Bool {
        guard i + 12 <= b.count else { return false }
        for (offset, expected) in "dddd-dd-dd d".utf8.enumerated() {
            let c = b[i + offset]
            if expected == UInt8(ascii: "d") ? !ASCII.isDigit(c) : c != expected { return false }
        }
        return i + 12 == b.count || !ASCII.isDigit(b[i + 12])
    }

    /// The index just past the string starting at `start` (basic or literal,
    /// single- or multi-line), counting the newlines it holds.
    private static func skipString(_ b: [UInt8], from start: Int, line: inout Int) -> Int {
        let quote = b[start]
        let multi = start + 2 < b.count && b[start + 1] == quote && b[start + 2] == quote
        var i = start + (multi ? 3 : 1)
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") {
                i += 2
                continue
            }
            if c == UInt8(ascii: "\n") {
                line += 1
                if !multi { return i }  // an unclosed one-line string: the parser reports it
            }
            if c == quote {
                if !multi { return i + 1 }
                if i + 2 < b.count && b[i + 1] == quote && b[i + 2] == quote { return i + 3 }
            }
            i += 1
        }
        return i
    }
}
