import RaceModel

/// Reads the officials' journal, `corrections.csv`: a header row
/// (`when,who,bib,action,value,reason`, any order), then one row per action.
/// A bad row is reported with file, line and reason and skipped; the others
/// still apply.
public enum CorrectionsLoader {
    public static let columns = ["when", "who", "bib", "action", "value", "reason"]
    public static let header = columns.joined(separator: ",")

    /// Action names as written in the journal, each with its value's form (for messages and docs).
    public static let actions: [(name: String, value: String)] = [
        ("dq", "rule cited (optional)"), ("dnf", "empty"), ("dns", "empty"), ("reinstate", "empty"),
        ("penalty", "+M:SS, +H:MM:SS or +seconds (a minus sign for a bonus)"), ("bonus", "M:SS, H:MM:SS or seconds"),
        ("split", "CHECKPOINT HH:MM:SS[.f]"), ("chip", "CHIP HH:MM:SS"), ("ignore", "FILE HH:MM:SS[.fff] CODE"),
        ("close", "RACE [HH:MM:SS] (bib empty)"), ("undo", "LINE of the row to undo"),
    ]

    public struct Journal: Sendable {
        public var entries: [Correction] = []
        public var problems: [ConfigError] = []
    }

    public static func parse(_ text: String, file: String, event: EventConfig, participants: [Participant]) -> Journal {
        var result = Journal()
        // A row is one line: one with a quote left open is reported and skipped, and the others apply.
        var skipped: [ConfigError] = []
        var rows =
            (try? CSVParser.parse(
                text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, file: file,
                skipping: { skipped.append(ConfigError(file: $0.file, line: $0.line, $0.message + "; row skipped")) }))
            ?? []
        result.problems = skipped
        // The header itself left out: a data row would be taken for it, and nothing can be read.
        if let first = skipped.first?.line, first < rows.first?.line ?? .max {
            result.problems = [
                ConfigError(
                    file: file, line: first,
                    "the header row has a quote left open (a \" is missing); no row can be read without it")
            ]
            return result
        }
        guard !rows.isEmpty else { return result }
        let head = rows.removeFirst()
        var column: [String: Int] = [:]
        for (i, name) in head.fields.enumerated() { column[name.trimmed.lowercased()] = i }
        let missing = columns.filter { column[$0] == nil }
        guard missing.isEmpty else {
            result.problems.append(
                ConfigError(
                    file: file, line: head.line,
                    "missing column \(missing.joined(separator: ", ")); the header is \(header)"))
            return result
        }
        var raceOfBib: [String: Int] = [:]
        for p in participants { raceOfBib[p.bib] = p.raceIndex }
        var lines: Set<Int> = []
        for row in rows {
            func value(_ key: String) -> String {
                guard let i = column[key], i < row.fields.count else { return "" }
                return row.fields[i].trimmed
            }
            let parsed = parseRow(
                action: value("action"), bib: value("bib"), value: value("value"), event: event,
                raceOfBib: raceOfBib, earlierLines: lines)
            switch parsed {
            case .success(let action):
                result.entries.append(
                    Correction(
                        line: row.line, when: value("when"), who: value("who"), bib: value("bib"),
                        action: action, reason: value("reason")))
                lines.insert(row.line)
            case .failure(let error):
                result.problems.append(ConfigError(file: file, line: row.line, error.message + "; row skipped"))
            }
        }
        // The lines left out while reading, among the rows' problems in line order.
        if !skipped.isEmpty { result.problems.sort { ($0.line ?? 0) < ($1.line ?? 0) } }
        return result
    }

    struct RowError: Error { var message: String }

    static func parseRow(
        action name: String, bib: String, value: String, event: EventConfig, raceOfBib: [String: Int],
        earlierLines: Set<Int>
    ) -> Result<Correction.Action, RowError> {
        func fail(_ message: String) -> Result<Correction.Action, RowError> { .failure(RowError(message: message)) }
        let words = value.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let action = name.lowercased()
        if action == "close" {
            guard let id = words.first, event.raceIndex(id: id) != nil else {
                return fail("close needs a race: one of \(event.races.map(\.id).joined(separator: ", "))")
            }
            guard words.count <= 2 else { return fail("close takes RACE [HH:MM:SS], not '\(value)'") }
            guard words.count == 2 else { return .success(.closeRace(race: id, from: nil)) }
            guard let t = event.window.typed(words[1]) else {
                return fail("close: '\(words[1])' is not a time of day (HH:MM:SS)")
            }
            return .success(.closeRace(race: id, from: t))
        }
        if action == "undo" {
            guard let line = Int(value), earlierLines.contains(line) else {
                return fail("undo needs the line number of an earlier valid row, not '\(value)'")
            }
            return .success(.undo(line: line))
        }
        guard !bib.isEmpty else { return fail("\(action.isEmpty ? "the row" : action) needs a bib") }
        guard let raceIndex = raceOfBib[bib] else { return fail("unknown bib \(bib)") }
        switch action {
        case "dq", "disqualify": return .success(.disqualify(rule: value))
        case "dnf": return .success(.dnf)
        case "dns": return .success(.dns)
        case "reinstate": return .success(.reinstate)
        case "penalty", "bonus":
            guard let ms = duration(value), ms != 0 else {
                return fail("\(action): '\(value)' is not a time such as +1:00 (M:SS), +0:01:00 or +60")
            }
            return .success(.penalty(action == "bonus" ? -abs(ms) : ms))
        case "split", "hand":
            let race = event.races[raceIndex]
            guard words.count == 2, let c = race.checkpoints.first(where: { $0.id == words[0] }) else {
                return fail(
                    "split takes CHECKPOINT HH:MM:SS with a checkpoint of race \(race.id): \(race.checkpoints.map(\.id).joined(separator: ", "))"
                )
            }
            guard let t = event.window.typed(words[1]) else {
                return fail("split: '\(words[1])' is not a time of day (HH:MM:SS)")
            }
            return .success(.handSplit(checkpoint: c.id, time: t))
        case "chip":
            guard words.count == 2 else { return fail("chip takes CHIP HH:MM:SS, not '\(value)'") }
            guard let t = event.window.typed(words[1]) else {
                return fail("chip: '\(words[1])' is not a time of day (HH:MM:SS)")
            }
            return .success(.chipSwap(chip: words[0], from: t))
        case "ignore":
            guard words.count == 3 else { return fail("ignore takes FILE HH:MM:SS[.fff] CODE, not '\(value)'") }
            guard let t = event.window.typed(words[1]) else {
                return fail("ignore: '\(words[1])' is not a time of day (HH:MM:SS)")
            }
            guard event.points.contains(where: { $0.files.contains(words[0]) }) else {
                return fail("ignore: '\(words[0])' is not a read file named in event.toml")
            }
            return .success(.ignoreRead(file: words[0], time: t, precision: precision(of: words[1]), code: words[2]))
        default:
            return fail("unknown action '\(name)'; actions are \(actions.map(\.name).joined(separator: ", "))")
        }
    }

    /// `+1:00` (M:SS), `+0:01:00`, `+60` or `60s`; a leading minus for a bonus.
    static func duration(_ text: String) -> Millis? {
        var body = Substring(text)
        var sign = 1
        if let first = body.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        if body.hasSuffix("s") { body = body.dropLast() }
        if !body.contains(":") {
            guard let seconds = Double(body), seconds >= 0, seconds < 86_400 else { return nil }
            return sign * Int((seconds * 1000).rounded())
        }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false).count
        guard let ms = TimeFormat.parseClock(parts == 2 ? "0:" + body : body) else { return nil }
        return sign * ms
    }

    /// A time written to whole seconds names any read within that second.
    static func precision(of text: String) -> Millis {
        guard let dot = text.firstIndex(where: { $0 == "." || $0 == "," }) else { return 1000 }
        switch text[text.index(after: dot)...].count {
        case 1: return 100
        case 2: return 10
        default: return 1
        }
    }
}
