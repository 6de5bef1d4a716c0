/// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines.
enum CSVParser {
    struct Row {
        var line: Int
        var fields: [String]
    }

    /// A quote opened and never closed swallows the rest of the file into one
    /// field; that is an error naming where the quote was opened.
    static func parse(_ text: String, file: String) throws(ConfigError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var rowLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        var quoteLine = 1

        func endRow() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowLine, fields: fields)) }
            fields = []
        }

        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                inQuotes = true
                quoteLine = line
            case ",":
                fields.append(field)
                field = ""
            case "\r": break
            case "\n":
                endRow()
                line += 1
                rowLine = line
            default: field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes {
            throw ConfigError(
                file: file, line: quoteLine,
                "a quoted field opened on this line is never closed (a \" is missing); the rest of the file would be one field"
            )
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }
}
