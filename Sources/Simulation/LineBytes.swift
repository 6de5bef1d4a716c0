/// A line assembled byte by byte: formatting a million read lines through
/// string interpolation would dominate the benchmark profile.
struct LineBytes {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(128) }

    mutating func reset() { bytes.removeAll(keepingCapacity: true) }

    mutating func add(_ s: String) { bytes.append(contentsOf: s.utf8) }

    mutating func add(byte: UInt8) { bytes.append(byte) }

    mutating func number(_ v: Int) {
        if v < 0 {
            bytes.append(UInt8(ascii: "-"))
            number(-v)
            return
        }
        if v >= 10 { number(v / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(v % 10))
    }

    mutating func digits(_ v: Int, width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = v
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8((rest / divisor) % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Two lowercase hex digits of `v & 0xff`.
    mutating func hex2(_ v: Int) {
        bytes.append(LineBytes.hexDigits[(v >> 4) & 0xF])
        bytes.append(LineBytes.hexDigits[v & 0xF])
    }

    /// `HH:MM:SS` then `fractionDigits` (0, 2 or 3) digits of the second.
    mutating func clock(_ ms: Int, fractionDigits: Int) {
        let s = ms / 1000
        digits(s / 3600, width: 2)
        add(byte: UInt8(ascii: ":"))
        digits((s / 60) % 60, width: 2)
        add(byte: UInt8(ascii: ":"))
        digits(s % 60, width: 2)
        switch fractionDigits {
        case 2:
            add(byte: UInt8(ascii: "."))
            digits((ms % 1000) / 10, width: 2)
        case 3:
            add(byte: UInt8(ascii: "."))
            digits(ms % 1000, width: 3)
        default: break
        }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
