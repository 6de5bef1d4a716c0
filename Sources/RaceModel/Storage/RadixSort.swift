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
        var to = [UInt64](repeating: 0, count: count)
        var shift: UInt64 = 0
        while shift < UInt64(bits) {
            var counts = [Int](repeating: 0, count: 2049)
            for v in from { counts[Int((v >> shift) & 2047) + 1] += 1 }
            for d in 1..<2049 { counts[d] += counts[d - 1] }
            for v in from {
                let d = Int((v >> shift) & 2047)
                to[counts[d]] = v
                counts[d] += 1
            }
            swap(&from, &to)
            shift += 11
        }
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
    var to = [UInt64](repeating: 0, count: count)
    var shift = UInt64(positionBits)
    let end = UInt64(positionBits + timeBits)
    while shift < end {
        var counts = [Int](repeating: 0, count: 2049)
        for v in from { counts[Int((v >> shift) & 2047) + 1] += 1 }
        for d in 1..<2049 { counts[d] += counts[d - 1] }
        for v in from {
            let d = Int((v >> shift) & 2047)
            to[counts[d]] = v
            counts[d] += 1
        }
        swap(&from, &to)
        shift += 11
    }
    let mask = positionBits == 64 ? UInt64.max : (UInt64(1) << UInt64(positionBits)) - 1
    return from.map { Int32(truncatingIfNeeded: $0 & mask) }
}
