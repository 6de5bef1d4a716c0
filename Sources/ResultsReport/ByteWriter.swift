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
        guard value >= 0 else {
            guard value != .min else { return text(String(value)) }
            byte(UInt8(ascii: "-"))
            return int(-value)
        }
        reserve(20)
        if value < 10 {
            base[count] = UInt8(ascii: "0") &+ UInt8(value)
            count += 1
            return
        }
        var digits = 0, n = value
        while n > 0 {
            digits += 1
            n /= 10
        }
        n = value
        for i in stride(from: count + digits - 1, through: count, by: -1) {
            base[i] = UInt8(ascii: "0") &+ UInt8(n % 10)
            n /= 10
        }
        count += digits
    }

    private func two(_ v: Int) {
        reserve(2)
        base[count] = UInt8(ascii: "0") &+ UInt8(v / 10)
        base[count + 1] = UInt8(ascii: "0") &+ UInt8(v % 10)
        count += 2
    }

    /// What `OfficialTime.format` writes, without building a String.
    func official(_ ms: Millis, _ precision: TimePrecision) {
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
            byte(UInt8(ascii: "0") &+ UInt8(fraction / 100))
        case .hundredths:
            byte(UInt8(ascii: "."))
            two(fraction / 10)
        }
    }

    /// Writes every byte to `fd`, as many calls as it takes; a closed pipe ends it.
    func writeAll(to fd: Int32) {
        var done = 0
        while done < count {
            let n = write(fd, base + done, count - done)
            if n > 0 {
                done += n
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }

    /// The bytes as text (they are always valid UTF-8: only whole strings go in).
    var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }
}
