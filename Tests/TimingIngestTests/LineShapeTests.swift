import Foundation
import Testing
import RaceModel
@testable import TimingIngest

/// Format detection skips a format's shape check when the line lacks a
/// separator the format needs: it must say what checking each shape in full says.
@Suite struct LineShapeTests {
    /// Every real decoder's lines, the fuzz's seed lines and their mutations.
    static func corpus() throws -> [[UInt8]] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/real-reads")
        var lines: [[UInt8]] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name != "README.md" {
            let bytes = try ReadFileScanner.readFile(atPath: folder.appendingPathComponent(name).path)
            bytes.withUnsafeBytes { raw in ReadFileScanner.forEachLine(in: raw) { _, line in lines.append(Array(line)) }
            }
        }
        let fuzzed = [1, 2, 3].flatMap { ReadLineFuzzTests.mutatedLines(seed: $0, count: 2000) }
        let made =
            ReadLineFuzzTests.seeds + fuzzed + [
                "\u{0}\u{0}", "x \u{0}", "Location@Passing@", "2026-03-06 10:00:00 MYLAPS: abc@Store@",
                "05801;22-09-2011 02:41:30.620", "1,2,3,\"4\",5,6", "ab", "aa 1", "aa;", "TO~1",
                "1,2,3,4,20260306100000,x",
            ]
        return lines + made.map { Array($0.utf8) }
    }

    /// Each format's shape checked on its own, as detection did before it
    /// shared a line's separators among the formats.
    static func canReadCheckingEach(_ format: ReadFormat, _ line: UnsafeBufferPointer<UInt8>) -> Bool {
        switch format {
        case .ctp01: return CTP01Parser.looksLikeCTP01(line)
        case .chronotrackController:
            return ChronoTrackControllerParser.looksLikeObservation(line)
                || ChronoTrackControllerParser.looksLikeMarker(line)
        case .ipico: return IPICOParser.looksLikeIPICO(line)
        case .mylaps: return MYLAPSParser.looksLikeMessage(line) || MYLAPSParser.looksLikePassing(line)
        case .wiclax: return WiclaxParser.looksLikeWiclax(line)
        case .raceResult: return RaceResultParser.looksLikePassing(line) || RaceResultParser.looksLikeReply(line)
        case .rfidTiming: return RFIDTimingParser.looksLikeRFIDTiming(line)
        case .manual: return line.contains(ASCII.comma)
        }
    }

    @Test func detectionWithTheLinesShapeAgreesWithEachFormatsFullCheck() throws {
        let lines = try Self.corpus()
        #expect(lines.count > 6000)
        var accepted = 0
        for line in lines {
            line.withUnsafeBufferPointer { line in
                // One shape shared across the formats, as detection shares it.
                var shape: LineShape?
                for format in ReadLineParser.order {
                    let quick = ReadLineParser.canRead(format, line, shape: &shape)
                    #expect(
                        quick == Self.canReadCheckingEach(format, line),
                        "\(format): \(String(decoding: line, as: UTF8.self).debugDescription)")
                    if quick { accepted += 1 }
                }
            }
        }
        // Not a corpus every format refuses: most lines have some format's shape.
        #expect(accepted > lines.count / 2)
    }

    @Test func theShapeNamesEachSeparatorTheLineHolds() {
        func shape(_ text: String) -> LineShape { Array(text.utf8).withUnsafeBufferPointer { LineShape($0) } }
        #expect(shape("abc") == [])
        #expect(shape("a,b;c:d@e f\u{0}g~") == [.comma, .semicolon, .colon, .at, .space, .nul, .tilde])
        #expect(shape("12;0580;2025-09-21;10:08:00.211") == [.semicolon, .colon])
        #expect(shape("aa0105801407432700012509210815112a81") == [])
    }
}
