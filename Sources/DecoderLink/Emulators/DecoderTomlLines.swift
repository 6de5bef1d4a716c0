import TimingIngest

/// Names decoders on the points of an `event.toml` text: what `simulate
/// --serve` writes for the folder it serves, and what the tests capture into.
public enum DecoderTomlLines {
    /// The `decoder = { ... }` line for a point.
    public static func line(_ kind: DecoderProtocol, host: String, port: Int, silentAfter: Double? = nil) -> String {
        var line = "decoder = { protocol = \"\(kind.rawValue)\", host = \"\(host)\", port = \(port)"
        if let silentAfter { line += ", silent_after = \(silentAfter)" }
        return line + " }"
    }

    /// `toml` with `lines[pointId]` added to each point it names, after the point's `id`.
    public static func adding(_ lines: [String: String], to toml: String) -> String {
        var out: [Substring] = []
        var inPoint = false
        for line in toml.split(separator: "\n", omittingEmptySubsequences: false) {
            out.append(line)
            let trimmed = line.trimmingPrefix(" ")
            if trimmed.hasPrefix("[") { inPoint = trimmed.hasPrefix("[[points]]") }
            guard inPoint, trimmed.hasPrefix("id"), let open = line.firstIndex(of: "\""),
                let close = line.lastIndex(of: "\""), open < close
            else { continue }
            if let decoder = lines[String(line[line.index(after: open)..<close])] { out.append(Substring(decoder)) }
        }
        return out.joined(separator: "\n")
    }
}
