import Testing
import RaceModel
@testable import TimingIngest
@testable import Simulation

/// A seeded, bounded fuzz of the read-line parsers, batch and live: every
/// mutated line is accounted for exactly once, what is kept of a rejected
/// line stays short, and the live splitter cuts a file into the same lines
/// as the batch loader, however the bytes arrive.
@Suite struct ReadLineFuzzTests {
    static let seeds = [
        "CT01_33~2~STADIUM~058077903358~08:00:01.03~1~A13C00~2",
        "CT01_33~1~STADIUM~guntime~08:00:00.00~0~A13C00~0",
        "CT01_13,1,KM10,058090989834,08:29:57.42,1,A143CC,7",
        "aa0105808444659600032504060814571872",
        "aa040580975330720001250406085949116cFS",
        "#P;1;058090989834;2025-04-06;09:02:35.226;;36;-49;118c;0;;;;;;;;HALF;1;3;D-4359",
        "12;058090989834;0000-00-00;09:02:35.226",
        "2256,09:15:36.884",
        "# a comment",
        "",
    ]

    static func mutatedLines(seed: UInt64, count: Int) -> [String] {
        var random = FuzzRandom(seed: seed)
        return (0..<count).map { _ in FuzzMutations.mutated(random.pick(seeds), using: &random) }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func everyLineIsAccountedForOnceAndRejectionsStayShort(seed: UInt64) throws {
        let lines = Self.mutatedLines(seed: seed, count: 2000)
        let bytes = Array(lines.joined(separator: "\n").utf8) + [10]
        var expectedLines = 0
        bytes.withUnsafeBytes { raw in
            ReadFileScanner.forEachLine(in: raw) { _, line in
                expectedLines += 1
                // The String entry point and the byte one agree.
                let text = String(decoding: line, as: UTF8.self)
                if text.utf8.elementsEqual(line) {
                    #expect(ReadLineParser.parse(text) == ReadLineParser.parse(line), "seed \(seed): \(text)")
                }
            }
        }
        let event = try EventFolderTests().load().event
        var log = ReadLog(files: [ReadFileInfo(path: "reads/fuzz.txt", pointIndex: 0, isBackup: false)])
        try ReadLogLoader.ingest(bytes, file: 0, into: &log, event: event, path: "fuzz")
        #expect(log.lineCounts[0] == expectedLines)
        // A line may hold several reads (a MYLAPS message): lines are counted by reference.
        let timed = Set(log.reads.map(\.ref) + log.problems.map(\.ref) + log.gunMarkers.map(\.ref))
        let counted = log.ignoredCounts[0] + log.controlCounts[0] + log.otherEdgeCounts[0]
        #expect(timed.count + counted == expectedLines)
        for problem in log.problems {
            #expect(problem.text.utf8.count <= ReadLimits.shownBytes + 3, "seed \(seed) line \(problem.ref.line)")
            #expect(problem.reason.description.count <= 300, "seed \(seed): \(problem.reason)")
        }
        // A read's date may be any year a decoder can write (reads outside the
        // event window are the timing rules' to reject), but its time stays far from overflow.
        for read in log.reads {
            #expect(abs(read.time) < 10_000 * 366 * 86_400_000, "seed \(seed) line \(read.ref.line)")
        }
    }

    @Test(arguments: [4, 5] as [UInt64])
    func theLiveSplitterCutsTheSameLinesAsTheBatchLoader(seed: UInt64) {
        var random = FuzzRandom(seed: seed)
        let bytes = Array(Self.mutatedLines(seed: seed, count: 1000).joined(separator: "\n").utf8) + [10]
        var batch: [String] = []
        bytes.withUnsafeBytes { raw in
            ReadFileScanner.forEachLine(in: raw) { _, line in batch.append(String(decoding: line, as: UTF8.self)) }
        }
        for _ in 0..<5 {
            var splitter = LineSplitter()
            var live: [String] = []
            var at = 0
            while at < bytes.count {
                let length = Int.random(in: 1...600, using: &random)
                bytes[at..<min(at + length, bytes.count)].withUnsafeBytes { chunk in
                    splitter.feed(chunk) { piece in
                        switch piece {
                        case .line(let text): live.append(text)
                        case .unusable(let text, _): live.append("unusable: " + text)
                        }
                    }
                }
                at += length
            }
            #expect(live.count == batch.count, "seed \(seed)")
            for (l, b) in zip(live, batch) where l != b {
                // Only an over-long line differs: the live side keeps its start alone.
                #expect(
                    l.hasPrefix("unusable: ") && b.utf8.count > ReadLimits.maxLineBytes,
                    "seed \(seed): \(l.prefix(80)) vs \(b.prefix(80))")
            }
        }
    }
}
