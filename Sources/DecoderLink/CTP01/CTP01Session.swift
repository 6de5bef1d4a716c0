/// racedash's side of ChronoTrack Socket Protocol 1 (CTP01, TCP 61611, `~`
/// separated lines). The ChronoTrack side connects and greets with
/// `name~version~CTP01`; racedash answers with its own greeting, the number of
/// settings and the settings (`key=value`), asks `getlocations` and starts the
/// stream with `start~<location>[~<first sequence wanted>]`. Tag lines
/// (`CT01_33~seq~location~tag~time~...`, `guntime` for the gun) are stored as
/// sent; `ping` is answered `ack~ping`.
struct CTP01Session: DecoderSession {
    /// The configured location; nil takes the first the decoder side lists.
    let location: String?
    private var greeted = false
    private var started: (location: String, from: Int)?

    static let settings = ["stream-mode=push", "time-format=normal", "guntimes=true", "newlocations=true"]

    init(location: String?) { self.location = location }

    func opened(_ stored: StoredPassings) -> [String] { [] }

    func keepAlive(_ stored: StoredPassings) -> [String] { greeted ? ["ping"] : [] }

    func carriesPassings(_ line: String) -> Bool { line.hasPrefix("CT01_") }

    mutating func received(_ line: String, _ stored: StoredPassings) -> SessionStep {
        let fields = line.split(separator: line.contains("~") ? "~" : ",", omittingEmptySubsequences: false)
        if carriesPassings(line) {
            // A new location on the controller: ask again which there are, so it is started too.
            if fields.count >= 4, fields[3].lowercased() == "newlocation" { return SessionStep(send: ["getlocations"]) }
            var step = SessionStep(passings: [line])
            // Numbered below where the stream was resumed: the controller restarted its
            // count, so what it holds of the new count is asked for from its start.
            if let resumed = started, resumed.from > 1, fields.count >= 2, let sequence = Int(fields[1]),
                sequence < resumed.from
            {
                started = (resumed.location, 1)
                step.send = ["start~\(resumed.location)~1"]
            }
            return step
        }
        if !greeted {
            guard fields.count >= 3, fields[2].uppercased() == "CTP01" else { return SessionStep() }
            greeted = true
            return SessionStep(send: ["racedash~1.0~\(Self.settings.count)"] + Self.settings + ["getlocations"])
        }
        guard fields.first == "ack", fields.count >= 2 else { return SessionStep() }
        switch fields[1] {
        case "getlocations":
            let offered = fields.dropFirst(2).map(String.init).filter { !$0.isEmpty }
            guard let chosen = location.map({ wanted in offered.first { $0 == wanted } ?? wanted }) ?? offered.first
            else {
                return SessionStep(send: ["start"])
            }
            // Resume where the file ends; repeats before that are dropped on arrival anyway.
            if stored.lastSequence != nil {
                let from = stored.missing.first?.lowerBound ?? (stored.lastSequence ?? 0) + 1
                started = (chosen, from)
                return SessionStep(send: ["start~\(chosen)~\(from)"])
            }
            started = (chosen, 1)
            return SessionStep(send: ["start~\(chosen)"])
        default:
            return SessionStep()
        }
    }
}
