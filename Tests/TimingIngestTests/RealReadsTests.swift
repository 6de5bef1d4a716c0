import Foundation
import Testing
import RaceModel
@testable import TimingIngest

/// Real decoder output (Fixtures/real-reads, see its README): every line is
/// accounted for as a read, a control line, a gun marker, an ignored line or
/// a rejection with its reason.
@Suite struct RealReadsTests {
    struct Counts: Equatable, CustomStringConvertible {
        var lines = 0, reads = 0, control = 0, guns = 0, ignored = 0, otherEdge = 0
        var problems: [String] = []
        var description: String {
            "lines \(lines), reads \(reads), control \(control), guns \(guns), ignored \(ignored), other edge \(otherEdge), problems \(problems)"
        }
    }

    static let eventDate = CivilDate(year: 2026, month: 3, day: 8)

    static func log(_ name: String, format: ReadFormat? = nil, seen: SeenEdge = .first) throws -> ReadLog {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/real-reads/\(name)").path
        let bytes = try ReadFileScanner.readFile(atPath: path)
        var log = ReadLog(files: [ReadFileInfo(path: name, pointIndex: 0, isBackup: false, format: format, seen: seen)])
        bytes.withUnsafeBytes { raw in
            ReadFileScanner.forEachLine(in: raw) { number, line in
                log.record(
                    ReadLineParser.parse(line, as: format), file: 0, line: number, eventDate: eventDate,
                    clockOffset: 0, text: String(decoding: line, as: UTF8.self))
            }
        }
        return log
    }

    static func counts(_ log: ReadLog) -> Counts {
        Counts(
            lines: log.lineCounts[0], reads: log.reads.count, control: log.controlCounts[0], guns: log.gunMarkers.count,
            ignored: log.ignoredCounts[0], otherEdge: log.otherEdgeCounts[0],
            problems: log.problems.map { "\($0.ref.line): \($0.reason)" })
    }

    @Test func ipicoLiteStoredReads() throws {
        let log = try Self.log("ipico-lite-stored-reads.txt")
        #expect(Self.counts(log) == Counts(lines: 40, reads: 40))
        #expect(log.reads.first?.code == "058000123b32")
        // 26-03-07 13:48:50, hundredths 0x32 = 50.
        #expect(log.reads.first?.time == ((13 * 60 + 48) * 60 + 50) * 1000 + 500 - 86_400_000)
    }

    @Test func ipicoStreamWithFirstAndLastSeen() throws {
        // 15 reads of 36 characters, 42-character reads: 6 first seen, 3 last seen, 6 with neither
        // (event mode); 62 `ab` control frames.
        let first = try Self.log("ipico-stream-first-last-seen.txt")
        #expect(Self.counts(first) == Counts(lines: 92, reads: 27, control: 62, otherEdge: 3))
        let last = try Self.log("ipico-stream-first-last-seen.txt", seen: .last)
        #expect(Self.counts(last) == Counts(lines: 92, reads: 24, control: 62, otherEdge: 6))
        // Pinned, the same: every line is IPICO.
        #expect(Self.counts(try Self.log("ipico-stream-first-last-seen.txt", format: .ipico)) == Self.counts(first))
    }

    @Test func chronotrackControllerObservations() throws {
        let log = try Self.log("chronotrack-controller-19K.txt")
        #expect(Self.counts(log) == Counts(lines: 60, reads: 60))
        #expect(log.reads.map(\.sequence) == (1...60).map { Int32($0) })
        // TO~16~801~...~1620464984.76: the epoch digits are the local wall clock, 2021-05-08 09:09:44.76.
        let read = log.reads[15]
        #expect(read.code == "801")
        let day = CivilDate(year: 2021, month: 5, day: 8).daysSinceEpoch - Self.eventDate.daysSinceEpoch
        #expect(read.time == day * 86_400_000 + ((9 * 60 + 9) * 60 + 44) * 1000 + 760)
        #expect(SequenceGaps.find(in: log).isEmpty)
    }

    @Test func chronotrackMarkerLogGunPresses() throws {
        let log = try Self.log("chronotrack-controller-START1.mrk")
        #expect(Self.counts(log) == Counts(lines: 37, control: 32, guns: 5))
        let day = CivilDate(year: 2021, month: 5, day: 8).daysSinceEpoch - Self.eventDate.daysSinceEpoch
        // I11A9D,32,Gun,252,21050808005516,Button Press
        #expect(log.gunMarkers.first?.time == day * 86_400_000 + ((8 * 60 + 0) * 60 + 55) * 1000 + 160)
        #expect(log.gunMarkers.map(\.ref.line) == [32, 34, 35, 36, 37])
    }

    @Test func mylapsPassingsOnePerLine() throws {
        let log = try Self.log("mylaps-exchange-passings.txt")
        #expect(Self.counts(log) == Counts(lines: 60, reads: 60))
        #expect(log.reads[0].code == "LZ63021")
        #expect(log.reads[0].sequence == 1)
        #expect(log.reads[29].sequence == 0x1D)
        // The second thirty are the first resent: no gap, no restart.
        #expect(SequenceGaps.find(in: log).isEmpty)
    }

    @Test func mylapsForwarderLog() throws {
        // Pong, GetLocations, AckGetInfo (after NULs) and four AckPing are control lines; two log
        // lines whose body is on the next line are ignored; three Store messages carry the same 30 passings.
        let log = try Self.log("mylaps-exchange-log-excerpt.txt")
        #expect(Self.counts(log) == Counts(lines: 12, reads: 90, control: 7, ignored: 2))
        #expect(Set(log.reads.map(\.ref.line)) == [6, 9, 12])
        let passings = try Self.log("mylaps-exchange-passings.txt")
        #expect(log.reads.prefix(30).map(\.code) == passings.reads.prefix(30).map(\.code))
        #expect(log.reads.prefix(30).map(\.time) == passings.reads.prefix(30).map(\.time))
        #expect(SequenceGaps.find(in: log).isEmpty)
    }
}
