import Testing

@testable import RaceModel

/// A chip code made from a line's bytes is the code of the same text as a
/// String: the same bytes, length, hash and equality, inline or not, ASCII
/// or not, valid UTF-8 or not.
@Suite struct ChipCodeTests {
    /// Bytes of a random code: digits and letters, now and then a byte of a
    /// multi-byte character or one that is no UTF-8 at all.
    static func randomCode(_ numbers: inout SeededNumbers, length: Int) -> [UInt8] {
        let alphabet = Array("0123456789abcdefABCDEF-_".utf8) + [0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xFF]
        return (0..<length).map { _ in
            let pick = Int(numbers.next(below: 100))
            return pick < 94 ? alphabet[pick % 24] : alphabet[24 + pick % 6]
        }
    }

    @Test func aCodeFromBytesIsTheCodeOfTheirText() {
        var numbers = SeededNumbers(seed: 21)
        for round in 0..<4_000 {
            let bytes = Self.randomCode(&numbers, length: round % (ChipCode.maxReadBytes + 1))
            let text = String(decoding: bytes, as: UTF8.self)
            let code = bytes.withUnsafeBufferPointer { ChipCode(line: $0) }
            #expect(code.count == text.utf8.count, "round \(round)")
            // Replaced bytes may make the text longer than a read's code may be: then only its length is kept.
            guard text.utf8.count <= ChipCode.maxReadBytes else { continue }
            #expect(code == ChipCode(text), "round \(round)")
            #expect(code.string == text, "round \(round)")
            #expect(code.hash == CodeTable.hash(text), "round \(round)")
            #expect(code.isEmpty == text.isEmpty, "round \(round)")
        }
    }

    @Test func codesOfDifferentTextDiffer() {
        var numbers = SeededNumbers(seed: 22)
        var seen: [String: ChipCode] = [:]
        for round in 0..<4_000 {
            let text = String(decoding: Self.randomCode(&numbers, length: 1 + round % 24), as: UTF8.self)
            let code = ChipCode(text)
            if let other = seen[text] { #expect(other == code) }
            seen[text] = code
        }
        let codes = Array(seen.values)
        #expect(Set(codes).count == seen.count)
    }

    /// A read line's code over the longest allowed keeps its length only, to be rejected for it.
    @Test func anOverlongReadCodeKeepsItsLengthAndNothingElse() {
        let bytes = [UInt8](repeating: UInt8(ascii: "7"), count: 300)
        let code = bytes.withUnsafeBufferPointer { ChipCode(line: $0) }
        #expect(code.count == 300)
        #expect(code.string == "")
        let fromText = ChipCode(String(repeating: "7", count: 300))
        #expect(fromText.count == 300 && fromText.string == String(repeating: "7", count: 300))
    }
}

/// The load copies reads as bytes, never moving them (`PartRoom`, `ReadLog(joining:)`):
/// right only while a read holds nothing counted or freed.
@Suite struct TimedReadLayoutTests {
    @Test func aReadIsFortyBytesOfPlainData() {
        #expect(_isPOD(TimedRead.self))
        #expect(MemoryLayout<TimedRead>.stride == 40)
        #expect(MemoryLayout<ChipCode>.size == 16)
    }
}
