/// Continuations parked in a lock-protected state until what they wait for
/// happens, each under an id. A task can be cancelled before its
/// continuation is parked: the id is then remembered, and the task finds
/// itself cancelled when it comes to park.
struct Waiters<Waiter> {
    private var parked: [Int: Waiter] = [:]
    private var cancelledEarly: Set<Int> = []
    private var lastID = 0

    var count: Int { parked.count }
    var isEmpty: Bool { parked.isEmpty }

    mutating func newID() -> Int {
        lastID += 1
        return lastID
    }

    /// True (once) if `id` was cancelled before it parked.
    mutating func wasCancelled(_ id: Int) -> Bool { cancelledEarly.remove(id) != nil }

    mutating func park(_ waiter: Waiter, id: Int) { parked[id] = waiter }

    /// The parked waiter to resume as cancelled, or nil if it has not parked yet.
    mutating func cancel(_ id: Int) -> Waiter? {
        guard let waiter = parked.removeValue(forKey: id) else {
            cancelledEarly.insert(id)
            return nil
        }
        return waiter
    }

    /// Unparks and returns the waiters whose time has come.
    mutating func removeAll(where due: (Waiter) -> Bool) -> [Waiter] {
        let ready = parked.filter { due($0.value) }
        for id in ready.keys { parked[id] = nil }
        return Array(ready.values)
    }
}
