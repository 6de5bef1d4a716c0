import NIOCore
import RaceModel
import Synchronization

/// A ChronoTrack controller speaking CTP01, for tests and `racedash simulate
/// --serve`: it dials the timing software (racedash listening), greets, answers
/// `getlocations`, and after `start~<location>[~<from>]` sends its tag lines
/// from that sequence number on and every new one as it comes; `ping` is
/// answered. It redials after every drop and plays race-day faults on command.
public final class CTP01Emulator: Sendable {
    public let location: String
    private let task: Mutex<Task<Void, Never>?> = Mutex(nil)

    private struct State {
        var passings: [EmulatedPassing] = []
        var channel: Channel?
        var streaming = false
        var silent = false
        var cutNextPush = false
        var cutsMade = 0
        /// While what the controller held at `start` is being sent: how many
        /// passings are sent (or were not wanted). New ones wait their turn behind it.
        var backlogSentThrough: Int?

        /// Whether the lines going out now are to be cut (`cutNextPush`), counted once.
        mutating func takeCut() -> Bool {
            guard cutNextPush else { return false }
            cutNextPush = false
            cutsMade += 1
            return true
        }
    }
    private let state = Mutex(State())

    /// Starts dialling `host:port` (a loopback address in tests), again after every drop.
    public init(
        group: EventLoopGroup, host: String, port: Int, location: String,
        backoff: Backoff = Backoff(initial: .milliseconds(20), maximum: .milliseconds(500))
    ) {
        self.location = location
        let dialing = Task { [self] in
            await DecoderLinks.redial(host: host, port: port, group: group, backoff: backoff, failed: { _ in }) {
                channel in
                EmulatorConnection.install(on: channel) {
                    EmulatorConnection(
                        opened: { self.opened($0) }, respond: { self.respond($0, on: $1) }, closed: { self.closed($0) })
                }
            }
        }
        task.withLock { $0 = dialing }
    }

    public var count: Int { state.withLock { $0.passings.count } }
    /// True once racedash has started the stream on the current connection.
    public var isStreaming: Bool { state.withLock { $0.streaming && $0.backlogSentThrough == nil } }
    public var cutsMade: Int { state.withLock { $0.cutsMade } }

    public func add(_ passings: [EmulatedPassing]) {
        let (channel, first, cut) = state.withLock { s -> (Channel?, Int, Bool) in
            let first = s.passings.count + 1
            s.passings.append(contentsOf: passings)
            guard s.streaming, !s.silent, s.backlogSentThrough == nil, let channel = s.channel else {
                return (nil, first, false)
            }
            return (channel, first, !passings.isEmpty && s.takeCut())
        }
        if let channel { send(passings, from: first, on: channel, cut: cut) }
    }

    /// `passings` as tag lines numbered from `first`; with `cut`, the first
    /// line is cut halfway and the connection closed (`EmulatorConnection.send`).
    private func send(_ passings: some Collection<EmulatedPassing>, from first: Int, on channel: Channel, cut: Bool) {
        let lines = passings.enumerated().map { line(number: first + $0.offset, $0.element) }
        EmulatorConnection.send(lines, to: channel, cutAfter: cut ? lines[0].utf8.count / 2 : nil)
    }

    /// Fault: the connection drops (it dials again).
    public func dropConnection() {
        let channel = state.withLock { s -> Channel? in
            defer {
                s.channel = nil
                s.streaming = false
                s.backlogSentThrough = nil
            }
            return s.channel
        }
        channel?.close(promise: nil)
    }

    /// Fault: the controller restarts: the connection drops and numbering starts again from 1.
    public func restart() {
        state.withLock { $0.passings = [] }
        dropConnection()
    }

    public func cutNextPush() { state.withLock { $0.cutNextPush = true } }

    /// Fault: no tag lines and no answers, the connection held open.
    public func setSilent(_ silent: Bool) { state.withLock { $0.silent = silent } }

    /// The controller is switched off: no more dialling.
    public func stop() async {
        let dialing = task.withLock { $0 }
        dialing?.cancel()
        await dialing?.value
    }

    /// A tag line as CT01_33 writes it; the time in hundredths (`time-format=normal`).
    func line(number: Int, _ p: EmulatedPassing) -> String {
        let clock = TimeFormat.timeOfDay(p.timeOfDay - p.timeOfDay % 10, millis: true).dropLast()
        return "CT01_33~\(number)~\(location)~\(p.isGun ? "guntime" : p.code)~\(clock)~1~E1A2B3~\(p.isGun ? 0 : 1)"
    }

    private func opened(_ channel: Channel) {
        state.withLock { s in
            s.channel = channel
            s.streaming = false
        }
        EmulatorConnection.send(["ChronoTrack Emulator~1.0~CTP01"], to: channel)
    }

    private func closed(_ channel: Channel) {
        state.withLock { s in
            guard s.channel === channel else { return }
            s.channel = nil
            s.streaming = false
            s.backlogSentThrough = nil
        }
    }

    private func respond(_ request: String, on channel: Channel) {
        let fields = request.split(separator: "~", omittingEmptySubsequences: false)
        let (reply, backlog) = state.withLock { s -> ([String], Bool) in
            guard !s.silent else { return ([], false) }
            switch fields.first {
            case "ping": return (["ack~ping"], false)
            case "getlocations": return (["ack~getlocations~\(location)"], false)
            case "stop":
                s.streaming = false
                s.backlogSentThrough = nil
                return (["ack~stop"], false)
            case "start":
                let from = fields.count >= 3 ? max(Int(fields[2]) ?? 1, 1) : 1
                s.streaming = true
                s.backlogSentThrough = from - 1
                return (["ack~start~\(location)"], true)
            default: return ([], false)
            }
        }
        EmulatorConnection.send(reply, to: channel)
        if backlog { sendBacklog(on: channel) }
    }

    /// What the controller holds goes out a batch at a time, as a controller
    /// streams it, and what comes meanwhile after it, in order. Made whole
    /// first, a 20,000-passing backlog kept a busy machine from sending
    /// anything for longer than racedash waits on a silent link.
    /// A cut asked for (`cutNextPush`) falls on the first line that goes out
    /// next, pushed or from here: on a busy machine the link may be
    /// starting again when the push comes, and the lines go out this way.
    private func sendBacklog(on channel: Channel) {
        while true {
            let next = state.withLock { s -> (first: Int, passings: ArraySlice<EmulatedPassing>, cut: Bool)? in
                guard let sent = s.backlogSentThrough, s.channel === channel else { return nil }
                let end = min(sent + Self.backlogBatch, s.passings.count)
                guard end > sent else {
                    s.backlogSentThrough = nil
                    return nil
                }
                let cut = s.takeCut()
                // A cut ends the connection: what follows is asked for again on the next one.
                s.backlogSentThrough = cut ? nil : end
                return (sent + 1, s.passings[sent..<end], cut)
            }
            guard let next else { return }
            send(next.passings, from: next.first, on: channel, cut: next.cut)
            if next.cut { return }
        }
    }

    /// Tag lines sent at once from what the controller holds.
    static let backlogBatch = 500
}
