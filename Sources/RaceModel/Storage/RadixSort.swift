extension Array where Element == Millis {
    /// Sorted ascending by an LSD radix sort on the offset from the least
    /// value: a checkpoint's 50,000 splits in two passes over the array,
    /// where a comparison sort takes seventeen.
    func radixSorted() -> [Millis] { Self.sortedJoining([self]) }

    /// The times of `runs` one after another, sorted ascending, without the
    /// joined copy made first. Offsets from the least time that fit in 32
    /// bits (any span under 49 days) are sorted as such, up to 13 bits a pass:
    /// half the bytes moved, and a race's splits in two passes, not three.
    static func sortedJoining(_ runs: [[Millis]]) -> [Millis] {
        let count = runs.reduce(0) { $0 + $1.count }
        guard count > 256 else { return runs.flatMap { $0 }.sorted() }
        var low = Millis.max, high = Millis.min
        for run in runs {
            for t in run {
                low = Swift.min(low, t)
                high = Swift.max(high, t)
            }
        }
        let span = UInt64(bitPattern: Int64(high &- low))
        guard span <= UInt64(UInt32.max) else {
            guard span < 1 << 55 else { return runs.flatMap { $0 }.sorted() }
            var from = runs.flatMap { $0 }.map { UInt64(bitPattern: Int64($0 &- low)) }
            radixSort(&from, bits: 0..<bitWidth(span))
            return from.map { Millis(Int64(bitPattern: $0)) &+ low }
        }
        var offsets = [UInt32](unsafeUninitializedCapacity: count) { out, filled in
            for run in runs {
                for t in run {
                    out[filled] = UInt32(truncatingIfNeeded: t &- low)
                    filled += 1
                }
            }
        }
        let bits = bitWidth(span)
        let passes = (bits + 12) / 13
        radixSort(&offsets, bits: 0..<bits, digitBits: passes == 0 ? 1 : (bits + passes - 1) / passes)
        return [Millis](unsafeUninitializedCapacity: count) { out, filled in
            offsets.withUnsafeBufferPointer { offsets in
                for i in 0..<count { out[i] = Millis(offsets[i]) &+ low }
            }
            filled = count
        }
    }
}

/// Positions `0..<count` ordered by `time(position)`, equal times in
/// position order: what sorting (time, position) pairs gives. A replay's
/// first step in time orders every read of the race (700,000 at 50,000
/// runners), which a comparison sort took most of that step to do.
public func positionsByTime(count: Int, time: (Int) -> Millis) -> [Int32] {
    let packed = withoutActuallyEscaping(time) { time in packedOrder(count: count, parts: [{ Int64(time($0)) }]) }
    if let packed { return packed.map { Int32($0) } }
    var pairs = (0..<count).map { (time($0), Int32($0)) }
    pairs.sort { $0 < $1 }
    return pairs.map { $0.1 }
}

/// Positions `0..<keys.count` in rank order: by key, equal keys by `tie`
/// (when given), then by position, as a comparison sort of (key, tie,
/// position) gives; nil where `packedOrder` is (the caller sorts by
/// comparison). Listing 50,000 runners this way takes a few passes over an
/// array, not 800,000 comparisons.
public func rankOrder(_ keys: [RankKey], tie: [Int32]? = nil) -> [Int]? {
    guard tie.map({ $0.count == keys.count }) ?? true else { return nil }
    var parts: [(Int) -> Int64] = [
        { Int64(keys[$0].group) }, { Int64(keys[$0].checkpoint) }, { Int64(keys[$0].time) },
    ]
    if let tie { parts.append { Int64(tie[$0]) } }
    return packedOrder(count: keys.count, parts: parts)
}

/// Positions `0..<count` ordered by the key `parts` (most significant
/// first), then by position, by an LSD radix sort of one word per position:
/// each part taken from its least value, above the position. Nil for a few
/// hundred positions or fewer, or when the parts and the position do not fit
/// in 64 bits.
func packedOrder(count: Int, parts: [(Int) -> Int64]) -> [Int]? {
    guard count > 256 else { return nil }
    var ranges: [(low: Int64, bits: Int)] = []
    for part in parts {
        var low = Int64.max, high = Int64.min
        for i in 0..<count {
            let v = part(i)
            low = Swift.min(low, v)
            high = Swift.max(high, v)
        }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        guard !overflow else { return nil }
        ranges.append((low, bitWidth(UInt64(span))))
    }
    let positionBits = bitWidth(UInt64(count))
    let keyBits = ranges.reduce(0) { $0 + $1.bits }
    guard positionBits + keyBits <= 64 else { return nil }
    var words = [UInt64](repeating: 0, count: count)
    for (part, range) in zip(parts, ranges) {
        for i in 0..<count { words[i] = words[i] << UInt64(range.bits) | UInt64(part(i) - range.low) }
    }
    // Position below the key: the words start in position order, and each stable pass keeps ties so.
    for i in 0..<count { words[i] = words[i] << UInt64(positionBits) | UInt64(i) }
    radixSort(&words, bits: positionBits..<(positionBits + keyBits))
    let mask = (UInt64(1) << UInt64(positionBits)) - 1
    return words.map { Int($0 & mask) }
}

/// Bits needed to hold `value`.
func bitWidth(_ value: UInt64) -> Int { UInt64.bitWidth - value.leadingZeroBitCount }

/// `words` ordered by their `bits` alone, stably (words equal there keep
/// their order), `digitBits` a pass: LSD radix, each pass a count and a
/// scatter, through the buffers (no uniqueness or bounds check per word).
func radixSort<Word: FixedWidthInteger & UnsignedInteger>(
    _ words: inout [Word], bits: Range<Int>, digitBits: Int = 11
) {
    guard !bits.isEmpty, words.count > 1 else { return }
    var to = [Word](repeating: 0, count: words.count)
    var counts = [Int](repeating: 0, count: (1 << digitBits) + 1)
    var shift = bits.lowerBound
    while shift < bits.upperBound {
        let width = Swift.min(digitBits, bits.upperBound - shift)
        let mask = (Word(1) << Word(width)) - 1
        let s = Word(shift)
        words.withUnsafeBufferPointer { from in
            to.withUnsafeMutableBufferPointer { to in
                counts.withUnsafeMutableBufferPointer { counts in
                    for d in 0...(1 << width) { counts[d] = 0 }
                    for v in from { counts[Int((v >> s) & mask) + 1] += 1 }
                    for d in 1...(1 << width) { counts[d] += counts[d - 1] }
                    for v in from {
                        let d = Int((v >> s) & mask)
                        to[counts[d]] = v
                        counts[d] += 1
                    }
                }
            }
        }
        swap(&words, &to)
        shift += width
    }
}
