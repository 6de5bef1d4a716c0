import RaceModel

/// One protocol's side of a conversation with a decoder: messages (lines, for
/// most protocols) in; messages to send and passings to store out. No I/O, so
/// each protocol is tested on its own.
protocol DecoderSession: SendableMetatype {
    /// How the decoder side's stream is cut into messages.
    static var framing: Framing { get }
    /// Lines to send once connected.
    mutating func opened(_ stored: StoredPassings) -> [String]
    /// Whether the line carries passings, so passings received before a
    /// control line are stored before the control line is looked at.
    func carriesPassings(_ line: String) -> Bool
    mutating func received(_ line: String, _ stored: StoredPassings) -> SessionStep
    /// Lines to send on the keep-alive tick (a third of the silence limit).
    mutating func keepAlive(_ stored: StoredPassings) -> [String]
}

extension DecoderSession {
    static var framing: Framing { .lines }
}

/// What a session learned from one line.
struct SessionStep: Equatable {
    var send: [String] = []
    /// Passing lines to append to the read file, in the read-file formats.
    var passings: [String] = []
    /// Acknowledgements: sent only once the passings received so far are
    /// written and fsync'd, so a message lost with a crash is sent again.
    var sendWhenStored: [String] = []
    /// The decoder's clock, as a local time of day in ms.
    var decoderTime: Millis?
    /// What was wrong with the message (shown as the link's last error).
    var problem: String?
}

/// What the read file already holds of this decoder's numbering.
struct StoredPassings: Equatable {
    var lastSequence: Int?
    var missing: [ClosedRange<Int>]

    init(lastSequence: Int? = nil, missing: [ClosedRange<Int>] = []) {
        self.lastSequence = lastSequence
        self.missing = missing
    }

    init(_ ledger: PassingLedger) {
        self.init(lastSequence: ledger.lastSequence, missing: ledger.missing)
    }
}
