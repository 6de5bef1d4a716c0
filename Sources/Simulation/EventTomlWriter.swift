import RaceModel

/// `event.toml` as docs/event-folder.md describes it.
enum EventTomlWriter {
    static func text(_ course: CourseSpec, options: SimulationOptions) -> String {
        var out = """
            # Synthetic event: written by `racedash simulate --seed \(options.seed) --runners \(options.runners)` \
            (profile \(options.profile.rawValue)).
            # Every runner, read and fault in this folder is made up.
            name = \(quoted(course.name))
            date = \(course.date)
            utc_offset = \(quoted(offsetLabel(course.utcOffsetMinutes)))
            age_groups = [\(course.ageGroups.map(String.init).joined(separator: ", "))]

            [rules]
            max_speed_kmh = 30.0
            min_speed_kmh = 2.5
            start_allowance = 3600
            duplicate_window = 60

            """
        for point in course.points {
            out += "\n[[points]]\n"
            out += "id = \(quoted(point.id))\n"
            out += "name = \(quoted(point.name))\n"
            out += "files = [\(point.files.map { quoted($0.path) }.joined(separator: ", "))]\n"
            if let window = point.duplicateWindowSeconds { out += "duplicate_window = \(window)\n" }
            if point.skew != 0 { out += "clock_offset = \(seconds(-point.skew))\n" }
        }
        for race in course.races {
            out += "\n[[races]]\n"
            out += "id = \(quoted(race.id))\n"
            out += "name = \(quoted(race.name))\n"
            out += "clock = \(quoted(race.clock.rawValue))\n"
            out += "cutoff = \(quoted(hms(race.cutoff)))\n"
            out += "waves = [\n"
            for wave in race.waves {
                out += "  { id = \(quoted(wave.id)), gun = \(quoted(hms(wave.gun))) },\n"
            }
            out += "]\ncheckpoints = [\n"
            for cp in race.checkpoints {
                out += "  { id = \(quoted(cp.id)), point = \(quoted(cp.pointId)), km = \(km(cp.km)) },\n"
            }
            out += "]\n"
        }
        return out
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }

    static func offsetLabel(_ minutes: Int) -> String {
        let a = abs(minutes)
        return (minutes < 0 ? "-" : "+") + two(a / 60) + ":" + two(a % 60)
    }

    static func hms(_ ms: Millis) -> String {
        let s = ms / 1000
        return two(s / 3600) + ":" + two((s / 60) % 60) + ":" + two(s % 60)
    }

    /// Whole kilometres as integers (`km = 5`), as the contract shows them.
    static func km(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// Milliseconds as seconds with no trailing zeros: 1500 -> "1.5".
    static func seconds(_ ms: Millis) -> String {
        let sign = ms < 0 ? "-" : ""
        let a = abs(ms)
        var fraction = String(a % 1000 + 1000).dropFirst()
        while fraction.last == "0" { fraction = fraction.dropLast() }
        return sign + String(a / 1000) + (fraction.isEmpty ? ".0" : "." + fraction)
    }

    private static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}
