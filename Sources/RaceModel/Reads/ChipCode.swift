import Synchronization

/// A chip code or bib as a read gives it: up to 15 bytes held in the value
/// itself, with the length in the last byte; a longer one kept once in a
/// table for the process and named by its place there. Two words and
/// nothing to count or free: a big race's 700,000 reads each made a String
/// of their code, hashed it to find the runner and retained and released
/// it on every copy.
///
/// The bytes are those of the code as a String (`String(decoding:as:)`, so
/// bytes that are not UTF-8 are replaced as a String replaces them): a code
/// made from a line's bytes equals the one made from the same text.
public struct ChipCode: Hashable, Sendable, CustomStringConvertible {
    /// Bytes 0 to 7 of an inline code.
    private var low: UInt64
    /// Bytes 8 to 14 of an inline code, and its length in the top byte;
    /// `longMark` in the top byte: `low` is the place of the code in `LongCodes`.
    private var high: UInt64

    public static let inlineBytes = 15
    /// The longest code a read line may give (real ones are about a dozen bytes).
    public static let maxReadBytes = 64
    private static let longMark: UInt64 = 0xFF
    /// A read line's code longer than `maxReadBytes`, held as its length
    /// alone: it is rejected for its length, and junk is not kept for good.
    private static let overlongMark: UInt64 = 0xFE

    public static let empty = ChipCode(low: 0, high: 0)

    private init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// The code a read line gives in `bytes`; over `maxReadBytes` (as a
    /// String's bytes), only its length is kept.
    public init(line bytes: UnsafeBufferPointer<UInt8>) {
        if let code = Self.inlineASCII(bytes) {
            self = code
            return
        }
        func fromRead(_ valid: UnsafeBufferPointer<UInt8>) -> ChipCode {
            valid.count > Self.maxReadBytes
                ? ChipCode(low: UInt64(valid.count), high: Self.overlongMark << 56) : Self.make(validUTF8: valid)
        }
        if Self.isASCII(bytes) {
            self = fromRead(bytes)
        } else {
            // The bytes a String of them holds (invalid UTF-8 replaced).
            var text = String(decoding: bytes, as: UTF8.self)
            self = text.withUTF8(fromRead)
        }
    }

    /// The code of up to `inlineBytes` ASCII bytes, held inline; nil for
    /// any other bytes (longer, or not ASCII).
    public init?(inlineASCII bytes: UnsafeBufferPointer<UInt8>) {
        guard let code = Self.inlineASCII(bytes) else { return nil }
        self = code
    }

    public init(_ text: String) {
        var text = text
        self = text.withUTF8 { Self.make(validUTF8: $0) }
    }

    private static func make(validUTF8 bytes: UnsafeBufferPointer<UInt8>) -> ChipCode {
        guard bytes.count <= inlineBytes else {
            return ChipCode(low: UInt64(LongCodes.shared.place(of: bytes)), high: longMark << 56)
        }
        var code = ChipCode(low: 0, high: UInt64(bytes.count) << 56)
        withUnsafeMutableBytes(of: &code) { raw in
            if let base = bytes.baseAddress { raw.baseAddress!.copyMemory(from: base, byteCount: bytes.count) }
        }
        return code
    }

    /// A code of up to 15 ASCII bytes, read as words: nearly every code.
    @inline(__always)
    private static func inlineASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> ChipCode? {
        let n = bytes.count
        guard n <= inlineBytes, let p = bytes.baseAddress else { return n == 0 ? .empty : nil }
        let raw = UnsafeRawPointer(p)
        func word(_ at: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        func half(_ at: Int) -> UInt64 {
            UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
        }
        var low: UInt64 = 0
        var high: UInt64 = 0
        if n >= 8 {
            low = word(0)
            // Bytes 8..<n: the last eight, less those `low` holds.
            if n > 8 { high = word(n - 8) >> UInt64((16 - n) * 8) }
        } else if n >= 4 {
            low = half(0) | half(n - 4) << UInt64((n - 4) * 8)
        } else {
            for i in 0..<n { low |= UInt64(p[i]) << UInt64(8 * i) }
        }
        guard (low | high) & 0x8080_8080_8080_8080 == 0 else { return nil }
        return ChipCode(low: low, high: high | UInt64(n) << 56)
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var all: UInt8 = 0
        for byte in bytes { all |= byte }
        return all < 0x80
    }

    private var isInline: Bool { high >> 56 < Self.overlongMark }

    /// Length in bytes.
    public var count: Int {
        switch high >> 56 {
        case Self.longMark: return LongCodes.shared.withBytes(at: Int(low)) { $0.count }
        case Self.overlongMark: return Int(low)
        default: return Int(high >> 56)
        }
    }

    public var isEmpty: Bool { high == 0 && low == 0 }

    /// The code's bytes, in place for an inline code.
    /// An overlong read code has none: it is never matched, only rejected.
    public func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if high >> 56 == Self.overlongMark { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        guard isInline else { return LongCodes.shared.withBytes(at: Int(low), body) }
        var copy = self
        let count = Int(high >> 56)
        return withUnsafeBytes(of: &copy) { raw in
            body(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count))
        }
    }

    public var string: String { withBytes { String(decoding: $0, as: UTF8.self) } }

    public var description: String { string }

    /// `CodeTable.hash` of its bytes: the same as of the code as a String.
    /// An inline code of 4 bytes or more gives the two words the hash loads
    /// from its own words, without a copy of its bytes: every read's code is
    /// hashed to find its runner.
    public var hash: Int32 {
        let n = Int(high >> 56)
        guard n >= 4 && n <= Self.inlineBytes else { return withBytes(CodeTable.hash32) }
        guard n >= 8 else {
            return CodeTable.hash32(count: n, first: low & 0xFFFF_FFFF, last: low >> UInt64(8 * (n - 4)) & 0xFFFF_FFFF)
        }
        // Bytes n-8..<n: the end of `low`, then the start of `high` (its length byte shifts out).
        let last = n == 8 ? low : low >> UInt64(8 * (n - 8)) | high << UInt64(8 * (16 - n))
        return CodeTable.hash32(count: n, first: low, last: last)
    }
}

/// Codes longer than a `ChipCode` holds, each kept once for the life of the
/// process (a few in a race, if any: real codes are about a dozen bytes).
final class LongCodes: Sendable {
    static let shared = LongCodes()

    private struct Table {
        var codes: [[UInt8]] = []
        var places: [[UInt8]: Int] = [:]
    }
    private let table = Mutex(Table())

    func place(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let key = Array(bytes)
        return table.withLock { table in
            if let place = table.places[key] { return place }
            table.codes.append(key)
            table.places[key] = table.codes.count - 1
            return table.codes.count - 1
        }
    }

    func withBytes<T>(at place: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        let bytes = table.withLock { $0.codes[place] }
        return bytes.withUnsafeBufferPointer(body)
    }
}
