import TOMLKit

/// The keys each table of event.toml takes. A key racedash does not know is
/// an error, never skipped: `clock_ofset = 1.5` read as no offset at all
/// would time every runner at that point 1.5 s out, with nothing to say so.
enum ConfigKeys {
    static let event = [
        "name", "date", "utc_offset", "age_groups", "precision", "allow_absolute_paths", "rules", "awards",
        "limits", "points", "races",
    ]
    static let rules = ["max_speed_kmh", "min_speed_kmh", "start_allowance", "duplicate_window", "suspicious_ratio"]
    static let point = ["id", "name", "files", "seen", "duplicate_window", "clock_offset", "decoder"]
    static let file = ["path", "format"]
    static let race = ["id", "name", "clock", "division_clocks", "cutoff", "rules", "waves", "checkpoints"]
    static let wave = ["id", "gun", "clock", "rules"]
    static let checkpoint = ["id", "point", "km"]
    static let awards = ["top", "overall_in_age_groups"]

    /// A key put on a point by mistake: what to write instead.
    static let pointHints = [
        "format": "a file's format is given with the file: files = [{ path = \"reads/km5.txt\", format = \"ipico\" }]"
    ]

    /// Throws for the first key of `t` not in `known`, naming what the table
    /// does take, and what to write instead where `hints` has the key.
    static func check(
        _ t: TOMLTable, _ known: [String], table: String, at path: String, reader: TableReader,
        hints: [String: String] = [:]
    ) throws(ConfigError) {
        for key in t.keys.sorted() where !known.contains(key) {
            let hint = hints[key].map { "; \($0)" } ?? ""
            throw reader.fail(
                path, "unknown key '\(key)'; \(table) takes \(known.joined(separator: ", "))\(hint)")
        }
    }
}
