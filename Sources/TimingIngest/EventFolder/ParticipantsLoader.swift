#if canImport(Glibc)
import Glibc
#endif
import RaceModel

/// Reads `participants.csv`: header row, columns in any order.
enum ParticipantsLoader {
    static let required = ["bib", "name", "race"]
    static let known: Set<String> = [
        "bib", "name", "race", "chip", "sex", "age", "country", "division", "wave", "club",
    ]

    /// The file's bytes parsed in place: each field is decoded on its own
    /// (invalid UTF-8 replaced as in the whole file decoded at once, since a
    /// byte the format gives meaning to is never part of a UTF-8 sequence).
    /// `spares`: where the repeat checks' tables go once the list is read,
    /// for the directory's tables to be made in (`CodeTable.Spares`).
    static func parse(_ bytes: [UInt8], file: String, event: EventConfig, spares: CodeTable.Spares? = nil)
        throws(ConfigError) -> [Participant]
    {
        let result = bytes.withUnsafeBufferPointer { all in
            Result { () throws(ConfigError) in try parse(all, file: file, event: event, spares: spares) }
        }
        return try result.get()
    }

    static func parse(
        _ all: UnsafeBufferPointer<UInt8>, file: String, event: EventConfig, spares: CodeTable.Spares? = nil
    ) throws(ConfigError) -> [Participant] {
        try ConfigText.checkForNUL(all, file: file)
        let body = all.starts(with: ReadLimits.byteOrderMark) ? UnsafeBufferPointer(rebasing: all[3...]) : all
        // Room made by lines (a quoted newline only makes room for one row more).
        let expected = ReadFileScanner.lineEnds(body) + 1
        var column: Columns? = nil
        var headerCount = 0
        var participants: [Participant] = []
        participants.reserveHugeCapacity(expected)
        var repeats = RepeatCheck(capacity: expected, file: file)
        let names = EventNames(event)
        do {
            try CSVParser.forEachByteRow(body, file: file) { row throws(ConfigError) in
                guard let column else {
                    let header = CSVParser.Row(
                        line: row.line, fields: row.fields.map(text))
                    column = Columns(try columns(of: header, file: file))
                    headerCount = header.fields.count
                    return
                }
                try checkNoCellPastTheHeader(row, headerCount: headerCount, file: file)
                let fields = RowFields(row: row, column: column, file: file)
                let p = try participant(fields, event: event, names: names)
                try repeats.add(p, bib: fields.bytes(column.bib), chip: fields.bytes(column.chip), line: row.line)
                participants.append(p)
            }
            try repeats.finish()
        } catch {
            // A repeat on an earlier row is the first fault in the file.
            try repeats.finish()
            throw error
        }
        guard column != nil else { throw ConfigError(file: file, "is empty; it needs a header row with bib,name,race") }
        if let spares { repeats.giveTables(to: spares) }
        return participants
    }

    /// A row with text past the header's last column: a comma typed in a
    /// name or club without quotes, which moves every cell after it (the
    /// club `Wolmido, Pyongyang` read as `Wolmido`, the rest dropped). Empty
    /// cells past it are only trailing commas, as spreadsheets write them.
    static func checkNoCellPastTheHeader(_ row: CSVParser.ByteRow, headerCount: Int, file: String)
        throws(ConfigError)
    {
        guard row.fields.count > headerCount else { return }
        for extra in row.fields[headerCount...] where extra.contains(where: { $0 != 32 && $0 != 9 }) {
            throw ConfigError(
                file: file, line: row.line,
                "row has \(row.fields.count) fields, the header \(headerCount): a comma inside a name or club needs the field in quotes"
            )
        }
    }

    /// Checks each row's bib and chip against the rows before it, a few rows
    /// behind the parsing: a row's slots in the tables are fetched when it is
    /// parsed and looked at a few rows on, where at once, each insert into
    /// tables far bigger than the caches waited on memory (a quarter of
    /// the time of a 50,000-row list). Errors stay in line order: whatever
    /// ends the parse, the rows before it are checked first (`finish`).
    struct RepeatCheck {
        static let distance = FetchAhead.distance
        private var bibLine: FirstLines
        private var chipLine: FirstLines
        private var queue: [Pending] = []
        private var next = 0
        let file: String

        /// A row's keys as codes: no String is kept or hashed for them. Bibs
        /// and chips are keyed in lower case, as reads are matched to them.
        struct Pending {
            let bib: ChipCode
            let bibKey: Key
            let chip: ChipCode?
            let chipKey: Key?
            let line: Int
        }

        /// A bib, or a chip in lower case, with its hash and whether it is all ASCII.
        struct Key {
            let code: ChipCode
            let hash: Int32
            let isASCII: Bool

            init(_ code: ChipCode, isASCII: Bool) {
                (self.code, hash, self.isASCII) = (code, code.hash, isASCII)
            }

            init(_ text: String) { self.init(ChipCode(text), isASCII: text.isAllASCII) }
        }

        init(capacity: Int, file: String) {
            (bibLine, chipLine) = (FirstLines(capacity: capacity), FirstLines(capacity: capacity))
            self.file = file
            queue.reserveCapacity(Self.distance)
        }

        /// `bib` and `chip`: the row's cells the participant's were read
        /// from. A short ASCII cell (nearly every bib and chip) is its code
        /// as it lies; any other is taken from the participant's text (which
        /// may differ from the bytes, invalid UTF-8 replaced).
        mutating func add(
            _ p: Participant, bib: UnsafeBufferPointer<UInt8>?, chip: UnsafeBufferPointer<UInt8>?, line: Int
        ) throws(ConfigError) {
            let bibCode: ChipCode
            let bibKey: Key
            if let cell = bib, let code = ChipCode(inlineASCII: cell) {
                (bibCode, bibKey) = (code, Key(Self.lowercased(cell), isASCII: true))
            } else {
                (bibCode, bibKey) = (ChipCode(p.bib), Key(p.bib.lowercasedIfNeeded))
            }
            var chipCode: ChipCode? = nil
            var chipKey: Key? = nil
            if let text = p.chip {
                if let cell = chip, let code = ChipCode(inlineASCII: cell) {
                    chipCode = code
                    chipKey = Key(Self.lowercased(cell), isASCII: true)
                } else {
                    chipCode = ChipCode(text)
                    chipKey = Key(text.lowercasedIfNeeded)
                }
            }
            let entry = Pending(bib: bibCode, bibKey: bibKey, chip: chipCode, chipKey: chipKey, line: line)
            bibLine.prefetch(hash: bibKey.hash)
            chipLine.prefetch(hash: bibKey.hash)
            if let chipKey {
                chipLine.prefetch(hash: chipKey.hash)
                bibLine.prefetch(hash: chipKey.hash)
            }
            if queue.count < Self.distance {
                queue.append(entry)
                return
            }
            let due = queue[next]
            queue[next] = entry
            next = (next + 1) % Self.distance
            try check(due)
        }

        /// An ASCII cell's code in lower case, as `lowercasedIfNeeded` gives it.
        static func lowercased(_ cell: UnsafeBufferPointer<UInt8>) -> ChipCode {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: cell.count) { lower in
                for (i, byte) in cell.enumerated() { lower[i] = byte &- 65 < 26 ? byte | 0x20 : byte }
                return ChipCode(line: UnsafeBufferPointer(lower))
            }
        }

        /// The bib and chip tables, for tables of their size to be made in.
        consuming func giveTables(to spares: CodeTable.Spares) {
            spares.keep(bibLine.table)
            spares.keep(chipLine.table)
        }

        /// Checks the rows still waiting, oldest first.
        mutating func finish() throws(ConfigError) {
            let waiting = queue[next...] + queue[..<next]
            clear()
            for entry in waiting { try check(entry) }
        }

        private mutating func clear() {
            queue = []
            next = 0
        }

        /// A bib or chip given twice, or one runner's chip that is another's
        /// bib: reads are matched to chips and bibs alike (a hand-timed
        /// read names a bib), so a read of that code would go to the wrong
        /// runner. A row's chip may be its own bib.
        private mutating func check(_ e: Pending) throws(ConfigError) {
            if let first = bibLine.record(e.bibKey, line: e.line) {
                clear()  // this is the first fault: nothing after it is checked
                throw ConfigError(file: file, line: e.line, "duplicate bib \(e.bib) (first on line \(first))")
            }
            if let other = chipLine.line(of: e.bibKey), other != e.line {
                clear()
                throw ConfigError(
                    file: file, line: e.line,
                    "bib \(e.bib) is the chip of the runner on line \(other): a read of \(e.bib) could be either")
            }
            guard let chip = e.chip, let key = e.chipKey else { return }
            if let first = chipLine.record(key, line: e.line) {
                clear()
                throw ConfigError(
                    file: file, line: e.line,
                    "chip \(chip) of bib \(e.bib) is already given to the runner on line \(first)")
            }
            if let other = bibLine.line(of: key), other != e.line {
                clear()
                throw ConfigError(
                    file: file, line: e.line,
                    "chip \(chip) of bib \(e.bib) is the bib of the runner on line \(other): a read of \(chip) could be either"
                )
            }
        }
    }

    /// The line each bib (or chip) was first given on. Keys are the same when
    /// they are equal as strings, by Unicode canonical equivalence (a bib typed
    /// once with a precomposed "ë" and once with a combining mark is one bib).
    /// While every key is ASCII that is byte equality, and the code table
    /// serves (a standard dictionary's hashing was a sixth of this loader's
    /// time); from the first key that is not, a dictionary does.
    struct FirstLines {
        private(set) var table: CodeTable
        private var dictionary: [String: Int]? = nil

        init(capacity: Int) { table = CodeTable(capacity: capacity) }

        /// Fetches early where a key of `hash` (`CodeTable.hash`) is recorded.
        func prefetch(hash: Int32) {
            if dictionary == nil { table.prefetch(hash: hash) }
        }

        /// Records `key` as given on `line`; the line it was first given on, if it was.
        mutating func record(_ key: RepeatCheck.Key, line: Int) -> Int? {
            if dictionary == nil && !key.isASCII {
                var all: [String: Int] = [:]
                table.forEach { all[$0] = $1 }
                dictionary = all
            }
            if dictionary != nil {
                let text = key.code.string
                if let first = dictionary![text] { return first }
                dictionary![text] = line
                return nil
            }
            return table.value(of: key.code, hash: key.hash, orSet: line)
        }

        /// The line `key` was given on, if it was.
        func line(of key: RepeatCheck.Key) -> Int? {
            if let dictionary { return dictionary[key.code.string] }
            return key.isASCII ? table.value(of: key.code, hash: key.hash) : nil
        }
    }

    /// Column index by name, from the header row.
    static func columns(of header: CSVParser.Row, file: String) throws(ConfigError) -> [String: Int] {
        var column: [String: Int] = [:]
        for (i, name) in header.fields.enumerated() {
            let key = name.trimmed.lowercased()
            guard known.contains(key) else {
                throw ConfigError(
                    file: file, line: header.line,
                    "unknown column '\(name)'; columns are \(known.sorted().joined(separator: ", "))")
            }
            if column[key] != nil { throw ConfigError(file: file, line: header.line, "column '\(key)' appears twice") }
            column[key] = i
        }
        for key in required where column[key] == nil {
            throw ConfigError(
                file: file, line: header.line, "missing required column '\(key)' (required: bib, name, race)")
        }
        return column
    }

    /// Where each known column is, looked up once: by name per cell, a
    /// 50,000-row list spent most of its load comparing column names.
    struct Columns {
        var bib, name, race, chip, sex, age, country, division, wave, club: Int?
        init(_ byName: [String: Int]) {
            (bib, name, race, chip, sex) = (
                byName["bib"], byName["name"], byName["race"], byName["chip"], byName["sex"]
            )
            (age, country, division) = (byName["age"], byName["country"], byName["division"])
            (wave, club) = (byName["wave"], byName["club"])
        }
    }

    /// One data row's fields by column, as bytes: only the fields a
    /// participant keeps as text become Strings (a String per cell was a
    /// third of a 50,000-row list's load).
    struct RowFields {
        let row: CSVParser.ByteRow
        let column: Columns
        let file: String

        /// The cell without spaces and tabs at either end (padding, not
        /// text), nil when the column is absent or the cell empty.
        func bytes(_ index: Int?) -> UnsafeBufferPointer<UInt8>? {
            guard let i = index, i < row.fields.count else { return nil }
            var cell = row.fields[i]
            while let first = cell.first, first == 32 || first == 9 {
                cell = UnsafeBufferPointer(rebasing: cell.dropFirst())
            }
            while let last = cell.last, last == 32 || last == 9 {
                cell = UnsafeBufferPointer(rebasing: cell.dropLast())
            }
            return cell.isEmpty ? nil : cell
        }

        /// The trimmed value as text, nil when absent or empty.
        func value(_ index: Int?) -> String? {
            bytes(index).map(ParticipantsLoader.text)
        }

        func fail(_ message: String) -> ConfigError { ConfigError(file: file, line: row.line, message) }
    }

    /// The event's race and wave ids as bytes. A cell with an id's bytes
    /// is that id; one matching none is no id when it and every id are
    /// ASCII. Anything else is left to Strings, which compare by canonical
    /// equivalence.
    struct EventNames {
        let races: [[UInt8]]
        let waves: [[[UInt8]]]
        let allASCII: Bool

        init(_ event: EventConfig) {
            races = event.races.map { Array($0.id.utf8) }
            waves = event.races.map { $0.waves.map { Array($0.id.utf8) } }
            allASCII = (races + waves.joined()).allSatisfy { $0.allSatisfy { $0 < 128 } }
        }

        /// The race whose id the cell holds; `.none` when the bytes cannot tell.
        func race(_ cell: UnsafeBufferPointer<UInt8>) -> Int?? {
            find(cell, in: races)
        }

        func wave(_ cell: UnsafeBufferPointer<UInt8>, race: Int) -> Int?? {
            find(cell, in: waves[race])
        }

        private func find(_ cell: UnsafeBufferPointer<UInt8>, in ids: [[UInt8]]) -> Int?? {
            for (i, id) in ids.enumerated() where id.count == cell.count {
                if id.withUnsafeBufferPointer({ memcmp($0.baseAddress!, cell.baseAddress!, cell.count) == 0 }) {
                    return .some(i)
                }
            }
            return allASCII && cell.allSatisfy({ $0 < 128 }) ? .some(nil) : .none
        }
    }

    static func participant(_ fields: RowFields, event: EventConfig, names: EventNames) throws(ConfigError)
        -> Participant
    {
        let c = fields.column
        guard let bib = fields.value(c.bib) else { throw fields.fail("empty bib") }
        guard let name = fields.value(c.name) else { throw fields.fail("bib \(bib) has no name") }
        guard let raceCell = fields.bytes(c.race) else { throw fields.fail("bib \(bib) has no race") }
        guard let raceIndex = names.race(raceCell) ?? event.raceIndex(id: text(raceCell))
        else {
            throw fields.fail(
                "bib \(bib): unknown race '\(text(raceCell))'; races are \(event.races.map(\.id).joined(separator: ", "))"
            )
        }
        var waveIndex = 0
        if let waveCell = fields.bytes(c.wave) {
            // The race read where it is kept: a copy of it per row retained its arrays, 50,000 times a big list.
            let found =
                names.wave(waveCell, race: raceIndex)
                ?? event.races.withUnsafeBufferPointer {
                    $0[inPlace: raceIndex].waveIndex(id: text(waveCell))
                }
            guard let w = found else {
                let waves = event.races[raceIndex].waves.map(\.id).joined(separator: ", ")
                let raceID = event.races[raceIndex].id
                throw fields.fail(
                    "bib \(bib): unknown wave '\(text(waveCell))' for race \(raceID); waves are \(waves)"
                )
            }
            waveIndex = w
        }
        var sex: Sex? = nil
        if let cell = fields.bytes(c.sex) {
            guard let parsed = Self.sex(cell) ?? Sex(rawValue: text(cell).uppercasedIfNeeded)
            else {
                throw fields.fail("bib \(bib): sex '\(text(cell))' must be M, F or X")
            }
            sex = parsed
        }
        var age: Int? = nil
        if let cell = fields.bytes(c.age) {
            guard let parsed = Self.age(cell) ?? Int(text(cell)), (0...120).contains(parsed)
            else {
                throw fields.fail(
                    "bib \(bib): age '\(text(cell))' is not a whole number of years")
            }
            age = parsed
        }
        var division = Division.amateur
        if let cell = fields.bytes(c.division) {
            guard
                let parsed = Self.division(cell)
                    ?? Division(rawValue: text(cell).lowercasedIfNeeded)
            else {
                throw fields.fail(
                    "bib \(bib): division '\(text(cell))' must be elite or amateur")
            }
            division = parsed
        }
        return Participant(
            bib: bib, name: name, raceIndex: raceIndex, chip: fields.value(c.chip), sex: sex, age: age,
            country: fields.value(c.country)?.uppercasedIfNeeded, division: division,
            waveIndex: waveIndex, club: fields.value(c.club))
    }

    /// A cell as text, invalid UTF-8 replaced.
    static func text(_ cell: UnsafeBufferPointer<UInt8>) -> String { String(decoding: cell, as: UTF8.self) }

    /// A one-letter sex in either case; nil leaves the cell to the String's reading.
    static func sex(_ cell: UnsafeBufferPointer<UInt8>) -> Sex? {
        guard cell.count == 1 else { return nil }
        switch cell[0] | 0x20 {
        case UInt8(ascii: "m"): return .male
        case UInt8(ascii: "f"): return .female
        case UInt8(ascii: "x"): return .other
        default: return nil
        }
    }

    /// Up to three digits; nil leaves the cell (a sign, say) to `Int`'s reading.
    static func age(_ cell: UnsafeBufferPointer<UInt8>) -> Int? {
        guard cell.count <= 3 else { return nil }
        var value = 0
        for b in cell {
            guard b &- UInt8(ascii: "0") < 10 else { return nil }
            value = value * 10 + Int(b &- UInt8(ascii: "0"))
        }
        return value
    }

    /// A division named in ASCII letters of either case; nil leaves the cell to the String's reading.
    static func division(_ cell: UnsafeBufferPointer<UInt8>) -> Division? {
        for (name, division) in divisionNames where name.count == cell.count {
            var same = true
            for i in 0..<name.count where name[i] != cell[i] | 0x20 { same = false }
            if same { return division }
        }
        return nil
    }

    static let divisionNames = Division.allCases.map { (Array($0.rawValue.utf8), $0) }
}

extension String {
    /// Without spaces and tabs at either end (ASCII only: CSV fields are trimmed of padding, not of text).
    var trimmed: String {
        let bytes = utf8
        // Nearly every field has no padding: two bytes looked at in place, no
        // scan (the view's own `last` steps back through its index: a tenth
        // of a big list's load went on it).
        let ends = bytes.withContiguousStorageIfAvailable { $0.isEmpty ? nil : ($0[0], $0[$0.count - 1]) }
        if let (head, tail) = ends ?? nil, head != 32, head != 9, tail != 32, tail != 9 { return self }
        guard let first = bytes.firstIndex(where: { $0 != 32 && $0 != 9 }) else { return "" }
        let last = bytes.lastIndex(where: { $0 != 32 && $0 != 9 })!
        if first == bytes.startIndex && last == bytes.index(before: bytes.endIndex) { return self }
        return String(self[first...last])
    }
}
