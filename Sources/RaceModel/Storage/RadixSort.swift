extension Array where Element == Millis {
    /// Sorted ascending by an LSD radix sort on the offset from the least
    /// value, 11 bits a pass: a checkpoint's 50,000 splits in three passes
    /// over the array, where a comparison sort takes seventeen.
    func radixSorted() -> [Millis] {
        guard count > 256, let low = self.min(), let high = self.max() else { return sorted() }
        let span = UInt64(bitPattern: Int64(high &- low))
        guard span < 1 << 55 else { return sorted() }
        var from = self.map { UInt64(bitPattern: Int64($0 &- low)) }
        radixSort(&from, bits: 0..<bitWidth(span))
        return from.map { Millis(Int64(bitPattern: $0)) &+ low }
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
/// their order), 11 bits a pass: LSD radix, each pass a count and a scatter.
func radixSort(_ words: inout [UInt64], bits: Range<Int>) {
    var to = [UInt64](repeating: 0, count: words.count)
    var shift = UInt64(bits.lowerBound)
    let end = UInt64(bits.upperBound)
    while shift < end {
        let digitBits = Swift.min(UInt64(11), end - shift)
        let digitMask = (UInt64(1) << digitBits) - 1
        var counts = [Int](repeating: 0, count: Int(digitMask) + 2)
        for v in words { counts[Int((v >> shift) & digitMask) + 1] += 1 }
        for d in 1..<counts.count { counts[d] += counts[d - 1] }
        for v in words {
            let d = Int((v >> shift) & digitMask)
            to[counts[d]] = v
            counts[d] += 1
        }
        swap(&words, &to)
        shift += digitBits
    }
}
