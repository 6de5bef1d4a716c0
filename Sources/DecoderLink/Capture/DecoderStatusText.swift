import RaceModel

/// Decoder status as headless lines: `racedash capture`, `racedash live --headless`.
public enum DecoderStatusText {
    /// `km5 decoder (race-result 10.0.0.5:3601): connected since 09:12:03, 1234 passings (last 09:41:07), 2 repeats, gaps 0, clock +1.50 s`
    public static func summary(_ s: DecoderStatus) -> String { "\(name(s)): " + details(s) }

    /// The summary without the decoder's name: `connected since 09:12:03, 1234 passings ...`
    public static func details(_ s: DecoderStatus) -> String {
        var parts = ["\(link(s.link)) since \(s.since.map { TimeFormat.timeOfDay($0) } ?? "start")"]
        parts.append("\(s.passings) passings" + (s.lastPassing.map { " (last \(TimeFormat.timeOfDay($0)))" } ?? ""))
        if s.repeats > 0 { parts.append("\(s.repeats) repeats") }
        if s.rejected > 0 { parts.append("\(s.rejected) unreadable") }
        parts.append("gaps \(s.gaps)")
        if let skew = s.clockSkew { parts.append("clock \(self.skew(skew))") }
        if s.link == .waiting, let error = s.lastError { parts.append(error) }
        if let problem = s.lastProblem { parts.append("last refused: \(problem)") }
        return parts.joined(separator: ", ")
    }

    /// One line per decoder whose link went up or down since `old`.
    public static func changes(from old: [DecoderStatus], to new: [DecoderStatus]) -> [String] {
        new.compactMap { s in
            let before = old.first { $0.pointId == s.pointId }
            guard before?.link != s.link else { return nil }
            if before == nil && s.link == .waiting { return nil }
            var line = "\(name(s)): \(link(s.link))"
            if let since = s.since { line += " at \(TimeFormat.timeOfDay(since))" }
            if s.link == .waiting, let error = s.lastError { line += " (\(error))" }
            return line
        }
    }

    static func name(_ s: DecoderStatus) -> String { "\(s.pointId) decoder (\(s.kind.rawValue) \(s.endpoint))" }

    static func link(_ link: DecoderStatus.Link) -> String {
        switch link {
        case .connected: "connected"
        case .silent: "SILENT"
        case .waiting: "NOT CONNECTED"
        }
    }

    /// `+1.50 s`: the decoder's clock ahead of ours, or `-0.20 s` behind.
    public static func skew(_ ms: Millis) -> String {
        let a = abs(ms)
        return (ms < 0 ? "-" : "+") + "\(a / 1000).\(TimeFormat.pad2((a % 1000) / 10)) s"
    }
}
