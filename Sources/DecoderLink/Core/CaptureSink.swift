import RaceModel
import Synchronization
import TimingIngest

/// Where one decoder's passings go: each new passing is appended to the point's
/// read file before it is counted anywhere, repeats are dropped, and the
/// link's status is kept. Called from the network thread; read from anywhere.
public final class CaptureSink: Sendable {
    public let spec: DecoderSpec
    private let appender: ReadFileAppender
    private let clock: TimeOfDayClock
    private struct State {
        var ledger: PassingLedger
        var status: DecoderStatus
        var open = 0
        var silent = false
    }
    private let state: Mutex<State>
    private let changes: UpdateBroadcast

    init(spec: DecoderSpec, path: String, clock: TimeOfDayClock, changes: UpdateBroadcast) throws(ReadFileAppender
        .Failure)
    {
        self.spec = spec
        self.clock = clock
        self.changes = changes
        let existing = (try? ReadFileScanner.readFile(atPath: path)) ?? []
        appender = try ReadFileAppender(path: path)
        var status = DecoderStatus(pointId: spec.pointId, kind: spec.kind, endpoint: spec.endpoint)
        let ledger = PassingLedger.seeded(from: existing)
        status.gaps = ledger.missingCount
        state = Mutex(State(ledger: ledger, status: status))
    }

    var file: ReadFileAppender { appender }

    public var status: DecoderStatus { state.withLock { $0.status } }
    var stored: StoredPassings { state.withLock { StoredPassings($0.ledger) } }

    /// Writes the new passings among `lines` (as the decoder sent them) and
    /// returns how many were new; nil if they could not be written.
    @discardableResult
    public func accept(_ lines: [String]) -> Int? {
        guard !lines.isEmpty else { return 0 }
        let now = clock.now()
        let written = state.withLock { s -> Int? in
            var fresh: [String] = []
            var rejected = 0
            for line in lines {
                let parsed = ReadLineParser.parse(line)
                if case .malformed = parsed { rejected += 1 }
                if s.ledger.admit(parsed) { fresh.append(line) } else { s.status.repeats += 1 }
            }
            do {
                // Written under the lock, so lines reach the file in the order they were admitted.
                try appender.append(fresh)
            } catch {
                // Not stored, so not counted: forget them, and a resend or fetch brings them again.
                s.ledger = PassingLedger.seeded(from: (try? ReadFileScanner.readFile(atPath: appender.path)) ?? [])
                s.status.lastError = "\(error)"
                return nil
            }
            s.status.passings += fresh.count
            s.status.rejected += rejected
            s.status.gaps = s.ledger.missingCount
            if !fresh.isEmpty { s.status.lastPassing = now }
            return fresh.count
        }
        // Repeats change the status too.
        changes.notify()
        return written
    }

    /// Runs `then` once every passing written so far is fsync'd (off the network threads).
    func whenDurable(_ then: @escaping @Sendable () -> Void) { appender.whenDurable(then) }

    /// A message from the decoder side that could not be used, and why.
    func messageRejected(_ problem: String) {
        state.withLock { $0.status.lastProblem = problem }
        changes.notify()
    }

    /// A connection opened; the link is up while at least one is open (a
    /// decoder that dials in again may do so before its old connection is gone).
    func connectionOpened() {
        updateLink { s in
            s.open += 1
            s.status.connections += 1
        }
    }

    func connectionClosed(error: String? = nil) {
        updateLink { s in
            s.open = max(s.open - 1, 0)
            if s.open == 0 { s.silent = false }
            if let error { s.status.lastError = error }
        }
    }

    /// Nothing heard for the silence limit: shown until the link is dropped.
    func connectionSilent() { updateLink { $0.silent = true } }

    /// Connecting or listening failed.
    func linkFailed(_ error: String) { updateLink { $0.status.lastError = error } }

    /// The address a listening link is bound to, once bound (port 0 picks one).
    func bound(to endpoint: String) { updateLink { $0.status.endpoint = endpoint } }

    private func updateLink(_ change: (inout State) -> Void) {
        let now = clock.now()
        state.withLock { s in
            change(&s)
            let link: DecoderStatus.Link = s.open == 0 ? .waiting : (s.silent ? .silent : .connected)
            if s.status.link != link || s.status.since == nil { s.status.since = now }
            s.status.link = link
        }
        changes.notify()
    }

    /// The decoder said its clock reads `decoderTime` (local time of day) now.
    func decoderClock(_ decoderTime: Millis) {
        let skew = decoderTime - clock.now()
        let changed = state.withLock { s -> Bool in
            defer { s.status.clockSkew = skew }
            return s.status.clockSkew != skew
        }
        if changed { changes.notify() }
    }
}
