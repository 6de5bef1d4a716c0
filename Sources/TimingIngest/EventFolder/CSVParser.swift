/// RFC 4180 CSV, one row a line: quoted fields may hold commas and quotes
/// (""), but not a line break. RFC 4180 allows one, yet no participant or
/// journal field holds one, while a quote typed by mistake at a field's
/// start (`"Nairobi Club`) would take every row up to the next quote into
/// that field: 106 runners of a list gone without a word.
enum CSVParser {
    struct Row {
        var line: Int
        var fields: [String]
    }

    /// A quote not closed on the line it opened on is an error naming that
    /// line; with `skipping`, that line is handed there instead and left
    /// out, and the rows after it are read (a row is one line).
    static func parse(_ text: String, file: String, skipping: ((ConfigError) -> Void)? = nil) throws(ConfigError)
        -> [Row]
    {
        var rows: [Row] = []
        try forEachRow(text, file: file, skipping: skipping) { rows.append($0) }
        return rows
    }

    /// Each row handed to `body` as it is read, its fields array used again
    /// for the next: a 50,000-row participant list held whole as rows of
    /// Strings was some 11 MB the process kept after the list was read.
    static func forEachRow(
        _ text: String, file: String, skipping: ((ConfigError) -> Void)? = nil,
        _ body: (Row) throws(ConfigError) -> Void
    ) throws(ConfigError) {
        var text = text
        // Byte by byte: every character the format gives meaning to is ASCII,
        // so UTF-8 sequences pass through untouched (a big list is 50,000 rows).
        let result = text.withUTF8 { bytes in
            Result { () throws(ConfigError) in try forEachRow(bytes, file: file, skipping: skipping, body) }
        }
        try result.get()
    }

    static func forEachRow(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, skipping: ((ConfigError) -> Void)? = nil,
        _ body: (Row) throws(ConfigError) -> Void
    ) throws(ConfigError) {
        var row = Row(line: 1, fields: [])
        try forEachByteRow(bytes, file: file, skipping: skipping) { bytesRow throws(ConfigError) in
            row.line = bytesRow.line
            row.fields.removeAll(keepingCapacity: true)
            for field in bytesRow.fields { row.fields.append(String(decoding: field, as: UTF8.self)) }
            try body(row)
        }
    }

    /// A row's fields as bytes, valid only while the row is handed over: a
    /// plain field lies in the file's bytes, an unescaped one in the
    /// parser's own buffer. A reader that keeps a few fields of each row
    /// makes Strings of those alone.
    struct ByteRow {
        var line: Int
        var fields: [UnsafeBufferPointer<UInt8>]
    }

    @inline(__always)
    static func forEachByteRow(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, skipping: ((ConfigError) -> Void)? = nil,
        _ body: (ByteRow) throws(ConfigError) -> Void
    ) throws(ConfigError) {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        // Where each field of the row lies: in the file, or (copied) in `unescaped`.
        var spans: [(range: Range<Int>, copied: Bool)] = []
        var row = ByteRow(line: 1, fields: [])
        // A plain field is handed over where it lies; one with quotes or a
        // carriage return is copied into `unescaped`, from `fieldStart` on,
        // as it is unescaped.
        var unescaped: [UInt8] = []
        var fieldStart = 0
        var copying = false
        var start = 0
        var inQuotes = false
        var line = 1
        var rowLine = 1
        var quoteLine = 1

        func endField(at end: Int) {
            if copying {
                spans.append((fieldStart..<unescaped.count, true))
                copying = false
            } else {
                spans.append((start..<end, false))
            }
        }
        func endRow(at end: Int) throws(ConfigError) {
            endField(at: end)
            if !(spans.count == 1 && spans[0].range.isEmpty) {
                row.line = rowLine
                let result = unescaped.withUnsafeBufferPointer { copies in
                    row.fields.removeAll(keepingCapacity: true)
                    for (range, copied) in spans {
                        row.fields.append(UnsafeBufferPointer(rebasing: (copied ? copies : bytes)[range]))
                    }
                    return Result { () throws(ConfigError) in try body(row) }
                }
                try result.get()
            }
            spans.removeAll(keepingCapacity: true)
            unescaped.removeAll(keepingCapacity: true)
        }

        var i = 0
        let count = bytes.count
        while i < count {
            if !inQuotes && !copying {
                // Nearly every byte is text: skipped to the next that may end or open a field.
                i = nextSpecial(in: bytes, from: i)
                if i == count { break }
            }
            let b = bytes[i]
            i += 1
            if inQuotes {
                if b == quote {
                    if i < count && bytes[i] == quote {
                        unescaped.append(quote)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else if b == lf {
                    guard let skipping else { throw Self.unclosedQuote(file: file, line: quoteLine) }
                    skipping(Self.unclosedQuote(file: file, line: quoteLine))
                    // The line is left out; the next one is a row of its own.
                    (inQuotes, copying) = (false, false)
                    spans.removeAll(keepingCapacity: true)
                    unescaped.removeAll(keepingCapacity: true)
                    line += 1
                    rowLine = line
                    start = i
                } else {
                    unescaped.append(b)
                }
                continue
            }
            switch b {
            case quote where copying ? unescaped.count == fieldStart : i - 1 == start:
                if !copying { fieldStart = unescaped.count }
                inQuotes = true
                copying = true
                quoteLine = line
            case comma:
                endField(at: i - 1)
                start = i
            case cr:
                if !copying {
                    fieldStart = unescaped.count
                    unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i - 1]))
                    copying = true
                }
            case lf:
                try endRow(at: i - 1)
                line += 1
                rowLine = line
                start = i
            default:
                if copying { unescaped.append(b) }
            }
        }
        if inQuotes {
            guard let skipping else { throw Self.unclosedQuote(file: file, line: quoteLine) }
            skipping(Self.unclosedQuote(file: file, line: quoteLine))
            return
        }
        if (copying ? unescaped.count > fieldStart : start < count) || !spans.isEmpty { try endRow(at: count) }
    }

    static func unclosedQuote(file: String, line: Int) -> ConfigError {
        ConfigError(
            file: file, line: line,
            "a quoted field opened on this line is never closed on it (a \" is missing); a field cannot hold a line break"
        )
    }

    /// Where the next quote, comma, carriage return or line feed is from
    /// `start` on (`bytes.count`: none). Eight bytes at a time: byte by
    /// byte, this skip was half the scanning of a 50,000-row list.
    @inline(__always)
    static func nextSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        let count = bytes.count
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let hits =
                    ASCII.zeroBytes(word ^ ASCII.spread(ASCII.quote))
                    | ASCII.zeroBytes(word ^ ASCII.spread(ASCII.comma))
                    | ASCII.zeroBytes(word ^ ASCII.spread(ASCII.carriageReturn))
                    | ASCII.zeroBytes(word ^ ASCII.spread(ASCII.newline))
                // The lowest flagged byte is exact (a borrow only flags bytes above a true one).
                if hits != 0 { return i + hits.trailingZeroBitCount / 8 }
                i += 8
            }
        }
        // The bytes the format gives meaning to, as bits of one word (all are below 64).
        let special: UInt64 =
            1 << ASCII.quote | 1 << ASCII.comma | 1 << ASCII.carriageReturn | 1 << ASCII.newline
        while i < count, bytes[i] >= 64 || special &>> UInt64(bytes[i]) & 1 == 0 { i += 1 }
        return i
    }
}
