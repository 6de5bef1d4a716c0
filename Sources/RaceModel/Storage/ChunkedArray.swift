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

    @inlinable public mutating func append(_ element: Element) {
        if count & Self.chunkMask == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.chunkMask + 1)
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
        // Borrowed, not copied: reading one field of a timeline must not retain all its arrays.
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
        let moving = self[from]
        if from < to {
            for k in from..<to { self[k] = self[k + 1] }
        } else {
            for k in stride(from: from, to: to, by: -1) { self[k] = self[k - 1] }
        }
        self[to] = moving
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
}
