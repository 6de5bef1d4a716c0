import Testing
import RaceModel
@testable import TimingIngest

/// A line the decoder never finished, with its next line written straight
/// after it: the start is rejected as cut short, with its own text, and the
/// read after it is used, from a file and from a live line alike.
@Suite struct CutLineTests {
    typealias Folder = HostileReadFileTests.Folder

    static let whole = "CT01_33~7~KM5~058000128608~08:40:01.25~1~A14B98~5"

    @Test func theReadAfterACutCTP01LineIsUsedAndTheCutStartRejected() throws {
        let folder = try Folder()
        let cut = "CT01_33~6~KM5~ABCDEF~08:40:0"
        try folder.write("reads/km5.txt", "\(cut)\(Self.whole)\n")
        let log = try folder.load()
        #expect(log.lineCounts[2] == 1)
        #expect(log.reads.map(\.code) == ["058000128608"])
        #expect(log.reads.first?.time == (8 * 3600 + 40 * 60 + 1) * 1000 + 250)
        #expect(log.reads.first?.ref == LineRef(file: 2, line: 1))
        #expect(
            log.problems == [
                LineProblem(
                    ref: LineRef(file: 2, line: 1),
                    reason: .malformed("line cut short: a new line starts at byte 29, with no line end before it"),
                    text: cut)
            ])
    }

    /// Cut while its time was written, the start would have been read with
    /// the wrong time (`08:40:0` is not `08:40:01.25`), and the read after it lost.
    @Test func eachOfSeveralCutLinesIsRejectedWithItsOwnStartAndNumberedFromTheLineStart() throws {
        let folder = try Folder()
        let comma = "CT01_13,9,KM5,058000128608,08:41:02.50,2,A14B98,1"
        try folder.write(
            "reads/km5.txt", "  CT01_13,8,KM5,ABCDEF,08:4CT01_13,8,KM5\(comma)\nCT01_13,10,KM5,ABCDEF,08:42:00.00\n")
        let log = try folder.load()
        #expect(log.lineCounts[2] == 2)
        #expect(log.reads.map(\.code) == ["058000128608", "ABCDEF"])
        #expect(log.problems.map(\.text) == ["  CT01_13,8,KM5,ABCDEF,08:4", "CT01_13,8,KM5"])
        #expect(
            log.problems.map(\.reason) == [
                .malformed("line cut short: a new line starts at byte 28, with no line end before it"),
                .malformed("line cut short: a new line starts at byte 41, with no line end before it"),
            ])
    }

    @Test func aCutRaceResultPushedPassingGivesUpTheNextOne() throws {
        let folder = try Folder()
        let next = "#P;6;058000128608;2025-04-06;08:43:55.787;;23;-52;a20c;0;;;;;;;;KM5;1;1;D-4359"
        try folder.write("reads/km5.txt", "#P;5;ABCDEF;20\(next)\n")
        let log = try folder.load()
        #expect(log.reads.map(\.sequence) == [6])
        #expect(log.problems.map(\.text) == ["#P;5;ABCDEF;20"])
    }

    @Test func aLineIsNotCutWhereNoHeaderStartsAnother() throws {
        let folder = try Folder()
        // An underscore and a `#` inside a line that starts no new one.
        try folder.write(
            "reads/km5.txt",
            "CT01_33~6~KM_5~058000128608~08:40:01.25~1~A14B98~5\n#P;7;058000128608;2025-04-06;08:45:00.000;;1;-5;a#0c;0\n"
        )
        let log = try folder.load()
        #expect(log.reads.count == 2)
        #expect(log.problems.isEmpty)
    }

    /// A file pinned to another format holds no CTP01 lines to start.
    @Test func aFilePinnedToAnotherFormatIsNotCutByAnotherFormatsHeader() throws {
        let config = EventFolderTests.config.replacingOccurrences(
            of: "files = [\"reads/km5.txt\"]", with: "files = [{ path = \"reads/km5.txt\", format = \"manual\" }]")
        let folder = try Folder(config: config)
        try folder.write("reads/km5.txt", "CT01_33~6~KM5~ABCDEF~08:40:0\(Self.whole)\n")
        let log = try folder.load()
        #expect(log.reads.isEmpty)
        #expect(log.problems.count == 1)
        #expect(log.problems.first?.reason.description.hasPrefix("hand timing:") == true)
    }

    @Test func aLiveLineIsCutAsAFileLineIs() throws {
        let folder = try Folder()
        let event = try EventFolder.load(folder.path)
        var log = ReadLog(files: event.readFiles)
        ReadLogLoader.ingest(
            line: "CT01_33~6~KM5~ABCDEF~08:40:0\(Self.whole)", number: 12, generation: 1, file: 2, into: &log,
            event: event.event)
        #expect(log.reads.map(\.ref) == [LineRef(file: 2, line: 12, generation: 1)])
        #expect(log.problems.map(\.ref) == [LineRef(file: 2, line: 12, generation: 1)])
        #expect(log.lineCounts[2] == 1)
    }
}
