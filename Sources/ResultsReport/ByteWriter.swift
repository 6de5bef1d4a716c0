#if canImport(Glibc)
import Glibc
#endif
import RaceModel

/// Report output built as bytes in one growing buffer: 50,000 rows of a
/// dozen fields each would otherwise cost a String (and often an allocation)
/// per field, and an array's uniqueness and capacity checks per byte.
final class ByteWriter {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 0) {
        self.capacity = max(capacity, 4096)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    @inline(__always) private func reserve(_ n: Int) {
        if count + n > capacity { grow(to: count + n) }
    }

    private func grow(to needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = size
    }

    func byte(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let from = buffer.baseAddress, buffer.count > 0 else { return }
        reserve(buffer.count)
        (base + count).update(from: from, count: buffer.count)
        count += buffer.count
    }

    func append(_ other: ByteWriter) {
        // Room first, then the source pointer: a writer appended to itself may have moved.
        let n = other.count
        reserve(n)
        (base + count).update(from: other.base, count: n)
        count += n
    }

    func ascii(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    func text(_ s: String) {
        var s = s
        s.withUTF8 { append($0) }
    }

    func int(_ value: Int) {
        withRoom(Cursor.maxDigits + 1) { $0.int(value) }
    }

    /// What `OfficialTime.format` writes, without building a String.
    func official(_ ms: Millis, _ precision: TimePrecision) {
        withRoom(Cursor.maxOfficial) { $0.official(ms, precision) }
    }

    /// Room for `n` bytes, written through a cursor held in registers. Bytes
    /// stored through the writer's own pointer made it load its count and
    /// base again after each one (the store might have changed them): a
    /// big race's CSV stores 10 MB a byte at a time.
    @inline(__always)
    func withRoom(_ n: Int, _ body: (inout Cursor) -> Void) {
        reserve(n)
        var cursor = Cursor(at: base + count)
        body(&cursor)
        count = base.distance(to: cursor.at)
    }

    /// Where the next byte goes, in room `withRoom` made.
    struct Cursor {
        /// Digits of the largest Int (and of the smallest, without its sign).
        static let maxDigits = 19
        /// A sign, the hours' digits, `:MM:SS` and a fraction of up to three characters.
        static let maxOfficial = 1 + maxDigits + 6 + 3

        var at: UnsafeMutablePointer<UInt8>

        @inline(__always) mutating func byte(_ b: UInt8) {
            at.pointee = b
            at += 1
        }

        @inline(__always) mutating func two(_ v: Int) {
            at[0] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v / 10)
            at[1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v % 10)
            at += 2
        }

        mutating func int(_ value: Int) {
            if value < 0 { byte(UInt8(ascii: "-")) }
            // The magnitude as unsigned: Int.min has none as an Int.
            var n = value.magnitude
            if n < 10 { return byte(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: n)) }
            var digits = 0
            while n > 0 {
                digits += 1
                n /= 10
            }
            n = value.magnitude
            for i in stride(from: digits - 1, through: 0, by: -1) {
                at[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: n % 10)
                n /= 10
            }
            at += digits
        }

        mutating func official(_ ms: Millis, _ precision: TimePrecision) {
            let value = OfficialTime.round(ms, precision)
            if value < 0 { byte(UInt8(ascii: "-")) }
            let a = abs(value)
            let seconds = a / 1000
            int(seconds / 3600)
            byte(UInt8(ascii: ":"))
            two((seconds / 60) % 60)
            byte(UInt8(ascii: ":"))
            two(seconds % 60)
            let fraction = a % 1000
            switch precision {
            case .seconds: break
            case .tenths:
                byte(UInt8(ascii: "."))
                byte(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction / 100))
            case .hundredths:
                byte(UInt8(ascii: "."))
                two(fraction / 10)
            }
        }
    }

    /// Writes every byte to `fd`, as many calls as it takes.
    func writeAll(to fd: Int32) throws(OutputWriteError) {
        try ResultsReport.writeAll(UnsafeRawBufferPointer(start: base, count: count), to: fd)
    }

    /// The bytes as text (they are always valid UTF-8: only whole strings go in).
    var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }
}
