/// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines.
enum CSVParser {
    struct Row {
        var line: Int
        var fields: [String]
    }

    /// A quote opened and never closed swallows the rest of the file into one
    /// field; that is an error naming where the quote was opened.
    static func parse(_ text: String, file: String) throws(ConfigError) -> [Row] {
        var text = text
        // Byte by byte: every character the format gives meaning to is ASCII,
        // so UTF-8 sequences pass through untouched (a big list is 50,000 rows).
        let result = text.withUTF8 { bytes in Result { () throws(ConfigError) in try parse(bytes, file: file) } }
        return try result.get()
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(ConfigError) -> [Row] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var rows: [Row] = []
        var fields: [String] = []
        // A plain field is made straight from its bytes; one with quotes or a
        // carriage return is copied into `field` as it is unescaped.
        var field: [UInt8] = []
        var copying = false
        var start = 0
        var inQuotes = false
        var line = 1
        var rowLine = 1
        var quoteLine = 1

        func endField(at end: Int) {
            if copying {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                copying = false
            } else {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
            }
        }
        func endRow(at end: Int) {
            endField(at: end)
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowLine, fields: fields)) }
            fields = []
        }

        var i = 0
        let count = bytes.count
        while i < count {
            let b = bytes[i]
            i += 1
            if inQuotes {
                if b == quote {
                    if i < count && bytes[i] == quote {
                        field.append(quote)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if b == lf { line += 1 }
                    field.append(b)
                }
                continue
            }
            switch b {
            case quote where copying ? field.isEmpty : i - 1 == start:
                inQuotes = true
                copying = true
                quoteLine = line
            case comma:
                endField(at: i - 1)
                start = i
            case cr:
                if !copying {
                    field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i - 1]))
                    copying = true
                }
            case lf:
                endRow(at: i - 1)
                line += 1
                rowLine = line
                start = i
            default:
                if copying { field.append(b) }
            }
        }
        if inQuotes {
            throw ConfigError(
                file: file, line: quoteLine,
                "a quoted field opened on this line is never closed (a \" is missing); the rest of the file would be one field"
            )
        }
        if (copying ? !field.isEmpty : start < count) || !fields.isEmpty { endRow(at: count) }
        return rows
    }
}
