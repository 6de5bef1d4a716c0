import Testing
import RaceModel
import Simulation
@testable import TimingIngest

/// Builds an IPICO record with a correct checksum, so each test can break one field at a time.
private func ipico(
    reader: String = "00", tag: String = "058000128608", fields: String = "0001",
    date: String = "260306", time: String = "202747", hundredths: String = "23",
    tto: String = "", suffix: String = ""
) -> String {
    "aa" + ipicoChecksummed(reader + tag + fields + date + time + hundredths + tto) + suffix
}

/// An IPICO frame's body after its `aa` or `ab`, with the low byte of its sum in two hex digits after it.
func ipicoChecksummed(_ body: String) -> String {
    let hex = String(body.utf8.reduce(0) { ($0 + Int($1)) % 256 }, radix: 16)
    return body + (hex.count == 1 ? "0" + hex : hex)
}

@Suite struct IPICOParserTests {
    @Test func decodesTheSpecificationExample() {
        let parsed = ReadLineParser.parse("aa0005800012860800012603062027472353")
        let expected = RawRead(
            code: "058000128608", date: CivilDate(year: 2026, month: 3, day: 6),
            timeOfDay: ((20 * 60 + 27) * 60 + 47) * 1000 + 350, sequence: nil, format: .ipico)
        #expect(parsed == .read(expected))
    }

    /// Found by the IPICO shortcut's fuzz: the trigger's clock was read past the end of a query frame.
    @Test func aTriggerQueryIsAControlLineNotAGunWithNoClock() {
        #expect(ReadLineParser.parse("ab" + ipicoChecksummed("00ff2c")) == .control)
    }

    @Test func helperReproducesTheExample() {
        #expect(ipico() == "aa0005800012860800012603062027472353")
    }

    @Test func hundredthsAreHex() throws {
        // 0x63 = 99 hundredths, the largest allowed.
        guard case .read(let read) = ReadLineParser.parse(ipico(time: "000000", hundredths: "63")) else {
            Issue.record("not a read")
            return
        }
        #expect(read.timeOfDay == 990)
        guard case .read(let ten) = ReadLineParser.parse(ipico(time: "000001", hundredths: "0a")) else {
            Issue.record("not a read")
            return
        }
        #expect(ten.timeOfDay == 1100)
    }

    @Test(arguments: [
        ("060080", SeenEdge.first), ("060060", .last), ("0c0000", nil), ("0600c0", nil), ("060081", .first),
    ])
    func fortyTwoCharacterReadsCarryFirstOrLastSeen(_ tto: String, _ edge: SeenEdge?) throws {
        let line = ipico(tag: "0000000000ff", tto: tto)
        #expect(line.count == 42)
        let parsed = ReadLineParser.parse(line)
        guard case .read(let read) = parsed else {
            Issue.record("got \(parsed)")
            return
        }
        #expect(read.code == "0000000000ff")
        #expect(read.edge == edge)
        #expect(read.timeOfDay == ((20 * 60 + 27) * 60 + 47) * 1000 + 350)
    }

    @Test func realFortyTwoCharacterReadsChecksumCoversTheTTOBytes() {
        // From an IPICO reader with first/last seen on: first seen, then last seen.
        let first = ReadLineParser.parse("aa00058000123b3200012603081222022f060080cd")
        let last = ReadLineParser.parse("aa00058000123b3200042603081222022f060060ce")
        let time = ((12 * 60 + 22) * 60 + 2) * 1000 + 470
        let date = CivilDate(year: 2026, month: 3, day: 8)
        #expect(
            first == .read(RawRead(code: "058000123b32", date: date, timeOfDay: time, format: .ipico, edge: .first)))
        #expect(last == .read(RawRead(code: "058000123b32", date: date, timeOfDay: time, format: .ipico, edge: .last)))
        #expect(
            ReadLineParser.parse("aa00058000123b3200012603081222022f060080ce")
                == .malformed(reason: "IPICO: checksum mismatch: line says ce, computed cd"))
    }

    @Test(arguments: [
        "ab000902260308001221350c27e8", "ab00000929", "ab0002090505f5", "ab000a11fffc6161aa000d0a0000bd",
        "ab000d4b0104019e0000000059058f050509", "ab00ff4bc2",
    ])
    func controlFramesAreControlLines(_ line: String) {
        #expect(ReadLineParser.parse(line) == .control)
    }

    @Test func badControlFramesAreRejectedAsIPICO() {
        #expect(
            ReadLineParser.parse("ab000902260308001221350c27e9")
                == .malformed(reason: "IPICO: control frame checksum mismatch: line says e9, computed e8"))
        #expect(
            ReadLineParser.parse("ab0009022603080012")
                == .malformed(reason: "IPICO: control frame is 18 characters, its length byte says 28"))
    }

    @Test func triggerFrameIsAGunMarker() {
        // The frame a reader sent when its trigger button was pressed (rusty-timer's guntime capture):
        // 26-03-06 (day of week 5) 20:04:15, hundredths 0x1b.
        #expect(
            ReadLineParser.parse("ab000a2c260306052004151b2782ae")
                == .gunMarker(
                    time: ((20 * 60 + 4) * 60 + 15) * 1000 + 270, date: CivilDate(year: 2026, month: 3, day: 6)))
    }

    @Test func theUnrealFSAndLSSuffixIsRejected() {
        #expect(
            ReadLineParser.parse(ipico(suffix: "FS"))
                == .malformed(reason: "IPICO: line is 38 characters, expected 36, or 42 with first/last seen"))
    }

    @Test func upperCaseTagAndChecksumAreAcceptedAndTagIsLowerCased() {
        let line = ipico(tag: "0580001286AB")
        let upperChecksum = String(line.dropLast(2)) + line.suffix(2).uppercased()
        guard case .read(let read) = ReadLineParser.parse(upperChecksum) else {
            Issue.record("not a read")
            return
        }
        #expect(read.code == "0580001286ab")
    }

    @Test func yearIsInThisCentury() {
        guard case .read(let read) = ReadLineParser.parse(ipico(date: "991231")) else {
            Issue.record("not a read")
            return
        }
        #expect(read.date == CivilDate(year: 2099, month: 12, day: 31))
    }

    @Test func checksumMismatch() {
        #expect(
            ReadLineParser.parse("aa000580001286080001260306202747234f")
                == .malformed(reason: "IPICO: checksum mismatch: line says 4f, computed 53"))
    }

    @Test func wrongLength() {
        #expect(
            ReadLineParser.parse(String(ipico().dropLast()))
                == .malformed(reason: "IPICO: line is 35 characters, expected 36, or 42 with first/last seen"))
        #expect(
            ReadLineParser.parse(ipico(suffix: "F"))
                == .malformed(reason: "IPICO: line is 37 characters, expected 36, or 42 with first/last seen"))
    }

    @Test func nonHexCharacter() {
        var bytes = Array(ipico().utf8)
        bytes[16] = UInt8(ascii: "g")
        #expect(
            ReadLineParser.parse(String(decoding: bytes, as: UTF8.self))
                == .malformed(reason: "IPICO: 'g' at column 17, expected a hex digit"))
    }

    /// Every byte a line can hold, in the header's reader id, the tag, the
    /// first/last-seen bytes and the checksum: only hex digits of either case
    /// pass the hex check, and any other byte is named with its column.
    @Test(arguments: [(3, ""), (5, ""), (34, ""), (36, ""), (35, "000080"), (40, "000080"), (41, "000080")])
    func onlyHexDigitsPassTheHexCheck(column: Int, tto: String) {
        let hex = Set("0123456789abcdefABCDEF".utf8)
        for byte in UInt8(1)...UInt8(255) where byte != 0x0A && byte != 0x0D {
            var bytes = Array(ipico(tto: tto).utf8)
            bytes[column - 1] = byte
            let (parsed, fault) = bytes.withUnsafeBufferPointer {
                (
                    IPICOParser.parse($0),
                    "\(ASCII.quoted($0, (column - 1)..<column)) at column \(column), expected a hex digit"
                )
            }
            if hex.contains(byte) {
                #expect(parsed != .malformed(reason: fault), "byte \(byte)")
            } else {
                #expect(parsed == .malformed(reason: fault), "byte \(byte)")
            }
        }
    }

    /// Tags of every hex digit in either case, with and without first/last
    /// seen: the checksum the line states is taken, one off is refused.
    @Test func checksumOfEveryTagIsComputed() {
        var rng = SplitMix64(seed: 11)
        let digits = Array("0123456789abcdefABCDEF")
        for _ in 0..<300 {
            let tag = String((0..<12).map { _ in digits[Int(rng.next() % UInt64(digits.count))] })
            let tto = rng.next() % 2 == 0 ? "" : "0000c0"
            let line = ipico(tag: tag, tto: tto)
            guard case .read = ReadLineParser.parse(line) else {
                Issue.record("\(line) not read")
                continue
            }
            let stated = Int(line.suffix(2), radix: 16)!
            let off = String((stated + 1) % 256, radix: 16)
            let wrong = off.count == 1 ? "0" + off : off
            let parsed = ReadLineParser.parse(String(line.dropLast(2)) + wrong)
            #expect(
                parsed == .malformed(reason: "IPICO: checksum mismatch: line says \(wrong), computed \(line.suffix(2))")
            )
        }
    }

    @Test(arguments: ["261306", "260230", "250229", "26a306"])
    func invalidDate(_ date: String) {
        #expect(
            ReadLineParser.parse(ipico(date: date))
                == .malformed(reason: "IPICO: date \(date) is not a valid YYMMDD date"))
    }

    @Test func leapDayIsValid() {
        guard case .read(let read) = ReadLineParser.parse(ipico(date: "280229")) else {
            Issue.record("not a read")
            return
        }
        #expect(read.date == CivilDate(year: 2028, month: 2, day: 29))
    }

    @Test(arguments: [
        ("256100", "25:61:00"), ("240000", "24:00:00"), ("236000", "23:60:00"), ("235960", "23:59:60"),
        ("2b0000", "2b:00:00"),
    ])
    func invalidTime(_ raw: String, _ shown: String) {
        #expect(
            ReadLineParser.parse(ipico(time: raw))
                == .malformed(reason: "IPICO: time \(shown) is not a valid time of day"))
    }

    @Test func hundredthsOver99() {
        #expect(
            ReadLineParser.parse(ipico(hundredths: "64"))
                == .malformed(reason: "IPICO: hundredths 64 (hex) is over 99"))
    }
}
