import RaceModel
import TOMLKit

/// Reads `event.toml` into an `EventConfig`, checking every reference.
enum EventConfigLoader {
    static func parse(_ text: String, file: String) throws(ConfigError) -> EventConfig {
        try ConfigText.checkTOML(text, file: file)
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(file: file, line: error.source.begin.line, "not valid TOML: \(error.description)")
        } catch {
            throw ConfigError(file: file, "not valid TOML: \(error)")
        }
        var reader = TableReader(file: file)
        return try reader.event(root)
    }
}

/// Walks the TOML tables, naming the key path in every error.
struct TableReader {
    let file: String

    func fail(_ path: String, _ message: String) -> ConfigError {
        ConfigError(file: file, path.isEmpty ? message : "\(path): \(message)")
    }

    func string(_ t: TOMLTable, _ key: String, at path: String) throws(ConfigError) -> String {
        guard let v = t[key] else { throw fail(path, "missing key '\(key)'") }
        guard let s = v.string, !s.isEmpty else { throw fail(path, "'\(key)' must be a non-empty string") }
        return s
    }

    func optionalString(_ t: TOMLTable, _ key: String, at path: String) throws(ConfigError) -> String? {
        guard let v = t[key] else { return nil }
        guard let s = v.string else { throw fail(path, "'\(key)' must be a string") }
        return s
    }

    func number(_ v: TOMLValueConvertible) -> Double? {
        if let d = v.double { return d }
        if let i = v.int { return Double(i) }
        return nil
    }

    func optionalNumber(_ t: TOMLTable, _ key: String, at path: String) throws(ConfigError) -> Double? {
        guard let v = t[key] else { return nil }
        guard let n = number(v), n.isFinite else { throw fail(path, "'\(key)' must be a number") }
        return n
    }

    /// A time of day or duration written as TOML local time or "HH:MM:SS[.fff]".
    func clockValue(_ t: TOMLTable, _ key: String, at path: String) throws(ConfigError) -> Millis? {
        guard let v = t[key] else { return nil }
        if let time = v.time {
            return ((time.hour * 60 + time.minute) * 60 + time.second) * 1000 + time.nanoSecond / 1_000_000
        }
        if let s = v.string, let ms = TimeFormat.parseClock(s) { return ms }
        throw fail(path, "'\(key)' must be a time like \"08:00:00\"")
    }

    func tables(_ t: TOMLTable, _ key: String, at path: String) throws(ConfigError) -> [TOMLTable] {
        guard let v = t[key] else { throw fail(path, "missing '\(key)'") }
        guard let array = v.array else { throw fail(path, "'\(key)' must be an array of tables") }
        var out: [TOMLTable] = []
        for (i, item) in array.enumerated() {
            guard let table = item.table else { throw fail(path, "\(key)[\(i)] must be a table") }
            out.append(table)
        }
        return out
    }

    mutating func event(_ root: TOMLTable) throws(ConfigError) -> EventConfig {
        try ConfigKeys.check(root, ConfigKeys.event, table: "event.toml", at: "", reader: self)
        let name = try string(root, "name", at: "")
        guard let dateValue = root["date"] else { throw fail("", "missing key 'date' (e.g. date = 2025-04-06)") }
        var date: CivilDate
        if let d = dateValue.date {
            date = CivilDate(year: d.year, month: d.month, day: d.day)
        } else if let s = dateValue.string, let d = CivilDate(iso: s) {
            date = d
        } else {
            throw fail("", "'date' must be a date like 2025-04-06")
        }
        date = try ConfigBounds.date(self, date)
        let offset = try utcOffset(root)
        let ageGroups = try self.ageGroups(root)
        let rules = try self.rules(root)
        let points = try self.points(root, rules: rules)
        let races = try self.races(root, points: points, rules: rules)
        var event = EventConfig(
            name: name, date: date, utcOffsetMinutes: offset, ageGroups: ageGroups,
            points: points, races: races, rules: rules, precision: try precision(root),
            awards: try awards(root))
        event.linesPerFile = try ConfigBounds.linesPerFile(self, root)
        return event
    }

    func utcOffset(_ root: TOMLTable) throws(ConfigError) -> Int {
        guard let v = root["utc_offset"] else { return 0 }
        guard let s = v.string else { throw fail("", "'utc_offset' must be a string like \"+09:00\"") }
        let sign: Int
        switch s.first {
        case "+": sign = 1
        case "-": sign = -1
        default: throw fail("", "'utc_offset' must start with + or -, like \"+09:00\"")
        }
        guard let ms = TimeFormat.parseClock(s.dropFirst()), ms % 60_000 == 0, ms <= 14 * 3_600_000 else {
            throw fail("", "'utc_offset' must look like \"+09:00\"")
        }
        return sign * ms / 60_000
    }

    func rules(_ root: TOMLTable) throws(ConfigError) -> TimingRules {
        guard let v = root["rules"] else { return TimingRules() }
        guard let t = v.table else { throw fail("", "[rules] must be a table") }
        return try rules(t, over: TimingRules(), at: "rules")
    }

    /// The values `t` gives over `base`: the event's `[rules]`, or a race's or wave's `rules`.
    func rules(_ t: TOMLTable, over base: TimingRules, at path: String) throws(ConfigError) -> TimingRules {
        try ConfigKeys.check(t, ConfigKeys.rules, table: "rules", at: path, reader: self)
        var rules = base
        if let n = try ConfigBounds.number(self, t, "max_speed_kmh", at: path, ConfigBounds.speed) {
            rules.maxSpeedKmh = n
        }
        if let n = try ConfigBounds.number(self, t, "min_speed_kmh", at: path, ConfigBounds.speed) {
            rules.minSpeedKmh = n
        }
        guard rules.minSpeedKmh < rules.maxSpeedKmh else {
            throw fail(path, "'min_speed_kmh' must be above 0 and below max_speed_kmh")
        }
        if let n = try ConfigBounds.number(self, t, "start_allowance", at: path, ConfigBounds.startAllowance) {
            rules.startAllowance = ConfigBounds.millis(n)
        }
        if let n = try ConfigBounds.number(self, t, "duplicate_window", at: path, ConfigBounds.duplicateWindow) {
            rules.defaultDuplicateWindow = ConfigBounds.millis(n)
        }
        if let n = try optionalNumber(t, "suspicious_ratio", at: path) {
            guard n > 1, n <= 100 else {
                throw fail(
                    path,
                    "'suspicious_ratio' must be above 1 and at most 100 (a segment that many times faster than the runner's pace elsewhere)"
                )
            }
            rules.suspiciousRatio = n
        }
        return rules
    }

    func points(_ root: TOMLTable, rules: TimingRules) throws(ConfigError) -> [TimingPoint] {
        var points: [TimingPoint] = []
        var files: [String: String] = [:]
        var ids: Set<String> = []
        let absoluteAllowed = try ReadPaths.absoluteAllowed(self, root)
        for (i, t) in try tables(root, "points", at: "").enumerated() {
            let path = "points[\(i)]"
            guard i < TimedRead.maxPoints else {
                throw fail(path, "an event has at most \(TimedRead.maxPoints) points")
            }
            try ConfigKeys.check(
                t, ConfigKeys.point, table: "a point", at: path, reader: self, hints: ConfigKeys.pointHints)
            let id = try string(t, "id", at: path)
            guard ids.insert(id).inserted else { throw fail(path, "point id '\(id)' is used twice") }
            guard let fv = t["files"], let array = fv.array, !array.isEmpty else {
                throw fail(path, "point '\(id)' needs files = [\"reads/main.txt\", ...] (main line first)")
            }
            var paths: [String] = []
            var formats: [ReadFormat?] = []
            for item in array {
                let (raw, format) = try readFile(item, point: id, at: path)
                let s = try ReadPaths.normalized(self, raw, absoluteAllowed: absoluteAllowed, at: path)
                if let other = files[s] { throw fail(path, "read file \(s) is named by points '\(other)' and '\(id)'") }
                files[s] = id
                guard files.count <= CountedSplit.maxReadFiles else {
                    throw fail(path, "an event has at most \(CountedSplit.maxReadFiles) read files")
                }
                paths.append(s)
                formats.append(format)
            }
            let seenName = try optionalString(t, "seen", at: path) ?? SeenEdge.first.rawValue
            guard let seen = SeenEdge(rawValue: seenName) else {
                throw fail(path, "point '\(id)': seen must be \"first\" or \"last\", not \"\(seenName)\"")
            }
            let window = try ConfigBounds.number(self, t, "duplicate_window", at: path, ConfigBounds.duplicateWindow)
            let offset = try ConfigBounds.number(self, t, "clock_offset", at: path, ConfigBounds.clockOffset) ?? 0
            points.append(
                TimingPoint(
                    id: id, name: try optionalString(t, "name", at: path) ?? id, files: paths,
                    duplicateWindow: window.map(ConfigBounds.millis) ?? rules.defaultDuplicateWindow,
                    clockOffset: ConfigBounds.millis(offset), windowFromRules: window == nil,
                    formats: formats, seen: seen))
        }
        guard !points.isEmpty else { throw fail("", "no [[points]] defined") }
        return points
    }

    /// A file is a path, or `{ path = "...", format = "..." }` to pin its format.
    func readFile(_ item: TOMLValueConvertible, point id: String, at path: String) throws(ConfigError) -> (
        String, ReadFormat?
    ) {
        if let s = item.string {
            guard !s.isEmpty else { throw fail(path, "point '\(id)': a read file path is empty") }
            return (s, nil)
        }
        guard let table = item.table else {
            throw fail(path, "point '\(id)': files must be paths, or { path = \"...\", format = \"...\" }")
        }
        try ConfigKeys.check(table, ConfigKeys.file, table: "a read file", at: path, reader: self)
        let file = try string(table, "path", at: path)
        guard !file.isEmpty else { throw fail(path, "point '\(id)': a read file path is empty") }
        let name = try optionalString(table, "format", at: path) ?? "auto"
        if name == "auto" { return (file, nil) }
        guard let format = ReadFormat(rawValue: name) else {
            let known = (["auto"] + ReadFormat.allCases.map(\.rawValue)).joined(separator: ", ")
            throw fail(path, "point '\(id)': format \"\(name)\" of \(file) is not one of \(known)")
        }
        return (file, format)
    }

    func races(_ root: TOMLTable, points: [TimingPoint], rules eventRules: TimingRules) throws(ConfigError) -> [Race] {
        var races: [Race] = []
        for (i, t) in try tables(root, "races", at: "").enumerated() {
            let path = "races[\(i)]"
            try ConfigKeys.check(t, ConfigKeys.race, table: "a race", at: path, reader: self)
            let id = try string(t, "id", at: path)
            if races.contains(where: { $0.id == id }) { throw fail(path, "race id '\(id)' is used twice") }
            let clockName = try optionalString(t, "clock", at: path) ?? "gun"
            guard let clock = RankingClock(rawValue: clockName) else {
                throw fail(path, "race '\(id)': clock must be \"gun\" or \"net\", not \"\(clockName)\"")
            }
            let raceRules = try ruleOverrides(t, over: eventRules, at: path)
            var waves: [Wave] = []
            for (w, wt) in try tables(t, "waves", at: path).enumerated() {
                let wpath = "\(path).waves[\(w)]"
                try ConfigKeys.check(wt, ConfigKeys.wave, table: "a wave", at: wpath, reader: self)
                let wid = try string(wt, "id", at: wpath)
                if waves.contains(where: { $0.id == wid }) {
                    throw fail(wpath, "wave id '\(wid)' is used twice in race '\(id)'")
                }
                guard let gun = try clockValue(wt, "gun", at: wpath) else {
                    throw fail(wpath, "wave '\(wid)' needs gun = \"HH:MM:SS\"")
                }
                waves.append(
                    Wave(
                        id: wid, gun: try ConfigBounds.gun(self, gun, "gun", at: wpath),
                        clock: try optionalClock(wt, at: wpath),
                        rules: try ruleOverrides(wt, over: raceRules ?? eventRules, at: wpath)))
            }
            guard !waves.isEmpty else { throw fail(path, "race '\(id)' needs at least one wave") }
            var checkpoints: [Checkpoint] = []
            var checkpointIDs: Set<String> = []
            for (c, ct) in try tables(t, "checkpoints", at: path).enumerated() {
                let cpath = "\(path).checkpoints[\(c)]"
                guard c < ReadOutcomes.maxCheckpoints else {
                    throw fail(cpath, "a race has at most \(ReadOutcomes.maxCheckpoints) checkpoints")
                }
                try ConfigKeys.check(ct, ConfigKeys.checkpoint, table: "a checkpoint", at: cpath, reader: self)
                let cid = try string(ct, "id", at: cpath)
                if !checkpointIDs.insert(cid).inserted {
                    throw fail(cpath, "checkpoint id '\(cid)' is used twice in race '\(id)'")
                }
                let pointID = try string(ct, "point", at: cpath)
                guard let p = points.firstIndex(where: { $0.id == pointID }) else {
                    throw fail(
                        cpath,
                        "checkpoint '\(cid)' of race '\(id)' names unknown point '\(pointID)'; points are \(points.map(\.id).joined(separator: ", "))"
                    )
                }
                guard let km = try ConfigBounds.number(self, ct, "km", at: cpath, ConfigBounds.km) else {
                    throw fail(cpath, "checkpoint '\(cid)' needs km = <distance from the start, 0 or more>")
                }
                if km > 0 && km < ConfigBounds.minimumKmStep {
                    throw fail(cpath, "checkpoint '\(cid)' at km \(km) must be at km 0 or at least 1 m from the start")
                }
                if let previous = checkpoints.last, km < previous.km + ConfigBounds.minimumKmStep {
                    throw fail(
                        cpath,
                        "checkpoint '\(cid)' at km \(km) must come at least 1 m after '\(previous.id)' at km \(previous.km)"
                    )
                }
                checkpoints.append(Checkpoint(id: cid, pointIndex: p, km: km))
            }
            guard checkpoints.count >= 1, let last = checkpoints.last, last.km > 0 else {
                throw fail(path, "race '\(id)' needs checkpoints ending at the finish (km above 0)")
            }
            let cutoff = try ConfigBounds.cutoff(self, try clockValue(t, "cutoff", at: path), at: path)
            races.append(
                Race(
                    id: id, name: try optionalString(t, "name", at: path) ?? id, waves: waves, clock: clock,
                    checkpoints: checkpoints, cutoff: cutoff, rules: raceRules,
                    divisionClocks: try divisionClocks(t, at: path)))
        }
        guard !races.isEmpty else { throw fail("", "no [[races]] defined") }
        return races
    }
}
