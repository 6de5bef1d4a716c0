import Testing

@testable import TimingIngest

/// RFC 4180 as racedash reads it: quoted fields may hold commas, quotes and
/// line ends; a carriage return outside quotes is dropped; a quote opens a
/// quoted field only at its start; a blank line is no row.
@Suite struct CSVParserTests {
    func rows(_ text: String) throws -> [[String]] {
        try CSVParser.parse(text, file: "t.csv").map(\.fields)
    }

    @Test func fieldsQuotesAndLineEnds() throws {
        #expect(try rows("a,b\r\nc,\"d,e\"\n\n\"f\"\"g\",\"h\ni\"") == [["a", "b"], ["c", "d,e"], ["f\"g", "h\ni"]])
        #expect(try rows("x\"y,\"z\"w,,é\r") == [["x\"y", "zw", "", "é"]])
        #expect(try CSVParser.parse("a\nb,c\n\"d\ne\"\nf", file: "t.csv").map(\.line) == [1, 2, 3, 5])
        #expect(throws: ConfigError.self) { try rows("a,\"b\nc") }
    }

    /// Against a plain reading of those rules, a byte at a time, over
    /// strings of the bytes that matter and text around them.
    @Test func readsAsTheRulesSayByteByByte() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "bc", ",", "\"", "\"\"", "\r", "\n", "\r\n", "é", " ", "ü,"]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...14, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            let expected = Self.reference(Array(text.utf8))
            switch expected {
            case nil: #expect(throws: ConfigError.self, "\(text.debugDescription)") { try rows(text) }
            case let expected?: #expect(try rows(text) == expected, "\(text.debugDescription)")
            }
        }
    }

    /// The rules, spelled out; nil for a quote never closed.
    static func reference(_ bytes: [UInt8]) -> [[String]]? {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var started = false  // something of the field seen, a dropped CR included
        var inQuotes = false
        var i = 0
        func endField() {
            row.append(String(decoding: field, as: UTF8.self))
            field = []
            started = false
        }
        func endRow() {
            endField()
            if row != [""] { rows.append(row) }
            row = []
        }
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    if i < bytes.count && bytes[i] == UInt8(ascii: "\"") {
                        field.append(b)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(b)
                }
                continue
            }
            switch b {
            case UInt8(ascii: "\"") where field.isEmpty:
                inQuotes = true
                started = true
            case UInt8(ascii: ","): endField()
            case UInt8(ascii: "\n"): endRow()
            case UInt8(ascii: "\r"): started = true
            default:
                field.append(b)
                started = true
            }
        }
        if inQuotes { return nil }
        if started || !field.isEmpty || !row.isEmpty { endRow() }
        return rows
    }
}
