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
}
