import Dispatch
import Synchronization
import Testing

@testable import DashboardApp

/// What the screen stops showing is freed on the disposal thread, not by
/// the caller: the caller goes on while the freeing is still under way.
@Suite struct DisposalTests {
    /// Holds up its own freeing until `gate` opens, and says when it is done.
    final class SlowToFree: Sendable {
        let gate: DispatchSemaphore
        let freed: Flag
        init(gate: DispatchSemaphore, freed: Flag) { (self.gate, self.freed) = (gate, freed) }
        deinit {
            // Bounded only so a caller freeing it itself fails the test rather than hanging it.
            _ = gate.wait(timeout: .now() + .seconds(10))
            freed.value.withLock { $0 = true }
        }
    }

    final class Flag: Sendable {
        let value = Mutex(false)
    }

    @Test func aValueLetGoOfIsFreedOnTheDisposalThreadNotByTheCaller() async {
        let gate = DispatchSemaphore(value: 0)
        let flag = Flag()
        Disposal.letGo(SlowToFree(gate: gate, freed: flag))
        // Freed by the caller, `letGo` would not have returned before the gate opened.
        #expect(flag.value.withLock { $0 } == false)
        gate.signal()
        await Disposal.drained()
        #expect(flag.value.withLock { $0 } == true)
    }

    @Test func aValueStillHeldElsewhereIsNotFreed() async {
        let gate = DispatchSemaphore(value: 0)
        let flag = Flag()
        let kept = SlowToFree(gate: gate, freed: flag)
        Disposal.letGo(kept)
        await Disposal.drained()
        #expect(flag.value.withLock { $0 } == false)
        // Its own freeing, here at the end, goes through the gate.
        gate.signal()
        withExtendedLifetime(kept) {}
    }
}
