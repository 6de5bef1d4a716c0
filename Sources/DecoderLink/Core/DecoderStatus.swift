import RaceModel
import TimingIngest

/// How one decoder link stands, for headless output and the dashboard.
/// Times are local times of day in ms, like the reads.
public struct DecoderStatus: Sendable, Equatable {
    public enum Link: String, Sendable, Equatable {
        /// Not connected yet, or dropped and trying again (listening, for the protocols that listen).
        case waiting
        case connected
        /// Connected, but nothing heard for the silence limit: about to be dropped.
        case silent
    }

    public var pointId: String
    public var kind: DecoderProtocol
    public var endpoint: String
    public var link: Link = .waiting
    /// When `link` last changed.
    public var since: Millis?
    /// New passings written to the read file.
    public var passings = 0
    /// Passings received again and not written (repeats after a reconnect, resent messages).
    public var repeats = 0
    /// Lines received as passings that no parser accepts: written, and reported by `check`.
    public var rejected = 0
    /// When the last new passing arrived.
    public var lastPassing: Millis?
    /// Sequence numbers skipped and not received (yet).
    public var gaps = 0
    /// The decoder's clock minus ours, where the protocol tells the decoder's time.
    public var clockSkew: Millis?
    /// Connections made (the first and every reconnect).
    public var connections = 0
    /// The last thing that went wrong on the link.
    public var lastError: String?
    /// The last message from the decoder side that racedash could not use, and why (MYLAPS: not acknowledged).
    public var lastProblem: String?

    public init(pointId: String, kind: DecoderProtocol, endpoint: String) {
        self.pointId = pointId
        self.kind = kind
        self.endpoint = endpoint
    }

    public var isUp: Bool { link != .waiting }
}
