/// An array stored in fixed-size chunks. A copy shares every chunk, and a
/// write copies only the chunk it lands in: a live snapshot keeps the
/// previous one's 50,000 timelines and replaces a handful, instead of
/// copying all of them each time a read arrives.
public struct ChunkedArray<Element> {
    static var chunkShift: Int { 9 }
    static var chunkSize: Int { 1 << chunkShift }

    private var chunks: [[Element]] = []
    public private(set) var count = 0

    public init() {}

    public init(_ elements: some Sequence<Element>) {
        for e in elements { append(e) }
    }

    public mutating func append(_ element: Element) {
        if count & (Self.chunkSize - 1) == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }
}

extension ChunkedArray: RandomAccessCollection, MutableCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public func index(after i: Int) -> Int { i + 1 }
    public func index(before i: Int) -> Int { i - 1 }

    public subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < count, "index out of range")
            return chunks[position >> Self.chunkShift][position & (Self.chunkSize - 1)]
        }
        _modify {
            precondition(position >= 0 && position < count, "index out of range")
            yield &chunks[position >> Self.chunkShift][position & (Self.chunkSize - 1)]
        }
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}

extension ChunkedArray: Equatable where Element: Equatable {
    public static func == (a: ChunkedArray, b: ChunkedArray) -> Bool { a.elementsEqual(b) }
}

extension ChunkedArray: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) { self.init(elements) }
}
