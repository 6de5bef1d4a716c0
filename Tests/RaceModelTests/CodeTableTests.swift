import Testing

@testable import RaceModel

/// The code table against a dictionary, through its growth: short codes held
/// inline and long ones on the heap, set, replaced and set only when absent.
@Suite struct CodeTableTests {
    @Test func itAnswersAsADictionaryWould() {
        var numbers = SeededNumbers(seed: 5)
        var table = CodeTable(capacity: 4)
        var model: [String: Int] = [:]
        for step in 0..<6_000 {
            let n = Int(numbers.next(below: 2_000))
            // Every third code longer than a string holds inline.
            let code = n % 3 == 0 ? "long-chip-code-number-\(n)" : "\(n)"
            if step % 2 == 0 {
                table.set(code, step)
                model[code] = step
            } else {
                let before = table.value(of: code, orSet: step)
                #expect(before == model[code], "step \(step)")
                if model[code] == nil { model[code] = step }
            }
        }
        #expect(table.count == model.count)
        for (code, value) in model { #expect(table[code] == value) }
        #expect(table["never-set"] == nil && table[""] == nil)
        var seen: [String: Int] = [:]
        table.forEach { seen[$0] = $1 }
        #expect(seen == model)
    }

    /// The hash reads a key by words that may overlap: every byte of a key of
    /// any length must still move it, and a String and its bytes must agree.
    /// A table made in another's memory: the same memory, emptied, and as
    /// good as a new one, through its growth; of another size, a new one.
    @Test func aTableMadeInAnothersMemoryIsEmptyAndAnswersAsANewOneDoes() {
        var old = CodeTable(capacity: 1_000)
        for n in 0..<1_000 { old.set("chip-\(n)", n) }
        let memory = old.storage
        var table = CodeTable(capacity: 1_000, reusing: consume old)
        #expect(table.storage == memory)
        #expect(table.count == 0 && table["chip-5"] == nil)
        var fresh = CodeTable(capacity: 1_000)
        for n in 0..<1_500 {
            table.set("bib-\(n)", n)
            fresh.set("bib-\(n)", n)
        }
        var made: [String: Int] = [:]
        table.forEach { made[$0] = $1 }
        var new: [String: Int] = [:]
        fresh.forEach { new[$0] = $1 }
        #expect(made == new && made.count == 1_500)
        let other = CodeTable(capacity: 10, reusing: CodeTable(capacity: 1_000))
        #expect(other.count == 0 && other["chip-5"] == nil)
    }

    @Test func everyByteOfAKeyOfAnyLengthMovesItsHash() {
        for length in 0...40 {
            let key = (0..<length).map { UInt8(ascii: "0") + UInt8($0 % 10) }
            let hash = key.withUnsafeBufferPointer(CodeTable.hash)
            #expect(CodeTable.hash(String(decoding: key, as: UTF8.self)) == Int32(truncatingIfNeeded: hash))
            for position in 0..<length {
                var changed = key
                changed[position] ^= 0x01
                #expect(changed.withUnsafeBufferPointer(CodeTable.hash) != hash, "length \(length), byte \(position)")
            }
            // A key and the same key one byte longer (a zero byte added) differ too.
            #expect((key + [0]).withUnsafeBufferPointer(CodeTable.hash) != hash, "length \(length)")
        }
    }

    /// 50,000 twelve-digit chip codes of one prefix, as a big race has them:
    /// spread over the low bits the table masks, with no bucket crowded.
    @Test func chipCodesOfOnePrefixSpreadOverTheTable() {
        let mask = (1 << 17) - 1
        var buckets = [Int](repeating: 0, count: mask + 1)
        for n in 0..<50_000 {
            let code = "0580" + String(100_000_000 + n * 37).suffix(8)
            buckets[Int(CodeTable.hash(code)) & mask] += 1
        }
        #expect(buckets.max()! <= 6)
        #expect(buckets.filter { $0 > 0 }.count > 40_000)
    }
}
