import Testing
import RaceModel
@testable import Simulation
@testable import TimingIngest

/// An IPICO line is read at once, before the chain of formats: for every
/// line, damaged or not, that gives what the chain gives.
@Suite struct IPICOShortcutTests {
    @Test func eachIPICOLookingLineIsReadAsTheChainReadsIt() {
        var random = FuzzRandom(seed: 31)
        let hex = Array("0123456789abcdefABCDEF")
        let damage: [Character] = [",", ";", "~", "@", " ", ":", ".", "g", "Z", "0", "\u{0}", "é"]
        func digit(below n: Int) -> String { String(random.below(n)) }
        var reads = 0
        for round in 0..<6_000 {
            let tto = round % 3 == 0 ? "0c0080" : ""
            let tag = String((0..<12).map { _ in hex[random.below(hex.count)] })
            let time = "0" + digit(below: 10) + digit(below: 6) + digit(below: 10) + digit(below: 6) + digit(below: 10)
            // Hundredths are written in hex.
            let hundredths = String(String(0x100 + random.below(100), radix: 16).dropFirst())
            var line =
                "aa" + ipicoChecksummed("0" + digit(below: 10) + tag + "0001" + "250406" + time + hundredths + tto)
            if round % 5 == 1 {
                // A control frame: a query, or the trigger with the reader's clock.
                line = "ab" + ipicoChecksummed(round % 2 == 0 ? "00ff2c" : "00082c2504060116274100")
            }
            var chars = Array(line)
            switch round % 4 {
            case 0: break
            case 1: chars[2 + random.below(chars.count - 2)] = damage[random.below(damage.count)]
            case 2: chars.removeLast(1 + random.below(4))
            default: chars.insert(damage[random.below(damage.count)], at: 2 + random.below(chars.count - 2))
            }
            let text = String(chars)
            let viaParser = ReadLineParser.parse(text)
            // The chain is given the line as the parser gives it: without blanks at either end.
            var trimmed = String(text.trimmingBlanks)
            let viaChain = trimmed.withUTF8 { ReadLineParser.chain($0) }
            #expect(viaParser == viaChain, "\(text)")
            if case .read = viaParser { reads += 1 }
        }
        #expect(reads > 1_000)
    }
}

extension String {
    fileprivate var trimmingBlanks: Substring {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return self[first...last]
    }
}

/// A RACE RESULT passing without `#P;` is read at once too, where the
/// formats before it cannot take it: for every line, damaged or not, that
/// gives what the chain gives.
@Suite struct RaceResultShortcutTests {
    @Test func eachPassingLookingLineIsReadAsTheChainReadsIt() {
        var random = FuzzRandom(seed: 32)
        let damage: [Character] = [",", ";", "~", "@", " ", ":", "-", ".", "A", "0", "\u{0}", "é"]
        func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(random.below(10))) }) }
        var reads = 0
        for round in 0..<6_000 {
            let date = round % 3 == 0 ? "0000-00-00" : "2025-09-\(10 + random.below(18))"
            let time =
                "0\(random.below(10)):\(random.below(6))\(random.below(10)):\(random.below(6))\(random.below(10)).\(digits(3))"
            var tail = ";;\(random.below(40));-\(random.below(90));3ed0;0;;;;;;;;KM15;1;\(random.below(9));D-4211"
            if round % 7 == 3 { tail = "" }
            // Now and then a field the formats before RACE RESULT look for: a name, a MYLAPS-like chip and time.
            if round % 11 == 5 { tail += ";Kim Il,Song@club" }
            if round % 13 == 6 { tail = ";" + digits(2) + ":" + digits(2) + ":" + digits(2) + "." + digits(3) + tail }
            let line = "\(1 + random.below(99_999));0580\(digits(8));\(date);\(time)\(tail)"
            var chars = Array(line)
            switch round % 4 {
            case 0: break
            case 1: chars[random.below(chars.count)] = damage[random.below(damage.count)]
            case 2: chars.removeLast(1 + random.below(min(20, chars.count - 1)))
            default: chars.insert(damage[random.below(damage.count)], at: random.below(chars.count))
            }
            var text = String(chars)
            let viaParser = ReadLineParser.parse(text)
            let viaChain = text.withUTF8 { ReadLineParser.chain($0) }
            // Blanks at either end are trimmed by the parser, not the chain: such lines are not compared.
            if text.first != " " && text.last != " " { #expect(viaParser == viaChain, "\(text)") }
            if case .read = viaParser { reads += 1 }
        }
        #expect(reads > 1_500)
    }
}
