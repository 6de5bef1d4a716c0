/// Chip codes and bibs to participant indices: an open-addressing table
/// hashed with FNV-1a over the UTF-8 bytes. Every read is looked up here,
/// hundreds of thousands of times for a big race, where the standard
/// dictionary's seeded SipHash was a tenth of the whole results run.
struct CodeTable: Sendable {
    private var keys: [String] = []
    private var values: [Int] = []
    /// Index into `keys` per slot; -1: empty.
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    static func hash(_ key: String) -> Int {
        // Over the bytes in place (a code is nearly always a small string held inline).
        key.utf8.withContiguousStorageIfAvailable(hash) ?? Array(key.utf8).withUnsafeBufferPointer(hash)
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    private func slot(of key: String) -> (slot: Int, found: Bool) {
        var i = Self.hash(key) & mask
        while true {
            let k = slots[i]
            if k < 0 { return (i, false) }
            if keys[Int(k)] == key { return (i, true) }
            i = (i + 1) & mask
        }
    }

    /// Sets or replaces the value of `key`.
    mutating func set(_ key: String, _ value: Int) {
        let (i, found) = slot(of: key)
        if found {
            values[Int(slots[i])] = value
            return
        }
        if keys.count * 2 >= slots.count { grow() }
        let (j, _) = slot(of: key)
        slots[j] = Int32(keys.count)
        keys.append(key)
        values.append(value)
    }

    subscript(key: String) -> Int? {
        let (i, found) = slot(of: key)
        return found ? values[Int(slots[i])] : nil
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for (k, key) in keys.enumerated() {
            var i = Self.hash(key) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(k)
        }
    }
}
