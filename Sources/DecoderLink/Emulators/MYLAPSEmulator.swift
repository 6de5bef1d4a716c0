import NIOCore
import RaceModel
import Synchronization

/// MYLAPS Timing & Scoring sending a location's passings over MYLAPS Exchange,
/// for tests, benchmarks and `racedash simulate --serve`: it dials racedash
/// (listening), greets `<location>@Pong@$`, answers `GetLocations`, `GetInfo`
/// and `Ping`, and once greeted back sends the passings in `Store` messages of
/// up to `perMessage`, numbered from 1 on each run of the program. A message
/// not acknowledged (`AckStore@<number>`) is sent again every `resendAfter`,
/// and all of them after a reconnect. It redials after every drop and plays
/// race-day faults on command.
public final class MYLAPSEmulator: Sendable {
    public let location: String
    /// The date of passings that carry none (MYLAPS passings always carry one).
    private let date: CivilDate
    private let perMessage: Int
    private let resendAfter: Duration
    private let task: Mutex<Task<Void, Never>?> = Mutex(nil)

    private struct Message {
        var number: Int
        var passings: [String]
        var sentAt: ContinuousClock.Instant?
    }
    private struct State {
        var unacknowledged: [Message] = []
        var nextMessage = 1
        /// The decoder's passing number (4 hex digits in the passing) and each chip's count.
        var nextPassing = 0
        var counts: [String: Int] = [:]
        var channel: Channel?
        var greeted = false
        var silent = false
        var cutNextPush = false
        var cutsMade = 0
        var acksToIgnore = 0
        var resent = 0
    }
    private let state = Mutex(State())

    /// Starts dialling `host:port` (a loopback address in tests), again after every drop.
    public init(
        group: EventLoopGroup, host: String, port: Int, location: String, date: CivilDate, perMessage: Int = 30,
        resendAfter: Duration = .seconds(20),
        backoff: Backoff = Backoff(initial: .milliseconds(20), maximum: .milliseconds(500))
    ) {
        self.location = location
        self.date = date
        self.perMessage = max(perMessage, 1)
        self.resendAfter = resendAfter
        let dialing = Task { [self] in
            await DecoderLinks.redial(host: host, port: port, group: group, backoff: backoff, failed: { _ in }) {
                channel in
                EmulatorConnection.install(on: channel, framing: .dollar) {
                    EmulatorConnection(
                        opened: { self.opened($0) }, respond: { self.respond($0, on: $1) }, closed: { self.closed($0) })
                }
            }
        }
        task.withLock { $0 = dialing }
    }

    /// racedash greeted back on the current connection: passings go out as they come.
    public var isGreeted: Bool { state.withLock { $0.channel != nil && $0.greeted && !$0.silent } }
    public var unacknowledged: Int { state.withLock { $0.unacknowledged.count } }
    public var cutsMade: Int { state.withLock { $0.cutsMade } }
    /// Messages sent again because no acknowledgement came in time.
    public var resent: Int { state.withLock { $0.resent } }

    /// New passings, in `Store` messages; gun markers are left out (T&S sends them as `Marker` messages).
    public func add(_ all: [EmulatedPassing]) {
        let passings = all.filter { !$0.isGun }
        guard !passings.isEmpty else { return }
        let (channel, messages, cut) = state.withLock { s -> (Channel?, [String], Bool) in
            let lines = passings.map { p -> String in
                defer { s.nextPassing = (s.nextPassing + 1) % 0x10000 }
                s.counts[p.code, default: 0] += 1
                return Self.passing(p, number: s.nextPassing, count: s.counts[p.code] ?? 1, date: date)
            }
            let first = s.unacknowledged.count
            for start in stride(from: 0, to: lines.count, by: perMessage) {
                let batch = Array(lines[start..<min(start + perMessage, lines.count)])
                s.unacknowledged.append(Message(number: s.nextMessage, passings: batch))
                s.nextMessage += 1
            }
            return markSent(&s, Array(first..<s.unacknowledged.count))
        }
        if let channel { send(messages, to: channel, cut: cut) }
    }

    /// Fault: the connection drops (it dials again and sends what was not acknowledged).
    public func dropConnection() { drop { _ in } }

    /// Fault: Timing & Scoring restarts with its decoder: the connection drops,
    /// messages are numbered from 1 again and passings from 0; what was not
    /// acknowledged is sent again after the reconnect.
    public func restart() {
        drop { s in
            for i in s.unacknowledged.indices { s.unacknowledged[i].number = i + 1 }
            s.nextMessage = s.unacknowledged.count + 1
            s.nextPassing = 0
            s.counts = [:]
        }
    }

    /// Closes the connection, changing the state at the same moment (an acknowledgement still on its way is not taken).
    private func drop(_ change: (inout State) -> Void) {
        let channel = state.withLock { s -> Channel? in
            defer {
                s.channel = nil
                s.greeted = false
                change(&s)
            }
            return s.channel
        }
        channel?.close(promise: nil)
    }

    /// Fault: the next `Store` message stops half-way and the connection drops.
    public func cutNextPush() { state.withLock { $0.cutNextPush = true } }

    /// Fault: no messages and no answers, the connection held open.
    public func setSilent(_ silent: Bool) { state.withLock { $0.silent = silent } }

    /// Fault: the next `count` acknowledgements are lost, so those messages are sent again.
    public func loseAcknowledgements(_ count: Int) { state.withLock { $0.acksToIgnore += count } }

    /// Timing & Scoring is closed: no more dialling.
    public func stop() async {
        let dialing = task.withLock { $0 }
        dialing?.cancel()
        await dialing?.value
    }

    /// `<chip>HH:MM:SS.mmm D RR NNNPPPPYYMMDDKK`: device 1, reader 0F, the chip's
    /// count in three columns, the passing number (hex), the date and the byte-sum check.
    static func passing(_ p: EmulatedPassing, number: Int, count: Int, date: CivilDate) -> String {
        let d = p.date ?? date
        let countText = String(count % 1000)
        var text = p.code + TimeFormat.timeOfDay(p.timeOfDay, millis: true) + " 1 0F"
        text += String(repeating: " ", count: 3 - countText.count) + countText + hex(number, digits: 4)
        for v in [d.year % 100, d.month, d.day] { text += TimeFormat.pad2(v) }
        return text + hex(text.utf8.reduce(0) { $0 + Int($1) } % 256, digits: 2)
    }

    private static func hex(_ v: Int, digits: Int) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(digits - h.count, 0)) + h
    }

    private func message(_ m: Message) -> String {
        MYLAPSMessage(location, "Store", m.passings + [String(m.number)]).text
    }

    /// Marks the messages at `indices` sent now, if they can be: the channel and their text.
    private func markSent(_ s: inout State, _ indices: [Int]) -> (Channel?, [String], Bool) {
        guard s.greeted, !s.silent, let channel = s.channel, !indices.isEmpty else { return (nil, [], false) }
        let now = ContinuousClock.now
        for i in indices { s.unacknowledged[i].sentAt = now }
        let cut = s.cutNextPush
        if cut {
            s.cutNextPush = false
            s.cutsMade += 1
        }
        return (channel, indices.map { message(s.unacknowledged[$0]) }, cut)
    }

    private func send(_ messages: [String], to channel: Channel, cut: Bool) {
        EmulatorConnection.send(
            messages, to: channel, framing: .dollar, cutAfter: cut ? messages[0].utf8.count / 2 : nil)
    }

    private func opened(_ channel: Channel) {
        let silent = state.withLock { s -> Bool in
            s.channel = channel
            s.greeted = false
            return s.silent
        }
        if !silent { EmulatorConnection.send([MYLAPSMessage(location, "Pong").text], to: channel, framing: .dollar) }
        let every = TimeAmount(resendAfter)
        channel.eventLoop.scheduleRepeatedTask(initialDelay: every, delay: every) { [self] task in
            guard channel.isActive else { return task.cancel() }
            resendOverdue(on: channel)
        }
    }

    private func closed(_ channel: Channel) {
        state.withLock { s in
            guard s.channel === channel else { return }
            s.channel = nil
            s.greeted = false
        }
    }

    /// Sends again every message sent longer than `resendAfter` ago and not acknowledged.
    private func resendOverdue(on channel: Channel) {
        let (target, messages, cut) = state.withLock { s -> (Channel?, [String], Bool) in
            guard s.channel === channel else { return (nil, [], false) }
            let due = ContinuousClock.now - resendAfter
            let overdue = s.unacknowledged.indices.filter { s.unacknowledged[$0].sentAt.map { $0 <= due } ?? true }
            let sending = markSent(&s, overdue)
            if sending.0 != nil { s.resent += overdue.count }
            return sending
        }
        if let target { send(messages, to: target, cut: cut) }
    }

    private func respond(_ text: String, on channel: Channel) {
        guard case .success(let request)? = MYLAPSMessage.parse(text) else { return }
        let (replies, pending, cut) = state.withLock { s -> ([String], [String], Bool) in
            guard !s.silent, s.channel === channel else { return ([], [], false) }
            switch request.command {
            case "AckPong":
                s.greeted = true
                // Everything not acknowledged yet, as T&S does after a reconnect.
                let (_, messages, cut) = markSent(&s, Array(s.unacknowledged.indices))
                return ([], messages, cut)
            case "AckStore":
                if s.acksToIgnore > 0 {
                    s.acksToIgnore -= 1
                } else if let number = request.fields.first.flatMap({ Int($0) }) {
                    s.unacknowledged.removeAll { $0.number == number }
                }
                return ([], [], false)
            case "Ping": return ([MYLAPSMessage(location, "AckPing").text], [], false)
            case "GetLocations": return ([MYLAPSMessage("Toolkit", "GetLocations", ["ln=\(location)"]).text], [], false)
            // As a real T&S answers: no `@` before the `$`.
            case "GetInfo": return (["\(location)@AckGetInfo@Emulator@Unknown@racedash-emulator$"], [], false)
            default: return ([], [], false)
            }
        }
        EmulatorConnection.send(replies, to: channel, framing: .dollar)
        if !pending.isEmpty { send(pending, to: channel, cut: cut) }
    }
}

extension MYLAPSEmulator: EmulatedDecoder {}
