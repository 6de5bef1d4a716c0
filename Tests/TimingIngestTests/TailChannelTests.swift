import Foundation
import TestSupport
import Testing
@testable import TimingIngest

/// A counter the sending thread bumps and the test reads.
private final class Tally: @unchecked Sendable {
    // `@unchecked`: `value` is only touched with `lock` held.
    private let lock = NSLock()
    private var value = 0
    func set(_ new: Int) { lock.withLock { value = new } }
    func add() { lock.withLock { value += 1 } }
    var current: Int { lock.withLock { value } }
}

@Suite("Tail channel", .timeLimit(.minutes(5)))
struct TailChannelTests {
    @Test("the sending thread waits while the consumer is behind, and nothing is lost")
    func backPressure() async throws {
        let channel = TailChannel(capacity: 4)
        let sent = Tally()
        let all = (1...100).map { TailEvent.line(file: 0, lineNumber: $0, text: "l\($0)") }
        let sender = Task {
            await onOwnThread {
                for event in all {
                    guard channel.send([event]) else { break }
                    sent.add()
                }
            }
        }

        #expect(await eventually { sent.current == 4 })
        try await Task.sleep(for: .milliseconds(100))
        #expect(sent.current == 4, "the sender must stop at the capacity")
        var received: [TailEvent] = []
        while received.count < all.count, let event = await channel.next() { received.append(event) }
        #expect(received == all)
        await sender.value
        #expect(sent.current == 100)
    }

    @Test("closing releases a blocked sender and a waiting consumer")
    func closeReleases() async throws {
        let channel = TailChannel(capacity: 1)
        #expect(channel.send([.caughtUp(file: 0)]))
        let result = Tally()
        result.set(-1)
        let sender = Task {
            await onOwnThread { result.set(channel.send([.caughtUp(file: 1)]) ? 1 : 0) }
        }
        try await Task.sleep(for: .milliseconds(50))
        channel.close()
        await sender.value
        #expect(result.current == 0)
        #expect(await channel.next() == nil)

        let idle = TailChannel()
        async let waiting = idle.next()
        try await Task.sleep(for: .milliseconds(50))
        idle.close()
        #expect(await waiting == nil)
    }
}
