import Testing
@testable import TimingIngest

@Suite struct ClockFieldTests {
    @Test(arguments: [
        ("08:00:01.21", ClockField.Parsed.time(28_801_210)), ("8:00:01", .time(28_801_000)),
        ("23:59:59.999", .time(86_399_999)), ("24:00:00", .outOfRange), ("08:60:00", .outOfRange),
        ("08:00:01.", .malformed), ("080:00:01", .malformed), ("08:0a:01", .malformed), ("", .malformed),
    ])
    func readsTheFormsDecodersWrite(text: String, expected: ClockField.Parsed) {
        var text = text
        #expect(text.withUTF8 { ClockField.parse($0, 0..<$0.count) } == expected)
    }
}
