import RaceModel

/// Report output built as bytes: 50,000 rows of a dozen fields each would
/// otherwise cost a String (and often an allocation) per field.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func byte(_ b: UInt8) { bytes.append(b) }

    mutating func ascii(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func text(_ s: String) { bytes.append(contentsOf: s.utf8) }

    mutating func int(_ value: Int) {
        guard value >= 0 else {
            byte(UInt8(ascii: "-"))
            return int(-value)
        }
        if value < 10 { return byte(UInt8(ascii: "0") &+ UInt8(value)) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        )
        var n = value, count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            while n > 0 && count < 10 {
                d[count] = UInt8(ascii: "0") &+ UInt8(n % 10)
                n /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(d[i]) }
        }
        if n > 0 { text(String(value)) }  // more than ten digits: never a place or a time
    }

    private mutating func two(_ v: Int) {
        byte(UInt8(ascii: "0") &+ UInt8(v / 10))
        byte(UInt8(ascii: "0") &+ UInt8(v % 10))
    }

    /// What `OfficialTime.format` writes, without building a String.
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
            byte(UInt8(ascii: "0") &+ UInt8(fraction / 100))
        case .hundredths:
            byte(UInt8(ascii: "."))
            two(fraction / 10)
        }
    }

    /// The bytes as text (they are always valid UTF-8: only whole strings go in).
    var string: String { String(decoding: bytes, as: UTF8.self) }
}
