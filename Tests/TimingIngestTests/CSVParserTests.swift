import Testing

@testable import TimingIngest

/// RFC 4180 as racedash reads it: quoted fields may hold commas and quotes
/// but not a line feed; a carriage return outside quotes is dropped; a quote
/// opens a quoted field only at its start; a blank line is no row.
@Suite struct CSVParserTests {
    func rows(_ text: String) throws -> [[String]] {
        try CSVParser.parse(text, file: "t.csv").map(\.fields)
    }

    @Test func fieldsQuotesAndLineEnds() throws {
        #expect(try rows("a,b\r\nc,\"d,e\"\n\n\"f\"\"g\",\"h\ri\"") == [["a", "b"], ["c", "d,e"], ["f\"g", "h\ri"]])
        #expect(try rows("x\"y,\"z\"w,,é\r") == [["x\"y", "zw", "", "é"]])
        #expect(try CSVParser.parse("a\nb,c\n\n\"d,e\"\nf", file: "t.csv").map(\.line) == [1, 2, 4, 5])
        #expect(throws: ConfigError.self) { try rows("a,\"b\nc") }
    }

    /// A quote typed by mistake at a field's start is caught on its own line,
    /// not after it has taken the rows up to the next quote into one field.
    @Test func aQuoteLeftOpenIsAnErrorOnTheLineItOpened() throws {
        let text = "bib,club\n1,\"Nairobi Club\n2,Wolmido\n3,\"Sports, Pyongyang\"\n"
        do {
            _ = try CSVParser.parse(text, file: "participants.csv")
            Issue.record("no error")
        } catch {
            #expect(error.line == 2)
            #expect(error.message.contains("a quoted field opened on this line is never closed on it"), "\(error)")
        }
    }

    /// Skipping instead of stopping: the line with the open quote is left
    /// out, the next line is a row again, and a quote open at the end too.
    @Test func aLineWithAnOpenQuoteCanBeSkipped() throws {
        var skipped: [Int] = []
        let rows = try CSVParser.parse("a\n\"b,x\nc,d\n\"e\"f,\"g\n\"h", file: "t.csv") { skipped.append($0.line ?? 0) }
        #expect(rows.map(\.fields) == [["a"], ["c", "d"]])
        #expect(rows.map(\.line) == [1, 3])
        #expect(skipped == [2, 4, 5])
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

    /// The word-at-a-time skip finds the same byte as a look at each byte,
    /// over bytes next to the four that matter, above 127 and zero, from
    /// every start and at every distance from the end.
    @Test func skipToTheNextQuoteCommaOrLineEndAsByteByByte() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [
            0x22, 0x2C, 0x0D, 0x0A, 0x21, 0x23, 0x2B, 0x2D, 0x09, 0x0B, 0x0C, 0x00, 0x01, 0x41, 0x80, 0xA2, 0xAC, 0x8A,
            0xFF,
        ]
        let special: Set<UInt8> = [0x22, 0x2C, 0x0D, 0x0A]
        for _ in 0..<3_000 {
            // Mostly plain text, so a special byte lies anywhere in a word or several words on.
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                Int.random(in: 0..<4, using: &generator) == 0
                    ? alphabet.randomElement(using: &generator)! : UInt8.random(in: 0x41...0x7A, using: &generator)
            }
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...bytes.count {
                    let expected = bytes[start...].firstIndex(where: special.contains) ?? bytes.count
                    #expect(CSVParser.nextSpecial(in: buffer, from: start) == expected, "\(bytes) from \(start)")
                }
            }
        }
    }

    /// The rules, spelled out; nil for a quote not closed on its line.
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
                    if b == UInt8(ascii: "\n") { return nil }
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
