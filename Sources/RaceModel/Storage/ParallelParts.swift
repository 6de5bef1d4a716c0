import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Work over every read or every runner of a big race shared among the
/// cores: `0..<count` cut into one contiguous part per core, each part's
/// result depending on nothing but its own elements, so the outcome is the
/// same as one pass in order. Small inputs stay on the calling thread.
public enum ParallelParts {
    /// Below this many elements a second thread costs more than it saves.
    public static let threshold = 16_384

    public static let cores: Int = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// Runners' work is uneven (a finisher has a dozen reads, a DNS none):
    /// with a few parts per core, a core done early takes another part
    /// rather than waiting on the slowest.
    static let partsPerCore = 4

    /// The parts `0..<count` is cut into, each a multiple of `alignment` long
    /// (but the last), so parts can be whole chunks of a `ChunkedArray`.
    /// `work`: how many elements the parts hold between them, when each
    /// index stands for many (a checkpoint's splits); `count` otherwise.
    public static func ranges(count: Int, alignment: Int = 1, work: Int? = nil) -> [Range<Int>] {
        let parts = (work ?? count) < threshold || cores == 1 ? 1 : Swift.min(cores * partsPerCore, count)
        guard parts > 1 else { return count > 0 ? [0..<count] : [] }
        var size = (count + parts - 1) / parts
        size = (size + alignment - 1) / alignment * alignment
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    /// Runs `body` on each part at once and returns the parts' results in order.
    /// Fork and join of pure work: the calling thread works on a part too.
    public static func map<T>(count: Int, alignment: Int = 1, work: Int? = nil, _ body: (Range<Int>) -> T) -> [T] {
        let parts = ranges(count: count, alignment: alignment, work: work)
        guard parts.count > 1 else { return parts.map(body) }
        return concurrently(parts.count, slot: { $0 }) { body(parts[$0]) }
    }

    /// `work(i)` for every `i` of `0..<count` at once, its result put in slot
    /// `slot(i)` (a permutation of `0..<count`).
    private static func concurrently<T>(_ count: Int, slot: (Int) -> Int, _ work: (Int) -> T) -> [T] {
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { out in
            let slots = UncheckedSendable(out)
            withoutActuallyEscaping(work) { work in
                withoutActuallyEscaping(slot) { slot in
                    let both = UncheckedSendable((work, slot))
                    DispatchQueue.concurrentPerform(iterations: count) { i in
                        slots.value[both.value.1(i)] = both.value.0(i)
                    }
                }
            }
        }
        return results.map { $0! }
    }
}

extension ParallelParts {
    /// `body(k)` for every `k` of `order` (a permutation of `0..<order.count`)
    /// at once, the cores taking them in that order (the biggest first, so
    /// the last to finish is a small one); the results by `k`. Each `body(k)`
    /// must touch nothing another one does.
    public static func map<T>(taking order: [Int], _ body: (Int) -> T) -> [T] {
        guard order.count > 1, cores > 1 else {
            var results = [T?](repeating: nil, count: order.count)
            for k in order { results[k] = body(k) }
            return results.map { $0! }
        }
        return concurrently(order.count, slot: { order[$0] }) { body(order[$0]) }
    }

    /// Two independent pieces of pure work at once, when there are two cores.
    public static func both<A, B>(_ a: () -> A, _ b: () -> B) -> (A, B) {
        guard cores > 1 else { return (a(), b()) }
        var first: A?
        var second: B?
        withUnsafeMutablePointer(to: &first) { first in
            withUnsafeMutablePointer(to: &second) { second in
                let slots = UncheckedSendable((first, second))
                withoutActuallyEscaping(a) { a in
                    withoutActuallyEscaping(b) { b in
                        let work = UncheckedSendable((a, b))
                        DispatchQueue.concurrentPerform(iterations: 2) { k in
                            if k == 0 {
                                slots.value.0.pointee = work.value.0()
                            } else {
                                slots.value.1.pointee = work.value.1()
                            }
                        }
                    }
                }
            }
        }
        return (first!, second!)
    }
}

/// Each part writes only its own slot and runs only pure work, joined before
/// the results are read: what the checker cannot see across threads.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
