import Synchronization

/// Chip codes and bibs to integers (participant indices, line numbers): an
/// open-addressing table hashed over the UTF-8 bytes a word at a time. Every read
/// of a big race is looked up here, hundreds of thousands of times, where the
/// standard dictionary's seeded SipHash was a tenth of the whole results run.
/// Each slot holds its key and value together, so a lookup touches one place
/// in memory, not a slot, then a key, then a value.
public struct CodeTable: Sendable {
    /// 24 bytes: a code of up to 15 bytes is held in the key itself, and a
    /// key is compared as two words.
    struct Slot: Sendable {
        var key: ChipCode
        var value: Int32
        /// Hash of the key; `Int32.min`: the slot is empty.
        var hash: Int32
    }
    private var slots: [Slot]
    private var mask: Int
    public private(set) var count = 0

    public init(capacity: Int) {
        self.init(capacity: capacity, reusing: nil)
    }

    /// An empty table, in `old`'s memory when it is the size this capacity
    /// needs: emptied in place, its pages are already the process's, where
    /// a fresh table's 3 MB at 50,000 runners were faulted in and zeroed
    /// first (on a busy host, most of the time of making the table).
    public init(capacity: Int, reusing old: consuming CodeTable?) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        mask = size - 1
        // Taken out whole, so the slots are this table's alone and emptied in place, not copied.
        var spare = (consume old)?.slots ?? []
        if spare.count == size {
            spare.withUnsafeMutableBufferPointer { $0.update(repeating: Self.emptySlot) }
            slots = spare
        } else {
            slots = Self.empty(size)
        }
    }

    /// Where the slots lie: a table made in another's memory lies where it did.
    var storage: UnsafeRawPointer? {
        slots.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    private static let emptySlot = Slot(key: .empty, value: 0, hash: .min)

    private static func empty(_ size: Int) -> [Slot] {
        .filled(emptySlot, count: size)
    }

    public static func hash(_ key: String) -> Int32 {
        // Over the bytes in place (a code is nearly always a small string held inline): as `ChipCode.hash`.
        key.utf8.withContiguousStorageIfAvailable(hash32) ?? Array(key.utf8).withUnsafeBufferPointer(hash32)
    }

    /// `hash`, folded to the 32 bits a slot keeps (never `Int32.min`, the empty slot's).
    static func hash32(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 { slotHash(hash(bytes)) }

    /// Words, not bytes: a chip code of 12 bytes was 12 dependent multiplies
    /// a byte at a time. Up to 16 bytes are two loads that may overlap (both
    /// ends of the key), with the length mixed in so no two keys of different
    /// lengths share them; a longer key is taken 16 bytes at a time.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let n = bytes.count
        var h = seed(n)
        guard let base = bytes.baseAddress, n > 0 else { return fold(h) }
        let raw = UnsafeRawPointer(base)
        func word(_ offset: Int) -> UInt64 {
            UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }
        func half(_ offset: Int) -> UInt64 {
            UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        }
        var offset = 0
        while n - offset > 16 {
            h = mix(word(offset) ^ h, word(offset + 8) ^ 0xe703_7ed1_a0b4_28db)
            offset += 16
        }
        let rest = n - offset
        let (a, b): (UInt64, UInt64)
        if rest >= 8 {
            (a, b) = (word(offset), word(n - 8))
        } else if rest >= 4 {
            (a, b) = (half(offset), half(n - 4))
        } else {
            a = UInt64(base[offset]) << 16 | UInt64(base[offset + rest / 2]) << 8 | UInt64(base[n - 1])
            b = 0
        }
        return finish(a, b, h)
    }

    /// `hash32` of a key of 4 to 16 bytes, from the two words `hash` loads of it
    /// (`ChipCode.hash` has them in hand).
    @inline(__always)
    static func hash32(count n: Int, first a: UInt64, last b: UInt64) -> Int32 { slotHash(finish(a, b, seed(n))) }

    /// The length mixed in before any byte, so no two keys of different lengths share a hash.
    @inline(__always)
    private static func seed(_ n: Int) -> UInt64 { UInt64(truncatingIfNeeded: n) &* 0x9e37_79b9_7f4a_7c15 }

    /// The last two words of a key (`a`, `b`) mixed into `h`.
    @inline(__always)
    private static func finish(_ a: UInt64, _ b: UInt64, _ h: UInt64) -> Int {
        fold(mix(a ^ h ^ 0xa076_1d64_78bd_642f, b ^ 0xe703_7ed1_a0b4_28db))
    }

    /// A hash folded to the 32 bits a slot keeps (never `Int32.min`, the empty slot's).
    @inline(__always)
    private static func slotHash(_ h: Int) -> Int32 {
        let folded = Int32(truncatingIfNeeded: h)
        return folded == .min ? 0 : folded
    }

    /// The two halves of the full product, folded: every input bit reaches the low bits the table masks.
    @inline(__always)
    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    @inline(__always)
    private static func fold(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h ^ (h >> 29)) }

    /// The slot holding `key`, or the empty slot where it would go.
    private func slot(of key: ChipCode, hash: Int32) -> (slot: Int, found: Bool) {
        withLookup { $0.slot(of: key, hash: hash) }
    }

    /// The table read in place for a run of lookups. Nothing is retained per
    /// lookup: the cores matching a big race's reads against one table at
    /// once fought over its storage's reference count.
    struct Lookup {
        fileprivate let slots: UnsafeBufferPointer<Slot>
        fileprivate let mask: Int
        fileprivate let count: Int

        fileprivate func slot(of key: ChipCode, hash: Int32) -> (slot: Int, found: Bool) {
            var i = Int(hash) & mask
            while true {
                let h = slots[inPlace: i].hash
                if h == .min { return (i, false) }
                if h == hash && slots[inPlace: i].key == key { return (i, true) }
                i = (i + 1) & mask
            }
        }

        subscript(key: String) -> Int? {
            self[ChipCode(key)]
        }

        subscript(key: ChipCode) -> Int? {
            self[key, hash: key.hash]
        }

        /// `hash`: `key.hash`, when the caller has it already.
        subscript(key: ChipCode, hash hash: Int32) -> Int? {
            let (i, found) = slot(of: key, hash: hash)
            return found ? Int(slots[inPlace: i].value) : nil
        }

        /// Asks for the memory where a key of this hash is looked for, so a
        /// run of lookups waits on memory once, not once each.
        func prefetch(hash: Int32) {
            slots.prefetch(Int(hash) & mask)
        }

        var isEmpty: Bool { count == 0 }
    }

    /// Tables handed from the work that made them to the work that will
    /// make the next ones of their size (`init(capacity:reusing:)`): the
    /// participant list's repeat checks to the directory's tables, in one load.
    public final class Spares: Sendable {
        private let tables = Mutex<[CodeTable]>([])

        public init() {}

        public func keep(_ table: CodeTable) {
            tables.withLock { $0.append(table) }
        }

        /// One of the tables kept, if any is left.
        public func take() -> CodeTable? {
            tables.withLock { $0.popLast() }
        }
    }

    func withLookup<T>(_ body: (Lookup) -> T) -> T {
        slots.withUnsafeBufferPointer { body(Lookup(slots: $0, mask: mask, count: count)) }
    }

    /// Sets or replaces the value of `key`.
    public mutating func set(_ key: String, _ value: Int) {
        let code = ChipCode(key)
        set(code, value, hash: code.hash)
    }

    /// The same with `hash`: `key.hash`, computed ahead to prefetch its slot.
    mutating func set(_ key: ChipCode, _ value: Int, hash: Int32) {
        if let i = insertIfAbsent(key, value, hash: hash) { slots[i].value = Int32(value) }
    }

    /// The slot already holding `key`, or nil once `key` is put in with `value`.
    private mutating func insertIfAbsent(_ key: ChipCode, _ value: Int, hash h: Int32) -> Int? {
        var (i, found) = slot(of: key, hash: h)
        if found { return i }
        if (count + 1) * 2 > slots.count {
            grow()
            i = slot(of: key, hash: h).slot
        }
        slots[i] = Slot(key: key, value: Int32(value), hash: h)
        count += 1
        return nil
    }

    public subscript(key: String) -> Int? {
        withLookup { $0[key] }
    }

    /// The value of `key` if it has one; else `key` is set to `value` and
    /// nil is returned. One search, where a lookup and then a set took two
    /// (a loader checking 50,000 bibs for repeats misses the cache on each).
    public mutating func value(of key: String, orSet value: Int) -> Int? {
        let code = ChipCode(key)
        return self.value(of: code, hash: code.hash, orSet: value)
    }

    /// The same with `hash`: `key.hash`, computed ahead to prefetch its slot.
    public mutating func value(of key: ChipCode, hash: Int32, orSet value: Int) -> Int? {
        insertIfAbsent(key, value, hash: hash).map { Int(slots[$0].value) }
    }

    /// The value of `key` (whose `hash` is `key.hash`), if it has one.
    public func value(of key: ChipCode, hash: Int32) -> Int? {
        withLookup { $0[key, hash: hash] }
    }

    /// Fetches early where a key of `hash` goes (`Lookup.prefetch(hash:)`).
    public func prefetch(hash: Int32) {
        withLookup { $0.prefetch(hash: hash) }
    }

    /// Every key with its value, in no particular order.
    public func forEach(_ body: (String, Int) -> Void) {
        for slot in slots where slot.hash != .min { body(slot.key.string, Int(slot.value)) }
    }

    private mutating func grow() {
        let old = slots
        slots = Self.empty(old.count * 2)
        mask = slots.count - 1
        for entry in old where entry.hash != .min {
            var i = Int(entry.hash) & mask
            while slots[i].hash != .min { i = (i + 1) & mask }
            slots[i] = entry
        }
    }
}
