import Foundation
import RaceModel
import Snapshots
import ScreenGrid

/// Standings as CSV for scripts: a fixed set of columns, then one column per
/// checkpoint holding that split, official, on the runner's ranking clock.
/// With one race shown the split columns are named by checkpoint id (`5K`);
/// with several, by race and checkpoint (`half:5K`), so no column ever holds
/// checkpoints of different races.
public enum CSVReport {
    public static let fixedColumns = [
        "place", "bib", "name", "sex", "age_group", "country", "club", "race", "division", "status",
        "gun_time", "net_time", "sex_place", "age_group_place", "division_place", "last_checkpoint", "flags",
    ]

    public static func render(_ snapshot: RaceSnapshot, filter: ResultsFilter = ResultsFilter()) -> String {
        let whole = ByteWriter()
        forEachPiece(snapshot, filter: filter) { whole.append($0) }
        return whole.string
    }

    /// The report written to standard output piece by piece as it is built:
    /// no String of the whole, nor the whole in memory (a big race's CSV is
    /// some 10 MB).
    /// Stops writing at the first write that fails, and throws its error.
    public static func writeToStandardOutput(_ snapshot: RaceSnapshot, filter: ResultsFilter = ResultsFilter())
        throws(OutputWriteError)
    {
        try StandardOutput.flush()  // whatever print() left in the C buffer goes first
        var failure: OutputWriteError?
        forEachPiece(snapshot, filter: filter) { piece in
            guard failure == nil else { return }
            do throws(OutputWriteError) { try piece.writeAll(to: STDOUT_FILENO) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Rows written per round; the round's rows are shared among the cores.
    static let rowsPerRound = 4_096

    /// The report as bytes, in order: the header, then runs of rows.
    static func forEachPiece(_ snapshot: RaceSnapshot, filter: ResultsFilter, _ emit: (ByteWriter) -> Void) {
        let groups = snapshot.reportRows(filter)
        let prefixed = groups.count > 1
        var columns = fixedColumns
        for group in groups {
            let race = snapshot.event.races[group.race]
            columns += race.checkpoints.map { prefixed ? "\(race.id):\($0.id)" : $0.id }
        }
        let header = ByteWriter()
        for (i, column) in columns.enumerated() {
            if i > 0 { header.byte(comma) }
            header.field(column)
        }
        header.byte(newline)
        emit(header)
        var before = 0
        for group in groups {
            let race = snapshot.event.races[group.race]
            let after = columns.count - fixedColumns.count - before - race.checkpoints.count
            let rows = group.rows
            let labels = AgeGroupLabels(rows.ageGroups)
            for round in stride(from: 0, to: rows.count, by: rowsPerRound) {
                let batch = round..<min(round + rowsPerRound, rows.count)
                // Rows depend on nothing but themselves: a run of them per core, written in order.
                let parts = ParallelParts.map(count: batch.count, work: batch.count * 8) { range in
                    let part = ByteWriter(capacity: range.count * (120 + 9 * columns.count))
                    let precision = rows.precision
                    rows.forEachRow(in: (batch.lowerBound + range.lowerBound)..<(batch.lowerBound + range.upperBound)) {
                        s, p, place in
                        write(
                            s, p, place: place, ageGroup: labels.label(sex: p.pointee.sex, age: p.pointee.age),
                            race: race, precision: precision, before: before, after: after, into: part)
                    }
                    return part
                }
                for part in parts { emit(part) }
            }
            before += race.checkpoints.count
        }
    }

    /// Each sex and age's group label made once per report, not once per row.
    struct AgeGroupLabels {
        static let oldest = 120
        let groups: AgeGroups
        /// By sex (`Sex.index`, then one slot for none), then by age.
        let table: [[String]]

        init(_ groups: AgeGroups) {
            self.groups = groups
            table = (Sex.allCases.map(Optional.some) + [nil]).map { sex in
                (0...Self.oldest).map { groups.label(sex: sex, age: $0) }
            }
        }

        func label(sex: Sex?, age: Int?) -> String {
            guard let age, age >= 0, age <= Self.oldest else { return groups.label(sex: sex, age: age) }
            return table[sex?.index ?? Sex.allCases.count][age]
        }
    }

    static let comma = UInt8(ascii: ",")
    static let newline = UInt8(ascii: "\n")

    /// One runner's line, in `fixedColumns` order, then the split columns.
    /// The row and participant are read where they lie: handed over as values,
    /// each was copied, its arrays and strings retained and released, per row.
    static func write(
        _ s: UnsafePointer<Standing>, _ p: UnsafePointer<Participant>, place: Int?, ageGroup: String, race: Race,
        precision: TimePrecision,
        before: Int, after: Int, into out: ByteWriter
    ) {
        if let place { out.int(place) }
        out.byte(comma)
        out.field(p.pointee.bib)
        out.byte(comma)
        out.field(p.pointee.name)
        out.byte(comma)
        if let sex = p.pointee.sex { out.field(sex.rawValue) }
        out.byte(comma)
        out.field(ageGroup)
        out.byte(comma)
        if let country = p.pointee.country { out.field(country) }
        out.byte(comma)
        if let club = p.pointee.club { out.field(club) }
        out.byte(comma)
        out.field(race.id)
        out.byte(comma)
        out.field(p.pointee.division.rawValue)
        out.byte(comma)
        // One copy of the row for what follows: each of its properties read
        // through the pointer copied the whole row (its arrays retained).
        let row = s.pointee
        out.field(row.status.rawValue)
        out.byte(comma)
        out.time(row.gunTime, precision)
        out.byte(comma)
        out.time(row.netTime, precision)
        // Three places and the flags written without an array made for them: 50,000 rows.
        out.byte(comma)
        if let place = row.sexPlace { out.int(place) }
        out.byte(comma)
        if let place = row.ageGroupPlace { out.int(place) }
        out.byte(comma)
        if let place = row.divisionPlace { out.int(place) }
        out.byte(comma)
        if let last = row.lastCheckpoint { out.field(race.checkpoints[last].id) }
        out.byte(comma)
        if !row.flags.isEmpty || !row.corrections.isEmpty {
            out.field(row.flagLabels.joined(separator: ";"))
        }
        for _ in 0..<before { out.byte(comma) }
        row.forEachSplit { split in
            out.byte(comma)
            out.time(split, precision)
        }
        for _ in 0..<after { out.byte(comma) }
        out.byte(newline)
    }

    /// A field as a spreadsheet may safely open it. Control characters are
    /// replaced like on a terminal; text a spreadsheet would run as a formula
    /// (starting with =, +, -, @, a tab or a carriage return, OWASP's list)
    /// gets a leading apostrophe, which spreadsheets show as text. No field
    /// racedash computes starts with one of those, so only names, clubs and
    /// other text from participants.csv and event.toml are ever changed.
    static func field(_ raw: String) -> String {
        var s = TextWidth.sanitize(raw)
        if let first = raw.unicodeScalars.first, formulaStarts.contains(first) { s = "'" + s }
        guard s.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
}

extension ByteWriter {
    /// `CSVReport.field`, written straight from the text's bytes where it
    /// needs no more than quoting (nearly every field; a comma or quote in a
    /// club name). Names in other scripts too: a big field's Korean and
    /// Cyrillic names had each gone the long way.
    func field(_ raw: String) {
        // Read in place: `withUTF8` needs a variable, a copy of the text (a
        // retain and a release per field). A String without contiguous
        // bytes (none on Linux) goes the long way.
        let written = raw.utf8.withContiguousStorageIfAvailable { fromBytes($0, of: raw) } ?? false
        if !written { text(CSVReport.field(raw)) }
    }

    /// Writes `bytes`, those of `raw`, where quoting is all they need; false, and nothing written, otherwise.
    private func fromBytes(_ bytes: UnsafeBufferPointer<UInt8>, of raw: String) -> Bool {
        guard let first = bytes.first else { return true }
        if first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "@")
        {
            return false
        }
        // Each byte looked at without a branch (half a million fields).
        // What `TextWidth.sanitize` replaces beyond ASCII (C1 controls,
        // separators, bidi controls) starts with one of the last two bytes.
        var control: UInt8 = 0
        var quoted: UInt8 = 0
        var mayNeedReplacing: UInt8 = 0
        for b in bytes {
            control |= (b < 0x20 ? 1 : 0) | (b == 0x7F ? 1 : 0)
            quoted |= (b == UInt8(ascii: ",") ? 1 : 0) | (b == UInt8(ascii: "\"") ? 1 : 0)
            mayNeedReplacing |= (b == 0xC2 ? 1 : 0) | (b == 0xE2 ? 1 : 0)
        }
        if control != 0 { return false }
        if mayNeedReplacing != 0 && raw.unicodeScalars.contains(where: TextWidth.needsReplacement) { return false }
        if quoted != 0 {
            quote(bytes)
        } else {
            append(bytes)
        }
        return true
    }

    /// Between quotes, each quote doubled (RFC 4180).
    private func quote(_ bytes: UnsafeBufferPointer<UInt8>) {
        withRoom(2 * bytes.count + 2) { cursor in
            cursor.byte(UInt8(ascii: "\""))
            for b in bytes {
                if b == UInt8(ascii: "\"") { cursor.byte(b) }
                cursor.byte(b)
            }
            cursor.byte(UInt8(ascii: "\""))
        }
    }

    /// An official time; a negative one (a hand time before the start read) goes through `field` like any text.
    func time(_ ms: Millis?, _ precision: TimePrecision) {
        guard let ms else { return }
        if ms < 0 { return field(OfficialTime.format(ms, precision)) }
        official(ms, precision)
    }
}
