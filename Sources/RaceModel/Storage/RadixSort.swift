extension Array where Element == Millis {
    /// Sorted ascending by an LSD radix sort on the offset from the least
    /// value, 11 bits a pass: a checkpoint's 50,000 splits in three passes
    /// over the array, where a comparison sort takes seventeen.
    func radixSorted() -> [Millis] {
        guard count > 256, let low = self.min(), let high = self.max() else { return sorted() }
        let span = UInt64(bitPattern: Int64(high &- low))
        guard span < 1 << 55 else { return sorted() }
        var bits = 0
        while bits < 64 && span >> UInt64(bits) != 0 { bits += 11 }
        var from = self.map { UInt64(bitPattern: Int64($0 &- low)) }
        radixSort(&from, bits: 0..<bits)
        return from.map { Millis(Int64(bitPattern: $0)) &+ low }
    }
}

/// Positions `0..<count` ordered by `time(position)`, equal times in
/// position order: what sorting (time, position) pairs gives, by an LSD radix
/// sort on the time bits of one packed key per position. A replay's first
/// step in time orders every read of the race (700,000 at 50,000 runners),
/// which a comparison sort took most of that step to do.
public func positionsByTime(count: Int, time: (Int) -> Millis) -> [Int32] {
    var low = Millis.max, high = Millis.min
    for i in 0..<count {
        let t = time(i)
        low = Swift.min(low, t)
        high = Swift.max(high, t)
    }
    var positionBits = 0
    while positionBits < 63 && count >> positionBits != 0 { positionBits += 1 }
    var timeBits = 0
    let span = count == 0 ? 0 : UInt64(bitPattern: Int64(high &- low))
    while timeBits < 64 && span >> UInt64(timeBits) != 0 { timeBits += 1 }
    guard count > 256, positionBits + timeBits <= 64 else {
        var pairs = (0..<count).map { (time($0), Int32($0)) }
        pairs.sort { $0 < $1 }
        return pairs.map { $0.1 }
    }
    // Time above, position below: keys already in position order, so each stable pass keeps ties so.
    var from = (0..<count).map { (UInt64(bitPattern: Int64(time($0) &- low)) << UInt64(positionBits)) | UInt64($0) }
    radixSort(&from, bits: positionBits..<(positionBits + timeBits))
    let mask = positionBits == 64 ? UInt64.max : (UInt64(1) << UInt64(positionBits)) - 1
    return from.map { Int32(truncatingIfNeeded: $0 & mask) }
}

/// Positions `0..<keys.count` in rank order: by key, equal keys by `tie`
/// (when given), then by position, as a comparison sort of (key, tie,
/// position) gives. An LSD radix sort of one packed word per position when
/// the parts, each taken from its least value, fit in 64 bits with the
/// position; nil otherwise (the caller sorts by comparison). Listing 50,000
/// runners this way takes a few passes over an array, not 800,000 comparisons.
public func rankOrder(_ keys: [RankKey], tie: [Int32]? = nil) -> [Int]? {
    let n = keys.count
    guard n > 256, tie.map({ $0.count == n }) ?? true else { return nil }
    func width(_ span: UInt64) -> Int {
        var bits = 0
        while bits < 64 && span >> UInt64(bits) != 0 { bits += 1 }
        return bits
    }
    func range(_ value: (Int) -> Int64) -> (low: Int64, bits: Int)? {
        var low = Int64.max, high = Int64.min
        for i in 0..<n {
            let v = value(i)
            low = Swift.min(low, v)
            high = Swift.max(high, v)
        }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        return overflow ? nil : (low, width(UInt64(span)))
    }
    guard let g = range({ Int64(keys[$0].group) }), let c = range({ Int64(keys[$0].checkpoint) }),
        let t = range({ Int64(keys[$0].time) }), let b = range({ Int64(tie?[$0] ?? 0) })
    else { return nil }
    let p = width(UInt64(n))
    guard g.bits + c.bits + t.bits + b.bits + p <= 64 else { return nil }
    var from = [UInt64](unsafeUninitializedCapacity: n) { buffer, made in
        for i in 0..<n {
            var word = UInt64(Int64(keys[i].group) - g.low)
            word = word << UInt64(c.bits) | UInt64(Int64(keys[i].checkpoint) - c.low)
            word = word << UInt64(t.bits) | UInt64(Int64(keys[i].time) - t.low)
            word = word << UInt64(b.bits) | UInt64(Int64(tie?[i] ?? 0) - b.low)
            buffer[i] = word << UInt64(p) | UInt64(i)
        }
        made = n
    }
    radixSort(&from, bits: p..<(p + g.bits + c.bits + t.bits + b.bits))
    let mask = (UInt64(1) << UInt64(p)) - 1
    return from.map { Int($0 & mask) }
}

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
