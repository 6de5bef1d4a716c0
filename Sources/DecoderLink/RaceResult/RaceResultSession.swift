import RaceModel

/// racedash's side of the RACE RESULT decoder protocol (TCP 3601, text lines):
/// passings pushed as `#P;<passing>`, and after every (re)connect and on each
/// keep-alive tick `PASSINGS` asks how many the decoder holds, so whatever the
/// read file lacks is fetched with `<from>:<count>`. `GETSTATUS` gives the
/// decoder's clock. Passing lines are stored as the decoder sent them.
struct RaceResultSession: DecoderSession {
    /// The decoder's passing file number last reported: a new one means a new numbering run.
    private var fileNumber: String?
    /// The last PassingNo seen on this connection, to ask for a skipped one at once.
    private var lastSeen: Int?
    /// Passings up to this number have been asked for on this connection:
    /// an answer comes (TCP), so a keep-alive asks only for those beyond it.
    /// Asked again each tick, a backlog the decoder was still sending was
    /// asked for over and over.
    private var askedThrough = 0

    /// Passings asked for at most in one request. A decoder answers a small
    /// request at once; one for a whole backlog (20,000 passings) took a busy
    /// machine's emulated decoder longer than the link's silence limit, and
    /// the link dropped, asked again and never got a passing through.
    static let fetchBatch = 1_000

    func opened(_ stored: StoredPassings) -> [String] {
        ["SETPROTOCOL;3.2", "SETPUSHPASSINGS;1;0", "GETSTATUS", "PASSINGS"]
    }

    func keepAlive(_ stored: StoredPassings) -> [String] { ["GETSTATUS", "PASSINGS"] }

    func carriesPassings(_ line: String) -> Bool {
        line.hasPrefix("#P;") || line.utf8.first.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } == true
    }

    mutating func received(_ line: String, _ stored: StoredPassings) -> SessionStep {
        if carriesPassings(line) {
            var step = SessionStep(passings: [line])
            let body = line.hasPrefix("#P;") ? line.dropFirst(3) : Substring(line)
            if let number = Int(body.prefix { $0 != ";" }) {
                if line.hasPrefix("#P;"), let last = lastSeen, number > last + 1 {
                    step.send = Self.requests(last + 1...number - 1)
                }
                lastSeen = max(lastSeen ?? number, number)
            }
            return step
        }
        let fields = line.split(separator: ";", omittingEmptySubsequences: false)
        switch fields.first {
        case "PASSINGS":
            guard fields.count >= 2, let count = Int(fields[1]) else { return SessionStep() }
            let file = fields.count >= 3 ? String(fields[2]) : nil
            let newRun = fileNumber != nil && file != fileNumber
            fileNumber = file
            lastSeen = max(lastSeen ?? count, count)
            if newRun || count < askedThrough { askedThrough = 0 }
            let send = Self.fetches(decoderHolds: count, stored: stored, newRun: newRun, askedThrough: askedThrough)
            askedThrough = max(askedThrough, count)
            return SessionStep(send: send)
        case "GETSTATUS":
            guard fields.count >= 3 else { return SessionStep() }
            return SessionStep(decoderTime: TimeFormat.parseClock(fields[2]))
        default:
            return SessionStep()
        }
    }

    /// The `<from>:<count>` requests for what the decoder holds and the file
    /// lacks, `fetchBatch` passings at most each. `askedThrough`: passings up
    /// to it were asked for on this connection already (the holes in the
    /// file's numbering with them: they are asked for on a connection's first
    /// count only).
    static func fetches(decoderHolds count: Int, stored: StoredPassings, newRun: Bool, askedThrough: Int = 0)
        -> [String]
    {
        guard count > 0 else { return [] }
        let last = stored.lastSequence ?? 0
        // Fewer than we stored, or a new file: the decoder numbers from 1 again; repeats are dropped on arrival.
        if newRun || count < last { return askedThrough >= count ? [] : requests(askedThrough + 1...count) }
        var wanted =
            askedThrough > 0 ? [] : stored.missing.filter { $0.lowerBound <= count }.map { $0.clamped(to: 1...count) }
        let tail = max(last, askedThrough) + 1
        if count >= tail { wanted.append(tail...count) }
        return wanted.flatMap(requests)
    }

    /// `<from>:<count>` requests for `range`, `fetchBatch` passings at most each.
    static func requests(_ range: ClosedRange<Int>) -> [String] {
        stride(from: range.lowerBound, through: range.upperBound, by: fetchBatch).map { from in
            "\(from):\(min(fetchBatch, range.upperBound - from + 1))"
        }
    }
}
