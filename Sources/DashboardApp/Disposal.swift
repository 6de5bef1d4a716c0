import Dispatch

/// Lets go of what the screen no longer shows on a thread of its own. A
/// replaced snapshot of a 50,000-runner race after a long seek (its
/// timelines and rows, no longer shared with the race state) took 14-18 ms
/// median and 26-29 ms p99 to free on one core: on the UI thread, the
/// frame showing the new snapshot waited for it.
enum Disposal {
    static let queue = DispatchQueue(label: "racedash.disposal", qos: .utility)

    /// Holds the value alone while it waits, so it is freed where the box is emptied.
    private final class Held<Value>: @unchecked Sendable {
        var value: Value?
        init(_ value: consuming Value) { self.value = consume value }
    }

    /// Hands `value` over to be freed there (unless something else still holds it).
    static func letGo<Value: Sendable>(_ value: consuming Value) {
        let held = Held(consume value)
        queue.async { held.value = nil }
    }

    /// Returns once everything handed over before the call has been let go of.
    static func drained() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            queue.async { done.resume() }
        }
    }
}
