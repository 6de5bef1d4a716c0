import Testing
import RaceModel
@testable import Simulation

@Suite struct ReadLineTests {
    @Test func checksumHelperAgreesWithTheNotes() {
        #expect(ipicoChecksumIsValid("aa0005800012860800012603062027472353"))
        #expect(!ipicoChecksumIsValid("aa0005800012860800012603062027472354"))
        #expect(
            parseLine("aa0005800012860800012603062027472353", .ipico)
                == .read(code: "058000128608", time: TimeFormat.parseClock("20:27:47.35")!))
    }

    @Test func ipicoLinesHaveLengthAndValidChecksum() throws {
        var checked = 0
        for file in sample.readFiles where file.format == .ipico {
            for (n, line) in file.lines.enumerated() {
                let garbage = sample.truth.garbageLines.first { $0.path == file.path && $0.line == n + 1 }
                if let garbage {
                    if garbage.reason.contains("checksum") {
                        #expect(line.text.utf8.count == 36)
                        #expect(!ipicoChecksumIsValid(line.text))
                    }
                    continue
                }
                let length = line.text.utf8.count
                #expect(length == 36 || length == 42, "\(file.path):\(n + 1)")
                // With first/last seen on, the status byte before the checksum says which.
                if length == 42 { #expect(["80", "60"].contains(String(line.text.dropFirst(38).prefix(2)))) }
                #expect(ipicoChecksumIsValid(line.text), "\(file.path):\(n + 1) \(line.text)")
                checked += 1
            }
        }
        #expect(checked > 1000)
        #expect(sample.readFiles.contains { $0.format == .ipico && $0.lines.contains { $0.text.utf8.count == 42 } })
    }

    @Test func everyLineButTheGarbageIsReadable() {
        for file in sample.readFiles {
            for (n, line) in file.lines.enumerated() where !isGarbage(sample, file.path, n + 1) {
                #expect(parseLine(line.text, file.format) != .unreadable, "\(file.path):\(n + 1) \(line.text)")
            }
        }
    }

    @Test func formatsAreMixed() {
        let formats = Set(sample.readFiles.map(\.format))
        #expect(formats == [.ipico, .ctp01, .raceResult, .manual, .chronotrackController, .mylaps])
        let all = sample.readFiles.flatMap { $0.lines.map(\.text) }
        #expect(all.contains { $0.hasPrefix("CT01_33~") })
        #expect(all.contains { $0.hasPrefix("CT01_13,") })
        #expect(all.contains { $0.hasPrefix("#P;") })
        #expect(all.contains { $0.first?.isNumber == true && $0.contains(";") })
        #expect(all.contains { $0.contains(";0000-00-00;") })
        #expect(all.contains { $0.contains(";2025-04-06;") })
        #expect(all.contains { $0.hasPrefix("TO~") })
        #expect(all.contains { $0.contains(" 1 0F ") && $0.dropLast(2).hasSuffix("250406") })
    }

    @Test func linesAreInWriteOrderAndSequencesRise() {
        for file in sample.readFiles {
            let times = file.lines.map(\.time)
            #expect(times == times.sorted(), "\(file.path) out of order")
            // The times written in the lines rise too.
            let stamps = file.lines.enumerated().compactMap { n, line -> Millis? in
                guard !isGarbage(sample, file.path, n + 1) else { return nil }
                switch parseLine(line.text, file.format) {
                case .read(_, let t), .gun(let t): return t
                case .unreadable: return nil
                }
            }
            #expect(stamps == stamps.sorted(), "\(file.path) stamps out of order")
            // Decoder sequence numbers (CTP01 seq, RACE RESULT PassingNo, controller
            // observation number) count up by one, MYLAPS passing numbers (hex) from 0.
            var previous = file.format == .mylaps ? -1 : 0
            var jumps = 0
            for (n, line) in file.lines.enumerated()
            where [.ctp01, .raceResult, .chronotrackController, .mylaps].contains(file.format) {
                guard !isGarbage(sample, file.path, n + 1) || line.text.hasPrefix("#P;") else { continue }
                let body = line.text.hasPrefix("#P;") ? line.text.dropFirst(3) : Substring(line.text)
                let fields = body.split(whereSeparator: { ";~,".contains($0) })
                let seq =
                    switch file.format {
                    case .ctp01, .chronotrackController: Int(fields[1])
                    case .mylaps: Int(String(body.dropLast(8).suffix(4)), radix: 16)
                    default: Int(fields[0])
                    }
                // The silent mat's decoder numbered the passings it could not write: one jump.
                if let seq, seq > previous + 1, file.path == sample.truth.silentMat?.path {
                    jumps += 1
                } else {
                    #expect(seq == previous + 1, "\(file.path):\(n + 1)")
                }
                previous = seq ?? previous
            }
            #expect(jumps == (file.path == sample.truth.silentMat?.path ? 1 : 0), "\(file.path)")
        }
    }

    @Test func gunMarkersAtTheStartForEveryWave() {
        let main = sample.readFiles.first { $0.path == "reads/stadium-main.txt" }!
        let guns = main.lines.compactMap { line -> Millis? in
            if case .gun(let t) = parseLine(line.text, .ctp01) { return t }
            return nil
        }
        #expect(guns == sample.config.races.flatMap { $0.waves.map(\.gun) }.sorted())
    }

    @Test func everyReadIsAfterItsWaveGun() {
        let byCode = participantsByCode(sample)
        var reads = 0
        for read in allReads(sample) {
            if read.code == sample.truth.unknownChip?.code { continue }
            guard let i = byCode[read.code] else {
                Issue.record("read of unknown code \(read.code) at \(read.file.path):\(read.line)")
                continue
            }
            let p = sample.participants[i]
            let gun = sample.config.races[p.raceIndex].waves[p.waveIndex].gun
            #expect(read.time > gun, "\(read.file.path):\(read.line) before the gun")
            reads += 1
        }
        #expect(reads > 8000)
    }
}
