#if canImport(Glibc)
import Glibc
#endif
import Testing

@testable import RaceModel

@Suite struct HugePagesTests {
    let mib = 1 << 20

    @Test func onlyWholeHugePagesInsideTheRangeAreAdvised() {
        let two = HugePages.size
        // Starting on a boundary: every whole page up to the last boundary inside.
        #expect(HugePages.wholePages(from: 4 * two, bytes: 2 * two + 5) == (4 * two)..<(6 * two))
        // Starting past one: from the next boundary on.
        #expect(HugePages.wholePages(from: 4 * two + 4096, bytes: 3 * two) == (5 * two)..<(7 * two))
        // Exactly one page.
        #expect(HugePages.wholePages(from: two, bytes: two) == two..<(2 * two))
        // No whole page inside: nothing to advise.
        #expect(HugePages.wholePages(from: two + 4096, bytes: two) == nil)
        #expect(HugePages.wholePages(from: 4096, bytes: mib) == nil)
        #expect(HugePages.wholePages(from: two, bytes: 0) == nil)
    }

    @Test func aBigReservedArrayHoldsWhatIsWrittenToIt() {
        var numbers: [Int32] = [7]
        numbers.reserveHugeCapacity(3 * mib)
        #expect(numbers.capacity >= 3 * mib && numbers == [7])
        for i in 1..<(3 * mib) { numbers.append(Int32(truncatingIfNeeded: i)) }
        #expect(numbers.count == 3 * mib && numbers[0] == 7 && numbers[3 * mib - 1] == Int32(3 * mib - 1))
        // Small arrays are only reserved.
        var small: [UInt8] = []
        small.reserveHugeCapacity(10)
        #expect(small.capacity >= 10 && small.isEmpty)
    }

    @Test func aFilledArrayOfHugePagesHoldsItsValue() {
        let filled = [Int64].filled(-3, count: mib)
        #expect(filled.count == mib && filled.allSatisfy { $0 == -3 })
    }

    /// Only whole pages inside the range go back (and read as zeros after);
    /// the bytes around them keep what they held.
    @Test func givingPagesBackLeavesTheBytesAroundThem() {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 8 * page)
        defer { bytes.deallocate() }
        bytes.initialize(repeating: 1, count: 8 * page)
        let address = Int(bitPattern: bytes)
        // 100 bytes into the first whole page: that page is not whole in the range, the next two are.
        let firstWholeAddress: Int = (address + page - 1) / page * page
        let from: Int = firstWholeAddress - address + 100
        HugePages.giveBack(bytes + from, bytes: 3 * page)
        let firstGiven: Int = firstWholeAddress + page - address
        let given: Range<Int> = firstGiven..<(firstGiven + 2 * page)
        let held: Int = (0..<(8 * page)).filter { bytes[$0] == 1 }.count
        #expect(held == 8 * page - given.count)
        #expect(given.allSatisfy { bytes[$0] == 0 })
    }
}
