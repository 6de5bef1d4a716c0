import Testing

@testable import RaceModel

/// Where carrying changed runners over one by one gives way to working the
/// field out again: a 128th of a big field, at least 64 runners.
@Suite struct WideChangeTests {
    @Test func aBigFieldIsWorkedOutAgainPastA128thOfIt() {
        #expect(!WideChange.isWide(changed: 390, field: 50_000))
        #expect(WideChange.isWide(changed: 391, field: 50_000))
        #expect(!WideChange.isWide(changed: 781, field: 100_000))
        #expect(WideChange.isWide(changed: 782, field: 100_000))
    }

    @Test func aSmallFieldCarriesUpTo64RunnersOverOneByOne() {
        #expect(!WideChange.isWide(changed: 64, field: 1_000))
        #expect(WideChange.isWide(changed: 65, field: 1_000))
        #expect(!WideChange.isWide(changed: 1, field: 3))
        #expect(WideChange.isWide(changed: 65, field: 65))
    }
}
