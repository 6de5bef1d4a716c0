import Foundation
import TestSupport
import Testing
@testable import DecoderLink

@Suite struct MYLAPSSessionTests {
    static let fixtures = SampleFeed.root + "/Tests/TimingIngestTests/Fixtures/real-reads/"

    /// The forwarder's log as the stream Timing & Scoring sent: the forwarder cut
    /// the stream at each `$` and logged what came before it, NULs and newlines
    /// included (a body may go on on the next line of the log).
    static func realStream() throws -> [UInt8] {
        let log = try String(contentsOfFile: fixtures + "mylaps-exchange-log-excerpt.txt", encoding: .utf8)
        var bodies: [String] = []
        for line in log.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if let prefix = line.range(of: "Z message: ") {
                bodies.append(String(line[prefix.upperBound...]))
            } else if !bodies.isEmpty {
                bodies[bodies.count - 1] += "\n" + line
            }
        }
        #expect(bodies.count == 10)
        return Array(bodies.map { $0 + "$" }.joined().utf8)
    }

    @Test func theRealExchangeIsAnsweredStoredAndAcknowledged() throws {
        var session = MYLAPSSession(location: "Start")
        let steps = try framed(Self.realStream(), chunk: 7, .dollar).map { session.received($0, StoredPassings()) }
        #expect(
            steps.first?.send == ["racedash@AckPong@Version2.1@$", "racedash@GetLocations@$", "racedash@GetInfo@$"])
        let sent = try String(contentsOfFile: Self.fixtures + "mylaps-exchange-passings.txt", encoding: .utf8)
            .split(whereSeparator: \.isNewline).prefix(30).map(String.init)
        // The same Store message three times: each acknowledged, its passings repeats for the ledger to drop.
        #expect(steps.flatMap(\.passings) == sent + sent + sent)
        #expect(steps.flatMap(\.sendWhenStored) == Array(repeating: "racedash@AckStore@1@$", count: 3))
        #expect(steps.allSatisfy { $0.problem == nil })
    }

    @Test func racedashPingsOnceGreetedAndAnswersPings() {
        var session = MYLAPSSession(location: nil)
        #expect(session.keepAlive(StoredPassings()).isEmpty)
        _ = session.received("km5@Pong@$", StoredPassings())
        #expect(session.keepAlive(StoredPassings()) == ["racedash@Ping@$"])
        #expect(session.received("km5@Ping@$", StoredPassings()).send == ["racedash@AckPing@$"])
        #expect(session.received("km5@AckPing@$", StoredPassings()) == SessionStep())
    }

    @Test func keyedPassingsAreStoredOneAMessageAndAcknowledged() {
        var session = MYLAPSSession(location: nil)
        let step = session.received(
            "10KM@Passing@t=13:11:30.904|c=0000041|d=120606@t=13:12:21.830|c=0000039|d=120606@1016@$", StoredPassings())
        #expect(
            step.passings == [
                "10KM@Passing@t=13:11:30.904|c=0000041|d=120606@$", "10KM@Passing@t=13:12:21.830|c=0000039|d=120606@$",
            ])
        #expect(step.sendWhenStored == ["racedash@AckPassing@1016@$"])
    }

    @Test func badMessagesAreReportedNotStoredOrSwallowed() {
        var session = MYLAPSSession(location: "km5")
        #expect(
            session.received("garbage$", StoredPassings()).problem
                == "MYLAPS message 'garbage$' has no '<name>@<command>@' at its start")
        #expect(session.received("km5@Dance@$", StoredPassings()).problem?.contains("unknown command") == true)
        // An unreadable passing is stored as it came (and counted unreadable); the message is acknowledged.
        let unreadable = session.received("km5@Store@not a passing@3@$", StoredPassings())
        #expect(unreadable.passings == ["not a passing"])
        #expect(unreadable.sendWhenStored == ["racedash@AckStore@3@$"])
        // Without its number a message cannot be acknowledged: stored, and said.
        let unnumbered = session.received("km5@Store@LZ6302115:37:40.704 5 0F  1000125030862@$", StoredPassings())
        #expect(unnumbered.passings == ["LZ6302115:37:40.704 5 0F  1000125030862"])
        #expect(unnumbered.sendWhenStored.isEmpty)
        #expect(unnumbered.problem?.contains("no message number") == true)
        // Another location's passings: not stored and not acknowledged, so T&S keeps them.
        let other = session.received("finish@Store@LZ6302115:37:40.704 5 0F  1000125030862@4@$", StoredPassings())
        #expect(other.passings.isEmpty && other.sendWhenStored.isEmpty)
        #expect(other.problem?.contains("location 'finish'") == true)
        #expect(session.received("$", StoredPassings()) == SessionStep())
    }
}
