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

    /// The parts `0..<count` is cut into, each a multiple of `alignment` long
    /// (but the last), so parts can be whole chunks of a `ChunkedArray`.
    public static func ranges(count: Int, alignment: Int = 1) -> [Range<Int>] {
        let parts = count < threshold ? 1 : cores
        guard parts > 1 else { return count > 0 ? [0..<count] : [] }
        var size = (count + parts - 1) / parts
        size = (size + alignment - 1) / alignment * alignment
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    /// Runs `body` on each part at once and returns the parts' results in order.
    /// Fork and join of pure work: the calling thread works on a part too.
    public static func map<T>(count: Int, alignment: Int = 1, _ body: (Range<Int>) -> T) -> [T] {
        let parts = ranges(count: count, alignment: alignment)
        guard parts.count > 1 else { return parts.map(body) }
        var results = [T?](repeating: nil, count: parts.count)
        results.withUnsafeMutableBufferPointer { out in
            let slots = UncheckedSendable(out)
            withoutActuallyEscaping(body) { body in
                let work = UncheckedSendable(body)
                DispatchQueue.concurrentPerform(iterations: parts.count) { k in
                    slots.value[k] = work.value(parts[k])
                }
            }
        }
        return results.map { $0! }
    }
}

/// Each part writes only its own slot and runs only pure work, joined before
/// the results are read: what the checker cannot see across threads.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
