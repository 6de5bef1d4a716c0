import Testing
@testable import TimingIngest

@Suite struct ASCIIFieldsTests {
    /// Counted up to a limit, the fields are the whole count or the limit, whichever is less.
    @Test(arguments: ["", ";", "a", "a;b", ";;;", "1;2;3;4", "1;2;3;4;5;6;7;8;9;10;;", "ab;;cd;"])
    func aCountUpToALimitIsTheWholeCountCappedAtIt(line: String) {
        var text = line
        text.withUTF8 { bytes in
            let whole = ASCII.Fields.count(bytes, separator: ASCII.semicolon)
            #expect(whole == line.split(separator: ";", omittingEmptySubsequences: false).count)
            for limit in 1...12 {
                #expect(ASCII.Fields.count(bytes, separator: ASCII.semicolon, upTo: limit) == min(whole, limit))
            }
        }
    }

    /// Fields read eight bytes at a time are the fields a split gives:
    /// separators at every place of a word and across words, runs of them,
    /// none, at the start and at the end, beside bytes that differ from the
    /// separator by one bit or have their top bit set.
    @Test(arguments: [ASCII.tilde, ASCII.comma, ASCII.semicolon])
    func fieldsAreTheFieldsASplitGives(separator: UInt8) {
        var seed: UInt64 = 3
        let others: [UInt8] = [0x41, 0x30, separator ^ 1, separator ^ 0x80, separator &+ 1, 0xFF, 0x00]
        for _ in 0..<2_000 {
            let length = Int(seed >> 59) + Int((seed >> 40) & 31)
            var bytes: [UInt8] = []
            for _ in 0..<length {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append((seed >> 60) < 4 ? separator : others[Int((seed >> 33) % UInt64(others.count))])
            }
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let expected = bytes.split(separator: separator, omittingEmptySubsequences: false).map(Array.init)
            bytes.withUnsafeBufferPointer { b in
                var fields = ASCII.Fields(b, separator: separator)
                var got: [[UInt8]] = []
                while let range = fields.next() { got.append(Array(b[range])) }
                #expect(got == expected, "\(bytes)")
            }
        }
    }
}
