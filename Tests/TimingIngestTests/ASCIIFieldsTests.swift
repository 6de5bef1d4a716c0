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
}
