import Testing
@testable import RaceModel
@testable import TimingIngest

@Suite struct SequenceGapTests {
    static let files = [
        ReadFileInfo(path: "reads/km5.txt", pointIndex: 0, isBackup: false),
        ReadFileInfo(path: "reads/km5-b.txt", pointIndex: 0, isBackup: true),
    ]
    static let date = CivilDate(year: 2026, month: 3, day: 6)

    static func log(_ lines: [(file: Int, text: String)]) -> ReadLog {
        var log = ReadLog(files: files)
        var numbers = [0, 0]
        for l in lines {
            numbers[l.file] += 1
            log.record(
                ReadLineParser.parse(l.text), file: l.file, line: numbers[l.file], eventDate: date, clockOffset: 0,
                text: l.text)
        }
        return log
    }

    static func passing(_ n: Int, _ code: String = "A", second: Int = 0) -> String {
        "\(n);\(code);2026-03-06;09:00:\(second < 10 ? "0" : "")\(second).000"
    }

    @Test func missingNumbersAreReportedPerFile() {
        let log = Self.log([
            (0, Self.passing(1)), (0, Self.passing(2)), (1, Self.passing(7)), (0, Self.passing(6)),
            (1, Self.passing(8)), (0, Self.passing(9)),
        ])
        let gaps = SequenceGaps.find(in: log)
        #expect(
            gaps == [
                SequenceGap(file: 0, kind: .missing, from: 3, to: 5, ref: LineRef(file: 0, line: 3)),
                SequenceGap(file: 0, kind: .missing, from: 7, to: 8, ref: LineRef(file: 0, line: 4)),
            ])
        let event = EventConfig(
            name: "e", date: Self.date, utcOffsetMinutes: 0, ageGroups: AgeGroups(lowerBounds: []),
            points: [
                TimingPoint(id: "km5", name: "km5", files: ["reads/km5.txt", "reads/km5-b.txt"], duplicateWindow: 0)
            ],
            races: [])
        #expect(
            gaps[0].message(event: event, files: Self.files) == "reads/km5.txt:3: km5 decoder: passings 3-5 missing (3)"
        )
    }

    @Test func resendsAndLateArrivalsAreNoGap() {
        let log = Self.log([
            (0, Self.passing(1)), (0, Self.passing(3)), (0, Self.passing(1)), (0, Self.passing(2)),
            (0, Self.passing(3)),
        ])
        #expect(SequenceGaps.find(in: log).isEmpty)
    }

    @Test func aRestartedNumberingIsReported() {
        let log = Self.log([
            (0, Self.passing(1, "A")), (0, Self.passing(2, "B")), (0, Self.passing(4, "C")),
            (0, Self.passing(1, "D", second: 30)), (0, Self.passing(2, "E", second: 31)),
        ])
        #expect(
            SequenceGaps.find(in: log) == [
                SequenceGap(file: 0, kind: .missing, from: 3, to: 3, ref: LineRef(file: 0, line: 3)),
                SequenceGap(file: 0, kind: .restart, from: 4, to: 1, ref: LineRef(file: 0, line: 4)),
            ])
    }

    @Test func gunLinesNumberedWithTheReadsFillTheirNumber() {
        let log = Self.log([
            (0, "CT01_33~1~start~A~09:00:00.00"), (0, "CT01_33~2~start~guntime~09:00:01.00"),
            (0, "CT01_33~3~start~B~09:00:02.00"), (0, "CT01_33~5~start~C~09:00:03.00"),
        ])
        #expect(
            SequenceGaps.find(in: log) == [
                SequenceGap(file: 0, kind: .missing, from: 4, to: 4, ref: LineRef(file: 0, line: 4))
            ])
    }

    @Test func aNumberFarOutOfLineIsStillChecked() {
        let log = Self.log([
            (0, Self.passing(1)), (0, Self.passing(2)), (0, Self.passing(4)), (0, Self.passing(90_000_000)),
        ])
        #expect(
            SequenceGaps.find(in: log) == [
                SequenceGap(file: 0, kind: .missing, from: 3, to: 3, ref: LineRef(file: 0, line: 3)),
                SequenceGap(file: 0, kind: .missing, from: 5, to: 89_999_999, ref: LineRef(file: 0, line: 4)),
            ])
    }

    @Test func onlyReadsUpToTheTimeCount() {
        let log = Self.log([(0, Self.passing(1, second: 1)), (0, Self.passing(5, second: 5))])
        #expect(SequenceGaps.find(in: log, upTo: 9 * 3_600_000 + 2000).isEmpty)
        #expect(SequenceGaps.find(in: log).count == 1)
    }

    /// The numbered lines kept for a replay's seeks give, at every clock, the
    /// gaps found from every read: a file whose lines go back in time, one
    /// that does not, gun lines numbered with the reads, restarts, resends.
    @Test func keptLinesGiveTheGapsFoundAfreshAtEveryClock() {
        var lines: [(file: Int, text: String)] = [(0, "CT01_33~1~start~A~09:00:00.00")]
        var random = FuzzRandom(seed: 7)
        for n in 2...400 {
            let skip = random.next() % 9 == 0
            let number = skip ? n + 1 : (random.next() % 40 == 0 ? 1 : n)
            let second = Int(random.next() % 60)
            lines.append((0, "CT01_33~\(number)~start~C\(n)~09:\(10 + n / 60):\(second < 10 ? "0" : "")\(second).00"))
            if n % 50 == 0 { lines.append((0, "CT01_33~\(n)~start~guntime~09:\(10 + n / 60):00.00")) }
            lines.append((1, Self.passing(skip ? n + 2 : n, "B\(n)", second: n % 60)))
        }
        let log = Self.log(lines)
        let kept = SequenceGaps.NumberedLines(log)
        #expect(kept.inTimeOrder == [false, false])
        var inOrder = Self.log((1...300).map { (1, Self.passing($0 == 150 ? 152 : $0, second: $0 / 10)) })
        inOrder.files = Self.files
        let keptInOrder = SequenceGaps.NumberedLines(inOrder)
        #expect(keptInOrder.inTimeOrder == [true, true])
        for second in stride(from: -60, through: 3_700, by: 7) {
            let at = 9 * 3_600_000 + second * 1000
            #expect(
                SequenceGaps.findWithTails(in: log, upTo: at, numbered: kept)
                    == SequenceGaps.findWithTails(in: log, upTo: at), "at \(second)")
            #expect(
                SequenceGaps.findWithTails(in: inOrder, upTo: at, numbered: keptInOrder)
                    == SequenceGaps.findWithTails(in: inOrder, upTo: at), "in order at \(second)")
        }
        #expect(!SequenceGaps.find(in: log).isEmpty)
    }
}
