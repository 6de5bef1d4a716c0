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
                    step.send = ["\(last + 1):\(number - last - 1)"]
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
            return SessionStep(send: Self.fetches(decoderHolds: count, stored: stored, newRun: newRun))
        case "GETSTATUS":
            guard fields.count >= 3 else { return SessionStep() }
            return SessionStep(decoderTime: TimeFormat.parseClock(fields[2]))
        default:
            return SessionStep()
        }
    }

    /// The `<from>:<count>` requests for what the decoder holds and the file lacks.
    static func fetches(decoderHolds count: Int, stored: StoredPassings, newRun: Bool) -> [String] {
        guard count > 0 else { return [] }
        let last = stored.lastSequence ?? 0
        // Fewer than we stored, or a new file: the decoder numbers from 1 again; repeats are dropped on arrival.
        if newRun || count < last { return ["1:\(count)"] }
        var requests = stored.missing.filter { $0.lowerBound <= count }.map { range in
            "\(range.lowerBound):\(min(range.upperBound, count) - range.lowerBound + 1)"
        }
        if count > last { requests.append("\(last + 1):\(count - last)") }
        return requests
    }
}
