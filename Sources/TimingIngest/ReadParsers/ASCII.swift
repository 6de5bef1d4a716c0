import RaceModel

/// Byte-level helpers for the read parsers, which work on raw UTF-8 bytes so
/// that a marathon's worth of lines costs no allocation beyond each read's code.
enum ASCII {
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let hash = UInt8(ascii: "#")
    static let comma = UInt8(ascii: ",")
    static let semicolon = UInt8(ascii: ";")
    static let tilde = UInt8(ascii: "~")
    static let colon = UInt8(ascii: ":")
    static let dot = UInt8(ascii: ".")
    static let dash = UInt8(ascii: "-")
    static let at = UInt8(ascii: "@")
    static let quote = UInt8(ascii: "\"")

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == space || b == tab }

    /// Value of a hex digit of either case, or -1.
    @inline(__always) static func hexValue(_ b: UInt8) -> Int {
        if b &- 0x30 < 10 { return Int(b &- 0x30) }
        let lower = b | 0x20
        if lower &- 0x61 < 6 { return Int(lower &- 0x61) + 10 }
        return -1
    }

    /// Value of `count` decimal digits starting at `start`, or -1 if any is not a digit.
    @inline(__always) static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int {
        var value = 0
        for i in start..<(start + count) {
            let d = bytes[i] &- 0x30
            if d >= 10 { return -1 }
            value = value * 10 + Int(d)
        }
        return value
    }

    /// Whole field as a non-negative decimal number; nil when empty, not all digits, or too long to be a count.
    static func unsignedInteger(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 18 else { return nil }
        let value = decimal(bytes, range.lowerBound, range.count)
        return value < 0 ? nil : value
    }

    /// Whether the field is `lowercase` (which must be lower-case letters) in any case.
    static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ lowercase: [UInt8])
        -> Bool
    {
        guard range.count == lowercase.count else { return false }
        for (i, expected) in zip(range, lowercase) where bytes[i] | 0x20 != expected { return false }
        return true
    }

    /// Whether the bytes start with `prefix`.
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8], from start: Int = 0) -> Bool {
        guard bytes.count - start >= prefix.count else { return false }
        for (i, expected) in prefix.enumerated() where bytes[start + i] != expected { return false }
        return true
    }

    /// Value of `count` hex digits starting at `start`, or -1 if any is not a hex digit.
    static func hex(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int {
        var value = 0
        for i in start..<(start + count) {
            let d = hexValue(bytes[i])
            if d < 0 { return -1 }
            value = value << 4 | d
        }
        return value
    }

    /// Low byte of the sum of the bytes: the check of IPICO and MYLAPS lines.
    static func byteSum(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var sum = 0
        for i in range { sum &+= Int(bytes[i]) }
        return sum & 0xFF
    }

    static func hex2(_ v: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[(v >> 4) & 0xF], digits[v & 0xF]])
    }

    /// A read's chip code or bib, with no String made for it.
    static func chip(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> ChipCode {
        ChipCode(line: UnsafeBufferPointer(rebasing: bytes[range]))
    }

    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Field text for an error message; long junk is cut so the message stays readable.
    static func quoted(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        "'\(cut(bytes, range))'"
    }

    /// The field, or its first 40 bytes and "…".
    static func cut(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let limit = 40
        if range.count <= limit { return string(bytes, range) }
        return string(bytes, range.lowerBound..<(range.lowerBound + limit)) + "…"
    }

    /// `byte` in each of a word's eight bytes.
    @inline(__always) static func spread(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// The high bit of each zero byte of `x` set, at least the lowest
    /// exactly (a borrow only flags bytes above a true one).
    @inline(__always) static func zeroBytes(_ x: UInt64) -> UInt64 {
        (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// Fields of a separated line, walked without building an array.
    struct Fields {
        let bytes: UnsafeBufferPointer<UInt8>
        let separator: UInt8
        private var position: Int

        init(_ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, from start: Int = 0) {
            self.bytes = bytes
            self.separator = separator
            self.position = start
        }

        mutating func next() -> Range<Int>? {
            let start = position
            guard start <= bytes.count else { return nil }
            var i = start
            // Eight bytes at a time: a byte at a time, splitting was most of a CTP01 line's parsing.
            if let base = bytes.baseAddress {
                let pattern = ASCII.spread(separator)
                while i + 8 <= bytes.count {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                    let hits = ASCII.zeroBytes(word ^ pattern)
                    if hits != 0 {
                        i += hits.trailingZeroBitCount / 8
                        position = i + 1
                        return start..<i
                    }
                    i += 8
                }
            }
            while i < bytes.count && bytes[i] != separator { i += 1 }
            position = i + 1
            return start..<i
        }

        /// The fields, counted up to `limit`: a check needing the first few
        /// stops there, not at the end of a line of twenty.
        static func count(
            _ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, from start: Int = 0, upTo limit: Int = .max
        ) -> Int {
            var n = 1
            var i = start
            while n < limit && i < bytes.count {
                if bytes[i] == separator { n &+= 1 }
                i &+= 1
            }
            return n
        }
    }
}
