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
