/// An array stored in fixed-size chunks. A copy shares every chunk, and a
/// write copies only the chunk it lands in: a live snapshot keeps the
/// previous one's 50,000 timelines and replaces a handful, instead of
/// copying all of them each time a read arrives. Inlinable, so other modules
/// get code specialized to the element instead of calls through its witness table.
public struct ChunkedArray<Element> {
    @usableFromInline static var chunkShift: Int { 9 }
    @usableFromInline static var chunkMask: Int { (1 << chunkShift) - 1 }

    @usableFromInline var chunks: [[Element]] = []
    @usableFromInline var storedCount = 0
    @inlinable public var count: Int { storedCount }

    @inlinable public init() {}

    @inlinable public init(_ elements: some Sequence<Element>) {
        for e in elements { append(e) }
    }

    /// Elements per chunk: parts built apart and joined must be whole chunks.
    @inlinable public static var chunkSize: Int { 1 << chunkShift }

    /// The parts one after another, each but the last a whole number of
    /// chunks long: their chunks are taken as they are, not copied.
    @inlinable public init(joining parts: [ChunkedArray]) {
        for part in parts {
            precondition(storedCount & Self.chunkMask == 0, "only the last part may end inside a chunk")
            chunks += part.chunks
            storedCount += part.storedCount
        }
    }

    /// `consuming`: a row is moved into its chunk. Borrowed, each of a seek's
    /// 50,000 rows was copied in (a retain of every array it holds) and the
    /// original then destroyed: 5% of a seek's samples, now under 3%.
    @inlinable public mutating func append(_ element: consuming Element) {
        if count & Self.chunkMask == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        storedCount += 1
    }
}

extension ChunkedArray: RandomAccessCollection, MutableCollection {
    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }
    @inlinable public func index(after i: Int) -> Int { i + 1 }
    @inlinable public func index(before i: Int) -> Int { i - 1 }

    @inlinable public subscript(position: Int) -> Element {
        // Yielded, not returned: reading one field of a timeline need not
        // retain all its arrays. Handed whole to a function, the element is
        // still copied first (`Array`'s getter lies underneath): for that,
        // `withElementPointer`.
        _read {
            precondition(position >= 0 && position < count, "index out of range")
            yield chunks[position >> Self.chunkShift][position & Self.chunkMask]
        }
        _modify {
            precondition(position >= 0 && position < count, "index out of range")
            yield &chunks[position >> Self.chunkShift][position & Self.chunkMask]
        }
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}

extension ChunkedArray: Equatable where Element: Equatable {
    @inlinable public static func == (a: ChunkedArray, b: ChunkedArray) -> Bool { a.elementsEqual(b) }
}

extension ChunkedArray: ExpressibleByArrayLiteral {
    @inlinable public init(arrayLiteral elements: Element...) { self.init(elements) }
}

extension ChunkedArray {
    /// Moves the element at `from` to `to`, shifting those between by one:
    /// only the chunks spanning the two positions are written (and copied if shared).
    @inlinable public mutating func move(from: Int, to: Int) {
        guard from != to else { return }
        precondition(from >= 0 && from < count && to >= 0 && to < count, "index out of range")
        // Elements are moved as memory, not copied: no retain or release per
        // element shifted (a row moving thousands of places in a seek).
        let step = from < to ? 1 : -1
        let carried = withSlot(from) { $0.move() }
        var hole = from
        while hole != to {
            // Shift the run between the hole and `to` inside the hole's chunk by one.
            let chunk = hole >> Self.chunkShift
            let edge =
                step > 0
                ? Swift.min(to, (chunk << Self.chunkShift) + Self.chunkMask) : Swift.max(to, chunk << Self.chunkShift)
            if edge != hole {
                let low = Swift.min(hole, edge), high = Swift.max(hole, edge)
                chunks[chunk].withUnsafeMutableBufferPointer { buffer in
                    let base = buffer.baseAddress!
                    let lo = low & Self.chunkMask, n = high - low
                    if step > 0 {
                        (base + lo).moveInitialize(from: base + lo + 1, count: n)
                    } else {
                        (base + lo + 1).moveInitialize(from: base + lo, count: n)
                    }
                }
                hole = edge
            }
            guard hole != to else { break }
            // Across a chunk boundary: the neighbour moves into the hole.
            let next = hole + step
            let moved = withSlot(next) { $0.move() }
            withSlot(hole) { $0.initialize(to: moved) }
            hole = next
        }
        withSlot(to) { $0.initialize(to: carried) }
    }

    /// The element's memory, for moves that leave it uninitialized in between.
    @inlinable mutating func withSlot<R>(_ i: Int, _ body: (UnsafeMutablePointer<Element>) -> R) -> R {
        chunks[i >> Self.chunkShift].withUnsafeMutableBufferPointer { body($0.baseAddress! + (i & Self.chunkMask)) }
    }
}

extension ChunkedArray {
    /// The element at `i` where it lies, for reading a few of its fields.
    /// Handed over as a value (the subscript's read, or a borrow of it), the
    /// element is copied first: a retain and a release of every reference it
    /// holds, where a field read through the pointer retains that field alone.
    @inlinable public func withElementPointer<R>(_ i: Int, _ body: (UnsafePointer<Element>) throws -> R) rethrows -> R {
        precondition(i >= 0 && i < count, "index out of range")
        return try chunks.withUnsafeBufferPointer { outer in
            try outer[inPlace: i >> Self.chunkShift].withUnsafeBufferPointer {
                try body($0.baseAddress! + (i & Self.chunkMask))
            }
        }
    }
}

extension ChunkedArray {
    /// Each chunk in order as a buffer, with the index of its first element:
    /// a pass over every element without a retain per access.
    @inlinable public func forEachChunk(_ body: (Int, UnsafeBufferPointer<Element>) throws -> Void) rethrows {
        for (c, chunk) in chunks.enumerated() {
            try chunk.withUnsafeBufferPointer { try body(c << Self.chunkShift, $0) }
        }
    }

    /// `forEachChunk` over the elements in `range` only: the pieces of the
    /// chunks it covers, each with the index of its first element.
    @inlinable public func forEachChunk(
        in range: Range<Int>, _ body: (Int, UnsafeBufferPointer<Element>) throws -> Void
    ) rethrows {
        guard !range.isEmpty else { return }
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range out of bounds")
        for c in (range.lowerBound >> Self.chunkShift)...((range.upperBound - 1) >> Self.chunkShift) {
            let first = c << Self.chunkShift
            let low = Swift.max(range.lowerBound, first) - first
            let high = Swift.min(range.upperBound, first + Self.chunkSize) - first
            try chunks[c].withUnsafeBufferPointer {
                try body(first + low, UnsafeBufferPointer(rebasing: $0[low..<high]))
            }
        }
    }
}

extension ChunkedArray {
    /// Reorders the elements so that position `i` holds what was at
    /// `order[i]` (`order` a permutation of the positions): moved as memory,
    /// cycle by cycle, not copied into a second array of them (a race's
    /// 50,000 rows put in standings order).
    @inlinable public mutating func permute(_ order: [Int]) {
        precondition(order.count == count, "a position for every element")
        let (shift, mask) = (Self.chunkShift, Self.chunkMask)
        withChunkBases { bases in
            @inline(__always) func slot(_ i: Int) -> UnsafeMutablePointer<Element> { bases[i >> shift] + (i & mask) }
            var placed = [Bool](repeating: false, count: order.count)
            for start in order.indices where !placed[start] {
                placed[start] = true
                guard order[start] != start else { continue }
                let carried = slot(start).move()
                var hole = start
                // The elements a few steps further along the cycle, fetched
                // ahead: each step reads one from anywhere in the array.
                var (look, cycleSeen) = (start, false)
                func lookFurther() {
                    guard !cycleSeen else { return }
                    look = order[look]
                    if look == start { cycleSeen = true } else { slot(look).prefetch() }
                }
                for _ in 0..<4 { lookFurther() }
                while true {
                    let next = order[hole]
                    if next == start {
                        slot(hole).initialize(to: carried)
                        break
                    }
                    lookFurther()
                    precondition(!placed[next], "order is not a permutation")
                    slot(hole).moveInitialize(from: slot(next), count: 1)
                    placed[next] = true
                    hole = next
                }
            }
        }
    }

    /// Each chunk in order as a mutable buffer, with the index of its first
    /// element: rows changed in place, none copied out and back (a copy
    /// retains every array a row holds).
    @inlinable public mutating func updateEachChunk(_ body: (Int, UnsafeMutableBufferPointer<Element>) -> Void) {
        for c in chunks.indices {
            chunks[c].withUnsafeMutableBufferPointer { body(c << Self.chunkShift, $0) }
        }
    }

    /// Every chunk's storage at once (each made unique first), for moves
    /// between chunks without a closure call per element.
    @inlinable mutating func withChunkBases(_ body: ([UnsafeMutablePointer<Element>]) -> Void) {
        chunks.withUnsafeMutableBufferPointer { outer in
            var bases: [UnsafeMutablePointer<Element>] = []
            bases.reserveCapacity(outer.count)
            // Nested so every chunk's pointer stays valid while `body` runs.
            func nest(_ c: Int) {
                guard c < outer.count else { return body(bases) }
                outer[c].withUnsafeMutableBufferPointer { chunk in
                    bases.append(chunk.baseAddress!)
                    nest(c + 1)
                }
            }
            nest(0)
        }
    }
}

extension ChunkedArray where Element: Sendable {
    /// Lets go of `array`, its chunks a run per core at once (its elements
    /// may be freed on any core, hence `Sendable`). A replay's
    /// seek replaces the whole field's timelines and rows: freeing them
    /// chunk after chunk (each element's arrays released and freed) was a
    /// tenth of the seek, the other core idle meanwhile. Chunks shared with
    /// another copy (a snapshot) are only let go of, as ever.
    public static func releaseInParallel(_ array: consuming ChunkedArray) {
        var chunks = array.chunks
        let count = array.count
        _ = consume array
        guard count >= ParallelParts.threshold else { return }
        chunks.withUnsafeMutableBufferPointer { buffer in
            let shared = UncheckedSendable(buffer)
            _ = ParallelParts.map(count: buffer.count, work: count) { range in
                for k in range { shared.value[k] = [] }
            }
        }
    }
}
