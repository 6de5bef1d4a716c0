/// racedash's side of MYLAPS Exchange (the Timing & Scoring TCP/IP protocol,
/// version 2.1; messages end at `$`). Timing & Scoring connects to racedash,
/// which listens, and greets with `<location>@Pong@$`; racedash answers
/// `racedash@AckPong@Version2.1@$` and asks `GetLocations` and `GetInfo`.
/// Passings come in `Store` messages (`<location>@Store@<passing>@...@<number>@$`,
/// each passing stored as a line of its own, as MYLAPS files hold them) or
/// keyed `Passing` messages (stored one passing a line, as a message); each is
/// acknowledged with its number (`AckStore`, `AckPassing`) only once its
/// passings are fsync'd, so Timing & Scoring sends again whatever racedash may
/// not hold. `Marker` messages are stored as they came and acknowledged.
/// Either side pings: `Ping` is answered `AckPing`.
struct MYLAPSSession: DecoderSession {
    static var framing: Framing { .dollar }
    /// How racedash names itself in its messages.
    static let name = "racedash"
    /// The commands that carry data, and their acknowledgements.
    static let acknowledgements = ["Store": "AckStore", "Passing": "AckPassing", "Marker": "AckMarker"]

    /// The configured location; nil takes the passings of every location on the connection.
    let location: String?
    private var greeted = false

    init(location: String?) { self.location = location }

    func opened(_ stored: StoredPassings) -> [String] { [] }

    func keepAlive(_ stored: StoredPassings) -> [String] { greeted ? [Self.message("Ping")] : [] }

    func carriesPassings(_ message: String) -> Bool {
        MYLAPSMessage.command(of: message).map { Self.acknowledgements[String($0)] != nil } ?? false
    }

    mutating func received(_ text: String, _ stored: StoredPassings) -> SessionStep {
        let message: MYLAPSMessage
        switch MYLAPSMessage.parse(text) {
        case nil: return SessionStep()
        case .failure(let malformed)?: return SessionStep(problem: "\(malformed)")
        case .success(let parsed)?: message = parsed
        }
        if let ack = Self.acknowledgements[message.command] { return data(message, ack: ack) }
        if !greeted, message.command == "Pong" || message.command == "Ping" {
            greeted = true
            return SessionStep(send: [
                Self.message("AckPong", "Version2.1"), Self.message("GetLocations"), Self.message("GetInfo"),
            ])
        }
        switch message.command {
        case "Ping": return SessionStep(send: [Self.message("AckPing")])
        case "Pong": return SessionStep(send: [Self.message("AckPong")])
        case "AckPing", "AckPong", "AckGetInfo": return SessionStep()
        case "GetLocations":
            let names = message.fields.compactMap { $0.hasPrefix("ln=") ? String($0.dropFirst(3)) : nil }
            guard let location, !names.contains(location) else { return SessionStep() }
            return SessionStep(
                problem: "Timing & Scoring has no location '\(location)' (it has \(names.joined(separator: ", ")))")
        default:
            return SessionStep(problem: "MYLAPS message '\(message.name)@\(message.command)@...': unknown command")
        }
    }

    /// Passings (or a marker) to store, acknowledged once stored. A message of
    /// another location than the configured one is neither: Timing & Scoring
    /// keeps sending it, and the status says why.
    private func data(_ message: MYLAPSMessage, ack: String) -> SessionStep {
        let what = "\(message.command) message of location '\(message.name)'"
        if let location, message.name != location {
            return SessionStep(problem: "\(what): not the location '\(location)' of event.toml, not stored")
        }
        var step = SessionStep()
        var records = message.fields
        if let number = records.last, !number.isEmpty, number.allSatisfy(\.isASCIIDigit) {
            records.removeLast()
            step.sendWhenStored = [Self.message(ack, number)]
        } else {
            // Stored all the same; without a number it cannot be acknowledged.
            step.problem = "\(what) has no message number at its end: stored, not acknowledged"
        }
        switch message.command {
        case "Store": step.passings = records.filter { !$0.isEmpty }
        case "Passing": step.passings = records.filter { !$0.isEmpty }.map { "\(message.name)@Passing@\($0)@$" }
        default: step.passings = [message.text]
        }
        return step
    }

    /// `racedash@<command>@<field>@...@$`
    static func message(_ command: String, _ fields: String...) -> String {
        MYLAPSMessage(name, command, fields).text
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
